-- Targeting: criteria versions, reference lists (with entry history so old versions can be
-- rebuilt), assessments, lane decisions and inspection outcomes.

create table criterion (
  id         bigserial primary key,
  created_by text not null,
  created_at timestamptz not null
);

create table criterion_version (
  criterion_id   bigint not null references criterion (id),
  version        int not null,
  name           text not null,
  source         text not null,
  owner          text not null,
  offices        text[] not null default '{}',
  effective_from date,
  effective_to   date,
  status         text not null check (status in ('draft', 'released', 'superseded', 'disabled')),
  saved_at       timestamptz not null,
  released_by    text not null default '',
  released_at    timestamptz,
  primary key (criterion_id, version)
);
create index criterion_version_released on criterion_version (status) where status = 'released';

create table reference_list (
  name        text primary key,
  kind        text not null,
  description text not null default '',
  version     int not null default 1,
  created_by  text not null,
  updated_by  text not null
);

-- an entry is on version v of its list when added_version <= v and (removed_version is null or > v)
create table list_entry (
  id              bigserial primary key,
  list_name       text not null references reference_list (name),
  value           text not null,
  note            text not null default '',
  added_version   int not null,
  removed_version int,
  added_by        text not null
);
create unique index list_entry_current on list_entry (list_name, value) where removed_version is null;

create table assessment (
  id                   bigserial primary key,
  record_key           text not null unique,
  office               text not null,
  importer_key         text not null,
  declarant_key        text not null,
  declaration_date     date,
  assessed_at          timestamptz not null,
  declaration          text not null,
  score                double precision not null,
  model_probability    double precision not null,
  criteria_lane        text not null,
  lane                 text not null,
  basis                text not null,
  final_lane           text not null,
  status               text not null check (status in ('open', 'referred', 'released', 'closed')),
  hits                 jsonb not null,
  model_reasons        jsonb not null,
  criteria_versions    text not null,
  list_versions        text not null,
  model_version        text not null,
  hist_declarant_decl  bigint not null,
  hist_declarant_infr  bigint not null,
  hist_importer_decl   bigint not null,
  hist_importer_infr   bigint not null
);
create index assessment_worklist on assessment (status, office, score desc);
create index assessment_importer on assessment (importer_key) where importer_key <> '';
create index assessment_declarant on assessment (declarant_key) where declarant_key <> '';
create index assessment_time on assessment (assessed_at);

create table lane_change (
  id            bigserial primary key,
  assessment_id bigint not null references assessment (id),
  from_lane     text not null,
  to_lane       text not null,
  comment       text not null,
  decided_by    text not null,
  decided_at    timestamptz not null
);
create index lane_change_assessment on lane_change (assessment_id);

create table outcome (
  assessment_id bigint primary key references assessment (id),
  result        text not null check (result in ('nothing-found', 'infraction')),
  revenue       numeric(17, 2) not null,
  seizure       boolean not null,
  note          text not null,
  recorded_by   text not null,
  recorded_at   timestamptz not null
);
