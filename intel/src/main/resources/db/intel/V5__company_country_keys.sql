-- A company's key now carries the country its party gives (ORCHID FOODS|TW and ORCHID FOODS|KR are
-- two traders; the name alone had made them one entity and joined unrelated records in the link
-- graph). Links stored before are moved to the keys that ingesting them now would give: each link
-- of a company whose party states a country goes to NAME|CC, created as needed. Left as they were:
-- links whose party gives no country, companies taking part in a merge (an analyst's work, undone
-- only by an analyst), names at the key-length limit, and a seizure's companies when they do not
-- all give the same country (the link does not say which of them it is).
create temporary table company_link on commit drop as
select re.record_id, re.entity_id, re.role, e.key, e.display,
       upper(coalesce(case r.kind
         when 'declaration' then r.data -> (case re.role
           when 'declarant' then 'declarant' when 'importer' then 'importer'
           when 'exporter' then 'importer' when 'seller' then 'exporter'
           when 'consignee' then 'exporter' end) ->> 'country'
         when 'transport-document' then r.data -> (case re.role
           when 'shipper' then 'shipper' when 'consignee' then 'consignee'
           when 'notify' then 'notifyParty' end) ->> 'country'
         when 'postal-item' then r.data -> (case re.role
           when 'sender' then 'sender' when 'addressee' then 'addressee' end) ->> 'country'
         when 'seizure' then (select min(c ->> 'country') from json_array_elements(
             case when json_typeof(r.data -> 'companies') = 'array' then r.data -> 'companies'
             else '[]'::json end) c
           having count(distinct coalesce(c ->> 'country', '')) = 1)
       end, '')) as country
  from intel.record_entity re
  join intel.entity e on e.id = re.entity_id
  join intel.record r on r.id = re.record_id
 where e.type = 'company' and e.merged_into is null and position('|' in e.key) = 0
   and not exists (select 1 from intel.entity m where m.merged_into = e.id)
   and not exists (select 1 from intel.entity_merge m where m.survivor_id = e.id or m.merged_id = e.id);

delete from company_link where country !~ '^[A-Z]{2}$' or length(key) > 397;

insert into intel.entity (type, key, display)
select distinct on (key || '|' || country) 'company', key || '|' || country, display
  from company_link
 order by key || '|' || country, record_id
on conflict (type, key) do nothing;

insert into intel.record_entity (record_id, entity_id, role)
select l.record_id, n.id, l.role
  from company_link l
  join intel.entity n on n.type = 'company' and n.key = l.key || '|' || l.country
on conflict do nothing;

delete from intel.record_entity re
 using company_link l
 where re.record_id = l.record_id and re.entity_id = l.entity_id and re.role = l.role;

-- a company left with no record is gone: its records are with the keys of their countries
delete from intel.entity e
 where e.id in (select distinct entity_id from company_link)
   and not exists (select 1 from intel.record_entity re where re.entity_id = e.id);
