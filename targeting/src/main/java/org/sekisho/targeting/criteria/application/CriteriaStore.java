package org.sekisho.targeting.criteria.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where criterion versions are kept (schema {@code targeting}). */
public interface CriteriaStore {
  /**
   * Saves a new version: of criterion {@code id}, or of a new criterion when {@code id} is empty.
   * Returns the stored version (id and version assigned).
   */
  StoredCriterion saveVersion(Optional<Long> id, StoredCriterion draft);

  Optional<StoredCriterion> version(long id, int version);

  /**
   * What an analyst needs to see of every criterion: its newest version and, when that is not the
   * one in force (a rollback to an earlier version, or a newer draft), the released version too; by
   * criterion, newest version first.
   */
  List<StoredCriterion> latest();

  /** Every version of one criterion, newest first. */
  List<StoredCriterion> history(long id);

  /** The versions in force. */
  List<StoredCriterion> released();

  /**
   * Puts {@code version} in force, superseding the criterion's earlier released version, so that at
   * most one version of a criterion is ever in force.
   *
   * @return false, changing nothing, when another change of the same criterion was under way at
   *     that moment (the caller answers with a conflict; its author reloads and decides again)
   */
  boolean release(long id, int version, String by, Instant at);

  /**
   * Takes every version of a criterion out of force, recording who, when and why (until a version
   * of it is released again).
   *
   * @return false, changing nothing, when another change of the same criterion was under way
   */
  boolean disable(long id, String by, Instant at, String reason);

  /** The criteria disabled now (not released since), by id. */
  java.util.Map<Long, CriterionState.Disabled> disabled();
}
