package org.sekisho.targeting.release.domain;

import java.util.Locale;
import java.util.Optional;

/** Where a registered risk model stands in its lifecycle. */
public enum ModelStatus {
  /** Registered with its evaluation figures; waiting for an administrator's approval. */
  EVALUATED,
  /** Approved by an administrator other than the one who registered it; may be released. */
  APPROVED,
  /** The model the assessor scores with; at most one at a time. */
  RELEASED,
  /** Released before and replaced; may be restored. */
  RETIRED;

  /** Lower-case code as stored and shown in the API. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ModelStatus> ofCode(String code) {
    for (ModelStatus s : values()) {
      if (s.code().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
