package org.sekisho.maritime.domain.patrol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sekisho.maritime.domain.geo.Geo;

/** Nearest patrol boats to a position, with straight-line distance and ETA at their speed. */
public final class PatrolTasking {
  private PatrolTasking() {}

  /**
   * A boat that could respond.
   *
   * @param eta distance / speed, or null for a boat reporting no usable speed
   */
  public record Option(PatrolBoat boat, double distanceNm, Duration eta) {}

  /** Up to {@code limit} boats, fastest to arrive first (boats without speed last). */
  public static List<Option> nearest(double lat, double lon, List<PatrolBoat> boats, int limit) {
    List<Option> out = new ArrayList<>();
    for (PatrolBoat b : boats) {
      double d = Geo.distanceNm(b.lat(), b.lon(), lat, lon);
      Duration eta =
          b.speedKnots() > 0 ? Duration.ofSeconds(Math.round(d / b.speedKnots() * 3600)) : null;
      out.add(new Option(b, Math.round(d * 10) / 10.0, eta));
    }
    out.sort(
        Comparator.comparing((Option o) -> o.eta() == null ? Duration.ofDays(36500) : o.eta())
            .thenComparingDouble(Option::distanceNm));
    return out.subList(0, Math.min(limit, out.size()));
  }
}
