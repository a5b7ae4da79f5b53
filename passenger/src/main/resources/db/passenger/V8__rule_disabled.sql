-- Disabling a passenger rule says why, and who did it when; shown with the rule.
alter table screening_rule add column disabled_reason text not null default '';
alter table screening_rule add column disabled_by text;
alter table screening_rule add column disabled_at timestamptz;
