-- A decision stays with the person it was about: the identity (name, date of birth, document)
-- that a hit's traveller had when it was last raised while undecided, so that a later version
-- handing the passenger reference to someone else reopens it. Empty for hits stored before.
alter table screening_hit add column identity text not null default '';

-- The screening's own steps are part of a hit's history: withdrawn when nothing supports it any
-- more, open again when raised again or when its traveller is now another person.
alter table screening_decision drop constraint screening_decision_kind_check;
alter table screening_decision add constraint screening_decision_kind_check
  check (kind in ('disposition', 'correction', 'referral-outcome', 'withdrawal', 'reopening'));
