-- One pending unmasking request per person and booking version, guaranteed by the database: the
-- application's check reads the pending requests before it writes, so two asks sent at the same
-- moment could both pass it and the approvers would decide the same thing twice.
--
-- A database that already holds such duplicates keeps the earliest pending request of each pair
-- and closes every later one first: refused by system:migration, now, with a reason naming the
-- request kept, so that the one who asked reads in their history what became of it (the refusal is
-- final, as any). The audit log is a hash chain the application writes and cannot be appended from
-- SQL: the closed request itself keeps who closed it, when and why.
update unmask_request r
   set status = 'refused',
       refused_by = 'system:migration',
       refused_at = now(),
       refusal_reason = 'closed when one pending request per person and booking version became a'
         || ' rule: request ' || k.kept || ' by the same person for this version was pending'
         || ' already and stays pending'
  from (select version_id, requested_by, min(id) as kept
          from unmask_request
         where status = 'pending'
         group by version_id, requested_by
        having count(*) > 1) k
 where r.status = 'pending'
   and r.version_id = k.version_id
   and r.requested_by = k.requested_by
   and r.id <> k.kept;

create unique index unmask_request_one_pending on unmask_request (version_id, requested_by)
  where status = 'pending';
