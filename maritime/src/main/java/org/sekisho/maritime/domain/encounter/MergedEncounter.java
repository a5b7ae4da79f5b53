package org.sekisho.maritime.domain.encounter;

import java.time.Duration;
import java.time.Instant;

/**
 * One meeting of two vessels, after merging the raw encounters of both sides that are less than the
 * merge interval apart. {@code vessel1} sorts before {@code vessel2}; point counts belong to the
 * vessel of the same number.
 */
public record MergedEncounter(
    String vessel1,
    String vessel2,
    Instant start,
    Instant end,
    double meanLat,
    double meanLon,
    double medianDistanceKm,
    double medianSpeedKnots,
    int vessel1Points,
    int vessel2Points) {
  public Duration duration() {
    return Duration.between(start, end);
  }
}
