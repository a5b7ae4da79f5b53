package org.sekisho.maritime.domain.track;

import java.time.Duration;
import java.time.Instant;

/**
 * A vessel that stayed slow (drifting, waiting) for a long time away from port.
 *
 * @param vesselId MMSI
 * @param reports position reports in the episode
 */
public record Loitering(
    String vesselId,
    Instant start,
    Instant end,
    double meanLat,
    double meanLon,
    double meanSpeedKnots,
    int reports) {
  public Duration duration() {
    return Duration.between(start, end);
  }
}
