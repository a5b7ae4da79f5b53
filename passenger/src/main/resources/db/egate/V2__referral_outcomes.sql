-- What the officer who dealt with a referred traveller recorded, next to the customs arrival record.
-- Append-only: a correction is the next version with its own comment, the earlier ones are kept.
-- The unique (capture_id, version) makes two officers correcting at once a conflict, not two "latest".
create table referral_outcome (
  id           bigserial primary key,
  capture_id   text not null references customs_arrival (capture_id),
  version      integer not null check (version >= 1),
  outcome      text not null,
  comment      text not null,
  officer      text not null,
  agency       text not null,
  recorded_at  timestamptz not null,
  unique (capture_id, version)
);
