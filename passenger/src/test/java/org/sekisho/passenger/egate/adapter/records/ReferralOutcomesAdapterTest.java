package org.sekisho.passenger.egate.adapter.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.kiosk.ArrivalCapture;
import org.sekisho.passenger.egate.domain.kiosk.Purpose;
import org.sekisho.passenger.egate.domain.kiosk.TravellerField;
import org.sekisho.passenger.egate.domain.referral.RecordedOutcome;
import org.sekisho.passenger.egate.domain.referral.ReferralOutcome;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/** The referral read side and the outcome table on embedded PostgreSQL. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReferralOutcomesAdapterTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private final Database db;
  private final JdbcArrivalRecords tables;
  private final JdbcReferralOutcomes outcomes;

  ReferralOutcomesAdapterTest(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("egate")));
    db.jdbi().useHandle(h -> h.execute("truncate egate.customs_arrival cascade"));
    this.tables = new JdbcArrivalRecords(db.jdbi());
    this.outcomes = new JdbcReferralOutcomes(db.jdbi());
  }

  private void arrival(String id, String at, String decision) {
    ArrivalCapture c =
        new ArrivalCapture(
            id,
            "kiosk-hnd-01",
            Instant.parse(at),
            Map.of(
                TravellerField.DOCUMENT_NUMBER, "TK1234567",
                TravellerField.GATE_DECISION, decision,
                TravellerField.GATE_REFERRALS, "GOODS_TO_DECLARE: yes"));
    assertThat(tables.customs().send(c.recordFor(Purpose.CUSTOMS)).isAccepted()).isTrue();
  }

  private static RecordedOutcome outcome(String id, int version, ReferralOutcome o) {
    return new RecordedOutcome(
        id, version, o, "comment " + version, "officer", "customs-jp", Instant.now());
  }

  @Test
  void theDaysReferralsAreThoseOfTheDayInTokyoNewestFirst() {
    // 15:30 UTC on 9 March is 00:30 on 10 March in Tokyo; 15:30 UTC on 10 March is the 11th there.
    arrival("a-early", "2026-03-09T15:30:00Z", "secondary inspection: GOODS_TO_DECLARE");
    arrival("a-late", "2026-03-10T14:59:00Z", "secondary inspection: GOODS_TO_DECLARE");
    arrival("a-passed", "2026-03-10T01:00:00Z", "pass");
    arrival("a-next-day", "2026-03-10T15:30:00Z", "secondary inspection: GOODS_TO_DECLARE");
    List<String> ids =
        tables.lookup().referredOn(LocalDate.of(2026, 3, 10), TOKYO).stream()
            .map(r -> r.get("capture_id"))
            .toList();
    assertThat(ids).containsExactly("a-late", "a-early");
  }

  @Test
  void aSecondOutcomeWithTheSameVersionIsAConflictAndTheHistoryIsKept() {
    arrival("b-1", "2026-03-10T01:00:00Z", "secondary inspection: GOODS_TO_DECLARE");
    arrival("b-2", "2026-03-10T02:00:00Z", "secondary inspection: GOODS_TO_DECLARE");
    assertThat(outcomes.append(outcome("b-1", 1, ReferralOutcome.RELEASED)).isAccepted()).isTrue();
    Outcome<RecordedOutcome> again = outcomes.append(outcome("b-1", 1, ReferralOutcome.SEIZURE));
    assertThat(again.problems().get(0).code()).isEqualTo("conflict");
    assertThat(outcomes.append(outcome("b-1", 2, ReferralOutcome.SEIZURE)).isAccepted()).isTrue();
    assertThat(outcomes.history("b-1"))
        .extracting(RecordedOutcome::version, RecordedOutcome::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, ReferralOutcome.RELEASED),
            org.assertj.core.groups.Tuple.tuple(2, ReferralOutcome.SEIZURE));
    Map<String, RecordedOutcome> latest = outcomes.latest(List.of("b-1", "b-2"));
    assertThat(latest).containsOnlyKeys("b-1");
    assertThat(latest.get("b-1").version()).isEqualTo(2);
    assertThat(outcomes.latest(List.of())).isEmpty();
  }
}
