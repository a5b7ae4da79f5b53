package org.sekisho.maritime.domain.geo;

/** Reckons the passage between two positions at sea. Thread-safe. */
@FunctionalInterface
public interface Passages {
  /** Every passage a straight line, as where no land map is at hand. */
  Passages STRAIGHT =
      (fromLat, fromLon, toLat, toLon) ->
          Passage.straight(fromLat, fromLon, toLat, toLon, Passage.Basis.STRAIGHT_LINE);

  /** The passage from the first position to the second, in degrees. */
  Passage between(double fromLat, double fromLon, double toLat, double toLon);
}
