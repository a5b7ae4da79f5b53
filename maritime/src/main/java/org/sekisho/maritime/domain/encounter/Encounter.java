package org.sekisho.maritime.domain.encounter;

import java.time.Duration;
import java.time.Instant;

/**
 * A raw, directional encounter: vessel 1 stayed within the area's distance of vessel 2 on every
 * grid point vessel 1 has between {@code start} and {@code end}. Positions and means are vessel
 * 1's; each encounter is normally found twice, once from each side.
 *
 * @param medianSpeedKnots median of vessel 1's implied speeds between consecutive grid points
 * @param vessel1Points rounded sum of vessel 1's point densities (how much real data backs it)
 */
public record Encounter(
    String vessel1,
    String vessel2,
    Instant start,
    Instant end,
    double meanLat,
    double meanLon,
    double medianDistanceKm,
    double medianSpeedKnots,
    int vessel1Points,
    int vessel2Points,
    double startLat,
    double startLon,
    double endLat,
    double endLon) {

  public Duration duration() {
    return Duration.between(start, end);
  }
}
