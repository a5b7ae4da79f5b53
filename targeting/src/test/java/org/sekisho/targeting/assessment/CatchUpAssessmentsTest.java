package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.assessment.application.AssessRecords;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.sekisho.targeting.assessment.application.CatchUpAssessments;
import org.sekisho.targeting.assessment.application.IntakeCursor;
import org.sekisho.targeting.assessment.application.StoredDeclarations;

/**
 * Declarations stored upstream without an assessment are found and assessed; the cursor passes only
 * over declarations that have settled.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CatchUpAssessmentsTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final Instant SETTLED = NOW.minus(Duration.ofHours(2));
  private static final Instant RECENT = NOW.minus(Duration.ofMinutes(5));

  /** Stored declarations in memory; a request's JSON is its source id (the test parser's input). */
  static final class Feed implements StoredDeclarations {
    final List<Entry> entries = new ArrayList<>();
    final List<Integer> pageSizes = new ArrayList<>();

    void add(String sourceId, Instant storedAt) {
      entries.add(new Entry(entries.size() + 1, sourceId, storedAt));
    }

    @Override
    public String name() {
      return "test-feed";
    }

    @Override
    public String recordKind() {
      return "declaration";
    }

    @Override
    public List<Entry> after(long position, int max) {
      List<Entry> page = entries.stream().filter(e -> e.position() > position).limit(max).toList();
      pageSizes.add(page.size());
      return page;
    }

    @Override
    public List<AssessmentRequests.Request> requests(List<Entry> es) {
      return es.stream()
          .map(e -> new AssessmentRequests.Request("declaration", e.sourceId(), e.sourceId()))
          .toList();
    }
  }

  static final class Cursor implements IntakeCursor {
    final Map<String, Long> positions = new HashMap<>();

    @Override
    public long position(String feed) {
      return positions.getOrDefault(feed, 0L);
    }

    @Override
    public void moveTo(String feed, long position) {
      positions.merge(feed, position, Math::max);
    }
  }

  private final ModelReasonsAfterStoringTest.Store store = new ModelReasonsAfterStoringTest.Store();
  private final AssessRecords records =
      ModelReasonsAfterStoringTest.records(
          store, ModelReasonsAfterStoringTest.model("m1", "value"), null);
  private final Feed feed = new Feed();
  private final Cursor cursor = new Cursor();
  private final List<String> refused = new ArrayList<>();
  // as the real one: a declaration targeting cannot read is logged and left unassessed
  private final AssessmentRequests targeting =
      (kind, sourceId, json) -> {
        if (sourceId.startsWith("BAD")) {
          refused.add(sourceId);
        } else {
          records.assess(kind, sourceId, json);
        }
      };

  private CatchUpAssessments catchUp(AssessmentRequests assess) {
    return new CatchUpAssessments(
        feed, store, assess, cursor, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));
  }

  private boolean assessed(String sourceId) {
    return store.byKey("declaration:" + sourceId).isPresent();
  }

  @Test
  void everyDeclarationWithoutAnAssessmentIsAssessedAndTheOthersAreLeftAsTheyWere() {
    for (int i = 0; i < 12_000; i++) {
      feed.add("D" + i, SETTLED);
      if (i % 3 == 0) {
        records.assessJson("declaration", "D" + i).orElseThrow();
      }
    }
    var before = store.byKey("declaration:D0").orElseThrow();

    CatchUpAssessments.Result r = catchUp(targeting).run(() -> false);

    assertThat(r).isEqualTo(new CatchUpAssessments.Result(12_000, 8_000, 8_000, 12_000));
    assertThat(feed.entries).allSatisfy(e -> assertThat(assessed(e.sourceId())).isTrue());
    assertThat(store.byKey("declaration:D0")).contains(before);
    assertThat(feed.pageSizes).containsExactly(5_000, 5_000, 2_000, 0);
    assertThat(cursor.position("test-feed")).isEqualTo(12_000);
    // the next run starts where this one stopped
    assertThat(catchUp(targeting).run(() -> false))
        .isEqualTo(new CatchUpAssessments.Result(0, 0, 0, 12_000));
  }

  @Test
  void aRefusedDeclarationIsPassedOverOnceSettledAndTriedAgainWhileRecent() {
    feed.add("D1", SETTLED);
    feed.add("BAD2", SETTLED);
    feed.add("D3", SETTLED);
    feed.add("BAD4", RECENT);
    feed.add("D5", RECENT);

    CatchUpAssessments.Result first = catchUp(targeting).run(() -> false);

    assertThat(first).isEqualTo(new CatchUpAssessments.Result(5, 5, 3, 3));
    assertThat(first.refused()).isEqualTo(2);
    assertThat(refused).containsExactly("BAD2", "BAD4");
    CatchUpAssessments.Result second = catchUp(targeting).run(() -> false);
    assertThat(second).isEqualTo(new CatchUpAssessments.Result(2, 1, 0, 3));
    assertThat(refused).containsExactly("BAD2", "BAD4", "BAD4");
  }

  @Test
  void aPeriodicRunLeavesWhatWasJustStoredToTheIngestThatIsAssessingIt() {
    feed.add("D1", SETTLED);
    feed.add("D2", NOW.minus(Duration.ofMinutes(30)));
    feed.add("D3", NOW.minus(Duration.ofSeconds(30)));

    CatchUpAssessments.Result r = catchUp(targeting).run(() -> false, Duration.ofMinutes(2));

    assertThat(r).isEqualTo(new CatchUpAssessments.Result(3, 2, 2, 1));
    assertThat(assessed("D2")).isTrue();
    assertThat(assessed("D3")).isFalse();
    // the next full run takes it
    assertThat(catchUp(targeting).run(() -> false))
        .isEqualTo(new CatchUpAssessments.Result(2, 1, 1, 1));
    assertThat(assessed("D3")).isTrue();
  }

  @Test
  void theCursorStopsBeforeTheFirstRecentDeclarationThoughLaterOnesHaveSettled() {
    // a concurrent ingest committed position 3 late: positions 4 and 5 were stored before it
    feed.add("D1", SETTLED);
    feed.add("D2", SETTLED);
    feed.add("D3", RECENT);
    feed.add("D4", SETTLED);
    feed.add("D5", SETTLED);

    CatchUpAssessments.Result r = catchUp(targeting).run(() -> false);

    assertThat(r.position()).isEqualTo(2);
    assertThat(cursor.position("test-feed")).isEqualTo(2);
    assertThat(feed.entries).allSatisfy(e -> assertThat(assessed(e.sourceId())).isTrue());
  }

  @Test
  void aRunAskedToStopEndsAfterThePageItIsOnAndTheNextGoesOnFromThere() {
    for (int i = 0; i < 11_000; i++) {
      feed.add("D" + i, SETTLED);
    }
    AtomicInteger asked = new AtomicInteger();

    CatchUpAssessments.Result r = catchUp(targeting).run(() -> asked.getAndIncrement() > 0);

    assertThat(r).isEqualTo(new CatchUpAssessments.Result(5_000, 5_000, 5_000, 5_000));
    assertThat(assessed("D4999")).isTrue();
    assertThat(assessed("D5000")).isFalse();
    assertThat(catchUp(targeting).run(() -> false))
        .isEqualTo(new CatchUpAssessments.Result(6_000, 6_000, 6_000, 11_000));
  }

  @Test
  void whenAssessingFailsTheCursorStaysAfterTheLastPageDone() {
    for (int i = 0; i < 7_000; i++) {
      feed.add("D" + i, SETTLED);
    }
    AssessmentRequests failingOnSecondPage =
        new AssessmentRequests() {
          @Override
          public void assess(String kind, String sourceId, String json) {
            targeting.assess(kind, sourceId, json);
          }

          @Override
          public void assessAll(List<Request> requests) {
            if (requests.getFirst().sourceId().equals("D5000")) {
              throw new IllegalStateException("database unavailable");
            }
            AssessmentRequests.super.assessAll(requests);
          }
        };

    assertThatThrownBy(() -> catchUp(failingOnSecondPage).run(() -> false))
        .hasMessage("database unavailable");

    assertThat(cursor.position("test-feed")).isEqualTo(5_000);
    assertThat(catchUp(targeting).run(() -> false))
        .isEqualTo(new CatchUpAssessments.Result(2_000, 2_000, 2_000, 7_000));
  }
}
