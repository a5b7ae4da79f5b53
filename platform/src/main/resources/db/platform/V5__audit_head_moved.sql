-- An append carrying other writes (AuditLog.record(entry, write)) refuses itself when another
-- process moved the chain head since this one read it, so that the writes roll back with it and
-- are sent again with the entries, never committed without them.
create function audit_head_moved() returns bigint
  language plpgsql volatile as
$$
begin
  raise exception using errcode = 'SKHMV',
    message = 'the audit chain head moved since this process read it';
end
$$;
