package org.sekisho.passenger.screening.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.sekisho.core.Problem;
import org.sekisho.names.adapter.file.FollowTheMoneyJson;
import org.sekisho.names.adapter.file.WatchlistCsv;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.platform.i18n.Messages;

/**
 * A watchlist import's refused rows, worded in Japanese from each refusal's key and values, never
 * by reading them back out of the English: every refusal the readers give has its words in both
 * bundles, and values the English cannot be read back from (an id holding ": " or a quote) are
 * quoted as they are.
 */
class ImportRefusalsTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Messages JA =
      new Messages(Locale.JAPANESE, List.of("i18n.screening"), TOKYO);
  private static final Messages EN = new Messages(Locale.ENGLISH, List.of("i18n.screening"), TOKYO);
  private static final String REASON = "screening.import.reason.";

  private static List<Problem> csv(String text) {
    return WatchlistCsv.read(new StringReader(text), e -> {});
  }

  private static List<Problem> ftm(String text) {
    return FollowTheMoneyJson.read(
        new BufferedReader(new StringReader(text)), "x", Severity.LOW, e -> {});
  }

  @Test
  void anEntityIdHoldingAColonIsQuotedWhole() {
    Problem p = ftm("{\"id\":\"acme: 2\",\"schema\":\"Person\",\"properties\":{}}\n").get(0);
    assertThat(ImportRefusals.worded(JA, p).message()).isEqualTo("1 行目: エンティティ acme: 2 に名前がありません。");
  }

  @Test
  void aValueLeftOutOfAnEntityWhoseIdHoldsAQuoteIsQuotedAsItIs() {
    List<Problem> ps =
        ftm(
            "{\"id\":\"o'neil\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"],"
                + "\"birthDate\":[\"1970-02-30\"],\"nationality\":[\"suhh\"]}}\n");
    assertThat(ImportRefusals.worded(JA, ps).stream().map(Problem::message))
        .containsExactly(
            "1 行目の生年月日（birthDate）: エンティティ o'neil の「1970-02-30」は日付として読めないため、日付を除いて"
                + "エンティティを取り込みました。",
            "1 行目の国籍（nationality）: エンティティ o'neil の「suhh」は ISO の国コードではないため、国を除いて"
                + "エンティティを取り込みました。");
  }

  @Test
  void theRefusalsOfAFileWithoutTheColumnsAreWorded() {
    assertThat(ImportRefusals.worded(JA, csv("list,id\nl,1\n")).get(0).message())
        .isEqualTo("見出し行: 列 name は必須です。");
    assertThat(ImportRefusals.worded(JA, csv("")).get(0).message())
        .isEqualTo(
            "見出し行: 見出し行 list,id,name,aliases,birth_dates,nationalities,documents,severity がありません。");
    Problem open = csv("list,id,name\nl,1,\"A\n").get(0);
    assertThat(ImportRefusals.worded(JA, open).message()).isEqualTo("2 行目: 2 行目で始まる引用符が閉じられていません。");
  }

  @Test
  void anEnglishReaderKeepsTheReadersWordsByteForByte() {
    Problem p = csv("list,id,name\nl,1,\"A\" B\n").get(0);
    assertThat(ImportRefusals.worded(EN, p)).isSameAs(p);
  }

  @Property(tries = 1000)
  void everyCsvRefusalIsWordedInJapaneseFromItsKey(@ForAll("mutatedCsv") String text) {
    csv(text).forEach(ImportRefusalsTest::wordedFromItsKey);
  }

  @Property(tries = 1000)
  void everyFollowTheMoneyRefusalIsWordedInJapaneseFromItsKey(@ForAll("mutatedJson") String text) {
    ftm(text).forEach(ImportRefusalsTest::wordedFromItsKey);
  }

  /** Words of its own in both languages, and the Japanese not the generic frame round English. */
  private static void wordedFromItsKey(Problem p) {
    assertThat(p.key()).as(p.toString()).isNotEmpty();
    assertThat(JA.get(REASON + p.key())).as(p.toString()).isNotEqualTo(REASON + p.key());
    assertThat(EN.get(REASON + p.key())).as(p.toString()).isNotEqualTo(REASON + p.key());
    Problem ja = ImportRefusals.worded(JA, p);
    assertThat(ja.message())
        .as(p.toString())
        .doesNotContain(p.message())
        .endsWith(": " + JA.get(REASON + p.key(), p.args().toArray()));
    assertThat(List.of(ja.code(), ja.field(), ja.key(), ja.args()))
        .isEqualTo(List.of(p.code(), p.field(), p.key(), p.args()));
  }

  @Provide
  Arbitrary<String> mutatedCsv() {
    String seed =
        "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
            + "l,1,Ivan,,1970-01-01,ru,P1,high\n"
            + "l,2,\"Sidorov, Ivan\",Vanya,1970-02,jp;us,P-2;X3,low\n";
    return Arbitraries.strings()
        .withChars("\",\n\r;-0123456789abcz' :ИЖ山\u0000\uFEFF")
        .ofMaxLength(10)
        .list()
        .ofMaxSize(5)
        .flatMap(
            inserts ->
                Arbitraries.integers()
                    .between(0, seed.length())
                    .list()
                    .ofSize(inserts.size())
                    .map(
                        positions -> {
                          StringBuilder b = new StringBuilder(seed);
                          for (int i = 0; i < inserts.size(); i++) {
                            b.insert(Math.min(positions.get(i), b.length()), inserts.get(i));
                          }
                          return b.toString();
                        }));
  }

  @Provide
  Arbitrary<String> mutatedJson() {
    String seed =
        "{\"id\":\"1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ivan\"],"
            + "\"birthDate\":[\"1970-01-01\"],\"nationality\":[\"ru\"]}}\n"
            + "{\"id\":\"2\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Acme\"]}}\n";
    return Arbitraries.integers()
        .between(0, seed.length())
        .list()
        .ofMaxSize(5)
        .flatMap(
            cuts ->
                Arbitraries.strings()
                    .withChars("{}[]\":,0123456789abc-T' \u0000")
                    .ofMaxLength(4)
                    .map(
                        ins -> {
                          StringBuilder b = new StringBuilder(seed);
                          for (int c : cuts) {
                            int p = Math.min(c, b.length());
                            if (p < b.length()) {
                              b.deleteCharAt(p);
                            }
                            b.insert(Math.min(p, b.length()), ins);
                          }
                          return b.toString();
                        }));
  }
}
