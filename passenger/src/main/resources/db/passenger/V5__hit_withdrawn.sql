-- A hit that screening no longer raises (the traveller left the flight, the rule was disabled,
-- the entry delisted, the data changed) is withdrawn with the reason in its comment instead of
-- staying open where no one can reach it.
alter table screening_hit drop constraint screening_hit_status_check;
alter table screening_hit add constraint screening_hit_status_check
  check (status in ('open', 'no-match', 'false-positive', 'refer-to-officer', 'confirmed',
    'withdrawn'));
