-- Phone-list entries are stored in their international form, +CC NSN (Normal.phone), and one
-- written without its country code is read as Japanese (ListKind.normalise). Entries stored before
-- in a national form (the national significant number, 330947412, or the digits of an older key,
-- 0330947412) are rewritten here as +81 numbers, in a new version of their list, so that every
-- earlier version still replays with the entries it had: the national row leaves the list at the
-- new version and its +81 form, with the same note, comes in at it.
--
-- Kept as they are (ReferenceList still matches them by national number with any country code):
--   * entries whose digits, without the trunk 0, are not 9 or 10 long: no Japanese national
--     significant number (a foreign number written nationally, or digits kept because they read
--     as no number, +1 010...), which only the analyst who wrote it can say the country of;
--   * entries whose +81 form is on the list already (one number written two ways before): the two
--     hit the same numbers, and which note to keep is the analyst's to say; the list page shows
--     both, and removing the national one leaves the other.

create temporary table phone_rewrite on commit drop as
select e.id, e.list_name, e.note, '+81 ' || ltrim(e.value, '0') as international
from list_entry e
join reference_list l on l.name = e.list_name
where l.kind = 'phones'
  and e.removed_version is null
  and e.value ~ '^[0-9]+$'
  and ltrim(e.value, '0') ~ '^[1-9][0-9]{8,9}$'
  and not exists (
    select 1 from list_entry o
    where o.list_name = e.list_name
      and o.removed_version is null
      and o.value = '+81 ' || ltrim(e.value, '0'));

-- two national rows of one number (0330947412 and 330947412): the lower id is rewritten, the
-- other kept as it is
delete from phone_rewrite r
where exists (
  select 1 from phone_rewrite o
  where o.list_name = r.list_name and o.international = r.international and o.id < r.id);

update list_entry e
set removed_version = l.version + 1
from phone_rewrite r, reference_list l
where e.id = r.id and l.name = r.list_name;

insert into list_entry (list_name, value, note, added_version, added_by)
select r.list_name, r.international, r.note, l.version + 1, 'migration V16'
from phone_rewrite r
join reference_list l on l.name = r.list_name;

update reference_list l
set version = l.version + 1, updated_by = 'migration V16'
where l.name in (select list_name from phone_rewrite);
