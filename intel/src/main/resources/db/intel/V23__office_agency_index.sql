-- A search filtered by an office that holds no record the reader may read (an office's name, 東京,
-- where records store its code, JPTYO) answers with the offices the reader may read. They are
-- walked one office at a time along this index, a probe each (a few dozen offices), instead of a
-- scan of every record; the office-and-time index cannot tell one agency's offices from another's.
create index record_agency_office on intel.record(agency, office);
