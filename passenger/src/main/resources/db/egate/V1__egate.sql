-- e-Gate and integrated kiosk. The two authorities' records are kept apart: customs' own arrival
-- records, and an outbox of immigration records held only until the immigration endpoint takes them.
-- Neither holds an image.
create table customs_arrival (
  id           bigserial primary key,
  capture_id   text not null unique,
  kiosk        text not null,
  captured_at  timestamptz not null,
  fields       jsonb not null
);

create table immigration_outbox (
  id           bigserial primary key,
  capture_id   text not null unique,
  kiosk        text not null,
  captured_at  timestamptz not null,
  fields       jsonb not null,
  delivered_at timestamptz
);
