package org.sekisho.passenger.screening.domain;

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
 */
public record Schedule(
    LocalDateTime departureLocal, LocalDateTime arrivalLocal, Instant departure, Instant arrival) {

  /** No times known. */
  public static final Schedule UNKNOWN = new Schedule(null, null, null, null);

  /** The schedule of a message leg, its local times read in its airports' zones. */
  public static Schedule of(Flight leg) {
    if (leg == null) {
      return UNKNOWN;
    }
    LocalDateTime dep = leg.departure();
    LocalDateTime arr = leg.arrival();
    return new Schedule(dep, arr, at(dep, leg.origin()), at(arr, leg.destination()));
  }

  private static Instant at(LocalDateTime local, String airport) {
    return local == null
        ? null
        : Places.zoneOfAirport(airport).map(z -> local.atZone(z).toInstant()).orElse(null);
  }
}
