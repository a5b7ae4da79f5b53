-- Passenger screening: flights, their travellers as the latest PNR/API data describe them, hits
-- with their dispositions, rules and watchlist entries.
create table screening_flight (
  id bigserial primary key,
  carrier text not null,
  number text not null,
  departure_date date not null,
  origin text not null,
  destination text not null,
  direction text not null check (direction in ('arrival', 'departure', 'other')),
  status text not null default 'not-screened' check (status in ('not-screened', 'screened')),
  screened_at timestamptz,
  travellers int not null default 0,
  rules int not null default 0,
  list_entries int not null default 0,
  unique (carrier, number, departure_date, origin)
);
create index screening_flight_date on screening_flight (departure_date);

-- One row per traveller per flight and source booking ('API' for API lists); replaced as a whole
-- for a booking when a new version arrives. facts: the rule facts, one 'name=value' per line.
create table screening_traveller (
  id bigserial primary key,
  flight_id bigint not null references screening_flight (id) on delete cascade,
  booking text not null,
  traveller_key text not null,
  source text not null,
  surname text not null,
  given_name text not null,
  date_of_birth date,
  document_number text not null default '',
  facts text not null
);
create index screening_traveller_flight on screening_traveller (flight_id, booking);
create index screening_traveller_document on screening_traveller (document_number)
  where document_number <> '';
create index screening_traveller_name on screening_traveller (surname, given_name, date_of_birth);

create table screening_hit (
  id bigserial primary key,
  flight_id bigint not null references screening_flight (id) on delete cascade,
  traveller_key text not null,
  traveller_name text not null,
  booking text not null,
  kind text not null check (kind in ('rule', 'watchlist')),
  source text not null,
  title text not null,
  severity text not null,
  score double precision not null,
  explanation text[] not null,
  status text not null default 'open'
    check (status in ('open', 'no-match', 'false-positive', 'refer-to-officer', 'confirmed')),
  comment text not null default '',
  disposed_by text,
  disposed_at timestamptz,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  unique (flight_id, traveller_key, source)
);
create index screening_hit_open on screening_hit (flight_id) where status = 'open';
create index screening_hit_traveller on screening_hit (traveller_key);

create table screening_rule (
  id bigserial primary key,
  name text not null,
  text text not null,
  enabled boolean not null default true,
  updated_by text not null,
  updated_at timestamptz not null
);

create table watchlist_entry (
  list_name text not null,
  entry_id text not null,
  severity text not null,
  names text[] not null,
  birth_dates text[] not null,
  nationalities text[] not null,
  documents text[] not null,
  updated_at timestamptz not null,
  primary key (list_name, entry_id)
);
