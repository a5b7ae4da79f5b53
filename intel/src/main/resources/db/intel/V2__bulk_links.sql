-- Links are written only by the bulk insert, which links records it has just stored to entities it has
-- just found or created; per-row foreign-key triggers cost a third of each batch, so the link table
-- relies on that statement instead. Records and entities are never deleted (append-only store).
alter table record_entity drop constraint record_entity_record_id_fkey;
alter table record_entity drop constraint record_entity_entity_id_fkey;
