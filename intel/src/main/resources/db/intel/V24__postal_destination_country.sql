-- A postal item's countries now include its destination (PostalItem.countries: origin, sender's
-- country, destination, addressee's country, each once), so that country=US finds an item sent to
-- the US. Items stored before are given the same list, recomputed from their stored JSON; only the
-- items whose destination is missing from their countries are written (an item sent to Japan and
-- addressed there has it already). One pass over the records; re-runnable.
update intel.record r
   set countries = array(
         select u.c
           from unnest(array[r.data ->> 'originCountry', r.data -> 'sender' ->> 'country',
                             r.data ->> 'destinationCountry', r.data -> 'addressee' ->> 'country'])
                with ordinality u(c, n)
          where coalesce(u.c, '') <> ''
          group by u.c
          order by min(u.n))
 where r.kind = 'postal-item'
   and coalesce(r.data ->> 'destinationCountry', '') <> ''
   and not r.countries @> array[r.data ->> 'destinationCountry'];
