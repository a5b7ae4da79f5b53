-- The intelligence database. Records keep their source JSON; entities are match keys; links join them.
create extension if not exists pg_trgm with schema public;

create table ingest_run (
  id           bigserial primary key,
  kind         text not null,
  format       text not null,
  source       text not null,
  actor        text not null,
  sha256       text not null,
  archive      text not null,
  started_at   timestamptz not null,
  finished_at  timestamptz,
  rows_read    bigint,
  stored       bigint,
  duplicates   bigint,
  rejected     bigint
);

create table ingest_problem (
  run_id     bigint not null references ingest_run(id),
  row_no     bigint not null,
  source_id  text not null,
  field      text not null,
  code       text not null,
  message    text not null
);
create index ingest_problem_run on ingest_problem(run_id, row_no);

create table record (
  id           bigserial primary key,
  kind         text not null,
  source_id    text not null,
  event_time   timestamptz not null,
  recorded_at  timestamptz not null,
  office       text not null,
  agency       text not null,
  shared_with  text[] not null,
  countries    text[] not null,
  hs_chapters  text[] not null,
  title        text not null,
  doc          tsvector not null,
  data         jsonb not null,
  ingest_run   bigint not null,
  unique (kind, source_id)
);
create index record_time on record(event_time desc);
create index record_doc on record using gin(doc);
create index record_countries on record using gin(countries);
create index record_hs on record using gin(hs_chapters);
create index record_office_time on record(office, event_time);

create table entity (
  id           bigserial primary key,
  type         text not null,
  key          text not null,
  display      text not null,
  merged_into  bigint references entity(id),
  unique (type, key)
);
create index entity_key_trgm on entity using gin(key public.gin_trgm_ops);
create index entity_display_trgm on entity using gin(display public.gin_trgm_ops);

create table record_entity (
  record_id  bigint not null references record(id),
  entity_id  bigint not null references entity(id),
  role       text not null,
  primary key (record_id, entity_id, role)
);
create index record_entity_entity on record_entity(entity_id);

-- Every merge of two entities, who made it and why; undoing it keeps the row and stamps the undo.
create table entity_merge (
  id           bigserial primary key,
  survivor_id  bigint not null references entity(id),
  merged_id    bigint not null references entity(id),
  reason       text not null,
  score        double precision,
  actor        text not null,
  at           timestamptz not null,
  undone_by    text,
  undone_at    timestamptz
);
