-- Disabling takes a criterion out of force as a whole, with who, when and why; releasing a version
-- of it puts it back. Criteria disabled before this migration are marked disabled with nobody,
-- no time and no reason recorded (it was not kept).
alter table criterion
  add column disabled        boolean not null default false,
  add column disabled_by     text,
  add column disabled_at     timestamptz,
  add column disabled_reason text;

update criterion c
   set disabled = true
 where exists (select 1 from criterion_version v where v.criterion_id = c.id and v.status = 'disabled')
   and not exists (select 1 from criterion_version v where v.criterion_id = c.id and v.status = 'released');
