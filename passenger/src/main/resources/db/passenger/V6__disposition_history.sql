-- A disposition can be corrected by a later one with its own comment, and a referral to the
-- officers at the airport comes back with their outcome: every decision is kept, in order. The
-- hit's version counts its decisions, so that a correction made on a stale page is refused
-- instead of overwriting one made meanwhile.
alter table screening_hit add column version int not null default 0;
alter table screening_hit drop constraint screening_hit_status_check;
alter table screening_hit add constraint screening_hit_status_check
  check (status in ('open', 'no-match', 'false-positive', 'refer-to-officer', 'confirmed',
    'examined-nothing-found', 'withdrawn'));

create table screening_decision (
  hit_id bigint not null references screening_hit (id) on delete cascade,
  version int not null,
  kind text not null check (kind in ('disposition', 'correction', 'referral-outcome')),
  disposition text not null,
  comment text not null,
  decided_by text not null,
  decided_at timestamptz not null,
  primary key (hit_id, version)
);

-- dispositions recorded before this history: their first decision
insert into screening_decision (hit_id, version, kind, disposition, comment, decided_by, decided_at)
  select id, 1, 'disposition', status, comment, disposed_by, disposed_at from screening_hit
  where status not in ('open', 'withdrawn') and disposed_by is not null and disposed_at is not null;
update screening_hit set version = 1
  where status not in ('open', 'withdrawn') and disposed_by is not null and disposed_at is not null;

create index screening_hit_referred on screening_hit (flight_id) where status = 'refer-to-officer';
