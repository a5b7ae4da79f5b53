package org.sekisho.targeting.criteria.application;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a criterion as a whole stands, whatever its versions: in force (one version released),
 * disabled (by someone, when, why), or not in force (drafts only, or every version superseded).
 *
 * @param inForce the version in force, if any
 * @param disabled how it was taken out of force, when it was and has not been released since
 */
public record CriterionState(
    long id, Optional<StoredCriterion> inForce, Optional<Disabled> disabled) {

  /**
   * A criterion's disabling.
   *
   * @param by who disabled it; empty when it was disabled before this was recorded
   * @param at when; empty when not recorded
   * @param reason why, as they wrote it; empty when not recorded
   */
  public record Disabled(String by, Optional<Instant> at, String reason) {}

  /** {@code in-force}, {@code disabled} or {@code not-in-force}. */
  public String code() {
    if (inForce.isPresent()) {
      return "in-force";
    }
    return disabled.isPresent() ? "disabled" : "not-in-force";
  }
}
