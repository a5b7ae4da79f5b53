package org.sekisho.passenger.screening.domain;

import java.time.temporal.ChronoUnit;

/**
 * A traveller as passenger rules see it: the facts from PNR/API plus what only the whole picture
 * tells (earlier trips, companions).
 *
 * @param facts the traveller's facts on this flight
 * @param tripsLast30Days other flights of the same traveller in the 30 days before this one
 * @param companionOfSeizureLinked whether someone on the same booking is on a list of people linked
 *     to past seizures
 */
public record ScreenedPassenger(
    PassengerFacts facts, int tripsLast30Days, boolean companionOfSeizureLinked) {

  /** Age in whole years on the day of the flight, NaN when the date of birth is unknown. */
  public double age() {
    if (facts.dateOfBirth() == null || facts.departureDate() == null) {
      return Double.NaN;
    }
    return ChronoUnit.YEARS.between(facts.dateOfBirth(), facts.departureDate());
  }
}
