-- A batch links only records it has just inserted, and each (record, entity, role) once (the extraction
-- keeps one link per type, key and role), so the composite primary key and its conflict check are not
-- needed; look-ups go by record or by entity.
alter table record_entity drop constraint record_entity_pkey;
create index record_entity_record on record_entity(record_id);
