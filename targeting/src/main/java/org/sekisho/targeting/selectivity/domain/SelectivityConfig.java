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

  /**
   * The profile of an office or of one of its streams ({@code office/kind}, e.g. {@code
   * JPYOK/transport-document}): the stream's own when configured, else its office's, else the
   * defaults.
   */
  public OfficeProfile profile(String office) {
    OfficeProfile p = offices.get(office);
    if (p != null) {
      return p;
    }
    int slash = office.indexOf('/');
    return slash > 0 ? offices.getOrDefault(office.substring(0, slash), defaults) : defaults;
  }

  /** 5 % red expected, 1 % red at random, no hit limit, colour labels. */
  public static SelectivityConfig standard(long seed) {
    return new SelectivityConfig(
        seed, Map.of(), OfficeProfile.red(0.05, 0.01, 0), LaneLabels.colours());
  }
}
