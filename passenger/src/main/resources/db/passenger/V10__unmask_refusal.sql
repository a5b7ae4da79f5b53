-- An unmasking request can also be refused by a second member of the PNR unit, who must say why:
-- who refused, when and why stay with the request, shown to the one who asked and in the history.
-- A refused request is final: it can no longer be approved (ask again with a new request).
alter table unmask_request add column refused_by text;
alter table unmask_request add column refused_at timestamptz;
alter table unmask_request add column refusal_reason text;
alter table unmask_request drop constraint unmask_request_status_check;
alter table unmask_request add constraint unmask_request_status_check
  check (status in ('pending', 'approved', 'refused'));
alter table unmask_request add constraint unmask_request_refusal_check
  check ((status = 'refused') = (refused_by is not null and refused_at is not null
    and refusal_reason is not null));
alter table unmask_request add constraint unmask_request_refuser_check
  check (refused_by is null or refused_by <> requested_by);
create index unmask_request_requester on unmask_request (requested_by, requested_at);
