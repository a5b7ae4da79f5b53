-- How far targeting has checked an upstream feed of stored records (the intelligence database's
-- declarations) for records that were never assessed: every record at or below the position has
-- an assessment, or was refused with a logged reason.
create table intake_cursor (
  feed      text primary key,
  position  bigint not null,
  moved_at  timestamptz not null
);
