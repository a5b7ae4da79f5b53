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
 * a comment and is audited by ids (hit, flight, traveller key, source), never by name or comment
 * text; an open hit is disposed of once.
 */
public final class HitReview {
  /** The dispositions a reviewer may record. */
  public static final List<String> DISPOSITIONS =
      List.of("no-match", "false-positive", "refer-to-officer", "confirmed");

  /**
   * The dispositions that say the traveller is not the listed person: such a match no longer makes
   * the traveller's companions companions of a seizure-linked person.
   */
  public static final List<String> DISMISSALS = List.of("no-match", "false-positive");

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
    // the separators of stored reasons (Reason) are no text a person writes
    String c = comment == null ? "" : comment.replaceAll("[\\u001d-\\u001f]", " ").strip();
    if (!DISPOSITIONS.contains(d)) {
      return Outcome.rejected(
          "invalid-disposition",
          "disposition",
          "disposition '" + d + "' is not one of " + String.join(", ", DISPOSITIONS));
    }
    if (c.codePoints().filter(Character::isLetterOrDigit).count() < 3) {
      // "..." or "ok" says nothing a later reader can check
      return Outcome.rejected(
          "comment-required", "comment", "say in a comment why (at least 3 letters or digits)");
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
            // ids only: the audit log is append-only and outlives PNR retention, so it holds no
            // name and no free text (the comment stays with the hit, masked with it)
            Map.of(
                "disposition",
                d,
                "commentChars",
                String.valueOf(c.length()),
                "traveller",
                hit.get().hit().subjectKey(),
                "flight",
                "flight:" + hit.get().flightId(),
                "source",
                hit.get().hit().source())));
    return Outcome.accepted(store.hit(hitId).orElseThrow());
  }
}
