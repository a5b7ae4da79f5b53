-- Accounts, sessions, API tokens and the hash-chained audit log.
create extension if not exists pg_trgm with schema public;

create table account (
  username      text primary key,
  display_name  text not null,
  password_hash text not null,
  roles         text[] not null,
  agency        text not null,
  office        text not null default '',
  active        boolean not null default true,
  created_at    timestamptz not null
);

create table session (
  token_hash  bytea primary key,
  username    text not null references account(username),
  csrf_token  text not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null
);
create index session_expiry on session(expires_at);

create table api_token (
  token_hash  bytea primary key,
  username    text not null references account(username),
  label       text not null,
  created_at  timestamptz not null,
  expires_at  timestamptz
);

-- Append-only: the application role never updates or deletes rows here; each row's hash covers the
-- previous row's hash, so an edit anywhere breaks the chain from that row on.
create table audit_log (
  seq        bigint primary key,
  at         timestamptz not null,
  actor      text not null,
  agency     text not null,
  action     text not null,
  subject    text not null,
  details    text not null,
  prev_hash  text not null,
  hash       text not null
);
create index audit_subject on audit_log(subject);
create index audit_actor_at on audit_log(actor, at);

create table audit_head (
  id    int primary key check (id = 1),
  seq   bigint not null,
  hash  text not null
);
insert into audit_head values (1, 0, repeat('0', 64));

create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each statement execute function audit_log_append_only();
