package org.sekisho.targeting.assessment.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * Finds the declarations (or postal items, or transport documents: one kind per feed) stored
 * upstream that have no assessment and assesses them: those stored just before the process stopped,
 * before their assessment ran, and those whose assessment failed (the database was briefly
 * unavailable). Without this, such a declaration would never reach a lane or a worklist. Pages
 * through the feed from a cursor kept in the database, asks the store which of a page's
 * declarations are assessed, and reads and assesses only the others (assessment is idempotent, so a
 * declaration assessed meanwhile is not assessed twice).
 *
 * <p>The cursor moves on only past declarations stored more than {@code settle} ago: an ingest that
 * is still running may yet commit declarations at lower positions than one already visible, and
 * those must not be passed over. A declaration targeting refuses (its reason is logged) is passed
 * over once it has settled, so it is not read again on every run. Not thread-safe: run one at a
 * time.
 */
public final class CatchUpAssessments {
  /** Declarations read per page. */
  static final int PAGE = 5_000;

  private final StoredDeclarations feed;
  private final AssessmentStore store;
  private final AssessmentRequests assess;
  private final IntakeCursor cursor;
  private final Clock clock;
  private final Duration settle;

  /**
   * What one run found.
   *
   * @param checked declarations looked at (those after the cursor)
   * @param unassessed of those, how many had no assessment
   * @param assessed of those, how many have one now
   * @param position where the cursor stands after the run
   */
  public record Result(long checked, long unassessed, long assessed, long position) {
    /** Of the unassessed, how many targeting refused (each logged with its reason). */
    public long refused() {
      return unassessed - assessed;
    }
  }

  /**
   * @param settle how long after it was stored a declaration's position is certain to have no
   *     uncommitted declaration below it
   */
  public CatchUpAssessments(
      StoredDeclarations feed,
      AssessmentStore store,
      AssessmentRequests assess,
      IntakeCursor cursor,
      Clock clock,
      Duration settle) {
    this.feed = feed;
    this.store = store;
    this.assess = assess;
    this.cursor = cursor;
    this.clock = clock;
    this.settle = settle;
  }

  /**
   * Checks every declaration after the cursor, page by page, until the feed ends or {@code stop}
   * says so (checked between pages). A failure to assess propagates; the cursor then stays after
   * the last page that was done.
   */
  public Result run(BooleanSupplier stop) {
    return run(stop, Duration.ZERO);
  }

  /**
   * As {@link #run(BooleanSupplier)}, but leaves declarations stored within {@code inFlight} of now
   * to the ingest that stored them, whose own assessment of them may still be queued (a periodic
   * run in a busy process); they are counted as checked, not as unassessed.
   */
  public Result run(BooleanSupplier stop, Duration inFlight) {
    String name = feed.name();
    long from = cursor.position(name);
    Instant now = clock.instant();
    Instant settledBefore = now.minus(settle);
    Instant storedBefore = now.minus(inFlight);
    long position = from;
    long safe = from;
    boolean unsettledSeen = false;
    long checked = 0;
    long unassessed = 0;
    long assessed = 0;
    while (!stop.getAsBoolean()) {
      List<StoredDeclarations.Entry> page = feed.after(position, PAGE);
      if (page.isEmpty()) {
        break;
      }
      checked += page.size();
      List<StoredDeclarations.Entry> missing =
          unassessed(
              inFlight.isZero()
                  ? page
                  : page.stream().filter(e -> e.storedAt().isBefore(storedBefore)).toList());
      if (!missing.isEmpty()) {
        unassessed += missing.size();
        assess.assessAll(feed.requests(missing));
        assessed += missing.size() - unassessed(missing).size();
      }
      for (StoredDeclarations.Entry e : page) {
        if (unsettledSeen || !e.storedAt().isBefore(settledBefore)) {
          unsettledSeen = true;
        } else {
          safe = e.position();
        }
      }
      position = page.getLast().position();
      if (safe > from) {
        cursor.moveTo(name, safe);
        from = safe;
      }
    }
    return new Result(checked, unassessed, assessed, from);
  }

  /** The name of the feed this catches up on. */
  public String feedName() {
    return feed.name();
  }

  private List<StoredDeclarations.Entry> unassessed(List<StoredDeclarations.Entry> entries) {
    List<String> keys = new ArrayList<>(entries.size());
    for (StoredDeclarations.Entry e : entries) {
      keys.add(key(e));
    }
    Set<String> done = store.assessedAmong(keys);
    List<StoredDeclarations.Entry> missing = new ArrayList<>();
    for (StoredDeclarations.Entry e : entries) {
      if (!done.contains(key(e))) {
        missing.add(e);
      }
    }
    return missing;
  }

  private String key(StoredDeclarations.Entry e) {
    return DeclarationView.key(feed.recordKind(), e.sourceId());
  }
}
