-- A record sent to POST /api/assess alone was never stored by the intelligence database: it no
-- longer moves its traders' counters (a trial call is no declaration of theirs). It is counted
-- once, when the intelligence database stores the same record. The counters are recomputed from
-- the assessments of stored records only.
delete from trader_history;
insert into trader_history (role, trader_key, declarations, infractions)
  select 'importer', a.importer_key, count(*),
         count(o.assessment_id) filter (where o.result = 'infraction')
    from assessment a left join outcome o on o.assessment_id = a.id
   where a.importer_key <> '' and not a.assessed_alone group by a.importer_key;
insert into trader_history (role, trader_key, declarations, infractions)
  select 'declarant', a.declarant_key, count(*),
         count(o.assessment_id) filter (where o.result = 'infraction')
    from assessment a left join outcome o on o.assessment_id = a.id
   where a.declarant_key <> '' and not a.assessed_alone group by a.declarant_key;

-- A record assessed alone and later stored by the intelligence database with other content is
-- assessed anew: the earlier assessment stays, marked superseded, naming the one that replaced it
-- and why. One assessment per record key is current; superseded ones are kept beside it.
alter table assessment drop constraint assessment_record_key_key;
alter table assessment drop constraint assessment_status_check;
alter table assessment add constraint assessment_status_check
  check (status in ('open', 'referred', 'released', 'closed', 'superseded'));
alter table assessment
  add column superseded_by     bigint references assessment (id),
  add column superseded_reason text not null default '';
create unique index assessment_current_record on assessment (record_key)
  where status <> 'superseded';
