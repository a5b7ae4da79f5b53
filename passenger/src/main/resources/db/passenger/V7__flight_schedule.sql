-- A flight's scheduled departure and arrival, as its message gave them (local to each airport)
-- and as points in time where the airport's zone is known: the PNR unit works the flight that
-- lands next first, so flights and open hits are listed by arrival.
alter table screening_flight add column departure_local timestamp;
alter table screening_flight add column arrival_local timestamp;
alter table screening_flight add column departure_at timestamptz;
alter table screening_flight add column arrival_at timestamptz;
create index screening_flight_arrival on screening_flight (arrival_at);
