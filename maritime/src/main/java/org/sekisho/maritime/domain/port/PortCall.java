package org.sekisho.maritime.domain.port;

import java.time.Instant;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

/**
 * A vessel arriving at or departing from a port area.
 *
 * @param movementId stable id: mmsi, port, direction and time, so that replays are idempotent
 * @param direction arrival or departure
 * @param port where
 * @param time time of the first position inside (arrival) or outside (departure) the area
 * @param vessel the vessel's identity and static data at that moment
 */
public record PortCall(
    String movementId, Direction direction, PortArea port, Instant time, VesselSnapshot vessel) {

  /** Arrival or departure. */
  public enum Direction {
    ARRIVAL,
    DEPARTURE;

    /** Lower-case name, as the intelligence records format spells it. */
    public String code() {
      return this == ARRIVAL ? "arrival" : "departure";
    }
  }

  /** An arrival or departure, with its id derived from its content. */
  public static PortCall of(Direction d, PortArea port, Instant time, VesselSnapshot vessel) {
    String id =
        "ais-" + vessel.mmsi() + "-" + port.locode() + "-" + d.code() + "-" + time.getEpochSecond();
    return new PortCall(id, d, port, time, vessel);
  }
}
