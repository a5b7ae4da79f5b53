package org.sekisho.maritime.domain.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.maritime.domain.geo.Passage;
import org.sekisho.maritime.domain.geo.Passages;

/**
 * Where a boat meets a moving vessel: the vessel's course and speed from its last fix carried
 * forward (dead reckoning), and the boat's passage by sea to where the vessel will be when the boat
 * gets there. Found by repeating "where is the vessel when the boat arrives" until the arrival
 * stops moving (it settles whenever the boat is faster than the vessel).
 *
 * @param lat where they meet
 * @param lon where they meet
 * @param eta from the boat's departure to the meeting
 * @param passage the boat's passage there
 */
public record Intercept(double lat, double lon, Duration eta, Passage passage) {
  /** The furthest ahead of its last fix a vessel's course is carried: beyond, it is a guess. */
  public static final Duration HORIZON = Duration.ofHours(6);

  /** Below this speed a vessel counts as stopped: its last fix is where to go. */
  public static final double UNDER_WAY_KNOTS = 1.0;

  private static final int ROUNDS = 12;
  private static final long SETTLED_SECONDS = 60;

  /**
   * The meeting of {@code boat}, leaving at {@code departs}, with a vessel last fixed at ({@code
   * lat}, {@code lon}) at {@code fixed} making {@code speedKnots} on {@code courseDeg}; empty when
   * the vessel is not under way or its course is unknown (AIS 360), when the boat cannot catch it
   * within {@link #HORIZON} of the fix, or when the vessel's reckoned track runs onto the land.
   */
  public static Optional<Intercept> of(
      PatrolBoat boat,
      double lat,
      double lon,
      Instant fixed,
      double speedKnots,
      double courseDeg,
      Instant departs,
      Passages passages) {
    if (!(speedKnots >= UNDER_WAY_KNOTS) || !(courseDeg >= 0 && courseDeg < 360)) {
      return Optional.empty();
    }
    double knots = boat.responseKnots();
    Instant arrives = departs.isBefore(fixed) ? fixed : departs;
    for (int round = 0; round < ROUNDS; round++) {
      Duration ahead = Duration.between(fixed, arrives);
      if (ahead.compareTo(HORIZON) > 0) {
        return Optional.empty();
      }
      double[] at =
          Geo.destination(
              lat, lon, courseDeg, speedKnots * Math.max(0, ahead.toSeconds()) / 3600.0);
      Passage p = passages.between(boat.lat(), boat.lon(), at[0], at[1]);
      if (p.basis() == Passage.Basis.NO_SEA_ROUTE) {
        return Optional.empty();
      }
      Instant next = departs.plusSeconds(Math.round(p.distanceNm() / knots * 3600));
      if (Math.abs(Duration.between(arrives, next).toSeconds()) <= SETTLED_SECONDS) {
        return Optional.of(new Intercept(at[0], at[1], Duration.between(departs, next), p));
      }
      arrives = next;
    }
    return Optional.empty();
  }
}
