-- Alert status changes name the version they were made on (a second officer's change no longer
-- silently replaces the first's), and every change is kept: who, when, from what, to what, why.
alter table alert add column version integer not null default 0;

create table alert_status_change (
  id           bigserial primary key,
  alert_id     bigint not null references alert(id),
  version      integer not null,               -- the alert's version this change made
  from_status  text not null,
  status       text not null,
  note         text,
  changed_by   text not null,
  changed_at   timestamptz not null,
  unique (alert_id, version)
);

-- A sighting made while no AIS was received at all (the feed down) is kept but not checked:
-- silence on AIS then says nothing about the vessel seen.
alter table sighting add column checked boolean not null default true;
alter table sighting add column ais_last_report timestamptz;
