package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    // across a space, the pair of a document's CJK runs too (a name written with or without one)
    // and each run's last character on its own, for a query of that one character
    assertThat(SearchTokens.of("𠮷野家 と 𠮷"))
        .containsExactly("𠮷野", "野家", "家", "家と", "と", "と𠮷", "𠮷");
    assertThat(SearchTokens.forQuery("𠮷野家 と 𠮷")).containsExactly("𠮷野", "野家", "と", "𠮷");
    assertThat(SearchTokens.of("東京")).containsExactly("東京", "京");
    assertThat(SearchTokens.of("大𠮷")).containsExactly("大𠮷", "𠮷");
    assertThat(SearchTokens.forQuery("東京")).containsExactly("東京");
    assertThat(SearchTokens.of("東")).containsExactly("東");
  }

  @Test
  void aVeryLongWordBecomesOneCappedTokenThatTheSameWordAsAQueryFinds() {
    String word = "a".repeat(4_000) + "b".repeat(1_000);
    List<String> doc = SearchTokens.of("lorem " + word + " ipsum");
    assertThat(doc)
        .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(SearchTokens.MAX_TOKEN));
    assertThat(doc).contains("lorem", "ipsum");
    assertThat(doc).containsAll(SearchTokens.forQuery(word));
    String id = "7".repeat(3_000) + "-" + "8".repeat(3_000);
    assertThat(SearchTokens.of(id))
        .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(SearchTokens.MAX_TOKEN));
    assertThat(SearchTokens.of(id)).containsAll(SearchTokens.forQuery(id));
    // never half a surrogate pair
    String kanji = "\uD842\uDFB7".repeat(100);
    String latin = "x".repeat(SearchTokens.MAX_TOKEN - 1) + "\uD835\uDC00" + "y";
    assertThat(SearchTokens.of(kanji + " " + latin))
        .allSatisfy(t -> assertThat(Character.isHighSurrogate(t.charAt(t.length() - 1))).isFalse());
  }

  @Test
  void aLegalFormMarkInAQueryIsIgnoredAsInCompanyKeys() {
    List<String> plain = SearchTokens.forQuery("サクラ物産");
    assertThat(SearchTokens.forQuery("(株)サクラ物産")).isEqualTo(plain);
    assertThat(SearchTokens.forQuery("㈱サクラ物産")).isEqualTo(plain);
    assertThat(SearchTokens.forQuery("サクラ物産（株）")).isEqualTo(plain);
    // a mark alone is searched as written, other brackets are left alone
    assertThat(SearchTokens.forQuery("㈱")).containsExactly("株");
    assertThat(SearchTokens.forQuery("(kyoto)")).containsExactly("kyoto");
    assertThat(SearchTokens.forQuery("!")).isEmpty();
  }

  @Test
  void legalFormsWrittenInFullInAQueryAreIgnoredWhereverTheyStand() {
    List<String> mori = SearchTokens.forQuery("森商事");
    for (String q : List.of("株式会社森商事", "森商事株式会社", "（株）森商事", "森商事 有限会社")) {
      assertThat(SearchTokens.forQuery(q)).as(q).isEqualTo(mori);
    }
    List<String> latin = SearchTokens.forQuery("Mori Shoji");
    for (String q :
        List.of("Mori Shoji Co., Ltd.", "Mori Shoji KK", "MORI SHOJI INC", "Mori Shoji GmbH")) {
      assertThat(SearchTokens.forQuery(q)).as(q).isEqualTo(latin);
    }
    // a query of legal forms alone is searched as written
    assertThat(SearchTokens.forQuery("Co., Ltd.")).containsExactly("co", "ltd");
    assertThat(SearchTokens.forQuery("株式会社")).contains("株式", "会社");
  }
}
