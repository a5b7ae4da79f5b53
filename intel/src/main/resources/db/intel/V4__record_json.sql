-- A record's source JSON is only ever read back whole (record page, API) or with -> operators in
-- checks; nothing queries or indexes it as jsonb. Stored as json it is validated but not converted
-- to the binary form on each insert, which the bulk load paid for every record.
alter table record alter column data type json using data::json;
