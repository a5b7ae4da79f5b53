-- Identifying data of masked versions, kept apart for an approved unmasking until deletion.
create table masked_record (
  version_id bigint primary key references pnr_version (id) on delete cascade,
  record jsonb,
  names text[] not null,
  seats text[] not null,
  payments text[] not null
);

-- Unmasking needs a reason and a second person of the PNR unit who approves it.
create table unmask_request (
  id bigserial primary key,
  version_id bigint not null references pnr_version (id) on delete cascade,
  requested_by text not null,
  reason text not null,
  requested_at timestamptz not null,
  approved_by text,
  approved_at timestamptz,
  status text not null default 'pending' check (status in ('pending', 'approved'))
);
