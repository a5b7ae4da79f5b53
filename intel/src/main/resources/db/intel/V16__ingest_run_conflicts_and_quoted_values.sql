-- A run keeps how many of its rows were conflicting versions (a valid record whose identity was
-- stored already with other content), as the ingest answer says; runs before this count their
-- conflicting-version problems.
alter table intel.ingest_run add column conflicts bigint;

update intel.ingest_run r
   set conflicts = (select count(*) from intel.ingest_problem p
                     where p.run_id = r.id and p.code = 'conflicting-version')
 where r.finished_at is not null;

-- The log keeps no quoted value anywhere in a reason ("no agency 'SUZUKI-AGENCY' is registered"
-- is kept as "no agency is registered"), as ProblemReasons.withoutValues now cuts it: a quote
-- opening after a space or bracket and closing before one.
update intel.ingest_problem
   set reason = btrim(regexp_replace(
         regexp_replace(reason,
           $re$(?<![^\s(\[=:,])(?:'[^']*'|"[^"]*"|「[^」]*」|“[^”]*”)(?![^\s)\],;:.!?])$re$, '', 'g'),
         '\s{2,}', ' ', 'g'))
 where reason ~ $re$(?<![^\s(\[=:,])(?:'[^']*'|"[^"]*"|「[^」]*」|“[^”]*”)(?![^\s)\],;:.!?])$re$;

update intel.ingest_problem
   set reason = rtrim(reason, ' ,;(')
 where reason ~ '[ ,;(]$';

update intel.ingest_problem set reason = code where reason = '';

-- An unknown field's name is input (a JSON key, a CSV column): kept only where it looks like a
-- field name (ProblemReasons.field), else written "(unknown field)".
update intel.ingest_problem
   set field = '(unknown field)'
 where code = 'unknown-field'
   and (length(field) > 100
        or field !~ '^[A-Za-z0-9_-]+(\[[0-9]{1,9}\])*(\.[A-Za-z0-9_-]+(\[[0-9]{1,9}\])*)*$');
