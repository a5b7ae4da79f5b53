package org.sekisho.maritime.domain.encounter;

import java.time.Duration;
import java.util.Optional;

/**
 * Encounter parameters per area: what counts as "close", for how long, and how slowly, where the
 * encounter happens. An empty answer exempts the area (ports, anchorages, areas outside the watch).
 */
@FunctionalInterface
public interface EncounterRules {

  /**
   * Limits for one area.
   *
   * @param maxDistanceKm two vessels closer than this (on the resampled grid) are together
   * @param minDuration together at least this long to be an encounter
   * @param maxMedianSpeedKnots the median implied speed of the encounter must not exceed this
   *     (infinite to accept any speed)
   */
  record Limits(double maxDistanceKm, Duration minDuration, double maxMedianSpeedKnots) {
    /** GFW encounters pipeline defaults: 0.5 km for 30 minutes, any speed. */
    public static Limits gfw() {
      return new Limits(0.5, Duration.ofMinutes(30), Double.POSITIVE_INFINITY);
    }
  }

  /** Limits at a position, or empty where encounters are not of interest. */
  Optional<Limits> at(double lat, double lon);

  /** The same limits everywhere. */
  static EncounterRules everywhere(Limits limits) {
    Optional<Limits> l = Optional.of(limits);
    return (lat, lon) -> l;
  }
}
