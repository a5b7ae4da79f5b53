package org.sekisho.passenger.screening.domain;

import java.time.LocalDate;
import java.util.Locale;
import org.sekisho.passenger.pnr.domain.Flight;

/**
 * One flight on one day, as screening counts it: carrier, number in four-digit form, departure date
 * and route.
 *
 * @param carrier airline designator
 * @param number flight number, four digits where numeric ({@code 0988})
 * @param departureDate scheduled departure date
 * @param origin departure airport (IATA)
 * @param destination arrival airport (IATA)
 */
public record FlightRef(
    String carrier, String number, LocalDate departureDate, String origin, String destination) {

  /** The flight of a message leg; {@code fallbackDate} when the message gives no date. */
  public static FlightRef of(Flight f, LocalDate fallbackDate) {
    return new FlightRef(
        f.carrier().strip().toUpperCase(Locale.ROOT),
        f.paddedNumber().strip().toUpperCase(Locale.ROOT),
        f.departureDate() == null ? fallbackDate : f.departureDate(),
        f.origin().strip().toUpperCase(Locale.ROOT),
        f.destination().strip().toUpperCase(Locale.ROOT));
  }

  /** {@code UA0988}. */
  public String designator() {
    return carrier + number;
  }

  /**
   * Arrival when the flight lands in {@code homeCountry}, departure when it leaves from there,
   * otherwise (both ends abroad, or airports the table does not know) {@link Direction#OTHER}.
   */
  public Direction direction(String homeCountry) {
    if (Places.countryOfAirport(destination).equals(homeCountry)) {
      return Direction.ARRIVAL;
    }
    if (Places.countryOfAirport(origin).equals(homeCountry)) {
      return Direction.DEPARTURE;
    }
    return Direction.OTHER;
  }

  /** Whether a flight arrives in or departs from the country. */
  public enum Direction {
    ARRIVAL,
    DEPARTURE,
    OTHER;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public String toString() {
    return designator() + " " + departureDate + " " + origin + "-" + destination;
  }
}
