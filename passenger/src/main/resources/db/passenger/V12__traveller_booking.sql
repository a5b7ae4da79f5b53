-- A booking moved to another flight leaves the flights it was on: each stored PNR version looks up
-- the flights its booking has travellers on, which the (flight_id, booking) index cannot answer.
create index screening_traveller_booking on screening_traveller (booking);
