package org.sekisho.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTimeTest {
  @Test
  void aTimeIsShownInTheAdministrationsZoneWithTheShortNamePeopleUseInEitherLanguage() {
    Instant at = Instant.parse("2026-11-28T03:40:00Z");
    for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
      assertThat(new Messages(l, List.of("i18n.platform"), ZoneId.of("Asia/Tokyo")).time(at))
          .as(l.toString())
          .isEqualTo("2026-11-28 12:40 JST");
    }
    assertThat(new Messages(Locale.ENGLISH, List.of("i18n.platform"), ZoneOffset.UTC).time(at))
        .isEqualTo("2026-11-28 03:40 Z");
  }
}
