-- The agencies of this installation: the administration itself and the partners it exchanges with.
-- A record may belong to, or be shared with, a registered agency only, so that a mistyped code
-- shares with nobody now and with whoever registers that code later.
create table agency (
  code          text primary key check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(code) <= 40),
  name          text not null,
  registered_at timestamptz not null,
  registered_by text not null
);

-- Every agency an account already belongs to was in use before the registry existed.
insert into agency(code, name, registered_at, registered_by)
select distinct lower(agency), lower(agency), now(), 'migration:V2'
from account
where lower(agency) ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(agency) <= 40
on conflict do nothing;
