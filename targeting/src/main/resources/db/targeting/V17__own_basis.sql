-- Why a declaration given its consignment's lane would have had its own lane (criteria, random,
-- top-up, forced-after-max-hits or none): what its lane stands on once it falls back to it, so that
-- a random selection is named and examined as one. Null where nothing carried over, and on rows
-- stored before (read as their criteria when one of their hits has the own lane).
alter table assessment add column own_basis text;
