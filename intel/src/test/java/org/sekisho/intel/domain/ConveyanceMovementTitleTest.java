package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConveyanceMovementTitleTest {
  private static ConveyanceMovement movement(String name, String voyage) {
    return new ConveyanceMovement(
        "M1", "sea", "arrival", Instant.EPOCH, name, voyage, "", "", "", "", "JPYOK", "", "", "");
  }

  @Test
  void aTitleLeavesNoGapForWhatTheMovementDoesNotSay() {
    assertThat(movement("EVER SUMMIT", "042E").title())
        .isEqualTo("Arrival EVER SUMMIT 042E · JPYOK");
    assertThat(movement("EVER SUMMIT", "").title()).isEqualTo("Arrival EVER SUMMIT · JPYOK");
    assertThat(movement("", "").title()).isEqualTo("Arrival · JPYOK");
  }
}
