package org.sekisho.targeting.worklist.application;

import java.util.Locale;
import java.util.Optional;

/** What an inspection found (the label used for learning). */
public enum InspectionResult {
  NOTHING_FOUND,
  INFRACTION;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<InspectionResult> ofCode(String s) {
    for (InspectionResult r : values()) {
      if (r.code().equalsIgnoreCase(s == null ? "" : s.strip())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
