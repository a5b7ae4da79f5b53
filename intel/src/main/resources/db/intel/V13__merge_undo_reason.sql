-- Why a merge was undone, kept with the merge so that the next investigator reading the entity's
-- history sees it (until now only the audit log held it). Null for merges not undone.
alter table intel.entity_merge add column if not exists undo_reason text;

-- Merges undone before this migration: the reason is the one their audit entry kept (subject
-- merge:<id>, action entity.merge.undo); the audit log is only read here, never changed.
do $$
begin
  if to_regclass('platform.audit_log') is not null then
    update intel.entity_merge m
       set undo_reason = a.details::jsonb ->> 'reason'
      from (select distinct on (subject) subject, details
              from platform.audit_log
             where action = 'entity.merge.undo'
             order by subject, seq desc) a
     where m.undone_at is not null
       and m.undo_reason is null
       and a.subject = 'merge:' || m.id;
  end if;
end
$$;
