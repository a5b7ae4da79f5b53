package org.sekisho.passenger.screening.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;

/**
 * A person of the PNR unit records what an automated hit turned out to be. Every disposition needs
 * a comment and is audited; an open hit is disposed of once.
 */
public final class HitReview {
  /** The dispositions a reviewer may record. */
  public static final List<String> DISPOSITIONS =
      List.of("no-match", "false-positive", "refer-to-officer", "confirmed");

  private final ScreeningStore store;
  private final AuditTrail audit;
  private final Clock clock;

  public HitReview(ScreeningStore store, AuditTrail audit, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records a disposition.
   *
   * @return the hit as now stored; rejected when the disposition or comment is missing or wrong
   *     ({@code invalid-disposition}, {@code comment-required}), the hit does not exist ({@code
   *     not-found}) or was disposed of already ({@code conflict})
   */
  public Outcome<ScreeningStore.HitRow> dispose(
      long hitId, String disposition, String comment, String user, String agency) {
    String d = disposition == null ? "" : disposition.strip();
    String c = comment == null ? "" : comment.strip();
    if (!DISPOSITIONS.contains(d)) {
      return Outcome.rejected(
          "invalid-disposition",
          "disposition",
          "disposition '" + d + "' is not one of " + String.join(", ", DISPOSITIONS));
    }
    if (c.length() < 3) {
      return Outcome.rejected(
          "comment-required", "comment", "say in a comment why (at least 3 characters)");
    }
    if (c.length() > 2000) {
      return Outcome.rejected("comment-too-long", "comment", "comment longer than 2000 characters");
    }
    var hit = store.hit(hitId);
    if (hit.isEmpty()) {
      return Outcome.rejected("not-found", "hit", "no hit " + hitId);
    }
    Instant now = clock.instant();
    if (!store.dispose(hitId, d, c, user, now)) {
      return Outcome.rejected(
          "conflict", "hit", "hit " + hitId + " was already disposed of: " + hit.get().status());
    }
    audit.record(
        new AuditEvent(
            now,
            user,
            agency,
            "screening.hit.dispose",
            "hit:" + hitId,
            Map.of(
                "disposition",
                d,
                "comment",
                c.length() > 200 ? c.substring(0, 200) : c,
                "traveller",
                hit.get().hit().subjectKey(),
                "source",
                hit.get().hit().source())));
    return Outcome.accepted(store.hit(hitId).orElseThrow());
  }
}
