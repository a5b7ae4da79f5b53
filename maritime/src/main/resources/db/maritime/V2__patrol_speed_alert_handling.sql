-- The speed a patrol boat can make to respond (a stopped boat can still respond), and who
-- acknowledged or closed an alert, and when (alerts used to stay open for ever).
alter table patrol_position add column max_speed_knots double precision;

alter table alert add column status_by text;
alter table alert add column status_at timestamptz;
alter table alert add column status_note text;
alter table alert add constraint alert_status check (status in ('open', 'acknowledged', 'closed'));
