-- One crossing per declaration QR and passport: the first capture that presented a verified
-- declaration with a passport holds it; another capture presenting the same declaration with the
-- same passport (a copy, the same QR at another gate) is referred. The primary key makes two gates
-- racing on one QR a conflict that only one of them wins. A family member's own passport, listed on
-- the head of family's declaration, is a use of its own.
create table declaration_use (
  declaration_id text not null,  -- SHA-256 over the verifying key and the signed content, hex
  passport       text not null,  -- NATIONALITY:NUMBER of the passport presented
  capture_id     text not null,  -- the capture (arrival record) that used it
  kiosk          text not null,  -- the gate's kiosk device
  used_at        timestamptz not null,
  primary key (declaration_id, passport)
);
