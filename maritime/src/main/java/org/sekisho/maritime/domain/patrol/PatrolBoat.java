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

  /**
   * The speed reckoned with for a boat whose crew never gave the speed it can make: a conservative
   * figure that the slowest patrol launch in the fleet still makes, so that a stopped boat a few
   * miles off is offered before one an hour away, and never dropped as "no ETA".
   */
  public static final double DEFAULT_RESPONSE_KNOTS = 10;

  /** A boat whose response speed is not known. */
  public PatrolBoat(
      String id, String name, Instant time, double lat, double lon, double speedKnots) {
    this(id, name, time, lat, lon, speedKnots, Double.NaN);
  }

  /**
   * The speed to reckon its arrival with: the speed it can make when known, else the faster of the
   * speed it is making and {@link #DEFAULT_RESPONSE_KNOTS} (a boat stopped or drifting on station
   * can still get under way). Always greater than 0.
   */
  public double responseKnots() {
    return maxSpeedKnots > 0 ? maxSpeedKnots : Math.max(speedKnots, DEFAULT_RESPONSE_KNOTS);
  }

  /** Whether {@link #responseKnots()} is an assumption rather than what the crew reported. */
  public boolean responseAssumed() {
    return !(maxSpeedKnots > 0) && speedKnots < DEFAULT_RESPONSE_KNOTS;
  }
}
