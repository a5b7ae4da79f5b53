package org.sekisho.targeting.selectivity.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a declaration goes after assessment, from most to least severe, as in ASYCUDA selectivity.
 * Labels shown to users are configurable per administration ({@link LaneLabels}).
 */
public enum Lane {
  /** Physical examination of the goods. */
  RED,
  /** Documentary check. */
  YELLOW,
  /** Released now, post-clearance audit later. */
  BLUE,
  /** Released without control. */
  GREEN;

  /** The lower-case code used in criteria, files and the API ({@code red}, {@code yellow}, …). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this lane means more control than {@code other}. */
  public boolean moreSevereThan(Lane other) {
    return ordinal() < other.ordinal();
  }

  /** The more severe of two lanes. */
  public static Lane max(Lane a, Lane b) {
    return a.moreSevereThan(b) ? a : b;
  }

  /** The lane for a code, ignoring case; empty for anything else. */
  public static Optional<Lane> ofCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Lane l : values()) {
      if (l.code().equalsIgnoreCase(code.strip())) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
