package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SharingAgreementStateTest {
  private static SharingAgreement from(String first, String last) {
    return new SharingAgreement(
        1,
        "police-jp",
        Set.of(RecordKind.SEIZURE),
        "MoU",
        LocalDate.parse(first),
        Optional.ofNullable(last).map(LocalDate::parse));
  }

  @Test
  void anAgreementIsNotYetInForceBeforeItsFirstDayInForceThroughItsLastAndEndedAfter() {
    SharingAgreement a = from("2026-01-01", "2026-12-31");
    assertThat(a.state(LocalDate.parse("2025-12-31"))).isEqualTo(SharingAgreement.State.NOT_YET);
    assertThat(a.state(LocalDate.parse("2026-01-01"))).isEqualTo(SharingAgreement.State.IN_FORCE);
    assertThat(a.state(LocalDate.parse("2026-12-31"))).isEqualTo(SharingAgreement.State.IN_FORCE);
    assertThat(a.state(LocalDate.parse("2027-01-01"))).isEqualTo(SharingAgreement.State.ENDED);
    assertThat(SharingAgreement.State.NOT_YET.code()).isEqualTo("not-yet");
  }

  @Test
  void anOpenEndedAgreementNeverEndsByItselfAndOneEndedTheDayBeforeItStartsIsEndedFromTheStart() {
    assertThat(from("2020-01-01", null).state(LocalDate.parse("2099-01-01")))
        .isEqualTo(SharingAgreement.State.IN_FORCE);
    // ending an agreement the day before its first day is how an administrator withdraws it
    SharingAgreement withdrawn = from("2027-01-01", "2026-12-31");
    assertThat(withdrawn.state(LocalDate.parse("2026-11-27")))
        .isEqualTo(SharingAgreement.State.ENDED);
    assertThat(withdrawn.state(LocalDate.parse("2027-01-01")))
        .isEqualTo(SharingAgreement.State.ENDED);
  }
}
