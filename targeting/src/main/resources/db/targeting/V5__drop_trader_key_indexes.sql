-- Trader histories are read from trader_history (V4); nothing looks assessments up by importer or
-- declarant key any more, and each of these indexes cost every stored assessment an insert.
drop index if exists assessment_importer;
drop index if exists assessment_declarant;
