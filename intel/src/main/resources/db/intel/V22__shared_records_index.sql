-- The hourly check for sharings that lapsed (RecordSharing.lapse) and the list of shared records
-- read the records shared with anyone, in id order. The GIN index record_shared_with (V11) answers
-- only "shared with this partner" (@>), so they read every record: seconds at a million records,
-- at each start while the first users sign in. A B-tree of the shared records' ids only: as small
-- as the sharings, and untouched by the ingest of records shared with no one.
create index record_shared on record(id) where cardinality(shared_with) > 0;
