-- The earlier assessments of a record (superseded when it was stored with other content than was
-- sent for assessment alone) are shown with the one that replaced them, by record key: only those
-- rows are indexed, so the assessments stored every second are not slowed by it.
create index assessment_superseded_record on assessment (record_key) where status = 'superseded';
