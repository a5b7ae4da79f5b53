package org.sekisho.passenger.screening.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.sekisho.passenger.pnr.domain.Flight;

/**
 * When a flight is scheduled to leave and land, as its message gave it (local to each airport) and,
 * where the airport's zone is known, as a point in time, so that flights from anywhere can be put
 * in the order they land and shown on the administration's clock.
 *
 * @param departureLocal scheduled departure, local to the origin; null when the message gave none
 * @param arrivalLocal scheduled arrival, local to the destination; null when the message gave none
 * @param departure the departure as a point in time; null when not given or the origin's zone is
 *     unknown
 * @param arrival the arrival as a point in time; null when not given or the destination's zone is
 *     unknown
 * @param arrivalDateInferred whether the arrival's date is not the message's own but the departure
 *     date, taken for an arrival time sent without a date (also when it is no longer known)
 */
public record Schedule(
    LocalDateTime departureLocal,
    LocalDateTime arrivalLocal,
    Instant departure,
    Instant arrival,
    boolean arrivalDateInferred) {

  /** No times known. */
  public static final Schedule UNKNOWN = new Schedule(null, null, null, null, false);

  /** The schedule of a message leg, its local times read in its airports' zones. */
  public static Schedule of(Flight leg) {
    if (leg == null) {
      return UNKNOWN;
    }
    LocalDateTime dep = leg.departure();
    LocalDateTime arr = leg.arrival();
    return new Schedule(
        dep,
        arr,
        at(dep, leg.origin()),
        at(arr, leg.destination()),
        arr != null && leg.arrivalDateInferred());
  }

  private static Instant at(LocalDateTime local, String airport) {
    return local == null
        ? null
        : Places.zoneOfAirport(airport).map(z -> local.atZone(z).toInstant()).orElse(null);
  }

  /**
   * Whether the leg lands after it leaves. The local times are compared as points in time, each
   * read in its own airport's zone ({@link Places#zoneOfAirport}), so a flight that crosses the
   * date line eastwards and lands "the day before" is no warning. Not checked (and no warning) when
   * a time is missing, when an airport's zone is not known (two local times of unknown zones cannot
   * be compared), or when the sender left out the arrival date and the departure date was taken for
   * it (an overnight flight would then seem to land before it leaves).
   */
  public TimeCheck check() {
    if (departureLocal == null || arrivalLocal == null) {
      return new TimeCheck.Unchecked("times-missing");
    }
    if (arrivalDateInferred) {
      return new TimeCheck.Unchecked("arrival-date-not-sent");
    }
    if (departure == null || arrival == null) {
      return new TimeCheck.Unchecked("zone-unknown");
    }
    if (arrival.isAfter(departure)) {
      return new TimeCheck.Plausible(Duration.between(departure, arrival));
    }
    return new TimeCheck.ArrivesBeforeDeparture(
        departureLocal, arrivalLocal, Duration.between(arrival, departure));
  }

  /** What {@link #check} found. */
  public sealed interface TimeCheck {
    /** The leg lands {@code flightTime} after it leaves. */
    record Plausible(Duration flightTime) implements TimeCheck {}

    /**
     * The leg lands before it leaves (or as it leaves), by {@code by}: a data-quality warning, the
     * message's times are wrong somewhere.
     */
    record ArrivesBeforeDeparture(
        LocalDateTime departureLocal, LocalDateTime arrivalLocal, Duration by)
        implements TimeCheck {}

    /**
     * Not checked: {@code times-missing}, {@code zone-unknown} or {@code arrival-date-not-sent}.
     */
    record Unchecked(String reason) implements TimeCheck {}
  }
}
