package org.sekisho.targeting.selectivity.domain;

import java.util.EnumMap;
import java.util.Map;

/** Selectivity settings of one office, per lane (green needs none: it is what is left). */
public record OfficeProfile(Map<Lane, LaneRates> rates) {
  public OfficeProfile {
    EnumMap<Lane, LaneRates> m = new EnumMap<>(Lane.class);
    for (Lane l : Lane.values()) {
      m.put(l, rates.getOrDefault(l, LaneRates.NONE));
    }
    double random = 0;
    for (LaneRates r : m.values()) {
      random += r.minimumRandomRate();
    }
    if (random > 1) {
      throw new IllegalArgumentException("random rates of all lanes add up to more than 1");
    }
    rates = Map.copyOf(m);
  }

  public LaneRates of(Lane lane) {
    return rates.get(lane);
  }

  /** A profile with only red settings: the usual case. */
  public static OfficeProfile red(double expected, double random, int maxHits) {
    return new OfficeProfile(Map.of(Lane.RED, new LaneRates(expected, random, maxHits)));
  }
}
