-- The liaison officer's desk (/sharing).
-- Who ended an agreement, when and why, beside its last day (the audit log has it too; the desk
-- shows it). Agreements ended before this migration keep these empty: the desk shows them ended,
-- without a name.
alter table sharing_agreement
  add column ended_by   text,
  add column ended_at   timestamptz,
  add column end_reason text;
-- An administrator may end an agreement the day before its first day (withdrawing one not yet in
-- force), which the check of V9 refused with a server error.
alter table sharing_agreement drop constraint sharing_agreement_check;
alter table sharing_agreement add constraint sharing_agreement_days
  check (valid_until is null or valid_until >= valid_from - 1);

-- Refused attempts to share a record of the owning agency with a partner, or to end such a
-- sharing, kept for the desk's history of the exchange with that partner: which record, the partner
-- as named (shortened), what was refused and why, by whom and when. Attempts on another agency's
-- records are in the audit log only.
create table sharing_refusal (
  id         bigserial primary key,
  record_id  bigint not null references record(id),
  agency     text not null,
  action     text not null check (action in ('share', 'revoke')),
  code       text not null,
  field      text not null,
  message    text not null,
  refused_by text not null,
  refused_at timestamptz not null
);
create index sharing_refusal_agency on sharing_refusal(agency, refused_at desc);

-- What a partner can read now is looked up by partner (the desk, GET /api/sharing/readable): an
-- index over shared records only, which the bulk of records (shared with no one) leave untouched
-- when they are ingested.
create index record_shared_with on record using gin (shared_with) where cardinality(shared_with) > 0;
-- a partner's history, newest first: the sharings with it, and their ends
create index record_share_agency on record_share(agency, shared_at desc);
create index record_share_agency_revoked on record_share(agency, revoked_at desc) where revoked_at is not null;
