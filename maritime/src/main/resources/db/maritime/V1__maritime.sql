-- Maritime surveillance: vessels heard on AIS, their positions (partitioned by UTC day, partitions
-- created on demand by the application), alerts from the detectors, port calls, camera sites and
-- sightings, patrol boats.

create table vessel (
  mmsi         integer primary key,
  name         text,
  imo          integer,
  call_sign    text,
  ship_type    integer,
  destination  text,
  flag         text,
  last_seen    timestamptz,
  lat          double precision,
  lon          double precision,
  speed_knots  double precision,
  course       double precision
);
create index vessel_last_seen on vessel(last_seen);

create table position (
  mmsi         integer not null,
  time         timestamptz not null,
  lat          double precision not null,
  lon          double precision not null,
  speed_knots  double precision,
  course       double precision
) partition by range (time);
-- each partition gets (mmsi, time) and (time) indexes when it is created

create table alert (
  id           bigserial primary key,
  alert_key    text not null unique,          -- idempotency: replays do not duplicate alerts
  kind         text not null,                 -- encounter, fishing-meeting, gap, loitering, dark-vessel, port-call
  time         timestamptz not null,
  end_time     timestamptz,
  lat          double precision,
  lon          double precision,
  mmsi         integer,
  other_mmsi   integer,
  score        double precision not null default 0,
  summary      text not null,
  details      jsonb not null default '{}'::jsonb,
  status       text not null default 'open'
);
create index alert_time on alert(time desc);
create index alert_mmsi on alert(mmsi);

create table port_call (
  movement_id  text primary key,
  mmsi         integer not null,
  locode       text not null,
  port_name    text not null,
  direction    text not null check (direction in ('arrival', 'departure')),
  time         timestamptz not null
);
create index port_call_mmsi on port_call(mmsi, time);

create table camera_site (
  id           text primary key,
  name         text not null,
  lat          double precision not null,
  lon          double precision not null,
  bearing_deg  double precision not null,     -- centre of the field of view
  fov_deg      double precision not null,
  range_nm     double precision not null
);

create table sighting (
  id           bigserial primary key,
  site_id      text not null references camera_site(id),
  time         timestamptz not null,
  lat          double precision not null,
  lon          double precision not null,
  bearing_deg  double precision,
  size_m       double precision,
  vessel_type  text,
  image_ref    text,
  matched_mmsi integer,
  dark         boolean not null
);
create index sighting_time on sighting(time desc);

create table patrol_position (
  boat_id      text primary key,
  name         text not null,
  time         timestamptz not null,
  lat          double precision not null,
  lon          double precision not null,
  speed_knots  double precision not null
);
