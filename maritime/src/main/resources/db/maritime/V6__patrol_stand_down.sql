-- A boat stood down (reported by mistake, laid up, off duty) is no longer offered on alerts: who
-- stood it down, when and why are kept with it; a later position report puts it back on duty.
alter table patrol_position add column stood_down_at timestamptz;
alter table patrol_position add column stood_down_by text;
alter table patrol_position add column stood_down_reason text;
