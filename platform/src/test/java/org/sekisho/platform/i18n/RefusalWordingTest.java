package org.sekisho.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Problem;

/**
 * A refusal is worded from its own key, then from each fallback in turn, then left in English; an
 * English reader keeps the use case's message byte for byte; code, field and wording never change.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RefusalWordingTest {
  private static final List<String> BUNDLES = List.of("i18n.wordingtest");
  private static final Messages EN = new Messages(Locale.ENGLISH, BUNDLES);
  private static final Messages JA =
      new Messages(Locale.JAPANESE, BUNDLES, ZoneId.of("Asia/Tokyo"));
  private static final RefusalWording WT =
      RefusalWording.of("wt").orElse("{code}.{field}", "{code}", "refused");

  private static final Problem SUPERSEDED =
      Problem.of("conflict", "version", "superseded by version 3 at 2026-11-27T03:00:00Z")
          .worded("superseded", 3, "2026-11-27T03:00:00Z");

  @Test
  void anEnglishReaderOrNoneKeepsTheUseCasesMessage() {
    assertThat(WT.worded(EN, SUPERSEDED)).isSameAs(SUPERSEDED);
    assertThat(WT.worded(null, SUPERSEDED)).isSameAs(SUPERSEDED);
  }

  @Test
  void aRefusalWithItsOwnWordingIsWordedWithItsValuesATimeAsTheReaderReadsIt() {
    Problem ja = WT.worded(JA, SUPERSEDED);
    assertThat(ja.message()).isEqualTo("2026-11-27 12:00 JST に版 3 で更新されています");
    assertThat(ja.code()).isEqualTo("conflict");
    assertThat(ja.field()).isEqualTo("version");
    assertThat(ja.key()).isEqualTo("superseded");
    assertThat(ja.args()).containsExactly("3", "2026-11-27T03:00:00Z");
  }

  @Test
  void withoutItsOwnWordingTheFallbacksAreTriedInOrder() {
    // by code and field, list positions left out; a field no text is written for: by code
    assertThat(WT.text(JA, Problem.of("invalid-value", "goods[2].weight", "not a number")))
        .isEqualTo("項目 goods[2].weight が正しくありません（not a number）");
    assertThat(WT.text(JA, Problem.of("invalid-value", "weight", "not a number")))
        .isEqualTo("重量が数値ではありません");
    assertThat(WT.text(JA, Problem.of("invalid-value", "weight[0]", "not a number")))
        .isEqualTo("重量が数値ではありません");
    // by code, the field and the English detail framed
    assertThat(WT.text(JA, Problem.of("invalid-value", "", "bad")))
        .isEqualTo("項目 - が正しくありません（bad）");
    // nothing written for the code: the general text
    assertThat(WT.text(JA, Problem.of("too-late", "at", "the desk has closed")))
        .isEqualTo("受け付けられません（the desk has closed）");
    // an own wording the bundles lack falls through as well
    assertThat(WT.text(JA, Problem.of("conflict", "", "taken").worded("taken")))
        .isEqualTo("受け付けられません（taken）");
  }

  @Test
  void withoutAFallbackAnUnwordedRefusalStaysInEnglish() {
    Problem p = Problem.of("too-late", "at", "the desk has closed");
    assertThat(RefusalWording.of("wt").worded(JA, p)).isSameAs(p);
  }

  @Test
  void quotingAndFramingCanBeReplaced() {
    RefusalWording outcome =
        RefusalWording.of("wt")
            .orElse("refused")
            .quoting((t, p) -> new Object[] {"v" + p.args().get(0), "then"})
            .framing((t, p) -> new Object[] {"", p.code()});
    assertThat(outcome.text(JA, SUPERSEDED)).isEqualTo("then に版 v3 で更新されています");
    assertThat(outcome.text(JA, Problem.of("too-late", "", "closed")))
        .isEqualTo("受け付けられません（too-late）");
    assertThat(outcome.worded(JA, List.of(SUPERSEDED, Problem.of("x", "", "y"))))
        .extracting(Problem::message)
        .containsExactly("then に版 v3 で更新されています", "受け付けられません（x）");
  }

  @Test
  void aPrefixMustBeAKeyPrefix() {
    assertThatThrownBy(() -> RefusalWording.of("wt."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("screening.api");
    assertThatThrownBy(() -> RefusalWording.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
