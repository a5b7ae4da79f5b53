-- A person's name written in Japanese, Chinese or Korean script is one key however it is spaced:
-- 鈴木美咲, 鈴木 美咲 and 鈴木　美咲 are 鈴木美咲, and ｽｽﾞｷ ﾐｻｷ (half-width) is スズキミサキ as スズキミサキ is.
-- The old key sorted the name's parts (鈴木 美咲 gave 美咲 鈴木), as it still does for Latin names,
-- whose order differs between sources. A CJK key now keeps the written order, rebuilt here from
-- the entity's first spelling. Re-runnable: a key with no space is left alone. The character class
-- below is the CJK of SearchTokens.isCjk in the Basic Multilingual Plane (Han, kana, Hangul).
create temporary table person_rekey on commit drop as
select e.id,
       (select string_agg(p.part, '' order by nullif(strpos(f.folded, p.part), 0) nulls last, p.n)
          from unnest(string_to_array(split_part(e.key, '|', 1), ' ')) with ordinality p(part, n))
       || case when position('|' in e.key) > 0 then substr(e.key, position('|' in e.key)) else ''
          end as new_key
  from intel.entity e
 cross join lateral (select upper(case when current_setting('server_encoding') = 'UTF8'
                                       then normalize(e.display, NFKC) else e.display end)
                            as folded) f
 where e.type = 'person'
   and split_part(e.key, '|', 1) like '% %'
   and split_part(e.key, '|', 1)
       ~ '^[\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3131-\u318e\uac00-\ud7af ]+$'
   -- an analyst's merges are left as they were made
   and e.merged_into is null
   and not exists (select 1 from intel.entity m where m.merged_into = e.id)
   and not exists (select 1 from intel.entity_merge m where m.survivor_id = e.id or m.merged_id = e.id);

-- Where the new key is an entity's already, the links move to it (unless it took part in a merge:
-- then this one keeps its old key). Where several old keys give one new key, to the first of them.
create temporary table person_move on commit drop as
select r.id as old_id, t.id as target_id
  from person_rekey r
  join intel.entity t on t.type = 'person' and t.key = r.new_key
 where t.merged_into is null
   and not exists (select 1 from intel.entity m where m.merged_into = t.id)
   and not exists (select 1 from intel.entity_merge m where m.survivor_id = t.id or m.merged_id = t.id)
union all
select r.id, k.keep
  from person_rekey r
  join (select new_key, min(id) as keep from person_rekey group by new_key) k using (new_key)
 where r.id <> k.keep
   and not exists (select 1 from intel.entity t where t.type = 'person' and t.key = r.new_key);

insert into intel.record_entity (record_id, entity_id, role)
select re.record_id, m.target_id, re.role
  from intel.record_entity re
  join person_move m on m.old_id = re.entity_id
on conflict do nothing;

delete from intel.record_entity re using person_move m where re.entity_id = m.old_id;

delete from intel.entity e using person_move m where e.id = m.old_id;

update intel.entity e
   set key = r.new_key
  from person_rekey r
 where e.id = r.id
   and not exists (select 1 from person_move m where m.old_id = r.id)
   and not exists (select 1 from intel.entity t where t.type = 'person' and t.key = r.new_key);

-- Search: a record writing 鈴木 美咲 is found by 鈴木美咲 too. Stored documents gain, as new ones
-- do (SearchTokens), the pair of characters across each space between two CJK runs.
update intel.record r
   set doc = r.doc || array_to_tsvector(array(
         select distinct right(x.parts[i], 1) || left(x.parts[i + 1], 1)
           from (select regexp_split_to_array(m[1], ' +') as parts
                   from regexp_matches(t.text,
                          '([\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3131-\u318e\uac00-\ud7af]+(?: +[\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3131-\u318e\uac00-\ud7af]+)+)',
                          'g') m) x,
                generate_subscripts(x.parts, 1) i
          where i < array_length(x.parts, 1)))
  from (select id,
               case when current_setting('server_encoding') = 'UTF8'
                    then normalize(data::text, NFKC) else data::text end as text
          from intel.record
         -- only records whose text, as stored, has CJK (or half-width kana) on both sides of a
         -- space are normalised: the others cannot gain a pair
         where data::text ~ '[\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3131-\u318e\uac00-\ud7af\uff66-\uff9f][ \u3000]+[\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3131-\u318e\uac00-\ud7af\uff66-\uff9f]') t
 where t.id = r.id
   and t.text ~ '[\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3131-\u318e\uac00-\ud7af] +[\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3131-\u318e\uac00-\ud7af]';
