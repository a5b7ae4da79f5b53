-- A company named in full is found by its key with any country it carries (ORCHID FOODS and
-- ORCHID FOODS|TW, |KR, ...): the name alone by equality, the name and a qualifier as one range,
-- e.key like 'ORCHID FOODS|%'. The (type, key) index follows the database's collation, which
-- cannot serve a LIKE prefix unless it is C; text_pattern_ops compares byte by byte and can, in
-- any collation. The search had probed the key index once per ISO country instead (~250 keys).
-- Companies only: persons' qualified names go through the key trigrams.
create index entity_company_key_prefix on intel.entity (key text_pattern_ops) where type = 'company';
