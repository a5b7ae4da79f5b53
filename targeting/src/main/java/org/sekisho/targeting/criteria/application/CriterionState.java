package org.sekisho.targeting.criteria.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a criterion as a whole stands, whatever its versions, on {@code today} (the clock's date in
 * the administration's zone): in force (one version released, today within its effective dates),
 * released but not yet in force (its effective period starts later), ended (its effective period is
 * over), disabled (by someone, when, why), or not in force (drafts only, or every version
 * superseded).
 *
 * @param inForce the version released, if any (in force only within its effective dates)
 * @param disabled how it was taken out of force, when it was and has not been released since
 * @param today the date the state is told on
 */
public record CriterionState(
    long id, Optional<StoredCriterion> inForce, Optional<Disabled> disabled, LocalDate today) {

  /**
   * A criterion's disabling.
   *
   * @param by who disabled it; empty when it was disabled before this was recorded
   * @param at when; empty when not recorded
   * @param reason why, as they wrote it; empty when not recorded
   */
  public record Disabled(String by, Optional<Instant> at, String reason) {}

  /**
   * {@code in-force}, {@code scheduled} (released, in force from {@link #date()}), {@code ended}
   * (released, its last effective day {@link #date()} past), {@code disabled} or {@code
   * not-in-force}.
   */
  public String code() {
    if (inForce.isPresent()) {
      StoredCriterion c = inForce.get();
      if (c.effectiveFrom().isPresent() && today.isBefore(c.effectiveFrom().get())) {
        return "scheduled";
      }
      if (c.effectiveTo().isPresent() && today.isAfter(c.effectiveTo().get())) {
        return "ended";
      }
      return "in-force";
    }
    return disabled.isPresent() ? "disabled" : "not-in-force";
  }

  /**
   * The date the state names: the first effective day of a {@code scheduled} criterion, the last of
   * an {@code ended} one; "" otherwise.
   */
  public String date() {
    return switch (code()) {
      case "scheduled" -> inForce.orElseThrow().effectiveFrom().orElseThrow().toString();
      case "ended" -> inForce.orElseThrow().effectiveTo().orElseThrow().toString();
      default -> "";
    };
  }
}
