-- Earlier declarations and infractions per trader and role, kept up to date as each assessment and
-- outcome is stored, so that an assessment reads two rows instead of counting a trader's history
-- (which grows for ever) on every request.
create table trader_history (
  role         text not null check (role in ('importer', 'declarant')),
  trader_key   text not null,
  declarations bigint not null,
  infractions  bigint not null,
  primary key (role, trader_key)
);
insert into trader_history (role, trader_key, declarations, infractions)
  select 'importer', a.importer_key, count(*),
         count(o.assessment_id) filter (where o.result = 'infraction')
    from assessment a left join outcome o on o.assessment_id = a.id
   where a.importer_key <> '' group by a.importer_key;
insert into trader_history (role, trader_key, declarations, infractions)
  select 'declarant', a.declarant_key, count(*),
         count(o.assessment_id) filter (where o.result = 'infraction')
    from assessment a left join outcome o on o.assessment_id = a.id
   where a.declarant_key <> '' group by a.declarant_key;
