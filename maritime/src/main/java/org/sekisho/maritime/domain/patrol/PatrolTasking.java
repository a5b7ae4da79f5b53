package org.sekisho.maritime.domain.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sekisho.maritime.domain.geo.Geo;

/**
 * Nearest patrol boats to a position, with straight-line distance and ETA at the speed each can
 * respond with ({@link PatrolBoat#responseKnots()}).
 */
public final class PatrolTasking {
  private PatrolTasking() {}

  /**
   * A boat that could respond.
   *
   * @param eta distance / response speed, or null for a boat with no known speed
   * @param age how old its position is at the picture's time, or null when not asked
   */
  public record Option(PatrolBoat boat, double distanceNm, Duration eta, Duration age) {}

  /** Up to {@code limit} boats, fastest to arrive first (boats without speed last), any age. */
  public static List<Option> nearest(double lat, double lon, List<PatrolBoat> boats, int limit) {
    return nearest(lat, lon, boats, limit, null, null);
  }

  /**
   * Up to {@code limit} boats whose position is at most {@code maxAge} old at {@code asOf}, fastest
   * to arrive first (boats without a known speed last, nearest first among them). A position
   * reported after {@code asOf} counts as current, never as stale.
   *
   * @param asOf the picture's time (null: take every boat, ages not given)
   */
  public static List<Option> nearest(
      double lat, double lon, List<PatrolBoat> boats, int limit, Instant asOf, Duration maxAge) {
    List<Option> out = new ArrayList<>();
    for (PatrolBoat b : boats) {
      Duration age = null;
      if (asOf != null) {
        age = b.time().isAfter(asOf) ? Duration.ZERO : Duration.between(b.time(), asOf);
        if (maxAge != null && age.compareTo(maxAge) > 0) {
          continue; // where it was hours ago says nothing about where it is
        }
      }
      double d = Geo.distanceNm(b.lat(), b.lon(), lat, lon);
      double knots = b.responseKnots();
      Duration eta = knots > 0 ? Duration.ofSeconds(Math.round(d / knots * 3600)) : null;
      out.add(new Option(b, Math.round(d * 10) / 10.0, eta, age));
    }
    out.sort(
        Comparator.comparing((Option o) -> o.eta() == null ? Duration.ofDays(36500) : o.eta())
            .thenComparingDouble(Option::distanceNm));
    return out.subList(0, Math.min(limit, out.size()));
  }
}
