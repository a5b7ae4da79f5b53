-- A name typed in the search box also finds the parties whose whole key or reading it is, with any
-- date of birth or country the key carries (HANAKO YAMADA, HANAKO YAMADA|1980-04-01; the reading
-- of 山田花子): each an equality or one prefix range, as V18 gives company keys. Through the
-- trigram indexes every text query scanned all the keys and readings that hold the name's
-- trigrams (for a common word, thousands) and rechecked them.
create index entity_person_key_prefix on intel.entity (key text_pattern_ops) where type = 'person';
create index entity_reading_prefix on intel.entity (type, reading text_pattern_ops)
  where reading is not null;
