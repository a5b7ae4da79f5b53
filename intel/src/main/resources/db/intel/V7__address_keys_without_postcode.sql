-- An address key no longer holds a Japanese postcode written before or after the address
-- (〒650-0045 兵庫県神戸市中央区港島1-11-4 and 兵庫県神戸市中央区港島1丁目11番4号 are one address).
-- Links stored under a key that still starts or ends with one (NNN-NNNN, as the old keys wrote
-- it) move to the key without it, created as needed. Left as they were: addresses taking part in
-- a merge (an analyst's work), and keys that are nothing but a postcode.
create temporary table address_link on commit drop as
select re.record_id, re.entity_id, re.role, e.display,
       btrim(regexp_replace(regexp_replace(e.key, '^[0-9]{3}-[0-9]{4}(?![0-9-]) ?', ''),
                            ' [0-9]{3}-[0-9]{4}$', '')) as new_key
  from intel.record_entity re
  join intel.entity e on e.id = re.entity_id
 where e.type = 'address' and e.merged_into is null
   and (e.key ~ '^[0-9]{3}-[0-9]{4}(?![0-9-])' or e.key ~ ' [0-9]{3}-[0-9]{4}$')
   and not exists (select 1 from intel.entity m where m.merged_into = e.id)
   and not exists (select 1 from intel.entity_merge m where m.survivor_id = e.id or m.merged_id = e.id);

delete from address_link where new_key = '';

insert into intel.entity (type, key, display)
select distinct on (new_key) 'address', new_key, display
  from address_link
 order by new_key, record_id
on conflict (type, key) do nothing;

-- one link per record, entity and role, as the extraction makes them
insert into intel.record_entity (record_id, entity_id, role)
select distinct l.record_id, n.id, l.role
  from address_link l
  join intel.entity n on n.type = 'address' and n.key = l.new_key
 where not exists (select 1 from intel.record_entity x
                    where x.record_id = l.record_id and x.entity_id = n.id and x.role = l.role);

delete from intel.record_entity re
 using address_link l
 where re.record_id = l.record_id and re.entity_id = l.entity_id and re.role = l.role;

-- an address left with no record is gone: its records are with the key without the postcode
delete from intel.entity e
 where e.id in (select distinct entity_id from address_link)
   and not exists (select 1 from intel.record_entity re where re.entity_id = e.id);
