-- What the audit log viewer (AuditSearch) reads: the newest entries first, by time, narrowed by
-- actor, agency, action (exact or a prefix such as 'targeting.'), subject (exact or a prefix) and a
-- time range. Each filter has an index that yields its entries already in time order, so a page is
-- a short walk down one index however long the log is, never a scan of the whole log followed by a
-- sort. Action and subject are indexed in the "C" collation (code-point order) so that a prefix is
-- one index range in any database collation; the queries compare them in "C" too.
create index audit_at on audit_log(at);
create index audit_action_at on audit_log(action collate "C", at);
create index audit_agency_at on audit_log(agency, at);
-- replaces audit_subject(subject): the same look-up by exact subject, now also by prefix and in
-- time order
create index audit_subject_at on audit_log(subject collate "C", at);
drop index audit_subject;
-- audit_actor_at(actor, at) from V1 serves the actor filter as it is.
