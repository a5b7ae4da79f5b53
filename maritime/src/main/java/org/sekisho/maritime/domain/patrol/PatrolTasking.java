package org.sekisho.maritime.domain.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.maritime.domain.geo.Passage;
import org.sekisho.maritime.domain.geo.Passages;

/**
 * Nearest patrol boats to a position, with the distance of each one's passage there ({@link
 * Passages}: by sea, round the land, where the server has a land map) and the ETA at the speed each
 * can respond with ({@link PatrolBoat#responseKnots()}). A boat on scene (within {@link
 * #ON_SCENE_NM} in a straight line) comes first whatever its speed: it is already there.
 */
public final class PatrolTasking {
  /** A boat at most this far from the position is on scene. */
  public static final double ON_SCENE_NM = 1.0;

  private PatrolTasking() {}

  /**
   * A boat that could respond.
   *
   * @param distanceNm the passage's length, to a tenth of a mile
   * @param eta distance / response speed ({@link PatrolBoat#responseAssumed()} says whether that
   *     speed is the fleet default)
   * @param age how old its position is at the picture's time, or null when not asked
   * @param passage how the boat gets there
   * @param onScene whether the boat is already there: at most {@link #ON_SCENE_NM} away in a
   *     straight line
   * @param intercept where it would meet the vessel, when the position is a vessel under way that
   *     it can catch (see {@link Intercept}); empty otherwise
   */
  public record Option(
      PatrolBoat boat,
      double distanceNm,
      Duration eta,
      Duration age,
      Passage passage,
      boolean onScene,
      java.util.Optional<Intercept> intercept) {
    /** This option with where the boat would meet the vessel. */
    public Option meeting(java.util.Optional<Intercept> meeting) {
      return new Option(boat, distanceNm, eta, age, passage, onScene, meeting);
    }
  }

  /** Up to {@code limit} boats, on scene first, then fastest to arrive, any age, straight lines. */
  public static List<Option> nearest(double lat, double lon, List<PatrolBoat> boats, int limit) {
    return nearest(lat, lon, boats, limit, null, null, Passages.STRAIGHT);
  }

  /**
   * Up to {@code limit} boats whose position is at most {@code maxAge} old at {@code asOf}: boats
   * on scene first (nearest first), then fastest to arrive (nearest first on a tie). A boat that
   * never reported the speed it can make is reckoned at {@link PatrolBoat#DEFAULT_RESPONSE_KNOTS}
   * or the speed it is making, whichever is faster. A position reported after {@code asOf} counts
   * as current, never as stale.
   *
   * <p>Passages are reckoned only for the boats that could still be among the first: no passage is
   * shorter than the straight line, so once {@code limit} boats are known, a boat whose straight
   * line alone takes longer than the last of them is not asked about.
   *
   * @param asOf the picture's time (null: take every boat, ages not given)
   * @param passages how a boat gets to the position
   */
  public static List<Option> nearest(
      double lat,
      double lon,
      List<PatrolBoat> boats,
      int limit,
      Instant asOf,
      Duration maxAge,
      Passages passages) {
    record Candidate(PatrolBoat boat, Duration age, double straightNm, Duration straightEta) {
      boolean onScene() {
        return straightNm <= ON_SCENE_NM;
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (PatrolBoat b : boats) {
      Duration age = null;
      if (asOf != null) {
        age = b.time().isAfter(asOf) ? Duration.ZERO : Duration.between(b.time(), asOf);
        if (maxAge != null && age.compareTo(maxAge) > 0) {
          continue; // where it was hours ago says nothing about where it is
        }
      }
      double d = Geo.distanceNm(b.lat(), b.lon(), lat, lon);
      candidates.add(new Candidate(b, age, d, eta(d, b)));
    }
    candidates.sort(
        soonestFirst(Candidate::onScene, Candidate::straightEta, Candidate::straightNm));
    Comparator<Option> first = soonestFirst(Option::onScene, Option::eta, Option::distanceNm);
    List<Option> out = new ArrayList<>();
    for (Candidate c : candidates) {
      if (out.size() >= limit && limit > 0) {
        Option last = out.get(limit - 1);
        // no passage is shorter than the straight line: this boat and all after it come later
        if (!c.onScene() && (last.onScene() || c.straightEta().compareTo(last.eta()) > 0)) {
          break;
        }
      }
      PatrolBoat b = c.boat();
      Passage p = passages.between(b.lat(), b.lon(), lat, lon);
      double d = Math.max(p.distanceNm(), c.straightNm());
      out.add(
          new Option(
              b, Math.round(d * 10) / 10.0, eta(d, b), c.age(), p, c.onScene(), Optional.empty()));
      out.sort(first);
    }
    return out.subList(0, Math.min(Math.max(limit, 0), out.size()));
  }

  /**
   * Boats on scene first (among them the nearest), then the soonest there, then the nearest: the
   * same order for boats by straight line and for boats by passage.
   */
  private static <T> Comparator<T> soonestFirst(
      Predicate<T> onScene, Function<T, Duration> eta, ToDoubleFunction<T> distanceNm) {
    return Comparator.comparing((T t) -> !onScene.test(t))
        .thenComparing((T t) -> onScene.test(t) ? Duration.ZERO : eta.apply(t))
        .thenComparingDouble(distanceNm);
  }

  private static Duration eta(double nm, PatrolBoat b) {
    return Duration.ofSeconds(Math.round(nm / b.responseKnots() * 3600));
  }
}
