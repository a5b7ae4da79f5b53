-- Sharing a stored record with a partner agency, under an agreement that allows it.
create table sharing_agreement (
  id          bigserial primary key,
  agency      text not null,
  kinds       text[] not null check (cardinality(kinds) > 0),
  reference   text not null,
  valid_from  date not null,
  valid_until date,
  created_by  text not null,
  created_at  timestamptz not null,
  check (valid_until is null or valid_until >= valid_from)
);
create index sharing_agreement_agency on sharing_agreement(agency);

-- One row per sharing by a liaison officer: under which agreement, why, by whom; revoking keeps the
-- row (who, when, why) so what a partner could read, and when, stays answerable.
create table record_share (
  id            bigserial primary key,
  record_id     bigint not null references record(id),
  agency        text not null,
  agreement_id  bigint references sharing_agreement(id), -- none for a sharing made at ingest
  purpose       text not null,
  shared_by     text not null,
  shared_at     timestamptz not null,
  revoked_by    text,
  revoked_at    timestamptz,
  revoke_reason text
);
create index record_share_record on record_share(record_id);
-- at most one sharing in force per record and agency
create unique index record_share_in_force on record_share(record_id, agency) where revoked_at is null;
