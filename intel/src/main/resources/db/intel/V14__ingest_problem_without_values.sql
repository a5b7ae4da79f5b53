-- A refused row's problem is kept as row, source id, field, code and a reason that says what the
-- field should hold, never the value the row held: the messages quoted it (a name, a date of birth,
-- a document number), which made this table a second copy of personal data beside the raw input,
-- which stays archived as it came. The reason is cut as ProblemReasons.withoutValues cuts it: a
-- parser's words after the first colon, and everything from the first "got" on (JSON shapes named
-- by invalid-type are kept: they are no values).
alter table intel.ingest_problem rename column message to reason;

update intel.ingest_problem
   set reason = split_part(reason, ':', 1)
 where code in ('invalid-json', 'invalid-csv', 'invalid-header')
   and position(':' in reason) > 0;

update intel.ingest_problem
   set reason = regexp_replace(reason, '(^|[\s,;(])got\s.*$', '')
 where code <> 'invalid-type'
   and reason ~ '(^|[\s,;(])got\s';

update intel.ingest_problem
   set reason = rtrim(reason, ' ,;(')
 where reason ~ '[ ,;(]$';

update intel.ingest_problem set reason = code where reason = '';

-- Whose run it is: the agency of the user who ran it, which alone reads its problems and (the user
-- or its administrators) its raw input. Runs before this migration take the agency their audit
-- entry kept, else their user's agency; a run neither names stays readable by no one through
-- Sekisho.
alter table intel.ingest_run add column agency text;

do $$
begin
  if to_regclass('platform.audit_log') is not null then
    update intel.ingest_run r
       set agency = a.agency
      from (select distinct on (subject) subject, agency
              from platform.audit_log
             where action = 'ingest' and subject like 'ingest-run:%'
             order by subject, seq) a
     where r.agency is null
       and a.subject = 'ingest-run:' || r.id;
  end if;
  if to_regclass('platform.account') is not null then
    update intel.ingest_run r
       set agency = a.agency
      from platform.account a
     where r.agency is null
       and a.username = r.actor;
  end if;
end
$$;
