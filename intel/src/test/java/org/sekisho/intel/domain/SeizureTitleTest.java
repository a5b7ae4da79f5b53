package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeizureTitleTest {
  private static Seizure seizure(String commodity, BigDecimal quantity, String place) {
    return new Seizure(
        "RVZ-P-0003",
        Instant.EPOCH,
        "",
        place,
        commodity,
        "",
        quantity,
        quantity == null ? "" : "kg",
        "",
        "",
        List.of(),
        List.of(),
        List.of(),
        "",
        List.of(),
        "");
  }

  @Test
  void aTitleLeavesNoDanglingSeparatorForWhatTheSeizureDoesNotSay() {
    assertThat(seizure("heroin", new BigDecimal("2.5"), "JPNRT").title())
        .isEqualTo("Seizure RVZ-P-0003 · heroin 2.5 kg · JPNRT");
    assertThat(seizure("heroin", null, "").title()).isEqualTo("Seizure RVZ-P-0003 · heroin");
    assertThat(seizure("", null, "JPNRT").title()).isEqualTo("Seizure RVZ-P-0003 · JPNRT");
    assertThat(seizure("", null, "").title()).isEqualTo("Seizure RVZ-P-0003");
  }
}
