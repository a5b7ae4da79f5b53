package org.sekisho.maritime.domain.patrol;

import java.time.Instant;

/**
 * A patrol boat's last reported position.
 *
 * @param time when the position was true (event time, as the crew reported it)
 * @param speedKnots its speed at that time (0 when stopped, alongside or drifting)
 * @param maxSpeedKnots the speed it can make to respond, NaN when never reported: a stopped boat is
 *     still a boat that can respond
 */
public record PatrolBoat(
    String id,
    String name,
    Instant time,
    double lat,
    double lon,
    double speedKnots,
    double maxSpeedKnots) {

  /** A boat whose response speed is not known. */
  public PatrolBoat(
      String id, String name, Instant time, double lat, double lon, double speedKnots) {
    this(id, name, time, lat, lon, speedKnots, Double.NaN);
  }

  /**
   * The speed to reckon its arrival with: the speed it can make when known, else the speed it is
   * making (0: unknown).
   */
  public double responseKnots() {
    return maxSpeedKnots > 0 ? maxSpeedKnots : speedKnots;
  }
}
