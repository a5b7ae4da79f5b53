-- A later API list that puts another name on a listed document keeps the hit open (a different
-- name on a listed passport is itself a red flag) and notes the change in the hit's history.
alter table screening_decision drop constraint screening_decision_kind_check;
alter table screening_decision add constraint screening_decision_kind_check
  check (kind in ('disposition', 'correction', 'referral-outcome', 'withdrawal', 'reopening',
    'note'));
