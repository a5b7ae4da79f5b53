package org.sekisho.maritime.domain.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sekisho.maritime.domain.geo.Geo;

/**
 * Nearest patrol boats to a position, with straight-line distance and ETA at the speed each can
 * respond with ({@link PatrolBoat#responseKnots()}). A boat on scene (within {@link #ON_SCENE_NM})
 * comes first whatever its speed: it is already there.
 */
public final class PatrolTasking {
  /** A boat at most this far from the position is on scene. */
  public static final double ON_SCENE_NM = 1.0;

  private PatrolTasking() {}

  /**
   * A boat that could respond.
   *
   * @param eta distance / response speed ({@link PatrolBoat#responseAssumed()} says whether that
   *     speed is the fleet default)
   * @param age how old its position is at the picture's time, or null when not asked
   */
  public record Option(PatrolBoat boat, double distanceNm, Duration eta, Duration age) {
    /** Whether the boat is already there. */
    public boolean onScene() {
      return distanceNm <= ON_SCENE_NM;
    }
  }

  /** Up to {@code limit} boats, on scene first, then fastest to arrive, any age. */
  public static List<Option> nearest(double lat, double lon, List<PatrolBoat> boats, int limit) {
    return nearest(lat, lon, boats, limit, null, null);
  }

  /**
   * Up to {@code limit} boats whose position is at most {@code maxAge} old at {@code asOf}: boats
   * on scene first (nearest first), then fastest to arrive (nearest first on a tie). A boat that
   * never reported the speed it can make is reckoned at {@link PatrolBoat#DEFAULT_RESPONSE_KNOTS}
   * or the speed it is making, whichever is faster. A position reported after {@code asOf} counts
   * as current, never as stale.
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
      Duration eta = Duration.ofSeconds(Math.round(d / b.responseKnots() * 3600));
      out.add(new Option(b, Math.round(d * 10) / 10.0, eta, age));
    }
    out.sort(
        Comparator.comparing((Option o) -> !o.onScene())
            .thenComparing((Option o) -> o.onScene() ? Duration.ZERO : o.eta())
            .thenComparingDouble(Option::distanceNm));
    return out.subList(0, Math.min(limit, out.size()));
  }
}
