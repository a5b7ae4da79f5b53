package org.sekisho.intel.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Problem;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.platform.i18n.Messages;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SharingMessagesTest {
  /** Every refusal RecordSharing gives a share, revoke or agreement form: code and field. */
  private static final List<String[]> REFUSALS =
      List.of(
          new String[] {"missing-field", "agency"},
          new String[] {"missing-field", "purpose"},
          new String[] {"missing-field", "reason"},
          new String[] {"missing-field", "kinds"},
          new String[] {"missing-field", "reference"},
          new String[] {"missing-field", "validFrom"},
          new String[] {"missing-field", "lastDay"},
          new String[] {"invalid-value", "purpose"},
          new String[] {"invalid-value", "reason"},
          new String[] {"invalid-value", "reference"},
          new String[] {"invalid-value", "agency"},
          new String[] {"invalid-value", "kinds[2]"},
          new String[] {"invalid-value", "validFrom"},
          new String[] {"invalid-value", "validUntil"},
          new String[] {"invalid-value", "lastDay"},
          new String[] {"too-long", "purpose"},
          new String[] {"invalid-character", "reason"},
          new String[] {"unknown-agency", "agency"},
          new String[] {"no-agreement", "agency"},
          new String[] {"conflict", "agency"},
          new String[] {"not-found", "agency"},
          new String[] {"not-found", "id"},
          new String[] {"forbidden", "id"},
          new String[] {"forbidden", "agency"});

  @Test
  void everyRefusalOfTheSharingFormsIsWrittenInEnglishAndJapanese() {
    for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
      Messages t = new Messages(l, List.of("i18n.intel"));
      for (String[] r : REFUSALS) {
        String text =
            SharingMessages.why(
                t, Problem.of(r[0], r[1], "ENGLISH FALLBACK"), "police-jp", "seizure");
        assertThat(text).as(l + " " + r[0] + " " + r[1]).doesNotContain("ENGLISH FALLBACK");
        assertThat(text).as(l + " " + r[0] + " " + r[1]).doesNotContain("{").isNotBlank();
      }
    }
  }

  @Test
  void aConflictSaysTheSameFactsInJapaneseAsInEnglishWithTheTimeInTheReadersZone() {
    Messages en = new Messages(Locale.ENGLISH, List.of("i18n.intel"), ZoneId.of("Asia/Tokyo"));
    Messages ja = new Messages(Locale.JAPANESE, List.of("i18n.intel"), ZoneId.of("Asia/Tokyo"));
    Problem revoked =
        Problem.of("conflict", "agency", "ended already")
            .worded(
                RecordSharing.REVOKED,
                "police-jp",
                "mei",
                Instant.parse("2026-11-27T11:24:05.123456Z"));
    assertThat(SharingMessages.why(ja, revoked, "police-jp", "seizure"))
        .isEqualTo("police-jpとの共有はすでにmeiが終了しています（2026-11-27 20:24 JST）。");
    assertThat(SharingMessages.why(en, revoked, "police-jp", "seizure"))
        .isEqualTo("The sharing with police-jp was ended already by mei (2026-11-27 20:24 JST).");
    Problem ended =
        Problem.of("conflict", "id", "ended already")
            .worded(
                RecordSharing.ENDED,
                "root",
                Instant.parse("2026-11-27T03:00:00Z"),
                LocalDate.parse("2026-12-31"));
    assertThat(SharingMessages.why(ja, ended, "europol", ""))
        .startsWith("この取決めはすでにrootが終了しています（2026-11-27 12:00 JST、終了日2026-12-31）");
    Problem identical =
        Problem.of("conflict", "reference", "recorded already").worded(RecordSharing.IDENTICAL, 12);
    assertThat(SharingMessages.why(ja, identical, "europol", "")).startsWith("取決め12が");
    assertThat(SharingMessages.why(en, identical, "europol", "")).startsWith("Agreement 12 is");
    Problem shared =
        Problem.of("conflict", "agency", "shared already").worded(RecordSharing.SHARED, "fiu-jp");
    assertThat(SharingMessages.why(ja, shared, "", "")).isEqualTo("この記録はすでにfiu-jpと共有されています。");
  }

  @Test
  void aRefusalNamesThePartnerAndTheKindInTheReadersLanguage() {
    Problem none = Problem.of("no-agreement", "agency", "no agreement in force today ...");
    assertThat(
            SharingMessages.why(
                new Messages(Locale.ENGLISH, List.of("i18n.intel")), none, "police-jp", "seizure"))
        .isEqualTo(
            "No agreement in force today allows sharing seizures with police-jp. An administrator"
                + " records one on the liaison desk.");
    assertThat(
            SharingMessages.why(
                new Messages(Locale.JAPANESE, List.of("i18n.intel")), none, "police-jp", "seizure"))
        .contains("摘発の記録をpolice-jpと共有");
    // a refusal no text is written for keeps the API's English message
    assertThat(
            SharingMessages.why(
                new Messages(Locale.JAPANESE, List.of("i18n.intel")),
                Problem.of("invalid-json", "", "not valid JSON"),
                "police-jp",
                ""))
        .isEqualTo("not valid JSON");
    // an apostrophe in a text with arguments survives the formatting
    assertThat(
            SharingMessages.why(
                new Messages(Locale.ENGLISH, List.of("i18n.intel")),
                Problem.of("forbidden", "agency", "x"),
                "",
                ""))
        .contains("administration's own");
  }
}
