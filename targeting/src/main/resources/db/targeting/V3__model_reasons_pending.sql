-- A referral scored by a model waits for its model reasons until they are added (possibly none):
-- the reasons worker reads the ones it could not queue, or that a stopped process left, from here.
alter table assessment add column model_reasons_pending boolean not null default false;
update assessment set model_reasons_pending = true
  where lane <> 'green' and model_version <> '' and model_reasons = '[]'::jsonb;
create index assessment_model_reasons_pending on assessment (id) where model_reasons_pending;
