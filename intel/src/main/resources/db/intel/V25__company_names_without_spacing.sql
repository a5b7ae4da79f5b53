-- A company name typed in the search box finds the companies whose key or reading it is whatever
-- the spacing: kana has no word breaks (タナカブッサン reads TANAKABUSSAN) while the dictionary splits
-- 田中物産 (TANAKA BUSSAN) and keeps 清水商事 whole (SHIMIZUSHOJI), and a romaji spelling is keyed word
-- by word (SHIMIZU SHOJI). Each an equality or one prefix range, as V18 and V19 give the spaced
-- forms.
create index entity_company_key_compact on intel.entity
  (replace(key, ' ', '') text_pattern_ops) where type = 'company';
create index entity_company_reading_compact on intel.entity
  (replace(reading, ' ', '') text_pattern_ops) where type = 'company' and reading is not null;
