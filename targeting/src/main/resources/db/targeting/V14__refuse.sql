-- A statement refusing itself with a reason and an SQLSTATE of its own, so that everything sent in
-- the same transaction (an assessment's audit entry) is rolled back with it and the caller can tell
-- which refusal it was: SKHIS the traders' counters moved since they were read, SKDUP the record
-- has an assessment already.
create function refuse(code text, reason text) returns bigint
  language plpgsql volatile as
$$
begin
  raise exception using errcode = code, message = reason;
end
$$;
