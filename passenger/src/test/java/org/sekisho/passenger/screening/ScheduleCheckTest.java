package org.sekisho.passenger.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.passenger.pnr.domain.Flight;
import org.sekisho.passenger.screening.domain.Schedule;
import org.sekisho.passenger.screening.domain.Schedule.TimeCheck;

/**
 * A leg lands after it leaves once its local times are read in its airports' zones; only a leg
 * whose times, arrival date and zones are all known can be said to land before it leaves.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ScheduleCheckTest {

  private static Flight leg(
      String from, String to, String dep, String arrDate, String arrTime, boolean inferred) {
    LocalDate d = LocalDate.parse(dep.substring(0, 10));
    return new Flight(
        "JL",
        "0001",
        from,
        to,
        d,
        LocalTime.parse(dep.substring(11)),
        arrDate == null ? null : LocalDate.parse(arrDate),
        arrTime == null ? null : LocalTime.parse(arrTime),
        "Y",
        "",
        "",
        "",
        "",
        inferred);
  }

  @Test
  void aLegThatLandsBeforeItLeavesInUtcIsFlaggedWithByHowMuch() {
    // SIN 18:00 (+08:00) = 10:00 UTC; NRT 10:00 (+09:00) = 01:00 UTC
    TimeCheck c =
        Schedule.of(leg("SIN", "NRT", "2026-12-30T18:00", "2026-12-30", "10:00", false)).check();
    assertThat(c)
        .isEqualTo(
            new TimeCheck.ArrivesBeforeDeparture(
                java.time.LocalDateTime.of(2026, 12, 30, 18, 0),
                java.time.LocalDateTime.of(2026, 12, 30, 10, 0),
                Duration.ofHours(9)));
  }

  @Test
  void crossingTheDateLineEastwardsLandsTheDayBeforeInLocalTimeAndIsPlausible() {
    // NRT 21:00 (+09:00) = 12:00 UTC; HNL 09:00 (-10:00) = 19:00 UTC
    TimeCheck c =
        Schedule.of(leg("NRT", "HNL", "2026-12-30T21:00", "2026-12-30", "09:00", false)).check();
    assertThat(c).isEqualTo(new TimeCheck.Plausible(Duration.ofHours(7)));
    // and westwards the local clock jumps a day ahead
    assertThat(
            Schedule.of(leg("HNL", "NRT", "2026-12-30T13:00", "2026-12-31", "17:00", false))
                .check())
        .isEqualTo(new TimeCheck.Plausible(Duration.ofHours(9)));
  }

  @Test
  void landingTheMomentItLeavesIsFlaggedToo() {
    // LHR 12:00 (+00:00 in winter) and CDG 13:00 (+01:00) are the same instant
    assertThat(
            Schedule.of(leg("LHR", "CDG", "2026-12-30T12:00", "2026-12-30", "13:00", false))
                .check())
        .isInstanceOf(TimeCheck.ArrivesBeforeDeparture.class);
  }

  @Test
  void aLegIsNotCheckedWhenItsArrivalDateWasTakenOrAZoneOrATimeIsUnknown() {
    // an overnight flight whose sender left out the arrival date would seem to land first
    assertThat(
            Schedule.of(leg("SIN", "NRT", "2026-12-30T23:00", "2026-12-30", "06:00", true)).check())
        .isEqualTo(new TimeCheck.Unchecked("arrival-date-not-sent"));
    assertThat(
            Schedule.of(leg("XYZ", "NRT", "2026-12-30T10:00", "2026-12-30", "09:00", false))
                .check())
        .isEqualTo(new TimeCheck.Unchecked("zone-unknown"));
    assertThat(Schedule.of(leg("SIN", "NRT", "2026-12-30T10:00", null, null, false)).check())
        .isEqualTo(new TimeCheck.Unchecked("times-missing"));
    assertThat(Schedule.UNKNOWN.check()).isEqualTo(new TimeCheck.Unchecked("times-missing"));
  }
}
