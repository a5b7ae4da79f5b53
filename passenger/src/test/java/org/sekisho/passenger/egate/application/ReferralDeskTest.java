package org.sekisho.passenger.egate.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.decision.Reason;
import org.sekisho.passenger.egate.domain.referral.OutcomeRequest;
import org.sekisho.passenger.egate.domain.referral.RecordedOutcome;
import org.sekisho.passenger.egate.domain.referral.ReferralOutcome;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReferralDeskTest {
  private static final String REFERRED = "11111111-1111-4111-8111-111111111111";
  private static final String PASSED = "22222222-2222-4222-8222-222222222222";
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T16:30:00Z"), ZoneOffset.UTC);

  /** An in-memory outcome store; {@code sneakIn} records someone else's outcome before ours. */
  private static final class Outcomes implements ReferralOutcomes {
    final List<RecordedOutcome> rows = new ArrayList<>();
    RecordedOutcome sneakIn;

    @Override
    public synchronized Outcome<RecordedOutcome> append(RecordedOutcome o) {
      if (sneakIn != null) {
        rows.add(sneakIn);
        sneakIn = null;
      }
      if (rows.stream()
          .anyMatch(r -> r.captureId().equals(o.captureId()) && r.version() == o.version())) {
        return Outcome.rejected("conflict", "version", "taken");
      }
      rows.add(o);
      return Outcome.accepted(o);
    }

    @Override
    public synchronized List<RecordedOutcome> history(String captureId) {
      return rows.stream().filter(r -> r.captureId().equals(captureId)).toList();
    }

    @Override
    public synchronized Map<String, RecordedOutcome> latest(List<String> ids) {
      Map<String, RecordedOutcome> m = new HashMap<>();
      rows.stream().filter(r -> ids.contains(r.captureId())).forEach(r -> m.put(r.captureId(), r));
      return m;
    }
  }

  private final Outcomes outcomes = new Outcomes();
  private final List<Object> daysAsked = new ArrayList<>();
  private final CustomsArrivalLookup lookup =
      new CustomsArrivalLookup() {
        @Override
        public Optional<Map<String, String>> find(String id) {
          return Optional.ofNullable(records().get(id));
        }

        @Override
        public List<Map<String, String>> referredOn(LocalDate day, ZoneId zone) {
          daysAsked.add(day + " " + zone);
          return List.of(records().get(REFERRED));
        }
      };

  private static Map<String, Map<String, String>> records() {
    return Map.of(
        REFERRED,
        Map.of(
            "capture_id", REFERRED,
            "gate_decision", "secondary inspection",
            "gate_referrals", "GOODS_TO_DECLARE: goods to declare: yes",
            "kiosk_office", "HND"),
        PASSED,
        Map.of("capture_id", PASSED, "gate_decision", "pass"));
  }

  private final ReferralDesk desk = new ReferralDesk(lookup, outcomes, clock);
  private final ReferralDesk.Officer ken = new ReferralDesk.Officer("officer", "customs-jp", "HND");

  private static OutcomeRequest request(String outcome, String comment, int version) {
    return OutcomeRequest.read(outcome, comment, version).orElseThrow();
  }

  @Test
  void aReferralIsRecordedByItsOfficeReadByHeadquartersAndNeitherByAnotherOffice() {
    Map<String, String> hnd = records().get(REFERRED);
    assertThat(ReferralDesk.reach(ken, hnd)).isEqualTo(ReferralDesk.Reach.RECORD);
    assertThat(ReferralDesk.reach(new ReferralDesk.Officer("y", "customs-jp", "JPYOK"), hnd))
        .isEqualTo(ReferralDesk.Reach.NONE);
    assertThat(ReferralDesk.reach(new ReferralDesk.Officer("h", "customs-jp", "HQ"), hnd))
        .isEqualTo(ReferralDesk.Reach.READ);
    assertThat(ReferralDesk.reach(new ReferralDesk.Officer("n", "customs-jp", ""), hnd))
        .isEqualTo(ReferralDesk.Reach.READ);
    // a record kept before kiosks' offices were: any office's, as before
    assertThat(
            ReferralDesk.reach(
                new ReferralDesk.Officer("y", "customs-jp", "JPYOK"), records().get(PASSED)))
        .isEqualTo(ReferralDesk.Reach.RECORD);
    Outcome<RecordedOutcome> refused =
        desk.record(
            REFERRED,
            request("released", "x", 0),
            new ReferralDesk.Officer("h", "customs-jp", "HQ"));
    assertThat(refused.problems().get(0).code()).isEqualTo("forbidden");
    assertThat(outcomes.history(REFERRED)).isEmpty();
  }

  @Test
  void todayIsTodayInTheAdministrationsZoneNotTheClocks() {
    // 16:30 UTC on 10 March is 01:30 on 11 March in Tokyo.
    assertThat(desk.today(ZoneId.of("Asia/Tokyo"))).isEqualTo(LocalDate.of(2026, 3, 11));
  }

  @Test
  void theDaysReferralsComeWithTheirReasonsReadBackAndTheirLatestOutcome() {
    desk.record(REFERRED, request("released", "questioned", 0), ken).orElseThrow();
    desk.record(REFERRED, request("duty-paid", "found 2 bottles", 1), ken).orElseThrow();
    List<ReferralDesk.Arrival> day =
        desk.referredOn(LocalDate.of(2026, 3, 11), ZoneId.of("Asia/Tokyo"));
    assertThat(daysAsked).containsExactly("2026-03-11 Asia/Tokyo");
    assertThat(day).hasSize(1);
    assertThat(day.get(0).referrals().get(0).reason()).isEqualTo(Reason.GOODS_TO_DECLARE);
    assertThat(day.get(0).latest().orElseThrow().outcome()).isEqualTo(ReferralOutcome.DUTY_PAID);
  }

  @Test
  void aSecondOutcomeCorrectsTheFirstAndBothAreKept() {
    RecordedOutcome first =
        desk.record(REFERRED, request("released", "questioned, nothing", 0), ken).orElseThrow();
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.recordedAt()).isEqualTo(clock.instant());
    RecordedOutcome second =
        desk.record(REFERRED, request("seizure", "hidden cash found", 1), ken).orElseThrow();
    assertThat(second.version()).isEqualTo(2);
    assertThat(desk.find(REFERRED).orElseThrow().outcomes())
        .extracting(RecordedOutcome::comment)
        .containsExactly("questioned, nothing", "hidden cash found");
  }

  @Test
  void anOutcomeOnAStaleVersionIsAConflictSayingWhoRecordedSince() {
    desk.record(REFERRED, request("released", "questioned", 0), ken).orElseThrow();
    Outcome<RecordedOutcome> late =
        desk.record(
            REFERRED,
            request("examination", "to x-ray", 0),
            new ReferralDesk.Officer("inspector", "customs-jp", "HND"));
    assertThat(late.problems().get(0).code()).isEqualTo("conflict");
    assertThat(late.problems().get(0).message()).contains("version 1").contains("by officer");
    assertThat(outcomes.rows).hasSize(1);
  }

  @Test
  void someoneRecordingBetweenTheReadAndTheWriteIsAConflictToo() {
    outcomes.sneakIn =
        new RecordedOutcome(
            REFERRED,
            1,
            ReferralOutcome.SEIZURE,
            "seized",
            "inspector",
            "customs-jp",
            clock.instant());
    Outcome<RecordedOutcome> o = desk.record(REFERRED, request("released", "ok", 0), ken);
    assertThat(o.problems().get(0).code()).isEqualTo("conflict");
    assertThat(o.problems().get(0).message()).contains("by inspector");
  }

  @Test
  void aTravellerTheGateLetThroughOrAnUnknownCaptureHasNoOutcome() {
    assertThat(desk.record(PASSED, request("released", "x", 0), ken).problems().get(0).code())
        .isEqualTo("not-referred");
    assertThat(
            desk.record("33333333-3333-4333-8333-333333333333", request("released", "x", 0), ken)
                .problems()
                .get(0)
                .code())
        .isEqualTo("not-found");
    assertThat(outcomes.rows).isEmpty();
  }
}
