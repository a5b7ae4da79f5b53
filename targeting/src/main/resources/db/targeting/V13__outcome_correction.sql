-- A recorded outcome can be corrected (a typo in the revenue, an infraction found to be none):
-- the outcome row holds the outcome as it stands; each correction keeps the outcome before it,
-- with who corrected it, when and why. The number of corrections is the outcome's version.
create table outcome_correction (
  id            bigserial primary key,
  assessment_id bigint not null references assessment (id),
  from_result   text not null check (from_result in ('nothing-found', 'infraction')),
  from_revenue  numeric(17, 2) not null,
  from_seizure  boolean not null,
  from_note     text not null,
  from_by       text not null,
  comment       text not null,
  corrected_by  text not null,
  corrected_at  timestamptz not null
);
create index outcome_correction_assessment on outcome_correction (assessment_id);
