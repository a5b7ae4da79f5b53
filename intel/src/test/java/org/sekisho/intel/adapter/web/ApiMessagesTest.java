package org.sekisho.intel.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;

/** Intel's API refusals in the reader's language take the value they quote from their arguments. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ApiMessagesTest {
  private static final Messages JA = new Messages(Locale.JAPANESE, List.of("i18n.intel"));
  private static final Messages EN = new Messages(Locale.ENGLISH, List.of("i18n.intel"));

  @Test
  void theJapaneseAnswerQuotesTheRefusalsArgumentNotTheEnglishText() {
    // an English message that quotes nothing the old reading could find: the value is the argument
    Problem p =
        Problem.of("invalid-field", "validFrom", "expected a date YYYY-MM-DD")
            .worded("not-a-date", "1 April");
    assertThat(ApiMessages.why(JA, p))
        .isEqualTo("開始日は YYYY-MM-DD の形の日付で指定してください。「1 April」は日付ではありません。");
    // and where both are there, the argument wins over what the English seems to quote
    Problem cut =
        Problem.of("invalid-field", "kind", "expected a record kind such as declaration, got 'o'k'")
            .worded("not-a-kind", "o'k");
    assertThat(ApiMessages.why(JA, cut)).contains("「o'k」");
  }

  @Test
  void aRefusalWithoutArgumentsHasItsValueReadOutOfTheEnglishAndEnglishStaysAsItIs() {
    // core's and platform's parsers word nothing of their own: the value after "got"
    Problem parser =
        Problem.of(
            "invalid-parameter", "date", "expected an ISO date such as 2026-11-27, got 'x1'");
    assertThat(ApiMessages.why(JA, parser)).contains("「x1」");
    Problem worded = parser.worded("not-a-date", "x1");
    assertThat(ApiMessages.why(EN, worded)).isEqualTo(parser.message());
    assertThat(ApiMessages.why(null, worded)).isEqualTo(parser.message());
  }
}
