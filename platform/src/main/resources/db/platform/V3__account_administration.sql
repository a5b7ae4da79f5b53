-- Account administration on the web: a password an administrator set (or had generated) is temporary
-- until its user chooses their own; when an account last signed in; when and by whom it was
-- deactivated; when it was last changed.
alter table account
  add column must_change_password boolean not null default false,
  add column last_sign_in_at      timestamptz,
  add column updated_at           timestamptz,
  add column deactivated_at       timestamptz,
  add column deactivated_by       text;

-- An e-Gate kiosk is a device, not a person: its account holds the role kiosk and no other, so a
-- device never opens an officer's pages. Every account holds at least one role. The application
-- refuses both with a reason first; these keep the rule for any other writer. Not validated against
-- rows written before (an installation that gave a kiosk another role keeps it until it is edited).
alter table account
  add constraint account_kiosk_alone
    check (not ('kiosk' = any(roles)) or cardinality(roles) = 1) not valid,
  add constraint account_has_a_role check (cardinality(roles) >= 1) not valid;

create index session_username on session(username);
create index api_token_username on api_token(username);
