package org.sekisho.intel.application;

import java.time.Clock;
import java.util.Map;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.intel.domain.FieldRules;

/**
 * Merging two entities that an analyst judges to be the same party, and undoing it. A merge never
 * rewrites links: the merged entity points at the survivor, so undoing restores exactly what was.
 * Both need a reason of at least {@link #MIN_REASON} characters (as lane decisions do), which the
 * audit entry keeps.
 */
public final class EntityMerges {
  /** The shortest reason for a merge or an undo, in characters. */
  public static final int MIN_REASON = 5;

  /** The longest reason, in characters. */
  public static final int MAX_REASON = 2_000;

  /** Storage of merges; implementations validate and apply atomically. */
  public interface MergeStore {
    Outcome<Long> merge(
        long survivorId,
        long mergedId,
        String reason,
        double score,
        String actor,
        java.time.Instant at);

    /** Undoes merge {@code mergeId}, keeping who undid it, when and {@code reason} with it. */
    Outcome<Long> undo(long mergeId, String reason, String actor, java.time.Instant at);

    /**
     * Of {@code recordIds}, those that name {@code survivorId} only through an entity merged into
     * it now, each with that merged entity's id (the smallest, when several); a record that names
     * the survivor itself is not among them.
     */
    java.util.Map<Long, Long> cameThroughMerge(
        long survivorId, java.util.Collection<Long> recordIds);
  }

  private final MergeStore store;
  private final AuditTrail audit;
  private final Clock clock;

  public EntityMerges(MergeStore store, AuditTrail audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Which of the survivor's records {@code recordIds} came to it through a merge, by record id,
   * each with the entity merged into it that names the record; read-only, nothing audited (the
   * records and merged entities are those the page already shows).
   */
  public java.util.Map<Long, Long> cameThroughMerge(
      long survivorId, java.util.Collection<Long> recordIds) {
    return recordIds.isEmpty() ? java.util.Map.of() : store.cameThroughMerge(survivorId, recordIds);
  }

  /** Why a reason is not one, or empty when it is. */
  static java.util.Optional<Problem> reasonProblem(String reason, String why) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty()) {
      return java.util.Optional.of(Problem.of("missing-field", "reason", why));
    }
    if (r.length() < MIN_REASON) {
      return java.util.Optional.of(
          Problem.of(
              "invalid-value",
              "reason",
              why + " in plain language (at least " + MIN_REASON + " characters)"));
    }
    return FieldRules.text("reason", r, MAX_REASON);
  }

  public Outcome<Long> merge(long survivorId, long mergedId, String reason, Actor actor) {
    return merge(survivorId, mergedId, reason, actor, audit);
  }

  /**
   * Merges entity {@code mergedId} into {@code survivorId}, audited through {@code via}: the web
   * passes the trail that adds the client's address, as its reads are audited.
   */
  public Outcome<Long> merge(
      long survivorId, long mergedId, String reason, Actor actor, AuditTrail via) {
    var bad = reasonProblem(reason, "say why the two are the same party");
    if (bad.isPresent()) {
      return new Outcome.Rejected<>(java.util.List.of(bad.get()));
    }
    if (survivorId == mergedId) {
      return Outcome.rejected(
          "invalid-value", "mergedId", "an entity cannot be merged into itself");
    }
    Outcome<Long> o =
        store.merge(survivorId, mergedId, reason.strip(), 1.0, actor.username(), clock.instant());
    if (o instanceof Outcome.Accepted<Long> a) {
      via.record(
          new AuditEvent(
              clock.instant(),
              actor.username(),
              actor.agency(),
              "entity.merge",
              "entity:" + survivorId,
              Map.of(
                  "merged",
                  Long.toString(mergedId),
                  "merge",
                  a.value().toString(),
                  "reason",
                  reason.strip())));
    }
    return o;
  }

  /** Undoes merge {@code mergeId}; {@code reason} says why the two are not the same party. */
  public Outcome<Long> undo(long mergeId, String reason, Actor actor) {
    return undo(mergeId, reason, actor, audit);
  }

  /**
   * Undoes merge {@code mergeId}, keeping {@code reason} with the merge and in the audit entry,
   * written through {@code via}.
   */
  public Outcome<Long> undo(long mergeId, String reason, Actor actor, AuditTrail via) {
    var bad = reasonProblem(reason, "say why the two are not the same party");
    if (bad.isPresent()) {
      return new Outcome.Rejected<>(java.util.List.of(bad.get()));
    }
    Outcome<Long> o = store.undo(mergeId, reason.strip(), actor.username(), clock.instant());
    if (o.isAccepted()) {
      via.record(
          new AuditEvent(
              clock.instant(),
              actor.username(),
              actor.agency(),
              "entity.merge.undo",
              "merge:" + mergeId,
              Map.of("reason", reason.strip())));
    }
    return o;
  }
}
