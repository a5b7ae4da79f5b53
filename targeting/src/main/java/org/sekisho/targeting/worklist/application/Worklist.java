package org.sekisho.targeting.worklist.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.TypedAmounts;
import org.sekisho.targeting.assessment.domain.ConsignmentSelection;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.selectivity.domain.Lane;

/**
 * Analysts work the ranked worklist (confirm, lower or raise a lane, always with a comment);
 * inspectors see their office's referrals and record outcomes, which become labels.
 */
public final class Worklist {
  /** The largest revenue an outcome records: 15 digits before the point, 2 after. */
  public static final BigDecimal MAX_REVENUE = new BigDecimal("999999999999999.99");

  private static final String REVENUE_FORM =
      "expected a non-negative amount of at most "
          + MAX_REVENUE.toPlainString()
          + " with at most 2 decimals, like 12500.50 or 12,500.50";

  /** Shortest comment accepted on a lane decision. */
  public static final int MIN_COMMENT = 5;

  private final WorklistStore store;
  private final Clock clock;

  public Worklist(WorklistStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The lanes whose goods wait at the border for the office's inspectors, as in ASYCUDA
   * selectivity: red (physical examination) and yellow (documentary check). Blue goods are released
   * at once and their documents audited after release (post-clearance audit), by auditors rather
   * than at the border: a blue item is referred, and takes the audit's outcome, but is no
   * inspection waiting.
   */
  public static final java.util.Set<Lane> INSPECTED =
      java.util.Collections.unmodifiableSet(java.util.EnumSet.of(Lane.RED, Lane.YELLOW));

  /** Referrals waiting for inspection at an office (red and yellow, {@link #INSPECTED}). */
  public List<WorkItem> referrals(String office, int limit) {
    return inspections(office, java.util.OptionalLong.empty(), limit).items();
  }

  /**
   * The inspectors' queue of an office: its referred items in the {@link #INSPECTED} lanes, as
   * {@link #page} orders and counts them, the page after item {@code after}.
   */
  public WorklistPage inspections(String office, java.util.OptionalLong after, int limit) {
    return store.page(office, WorkStatus.REFERRED, "", INSPECTED, after, limit);
  }

  /**
   * Items of an office (every office when empty) with the given status, the most severe lane first
   * and riskiest first within a lane; of one record kind unless {@code kind} is empty.
   */
  public List<WorkItem> items(String office, WorkStatus status, String kind, int limit) {
    return store.items(office, status, kind, limit);
  }

  /** {@link #items(String, WorkStatus, String, int)}, the page after item {@code after}. */
  public List<WorkItem> items(
      String office, WorkStatus status, String kind, java.util.OptionalLong after, int limit) {
    return store.items(office, status, kind, after, limit);
  }

  /**
   * {@link #items(String, WorkStatus, String, java.util.OptionalLong, int)} with how many items
   * match the filter and how many come before the page, read together.
   */
  public WorklistPage page(
      String office, WorkStatus status, String kind, java.util.OptionalLong after, int limit) {
    return store.page(office, status, kind, after, limit);
  }

  public Optional<WorkItem> item(long id) {
    return store.item(id);
  }

  /** The assessed consignment whose transport document has this number, however written. */
  /**
   * The earlier assessments of {@code w}'s record, oldest first: those it (or one before it)
   * replaced when the record was stored with other content, with their lane decisions and outcome.
   * Their outcome is theirs: it was recorded on the goods as then declared and is not carried over
   * to {@code w}, which is decided on its own.
   */
  public List<WorkItem> earlier(WorkItem w) {
    return store.earlier(w.recordKey(), w.id());
  }

  public Optional<WorkItem> consignment(String transportDocument) {
    return store.consignment(transportDocument);
  }

  /** The assessed declarations of a consignment's goods (by its transport document). */
  public List<WorkItem> declarationsOf(String transportDocument, int limit) {
    return store.declarationsOf(transportDocument, limit);
  }

  /**
   * An analyst's decision on an open (or released) item: the lane to keep, lower or raise to, with
   * a mandatory comment. A non-green lane refers the item to the office's inspectors.
   */
  public Outcome<WorkItem> decide(long id, String laneCode, String comment, String by) {
    return decide(id, laneCode, comment, by, Shown.UNCHECKED);
  }

  /**
   * What the deciding analyst was shown of an item, so that a decision taken on a page opened
   * before someone else changed the lane is refused instead of silently undoing that change.
   *
   * @param lane the lane the item had; empty: not checked
   * @param version how many lane changes it had ({@link WorkItem#version()}); empty: not checked
   */
  public record Shown(Optional<Lane> lane, java.util.OptionalInt version) {
    /** Nothing to compare: the decision applies to the item as it stands. */
    public static final Shown UNCHECKED =
        new Shown(Optional.empty(), java.util.OptionalInt.empty());
  }

  /**
   * {@link #decide(long, String, String, String)} on the item as {@code shown}: when its lane or
   * version is no longer what the analyst saw, the decision is refused with {@code conflict} (the
   * item changed meanwhile; reload it), and nothing is recorded.
   */
  public Outcome<WorkItem> decide(
      long id, String laneCode, String comment, String by, Shown shown) {
    Optional<WorkItem> item = store.item(id);
    if (item.isEmpty()) {
      return Outcome.rejected("not-found", "id", "assessment " + id + " not found");
    }
    Optional<Lane> to = Lane.ofCode(laneCode);
    if (to.isEmpty()) {
      return Outcome.rejected(
          Problem.of("invalid-lane", "lane", "expected red, yellow, blue or green").worded("lane"));
    }
    String c = comment == null ? "" : comment.strip();
    if (c.length() < MIN_COMMENT) {
      return Outcome.rejected(
          Problem.of(
                  "comment-required",
                  "comment",
                  "say why in a comment of at least " + MIN_COMMENT + " characters")
              .worded("comment-required", MIN_COMMENT));
    }
    if (c.length() > 2000) {
      return Outcome.rejected(
          Problem.of("invalid-comment", "comment", "longer than 2000 characters")
              .worded("longer", 2000));
    }
    WorkItem w = item.get();
    if (w.status() == WorkStatus.CLOSED) {
      return Outcome.rejected(
          Problem.of("conflict", "status", "the inspection outcome is recorded already")
              .worded("closed"));
    }
    if (w.status() == WorkStatus.SUPERSEDED) {
      String newer = w.supersededBy().map(String::valueOf).orElse("?");
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "status",
                  "assessment "
                      + id
                      + " was superseded by assessment "
                      + newer
                      + "; decide on that one")
              .worded("superseded", id, newer));
    }
    if (shown.version().isPresent() && shown.version().getAsInt() > w.version()) {
      // no one changed it: the version named was never reached
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "expectedVersion",
                  "version "
                      + shown.version().getAsInt()
                      + " of the item does not exist; the current version is "
                      + w.version()
                      + " (lane "
                      + w.finalLane().code()
                      + "); reload it and decide again")
              .worded(
                  "item-version-none",
                  shown.version().getAsInt(),
                  w.version(),
                  w.finalLane().code()));
    }
    if (shown.lane().isPresent() && shown.lane().get() != w.finalLane()
        || shown.version().isPresent() && shown.version().getAsInt() != w.version()) {
      return changedMeanwhile(w);
    }
    // a random selection estimates the true infraction rate only if every one is examined as drawn
    // (a declaration its consignment holds higher keeps its own draw: lowered from the
    // consignment's
    // lane, it stops at the drawn one)
    Optional<Lane> drawn = w.drawn();
    if (drawn.isPresent() && drawn.get().moreSevereThan(to.get())) {
      if (!w.basis().equals("random")) {
        String lane = drawn.get().code();
        return Outcome.rejected(
            Problem.of(
                    "random-selection",
                    "lane",
                    "drawn "
                        + lane
                        + " at random on its own, it is not lowered below "
                        + lane
                        + " whatever its consignment holds: a random selection measures the true"
                        + " infraction rate; record what its control finds instead")
                .worded("random-selection-own", lane));
      }
      return Outcome.rejected(
          Problem.of(
                  "random-selection",
                  "lane",
                  "a random selection measures the true infraction rate and cannot be lowered;"
                      + " record what its control finds instead")
              .worded("random-selection"));
    }
    WorkStatus next = to.get() == Lane.GREEN ? WorkStatus.RELEASED : WorkStatus.REFERRED;
    Instant at = clock.instant();
    // compared again where the decision is stored: another one may come between
    if (!store.decide(id, w.finalLane(), w.version(), to.get(), next, c, by, at)) {
      return changedMeanwhile(store.item(id).orElse(w));
    }
    if (DeclarationView.kindOf(w.recordKey()).equals("transport-document")) {
      ConsignmentSelection s = new ConsignmentSelection(w.recordKey(), id, to.get());
      // lowered: the declarations it raised fall back to their own lanes, down to its new one
      if (w.finalLane().moreSevereThan(to.get())) {
        store.followDown(id, to.get(), s.loweredReason(), at);
      }
      // selected after its goods were declared: their declarations follow it up
      if (to.get() != Lane.GREEN) {
        store.carryOver(List.of(s), at);
      }
    }
    return Outcome.accepted(store.item(id).orElseThrow());
  }

  private static Outcome<WorkItem> changedMeanwhile(WorkItem now) {
    if (now.changes().isEmpty()) {
      // nobody decided on it: what the decision says it was shown is not what it ever was
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "expectedLane",
                  "the item is "
                      + now.finalLane().code()
                      + " at version "
                      + now.version()
                      + ", not the lane the decision names as shown; reload it and decide again")
              .worded("item-not-as-shown", now.finalLane().code(), now.version()));
    }
    String by = now.changes().get(now.changes().size() - 1).by();
    return Outcome.rejected(
        Problem.of(
                "conflict",
                "expectedVersion",
                "the item changed meanwhile (now "
                    + now.finalLane().code()
                    + " by "
                    + by
                    + ", version "
                    + now.version()
                    + "); reload it and decide again")
            .worded("item-changed-meanwhile", now.finalLane().code(), by, now.version()));
  }

  /** An inspector records what the inspection found; only referred items take an outcome. */
  public Outcome<WorkItem> recordOutcome(
      long id, String resultCode, String revenue, boolean seizure, String note, String by) {
    Optional<WorkItem> item = store.item(id);
    if (item.isEmpty()) {
      return Outcome.rejected("not-found", "id", "assessment " + id + " not found");
    }
    Outcome<Found> form = found(resultCode, revenue, seizure, note);
    if (form instanceof Outcome.Rejected<Found> bad) {
      return new Outcome.Rejected<>(bad.problems());
    }
    Found f = form.orElseThrow();
    Optional<InspectionResult> r = Optional.of(f.result());
    BigDecimal rev = f.revenue();
    String n = f.note();
    if (item.get().status() != WorkStatus.REFERRED) {
      String status = item.get().status().code();
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "status",
                  "only referred items take an outcome; this one is " + status)
              .worded("not-referred", status));
    }
    Instant at = clock.instant();
    if (!store.recordOutcome(id, r.get(), rev, seizure, n, by, at)) {
      return Outcome.rejected(
          Problem.of("conflict", "status", "the item changed meanwhile; reload it")
              .worded("changed"));
    }
    WorkItem w = item.get();
    // the goods were examined and cleared: declarations raised only for them need not be again
    if (r.get() == InspectionResult.NOTHING_FOUND
        && DeclarationView.kindOf(w.recordKey()).equals("transport-document")) {
      ConsignmentSelection s = new ConsignmentSelection(w.recordKey(), id, Lane.GREEN);
      store.followDown(id, Lane.GREEN, s.nothingFoundReason(), at);
    }
    return Outcome.accepted(store.item(id).orElseThrow());
  }

  /** What an inspection found, as checked: the result, the revenue (2 decimals), and a note. */
  record Found(InspectionResult result, BigDecimal revenue, boolean seizure, String note) {}

  /** Checks an outcome as typed; every problem of it at once. */
  private static Outcome<Found> found(
      String resultCode, String revenue, boolean seizure, String note) {
    // every problem of the form at once, so that it is corrected in one go
    List<Problem> problems = new java.util.ArrayList<>();
    Optional<InspectionResult> r = InspectionResult.ofCode(resultCode);
    if (r.isEmpty()) {
      problems.add(
          Problem.of("invalid-result", "result", "expected nothing-found or infraction")
              .worded("result"));
    }
    BigDecimal rev = null;
    // as typed with a Japanese input method (１２，５００円) or a keyboard (¥12,500)
    String amount = TypedAmounts.plain(revenue);
    try {
      rev = amount == null ? null : amount.isEmpty() ? BigDecimal.ZERO : new BigDecimal(amount);
    } catch (NumberFormatException e) {
      rev = null;
    }
    if (rev == null || rev.signum() < 0 || rev.precision() - rev.scale() > 15 || rev.scale() > 2) {
      problems.add(
          Problem.of("invalid-revenue", "revenue", REVENUE_FORM)
              .worded("revenue", MAX_REVENUE.toPlainString()));
      rev = null;
    }
    String n = note == null ? "" : note.strip();
    if (r.isPresent()
        && r.get() == InspectionResult.NOTHING_FOUND
        && (rev != null && rev.signum() > 0 || seizure)) {
      problems.add(
          Problem.of(
                  "inconsistent-outcome",
                  "result",
                  "revenue raised or a seizure means an infraction was found")
              .worded("inconsistent-outcome"));
    }
    // an infraction counts against the trader: what was found must be said
    if (r.isPresent() && r.get() == InspectionResult.INFRACTION && n.length() < MIN_COMMENT) {
      problems.add(
          Problem.of(
                  "note-required",
                  "note",
                  "say what was found in a note of at least "
                      + MIN_COMMENT
                      + " characters (an infraction counts against the trader)")
              .worded("note-required", MIN_COMMENT));
    }
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    return Outcome.accepted(new Found(r.orElseThrow(), rev, seizure, n));
  }

  /** Shortest comment accepted on a correction of an outcome. */
  public static final int MIN_CORRECTION = MIN_COMMENT;

  /**
   * Corrects the recorded outcome of an inspected item (a typo in the revenue, an infraction found
   * to be none): the outcome as corrected, checked as a recorded one is, with a mandatory comment;
   * the outcome before is kept in the item's history of corrections. Refused with {@code conflict}
   * when the outcome was corrected since {@code version} (the number of corrections the corrector
   * saw), so that two correctors never silently undo each other. The trader's infraction count
   * follows the result.
   */
  public Outcome<WorkItem> correctOutcome(
      long id,
      int version,
      String resultCode,
      String revenue,
      boolean seizure,
      String note,
      String comment,
      String by) {
    Optional<WorkItem> item = store.item(id);
    if (item.isEmpty()) {
      return Outcome.rejected("not-found", "id", "assessment " + id + " not found");
    }
    Outcome<Found> form = found(resultCode, revenue, seizure, note);
    List<Problem> problems =
        new java.util.ArrayList<>(form.isAccepted() ? List.of() : form.problems());
    String c = comment == null ? "" : comment.strip();
    if (c.length() < MIN_CORRECTION || c.length() > 2000) {
      problems.add(
          Problem.of(
                  "comment-required",
                  "comment",
                  "say why the outcome is corrected, in " + MIN_CORRECTION + " to 2000 characters")
              .worded("correction-comment", MIN_CORRECTION));
    }
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    WorkItem w = item.get();
    if (w.outcome().isEmpty()) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "status",
                  "no outcome is recorded for assessment " + id + " to correct")
              .worded("correction-no-outcome", id));
    }
    Found f = form.orElseThrow();
    if (version > w.outcome().get().version()) {
      // no one corrected it: the version named was never reached
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "expectedVersion",
                  "version "
                      + version
                      + " of the outcome does not exist; the current version is "
                      + w.outcome().get().version()
                      + "; reload it and correct again")
              .worded("correction-version-none", version, w.outcome().get().version()));
    }
    if (w.outcome().get().version() != version
        || !store.correctOutcome(
            id, version, f.result(), f.revenue(), f.seizure(), f.note(), c, by, clock.instant())) {
      WorkItem now = store.item(id).orElse(w);
      List<WorkItem.Correction> done =
          now.outcome().map(WorkItem.Outcome::corrections).orElse(List.of());
      Problem p =
          Problem.of(
              "conflict",
              "expectedVersion",
              "the outcome was corrected meanwhile (version "
                  + done.size()
                  + (done.isEmpty() ? "" : ", last by " + done.get(done.size() - 1).by())
                  + "); reload it and correct again");
      return Outcome.rejected(
          done.isEmpty()
              ? p.worded("correction-changed", done.size())
              : p.worded("correction-changed-by", done.size(), done.get(done.size() - 1).by()));
    }
    return Outcome.accepted(store.item(id).orElseThrow());
  }
}
