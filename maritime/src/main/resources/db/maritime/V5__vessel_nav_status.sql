-- A vessel's navigational status at its last report, so that the live picture a restarted server
-- takes up from this table is the one it had (null: stored before it was kept, "not defined").
alter table vessel add column nav_status integer;
