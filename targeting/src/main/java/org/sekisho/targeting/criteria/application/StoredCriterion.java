package org.sekisho.targeting.criteria.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * One saved version of a criterion. Versions are never changed once saved, only their status.
 *
 * @param owner who saved this version
 * @param offices office scope; empty for all offices
 * @param status draft until an administrator releases it
 * @param releasedBy who released it; empty until released
 * @param releasedAt when; empty until released
 */
public record StoredCriterion(
    long id,
    int version,
    String name,
    String source,
    String owner,
    Set<String> offices,
    Optional<LocalDate> effectiveFrom,
    Optional<LocalDate> effectiveTo,
    Status status,
    Instant savedAt,
    String releasedBy,
    Optional<Instant> releasedAt) {
  public StoredCriterion {
    offices = Set.copyOf(offices);
  }

  /** Life of a criterion version. */
  public enum Status {
    /** Saved, checked, not in force. */
    DRAFT,
    /** In force (at most one version per criterion). */
    RELEASED,
    /** Replaced by a later released version. */
    SUPERSEDED,
    /** Taken out of force by an analyst or administrator. */
    DISABLED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public String key() {
    return "c" + id + "v" + version;
  }
}
