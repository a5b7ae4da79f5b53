-- Records shared before sharing needed an agreement keep their sharing: each agency that owns or
-- is given such a record gets an agreement covering the kinds it already exchanges, open-ended and
-- cited as made here, for an administrator to review and end (POST /api/sharing/agreements/{id}/end).
-- Without it the hourly lapse would end every earlier sharing at the first start after upgrading.
-- (An agreement naming the administration itself is never used: agreements are with partners.)
insert into sharing_agreement(agency, kinds, reference, valid_from, valid_until, created_by, created_at)
select a.agency, array_agg(distinct a.kind order by a.kind),
       'sharings made before agreements were recorded (migration V10): review and end', date '1950-01-01',
       null, 'migration:V10', now()
from (select unnest(shared_with) as agency, kind from record where cardinality(shared_with) > 0
      union
      select agency, kind from record where cardinality(shared_with) > 0) a
group by a.agency;
