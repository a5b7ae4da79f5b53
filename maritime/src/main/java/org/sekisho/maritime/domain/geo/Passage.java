package org.sekisho.maritime.domain.geo;

import java.util.List;

/**
 * How a boat gets from one position to another, and how far that is.
 *
 * @param distanceNm the length of the passage in nautical miles
 * @param basis how it was reckoned
 * @param waypoints the passage from its start to its end (at least those two)
 */
public record Passage(double distanceNm, Basis basis, List<Waypoint> waypoints) {
  public Passage {
    waypoints = List.copyOf(waypoints);
    if (waypoints.size() < 2) {
      throw new IllegalArgumentException("a passage has a start and an end");
    }
  }

  /** How a passage was reckoned. */
  public enum Basis {
    /** By sea, round the land on the map (a straight line where no land is in the way). */
    SEA,
    /** A straight line: no land map to route round. */
    STRAIGHT_LINE,
    /**
     * A straight line, because no passage by sea was found within the search's bounds (a position
     * in a lake, or beyond the map's reach): the distance is the least it can be.
     */
    NO_SEA_ROUTE
  }

  /** A point of a passage, in degrees. */
  public record Waypoint(double lat, double lon) {}

  /** The straight line between two positions. */
  public static Passage straight(
      double fromLat, double fromLon, double toLat, double toLon, Basis basis) {
    return new Passage(
        Geo.distanceNm(fromLat, fromLon, toLat, toLon),
        basis,
        List.of(new Waypoint(fromLat, fromLon), new Waypoint(toLat, toLon)));
  }
}
