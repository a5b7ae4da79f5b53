package org.sekisho.targeting.selectivity.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * What each lane is called in one administration. Japan Customs, for instance, uses 区分1 (release
 * without control), 区分2 (documentary check) and 区分3 (examination).
 */
public record LaneLabels(Map<Lane, String> labels) {
  public LaneLabels {
    EnumMap<Lane, String> m = new EnumMap<>(Lane.class);
    for (Lane l : Lane.values()) {
      String s = labels.get(l);
      m.put(l, s == null || s.isBlank() ? l.code() : s.strip());
    }
    labels = Map.copyOf(m);
  }

  /** ASYCUDA's colour names. */
  public static LaneLabels colours() {
    return new LaneLabels(
        Map.of(
            Lane.RED, "red (examination)",
            Lane.YELLOW, "yellow (documents)",
            Lane.BLUE, "blue (post-clearance audit)",
            Lane.GREEN, "green (release)"));
  }

  /** Japan Customs' 区分 (categories); blue has no 区分 of its own and is shown as 事後調査. */
  public static LaneLabels japan() {
    return new LaneLabels(
        Map.of(
            Lane.RED, "区分3 (検査)",
            Lane.YELLOW, "区分2 (書類審査)",
            Lane.BLUE, "事後調査",
            Lane.GREEN, "区分1 (簡易審査)"));
  }

  public String of(Lane lane) {
    return labels.get(lane);
  }
}
