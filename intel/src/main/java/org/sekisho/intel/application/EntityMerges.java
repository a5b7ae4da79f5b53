package org.sekisho.intel.application;

import java.time.Clock;
import java.util.Map;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;

/**
 * Merging two entities that an analyst judges to be the same party, and undoing it. A merge never
 * rewrites links: the merged entity points at the survivor, so undoing restores exactly what was.
 */
public final class EntityMerges {
  /** Storage of merges; implementations validate and apply atomically. */
  public interface MergeStore {
    Outcome<Long> merge(
        long survivorId,
        long mergedId,
        String reason,
        double score,
        String actor,
        java.time.Instant at);

    Outcome<Long> undo(long mergeId, String actor, java.time.Instant at);
  }

  private final MergeStore store;
  private final AuditTrail audit;
  private final Clock clock;

  public EntityMerges(MergeStore store, AuditTrail audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  public Outcome<Long> merge(long survivorId, long mergedId, String reason, Actor actor) {
    if (reason == null || reason.isBlank()) {
      return Outcome.rejected("missing-field", "reason", "say why the two are the same party");
    }
    if (survivorId == mergedId) {
      return Outcome.rejected(
          "invalid-value", "mergedId", "an entity cannot be merged into itself");
    }
    Outcome<Long> o =
        store.merge(survivorId, mergedId, reason.strip(), 1.0, actor.username(), clock.instant());
    if (o instanceof Outcome.Accepted<Long> a) {
      audit.record(
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

  public Outcome<Long> undo(long mergeId, Actor actor) {
    Outcome<Long> o = store.undo(mergeId, actor.username(), clock.instant());
    if (o.isAccepted()) {
      audit.record(
          new AuditEvent(
              clock.instant(),
              actor.username(),
              actor.agency(),
              "entity.merge.undo",
              "merge:" + mergeId,
              Map.of()));
    }
    return o;
  }
}
