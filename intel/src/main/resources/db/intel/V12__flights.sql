-- A seizure's conveyance written as a flight number (FX680, JL 621) was keyed as a vessel by name
-- (NAME:FX680); it is a flight, keyed by its number as air movements now key theirs (FX680, JL621:
-- designator and number without a space or leading zeros). Links stay as they are: the entity
-- changes type and key. Where two such vessels give one flight key, or the flight key is already
-- taken, the others are left as they are for an analyst to merge.
update intel.entity e
   set type = 'flight',
       key = f.key
  from (select distinct on (key) id, key
          from (select id,
                       regexp_replace(substring(key from 6),
                                      '^([A-Z][A-Z0-9]|[0-9][A-Z]) ?0*([0-9]{1,4})([A-Z]?)$',
                                      '\1\2\3') as key
                  from intel.entity
                 where type = 'vessel'
                   and key ~ '^NAME:([A-Z][A-Z0-9]|[0-9][A-Z]) ?[0-9]{1,4}[A-Z]?$') v
         order by key, id) f
 where e.id = f.id
   and not exists (select 1 from intel.entity t where t.type = 'flight' and t.key = f.key);
