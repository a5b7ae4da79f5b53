-- Reference lists of the PNR unit that passenger rules test with `in list`; every change raises
-- the list's version.
create table screening_list (
  name text primary key,
  kind text not null
    check (kind in ('countries', 'airports', 'card-bins', 'phones', 'agencies', 'documents')),
  description text not null default '',
  version int not null default 1,
  created_by text not null,
  updated_by text not null,
  updated_at timestamptz not null
);

create table screening_list_entry (
  list_name text not null references screening_list (name) on delete cascade,
  value text not null,
  note text not null default '',
  added_by text not null,
  added_at timestamptz not null,
  primary key (list_name, value)
);

-- Every saved text of a rule is a version; `lists` names the list versions it was checked
-- against ('card-bins=1,source-countries=3').
alter table screening_rule add column version int not null default 1;
alter table screening_rule add column lists text not null default '';

create table screening_rule_version (
  rule_id bigint not null references screening_rule (id) on delete cascade,
  version int not null,
  name text not null,
  text text not null,
  lists text not null default '',
  saved_by text not null,
  saved_at timestamptz not null,
  primary key (rule_id, version)
);
insert into screening_rule_version (rule_id, version, name, text, lists, saved_by, saved_at)
  select id, 1, name, text, '', updated_by, updated_at from screening_rule;

-- Watchlists as named, versioned wholes: an import of a named list replaces its entries; the same
-- content imported again is recognised by its hash and keeps the version.
create table watchlist (
  name text primary key,
  severity text not null,
  version int not null,
  entries int not null,
  content_hash text not null default '',
  format text not null,
  updated_by text not null,
  updated_at timestamptz not null
);

create table watchlist_version (
  name text not null references watchlist (name) on delete cascade,
  version int not null,
  entries int not null,
  added int not null,
  removed int not null,
  refused int not null,
  content_hash text not null,
  format text not null,
  imported_by text not null,
  imported_at timestamptz not null,
  primary key (name, version)
);

-- which import wrote an entry: entries of a named list that the latest import did not write are
-- removed when it finishes
alter table watchlist_entry add column import_token text not null default '';

insert into watchlist (name, severity, version, entries, content_hash, format, updated_by,
    updated_at)
  select list_name, max(severity), 1, count(*), '', 'csv', 'migration', max(updated_at)
  from watchlist_entry group by list_name;
insert into watchlist_version (name, version, entries, added, removed, refused, content_hash,
    format, imported_by, imported_at)
  select name, 1, entries, entries, 0, 0, '', format, updated_by, updated_at from watchlist;
