package org.sekisho.passenger.pnr.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;

/** A time a refusal quotes reads as people read times here, in Japanese; English as written. */
class ApiRefusalsTimeTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Instant DECIDED = Instant.parse("2026-11-29T04:10:29.240793Z");

  private static Problem refused() {
    return Problem.of(
            "conflict",
            "id",
            "request 7 was refused by admin at " + DECIDED + ": not enough grounds")
        .worded("refused", 7, "admin", DECIDED, "not enough grounds");
  }

  @Test
  void aRefusedRequestsTimeReadsInTheReadersZoneInJapanese() {
    Messages ja = new Messages(Locale.JAPANESE, List.of("i18n.screening"), TOKYO);
    Problem worded = ApiRefusals.worded(ja, refused());
    assertThat(worded.message())
        .contains("2026-11-29 13:10 JST")
        .doesNotContain("2026-11-29T04:10:29.240793Z");
    assertThat(worded.code()).isEqualTo("conflict");
    assertThat(worded.field()).isEqualTo("id");
  }

  @Test
  void englishKeepsTheMessageByteForByteTimeIncluded() {
    Messages en = new Messages(Locale.ENGLISH, List.of("i18n.screening"), TOKYO);
    assertThat(ApiRefusals.worded(en, refused()).message())
        .isEqualTo(
            "request 7 was refused by admin at 2026-11-29T04:10:29.240793Z: not enough grounds");
  }
}
