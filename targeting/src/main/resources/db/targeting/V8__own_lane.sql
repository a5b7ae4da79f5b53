-- The lane a declaration given its consignment's lane would have had on its own (same criteria,
-- same draws). When the consignment is lowered, or examined with nothing found, the declaration
-- falls back to it. Null where nothing carried over (the lane is then its own).
alter table assessment add column own_lane text;
