-- A record sent to POST /api/assess alone is assessed but never stored by the intelligence
-- database: its assessment page must not link to a record page that does not exist. Cleared when
-- the same record is ingested later. Every assessment made before this column existed came in
-- either way; false keeps their link, as before.
alter table assessment add column assessed_alone boolean not null default false;
