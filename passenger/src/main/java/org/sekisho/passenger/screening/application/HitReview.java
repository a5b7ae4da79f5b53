package org.sekisho.passenger.screening.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
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

  /** What the officers a hit was referred to found: the PNR unit's referral comes back closed. */
  public static final List<String> OUTCOMES = List.of("confirmed", "examined-nothing-found");

  /**
   * What a correction by the PNR unit may set: any disposition, never an examination's outcome
   * (only the officers who examined the traveller know what they found).
   */
  public static final List<String> CORRECTIONS = DISPOSITIONS;

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
   * @param ip the caller's address, kept in the audit entry as the web's own entries keep it
   * @return the hit as now stored; rejected when the disposition or comment is missing or wrong
   *     ({@code invalid-disposition}, {@code comment-required}), the hit does not exist ({@code
   *     not-found}), was withdrawn by the screening ({@code withdrawn}: nothing to decide until it
   *     is raised again) or was disposed of already ({@code conflict})
   */
  public Outcome<ScreeningStore.HitRow> dispose(
      long hitId, String disposition, String comment, String user, String agency, String ip) {
    String d = disposition == null ? "" : disposition.strip();
    String c = comment(comment);
    Optional<Problem> wrong = check(d, DISPOSITIONS, c);
    if (wrong.isPresent()) {
      return new Outcome.Rejected<>(List.of(wrong.get()));
    }
    var hit = store.hit(hitId);
    if (hit.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "hit", "no hit " + hitId).worded("hit", hitId));
    }
    if (hit.get().status().equals("withdrawn")) {
      return withdrawn(hit.get());
    }
    Instant now = clock.instant();
    if (!store.dispose(hitId, d, c, user, now)) {
      if (store.hit(hitId).map(h -> h.status().equals("withdrawn")).orElse(false)) {
        return withdrawn(hit.get());
      }
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "hit",
                  "hit "
                      + hitId
                      + " was already disposed of: "
                      + hit.get().status()
                      + "; to correct it, send a correction naming the version you saw ("
                      + hit.get().version()
                      + ")")
              .worded("disposed", hitId, hit.get().status(), hit.get().version()));
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
                hit.get().hit().source(),
                "ip",
                Objects.requireNonNullElse(ip, ""))));
    return Outcome.accepted(store.hit(hitId).orElseThrow());
  }

  /**
   * Corrects a disposed hit with a later decision and its own comment; the earlier decisions stay
   * in the hit's history. Audited as {@code screening.hit.correct} with the previous disposition.
   *
   * @param version the hit's version the person saw ({@link ScreeningStore.HitRow#version()})
   * @return the hit as now stored; rejected as for {@link #dispose}, with {@code not-disposed} for
   *     an open or withdrawn hit and {@code conflict} (field {@code version}) when someone decided
   *     since {@code version}
   */
  public Outcome<ScreeningStore.HitRow> correct(
      long hitId,
      int version,
      String disposition,
      String comment,
      String user,
      String agency,
      String ip) {
    return decide(
        hitId,
        version,
        ScreeningStore.Decision.Kind.CORRECTION,
        CORRECTIONS,
        disposition,
        comment,
        user,
        agency,
        ip,
        "screening.hit.correct");
  }

  /**
   * Records what the officers a hit was referred to found ({@link #OUTCOMES}): the referral is
   * closed and the hit shows the outcome; the referral stays in its history. Audited as {@code
   * screening.referral.outcome}. A later outcome on a referral the officers closed corrects theirs,
   * with its own comment (audited as {@code screening.referral.outcome.correct}), refused with
   * {@code conflict} when someone decided since {@code version}.
   *
   * @return rejected as for {@link #correct}, with {@code not-referred} when the hit is not (or no
   *     longer) referred
   */
  public Outcome<ScreeningStore.HitRow> recordOutcome(
      long hitId,
      int version,
      String outcome,
      String comment,
      String user,
      String agency,
      String ip) {
    return decide(
        hitId,
        version,
        ScreeningStore.Decision.Kind.REFERRAL_OUTCOME,
        OUTCOMES,
        outcome,
        comment,
        user,
        agency,
        ip,
        "screening.referral.outcome");
  }

  private Outcome<ScreeningStore.HitRow> decide(
      long hitId,
      int version,
      ScreeningStore.Decision.Kind kind,
      List<String> allowed,
      String disposition,
      String comment,
      String user,
      String agency,
      String ip,
      String action) {
    String d = disposition == null ? "" : disposition.strip();
    String c = comment(comment);
    Optional<Problem> wrong =
        kind == ScreeningStore.Decision.Kind.REFERRAL_OUTCOME
            ? check(d, allowed, c, "outcome")
            : check(d, allowed, c, "disposition");
    if (wrong.isPresent()) {
      return new Outcome.Rejected<>(List.of(wrong.get()));
    }
    var hit = store.hit(hitId);
    if (hit.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "hit", "no hit " + hitId).worded("hit", hitId));
    }
    String before = hit.get().status();
    if (before.equals("withdrawn")) {
      return withdrawn(hit.get());
    }
    if (kind == ScreeningStore.Decision.Kind.CORRECTION && byOfficers(hitId)) {
      // the PNR unit may decide again on its own assessment, not over what an examination found
      return Outcome.rejected(
          Problem.of(
                  "officer-outcome",
                  "hit",
                  "hit "
                      + hitId
                      + " carries the outcome of the officers' examination ("
                      + before
                      + ", by "
                      + hit.get().disposedBy()
                      + "): only they record it")
              .worded("officer-outcome", hitId, before, hit.get().disposedBy()));
    }
    // the officers correct their own outcome with a later one, as at the e-Gate
    boolean outcomeCorrected =
        kind == ScreeningStore.Decision.Kind.REFERRAL_OUTCOME
            && OUTCOMES.contains(before)
            && byOfficers(hitId);
    String audited = outcomeCorrected ? "screening.referral.outcome.correct" : action;
    if (kind == ScreeningStore.Decision.Kind.REFERRAL_OUTCOME
        ? !before.equals("refer-to-officer") && !outcomeCorrected
        : before.equals("open") || before.equals("withdrawn")) {
      return kind == ScreeningStore.Decision.Kind.REFERRAL_OUTCOME
          ? Outcome.rejected(
              Problem.of(
                      "not-referred",
                      "hit",
                      "hit " + hitId + " is not referred to an officer: " + before)
                  .worded("not-referred", hitId, before))
          : Outcome.rejected(
              Problem.of(
                      "not-disposed",
                      "hit",
                      "hit " + hitId + " is " + before + ": record a disposition, not a correction")
                  .worded("not-disposed", hitId, before));
    }
    if (kind == ScreeningStore.Decision.Kind.CORRECTION) {
      String last = lastDecidedBy(store.decisions(hitId));
      if (last.equals(user)) {
        // four eyes: a decision is corrected by another member of the unit, not its author
        return Outcome.rejected(
            Problem.of(
                    "second-person-required",
                    "hit",
                    "hit "
                        + hitId
                        + " was last decided by you: a correction is made by another member of"
                        + " the PNR unit")
                .worded("second-person-required", hitId));
      }
    }
    Instant now = clock.instant();
    if (!store.decide(hitId, version, kind, d, c, user, now)) {
      // someone decided since the page was read: their decision is not overwritten unseen
      int current = store.hit(hitId).map(ScreeningStore.HitRow::version).orElse(0);
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "version",
                  "hit "
                      + hitId
                      + " was decided again since version "
                      + version
                      + " (now version "
                      + current
                      + "): read it again")
              .worded("decided-again", hitId, version, current));
    }
    audit.record(
        new AuditEvent(
            now,
            user,
            agency,
            audited,
            "hit:" + hitId,
            Map.of(
                "disposition",
                d,
                "previous",
                before,
                "version",
                String.valueOf(version + 1),
                "commentChars",
                String.valueOf(c.length()),
                "traveller",
                hit.get().hit().subjectKey(),
                "flight",
                "flight:" + hit.get().flightId(),
                "ip",
                Objects.requireNonNullElse(ip, ""))));
    return Outcome.accepted(store.hit(hitId).orElseThrow());
  }

  /**
   * Who made the latest person's decision on a hit (its disposition or latest correction; the
   * screening's withdrawals, reopenings and notes are not decisions of a person); empty when none.
   * That person may not correct it: another member of the unit does.
   */
  public static String lastDecidedBy(List<ScreeningStore.Decision> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      ScreeningStore.Decision d = history.get(i);
      if (d.kind() == ScreeningStore.Decision.Kind.DISPOSITION
          || d.kind() == ScreeningStore.Decision.Kind.CORRECTION) {
        return d.decidedBy();
      }
    }
    return "";
  }

  private boolean byOfficers(long hitId) {
    List<ScreeningStore.Decision> history = store.decisions(hitId);
    return !history.isEmpty()
        && history.getLast().kind() == ScreeningStore.Decision.Kind.REFERRAL_OUTCOME;
  }

  // the screening withdrew it: no person's decision is wanted until it is raised again
  private static Outcome<ScreeningStore.HitRow> withdrawn(ScreeningStore.HitRow hit) {
    return Outcome.rejected(
        Problem.of(
                "withdrawn",
                "hit",
                "hit "
                    + hit.id()
                    + " was withdrawn by the screening: there is nothing to decide; it opens again"
                    + " if it is raised again")
            .worded("withdrawn", hit.id()));
  }

  // the separators of stored reasons (Reason) are no text a person writes
  private static String comment(String comment) {
    return comment == null ? "" : comment.replaceAll("[\\u001d-\\u001f]", " ").strip();
  }

  private static Optional<Problem> check(String d, List<String> allowed, String c) {
    return check(d, allowed, c, "disposition");
  }

  /** {@code field} names the input the decision came in: a disposition, or an outcome. */
  private static Optional<Problem> check(String d, List<String> allowed, String c, String field) {
    if (!allowed.contains(d)) {
      return Optional.of(
          new Problem(
                  "invalid-" + field,
                  field + " '" + d + "' is not one of " + String.join(", ", allowed),
                  field)
              .worded("not-one-of", d, String.join(", ", allowed)));
    }
    if (c.codePoints().filter(Character::isLetterOrDigit).count() < 3) {
      // "..." or "ok" says nothing a later reader can check
      return Optional.of(
          new Problem(
                  "comment-required",
                  "say in a comment why (at least 3 letters or digits)",
                  "comment")
              .worded("comment-required"));
    }
    if (c.length() > 2000) {
      return Optional.of(
          new Problem("comment-too-long", "comment longer than 2000 characters", "comment")
              .worded("comment-too-long", 2000));
    }
    return Optional.empty();
  }
}
