package org.sekisho.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {
  @Test
  void aDetailLongerThanTheBoundIsCutSayingHowLongItWasAndShortOnesAreKeptAsGiven() {
    String huge = "q".repeat(AuditEvent.MAX_DETAIL * 10);
    AuditEvent e =
        new AuditEvent(
            Instant.EPOCH,
            "anonymous",
            "",
            "input.rejected",
            "route:POST /declaration",
            Map.of("field", huge, "reason", "nul"));
    assertThat(e.details().get("reason")).isEqualTo("nul");
    assertThat(e.details().get("field"))
        .startsWith("q".repeat(AuditEvent.MAX_DETAIL))
        .endsWith("… (cut: 20000 characters)")
        .hasSize(AuditEvent.MAX_DETAIL + "… (cut: 20000 characters)".length());
    String exact = "q".repeat(AuditEvent.MAX_DETAIL);
    assertThat(
            new AuditEvent(Instant.EPOCH, "a", "", "x", "", Map.of("field", exact))
                .details()
                .get("field"))
        .isEqualTo(exact);
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String v = "q".repeat(AuditEvent.MAX_DETAIL - 1) + "𠀋".repeat(10);
    String cut = new AuditEvent(Instant.EPOCH, "a", "", "x", "", Map.of("f", v)).details().get("f");
    assertThat(cut).startsWith("q".repeat(AuditEvent.MAX_DETAIL - 1) + "…");
  }
}
