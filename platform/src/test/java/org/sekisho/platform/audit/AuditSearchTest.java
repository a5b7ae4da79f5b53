package org.sekisho.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * {@link AuditSearch} over a log written through {@link AuditLog}: each filter keeps exactly the
 * entries it names, and paging by seq returns every selected entry exactly once, newest first.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AuditSearchTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** 2026-11-26 00:00 in Tokyo. */
  private static final Instant START = Instant.parse("2026-11-25T15:00:00Z");

  private static final List<String> ACTIONS =
      List.of(
          "record.read",
          "search",
          "targeting.lane.decide",
          "targeting.assessment.read",
          "targetingx.other",
          "sharing.record.shared",
          "login");

  private Database db;
  private AuditSearch search;
  private final List<AuditEvent> written = new ArrayList<>();

  @BeforeAll
  void write(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform")));
    this.search = new AuditSearch(db.jdbi());
    AuditLog log = new AuditLog(db.jdbi());
    // three days, an entry every 9 minutes; two entries at one instant now and then (same at,
    // different seq) so that paging must order by seq within a time
    Instant at = START;
    for (int i = 0; i < 3 * 160; i++) {
      if (i % 37 != 0) {
        at = at.plus(Duration.ofMinutes(9));
      }
      String action = ACTIONS.get(i % ACTIONS.size());
      String subject =
          switch (action) {
            case "record.read", "sharing.record.shared" -> "record:" + (i % 11);
            case "login" -> "account:user" + (i % 5);
            case "search" -> "";
            case "targetingx.other" -> "record_" + (i % 3);
            default -> "assessment:" + i;
          };
      Map<String, String> details = new LinkedHashMap<>();
      details.put("n", Integer.toString(i));
      if (action.equals("sharing.record.shared")) {
        details.put("agency", i % 2 == 0 ? "police-jp" : "coastguard-jp");
      }
      if (action.equals("search")) {
        // "50 off sale" would match 50% OFF_ were % and _ wildcards
        details.put("q", i % 4 == 0 ? "50% off_sale" : i % 4 == 2 ? "50 off sale" : "コーヒー 株式会社");
      }
      AuditEvent e =
          new AuditEvent(
              at,
              "user" + (i % 5),
              i % 6 == 0 ? "police-jp" : "customs-jp",
              action,
              subject,
              details);
      log.record(e);
      written.add(e);
    }
  }

  /** Every page of {@code params}, followed by before, until none is left. */
  private List<AuditEntry> all(Map<String, String> params, AuditSearch with) {
    AuditQuery q = AuditQuery.parse(params, TOKYO).orElseThrow();
    List<AuditEntry> out = new ArrayList<>();
    for (int pages = 0; pages < 10_000; pages++) {
      AuditPage p = with.search(q).orElseThrow();
      assertThat(p.entries().size()).isLessThanOrEqualTo(q.limit());
      out.addAll(p.entries());
      if (!p.more()) {
        return out;
      }
      q = q.before(p.next().getAsLong());
    }
    throw new AssertionError("paging did not end");
  }

  /** The seqs of the written entries {@code keep} selects, newest first (time, then seq). */
  private List<Long> expected(Predicate<AuditEvent> keep) {
    List<long[]> picked = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      if (keep.test(written.get(i))) {
        picked.add(new long[] {written.get(i).at().toEpochMilli(), i + 1});
      }
    }
    picked.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(b[1], a[1]));
    return picked.stream().map(a -> a[1]).toList();
  }

  private static List<Long> seqs(List<AuditEntry> entries) {
    return entries.stream().map(AuditEntry::seq).toList();
  }

  private void narrowsExactly(Predicate<AuditEvent> keep, String... kv) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      params.put(kv[i], kv[i + 1]);
    }
    params.put("limit", "7");
    List<Long> want = expected(keep);
    assertThat(want).as("the case selects something: " + params).isNotEmpty();
    assertThat(want.size()).as("and not everything: " + params).isLessThan(written.size());
    assertThat(seqs(all(params, search))).as(params.toString()).isEqualTo(want);
  }

  @Test
  void eachFilterKeepsExactlyTheEntriesItNamesNewestFirst() {
    narrowsExactly(e -> e.actor().equals("user3"), "actor", "user3");
    narrowsExactly(e -> e.agency().equals("police-jp"), "agency", "police-jp");
    narrowsExactly(e -> e.action().equals("record.read"), "action", "record.read");
    // a prefix with its dot: targetingx.other does not begin with 'targeting.'
    narrowsExactly(e -> e.action().startsWith("targeting."), "action", "targeting.");
    narrowsExactly(e -> e.action().startsWith("targeting"), "action", "targeting*");
    narrowsExactly(e -> e.subject().equals("record:3"), "subject", "record:3");
    // 'record:*' is not 'record_…': the prefix is literal, not a LIKE pattern
    narrowsExactly(e -> e.subject().startsWith("record:"), "subject", "record:*");
    narrowsExactly(e -> e.subject().startsWith("record_"), "subject", "record_*");
    // one day in Tokyo: from its 00:00 to the next day's 00:00, both JST
    Instant day = START.plus(Duration.ofDays(1));
    narrowsExactly(
        e -> !e.at().isBefore(day) && e.at().isBefore(day.plus(Duration.ofDays(1))),
        "from",
        "2026-11-27",
        "to",
        "2026-11-27");
    narrowsExactly(
        e ->
            !e.at().isBefore(Instant.parse("2026-11-27T01:00:00Z"))
                && e.at().isBefore(Instant.parse("2026-11-27T03:00:00Z")),
        "from",
        "2026-11-27T10:00",
        "to",
        "2026-11-27T03:00:00Z");
    // text in the details: literal (% and _ are not wildcards), any script, any case
    narrowsExactly(e -> e.details().getOrDefault("q", "").contains("50% off_"), "q", "50% OFF_");
    narrowsExactly(e -> e.details().getOrDefault("q", "").contains("コーヒー"), "q", "コーヒー");
    narrowsExactly(
        e -> "police-jp".equals(e.details().get("agency")), "action", "sharing.", "q", "police-jp");
    // all together
    narrowsExactly(
        e ->
            e.actor().equals("user0")
                && e.agency().equals("police-jp")
                && e.action().equals("record.read")
                && !e.at().isBefore(day),
        "actor",
        "user0",
        "agency",
        "police-jp",
        "action",
        "record.read",
        "from",
        "2026-11-27");
  }

  @Test
  void pagingBySeqReturnsEveryEntryExactlyOnceAcrossPagesAndTies() {
    for (String limit : List.of("1", "7", "50", "500")) {
      List<Long> got = seqs(all(Map.of("limit", limit), search));
      assertThat(got).as("limit " + limit).isEqualTo(expected(e -> true));
      Set<Long> distinct = new HashSet<>(got);
      assertThat(distinct).hasSize(written.size());
    }
  }

  @Test
  void theNewestPageSaysWhereTheNextStartsAndTheLastSaysNoMore() {
    AuditQuery q = AuditQuery.parse(Map.of("actor", "user1", "limit", "3"), TOKYO).orElseThrow();
    AuditPage first = search.search(q).orElseThrow();
    assertThat(first.entries()).hasSize(3);
    assertThat(first.next()).hasValue(first.entries().get(2).seq());
    assertThat(first.entries().get(0).details()).contains("\"n\":");
    AuditPage none =
        search
            .search(AuditQuery.parse(Map.of("actor", "nobody"), TOKYO).orElseThrow())
            .orElseThrow();
    assertThat(none.entries()).isEmpty();
    assertThat(none.more()).isFalse();
  }

  @Test
  void beforeAnEntryTheLogDoesNotHoldIsRefusedNamingBefore() {
    Outcome<AuditPage> o =
        search.search(AuditQuery.parse(Map.of("before", "999999"), TOKYO).orElseThrow());
    assertThat(o.problems()).hasSize(1);
    assertThat(o.problems().get(0).field()).isEqualTo("before");
    assertThat(o.problems().get(0).message()).contains("there is no entry 999999");
  }

  @Test
  void aFreeTextScanStopsAtItsBoundSaysSoAndTheNextPagesGoOnWithoutLosingAnEntry() {
    AuditSearch small = new AuditSearch(db.jdbi(), 20, Duration.ofSeconds(20));
    AuditQuery q = AuditQuery.parse(Map.of("q", "coffee-never-written"), TOKYO).orElseThrow();
    AuditPage first = small.search(q).orElseThrow();
    assertThat(first.entries()).isEmpty();
    assertThat(first.textScanCapped()).isTrue();
    // the 20th newest entry is where the scan stopped
    assertThat(first.next()).hasValue(expected(e -> true).get(19));
    // paged through in steps of at most 20 entries looked at, every hit comes once
    Map<String, String> params = Map.of("q", "コーヒー", "limit", "500");
    List<Long> want = expected(e -> e.details().getOrDefault("q", "").contains("コーヒー"));
    assertThat(seqs(all(params, small))).isEqualTo(want);
  }
}
