-- At most one version of a criterion is in force. Releases that raced each other (before a release
-- locked its criterion) could leave two versions released, whose weights both counted. Keep the one
-- released last (then the highest version) and mark the others superseded, then let the database
-- refuse a second one.
update criterion_version v
   set status = 'superseded'
 where v.status = 'released'
   and exists (
     select 1
       from criterion_version w
      where w.criterion_id = v.criterion_id
        and w.status = 'released'
        and (coalesce(w.released_at, '-infinity'::timestamptz), w.version)
          > (coalesce(v.released_at, '-infinity'::timestamptz), v.version));

drop index if exists criterion_version_released;
create unique index criterion_version_one_released
  on criterion_version (criterion_id) where status = 'released';
