package org.sekisho.passenger.screening.domain;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

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
    PassengerFacts facts,
    int tripsLast30Days,
    boolean companionOfSeizureLinked,
    List<String> via,
    List<String> changed) {

  /**
   * @param via the countries of the route, alpha-2 ({@link PassengerFacts#viaCountries()})
   * @param changed what changed since the previous version, upper case, sorted
   */
  public ScreenedPassenger {
    via = List.copyOf(via);
    changed = List.copyOf(changed);
  }

  /** Computes once what rules read many times (countries of the route, changes). */
  public ScreenedPassenger(
      PassengerFacts facts, int tripsLast30Days, boolean companionOfSeizureLinked) {
    this(
        facts,
        tripsLast30Days,
        companionOfSeizureLinked,
        facts.viaCountries(),
        facts.changed().stream().map(s -> s.toUpperCase(Locale.ROOT)).sorted().toList());
  }

  /** Age in whole years on the day of the flight, NaN when the date of birth is unknown. */
  public double age() {
    if (facts.dateOfBirth() == null || facts.departureDate() == null) {
      return Double.NaN;
    }
    return ChronoUnit.YEARS.between(facts.dateOfBirth(), facts.departureDate());
  }
}
