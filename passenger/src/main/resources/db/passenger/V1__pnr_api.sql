-- Received PNRGOV and PAXLST messages as sent (raw is cleared when masked).
create table message (
  id bigserial primary key,
  kind text not null check (kind in ('PNRGOV', 'PAXLST')),
  source text not null,
  sha256 text not null unique,
  received_at timestamptz not null,
  status text not null check (status in ('accepted', 'rejected')),
  reason text not null default '',
  raw text,
  masked boolean not null default false
);
create index message_received on message (received_at);

-- One row per booking per push: version 1, 2, ... with the changes from the version before.
create table pnr_version (
  id bigserial primary key,
  message_id bigint not null references message (id) on delete cascade,
  carrier text not null,
  locator text not null,
  version int not null,
  received_at timestamptz not null,
  flight text not null default '',
  names text[] not null,
  seats text[] not null,
  payments text[] not null,
  itinerary text[] not null,
  changes jsonb not null,
  record jsonb,
  masked boolean not null default false,
  unique (carrier, locator, version)
);
create index pnr_version_received on pnr_version (received_at);

-- Travellers of API lists.
create table api_traveller (
  id bigserial primary key,
  message_id bigint not null references message (id) on delete cascade,
  received_at timestamptz not null,
  flight text not null,
  origin text not null,
  destination text not null,
  departure timestamp,
  role text not null,
  surname text,
  given_name text,
  date_of_birth date,
  nationality text,
  document_number text,
  masked boolean not null default false
);
create index api_traveller_received on api_traveller (received_at);
