package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.intel.domain.SearchTokens;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SearchTokensTest {
  @Test
  void japaneseTextBecomesOverlappingPairsAndLatinTextWords() {
    assertThat(SearchTokens.of("株式会社サクラ roasted COFFEE"))
        .contains("株式", "式会", "サク", "クラ", "roasted", "coffee");
  }

  @Test
  void identifiersWithSeparatorsAreAlsoStoredJoined() {
    assertThat(SearchTokens.of("declaration B7-123456 phone 03-1234-5678"))
        .contains("b7", "123456", "b7123456", "03", "1234", "5678", "0312345678");
  }

  @Test
  void aQueryForAnIdentifierUsesTheJoinedTokenNotItsCommonParts() {
    assertThat(SearchTokens.forQuery("B7-123456")).containsExactly("b7123456");
    assertThat(SearchTokens.forQuery("coffee 03-1234-5678"))
        .containsExactly("0312345678", "coffee");
    assertThat(SearchTokens.forQuery("golden lotus")).containsExactly("golden", "lotus");
  }

  @Test
  void fullWidthAndHalfWidthFormsGiveTheSameTokens() {
    assertThat(SearchTokens.of("ＡＢＣ１２３")).isEqualTo(SearchTokens.of("ABC123"));
    assertThat(SearchTokens.of("ｻｸﾗ")).isEqualTo(SearchTokens.of("サクラ"));
  }

  @Test
  void kanjiOutsideTheBasicPlaneArePairedWholeAndALoneOneIsKept() {
    // 𠮷 (U+20BB7) takes two UTF-16 units; a pair must never split it.
    assertThat(SearchTokens.of("𠮷野家 と 𠮷")).containsExactly("𠮷野", "野家", "と", "𠮷");
    assertThat(SearchTokens.of("東京")).containsExactly("東京");
    assertThat(SearchTokens.of("東")).containsExactly("東");
  }
}
