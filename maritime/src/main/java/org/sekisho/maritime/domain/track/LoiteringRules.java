package org.sekisho.maritime.domain.track;

import java.time.Duration;
import java.util.Optional;

/** Loitering parameters per area; empty where loitering is normal (ports, anchorages). */
@FunctionalInterface
public interface LoiteringRules {

  /**
   * @param maxSpeedKnots at or below this speed the vessel counts as loitering (GFW: 2 knots)
   * @param minDuration episodes shorter than this are not reported (GFW: 1 hour)
   * @param maxSilence a silence longer than this ends the episode
   */
  record Limits(double maxSpeedKnots, Duration minDuration, Duration maxSilence) {
    public static Limits standard() {
      return new Limits(2.0, Duration.ofHours(1), Duration.ofHours(2));
    }
  }

  Optional<Limits> at(double lat, double lon);

  static LoiteringRules everywhere(Limits limits) {
    Optional<Limits> l = Optional.of(limits);
    return (lat, lon) -> l;
  }
}
