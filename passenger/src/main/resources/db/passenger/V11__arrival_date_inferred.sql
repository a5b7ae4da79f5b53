-- Whether a flight's scheduled arrival date is the message's own or the departure date, taken for
-- an arrival time sent without its date (PNRGOV TVL may leave it out). Only an arrival whose date
-- was sent can be checked against the departure: an overnight flight whose date was taken would
-- seem to land before it leaves. Null for flights stored before: not known, so not checked.
alter table screening_flight add column arrival_date_inferred boolean;
