package org.sekisho.targeting.selectivity.domain;

import java.util.Map;

/**
 * Selectivity for an administration: the seed of its replayable random source, a profile per
 * office, the profile of offices not listed, and the lane labels.
 */
public record SelectivityConfig(
    long seed, Map<String, OfficeProfile> offices, OfficeProfile defaults, LaneLabels labels) {
  public SelectivityConfig {
    offices = Map.copyOf(offices);
  }

  public OfficeProfile profile(String office) {
    return offices.getOrDefault(office, defaults);
  }

  /** 5 % red expected, 1 % red at random, no hit limit, colour labels. */
  public static SelectivityConfig standard(long seed) {
    return new SelectivityConfig(
        seed, Map.of(), OfficeProfile.red(0.05, 0.01, 0), LaneLabels.colours());
  }
}
