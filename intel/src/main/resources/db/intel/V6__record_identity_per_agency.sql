-- A record's identity is its source id within the agency that owns it. With (kind, source_id)
-- alone, another agency could ingest a declaration id first and keep the owner's record out for
-- good (stored 0, duplicates 1), and an ingest answering "duplicate" told it which ids another
-- agency holds. Every stored row is unique under the new key already, so this holds on any data.
-- Kind and source id come first: readers look a record up by them and then pick their agency's.
alter table intel.record add constraint record_kind_source_id_agency_key unique (kind, source_id, agency);
alter table intel.record drop constraint record_kind_source_id_key;
