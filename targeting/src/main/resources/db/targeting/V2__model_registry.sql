-- Risk-model registry: every registered model with its evaluation figures and lifecycle state
-- (evaluated -> approved -> released -> retired; a retired one may be released again). The model
-- files live under <data-dir>/targeting/models/<version>/ and must match content_hash.

create table risk_model (
  version       int primary key,
  model_id      text not null unique,
  content_hash  text not null unique,
  status        text not null check (status in ('evaluated', 'approved', 'released', 'retired')),
  figures       jsonb not null,
  evaluated_on  text not null,
  registered_by text not null,
  registered_at timestamptz not null,
  approved_by   text not null default '',
  approved_at   timestamptz,
  released_by   text not null default '',
  released_at   timestamptz,
  check (status = 'evaluated' or approved_by <> ''),
  check (approved_by = '' or approved_by <> registered_by or registered_by like 'system:%')
);
-- at most one model is released at any time
create unique index risk_model_released on risk_model (status) where status = 'released';
