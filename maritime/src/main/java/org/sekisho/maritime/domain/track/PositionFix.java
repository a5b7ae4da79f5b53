package org.sekisho.maritime.domain.track;

import java.time.Instant;
import java.util.Objects;

/**
 * One reported position of a vessel.
 *
 * @param vesselId MMSI or another stable vessel identifier
 * @param time when the position was valid
 * @param lat latitude in degrees, or NaN when not reported
 * @param lon longitude in degrees, or NaN when not reported
 */
public record PositionFix(String vesselId, Instant time, double lat, double lon) {
  public PositionFix {
    Objects.requireNonNull(vesselId, "vesselId");
    Objects.requireNonNull(time, "time");
  }
}
