package org.sekisho.names.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One Japanese reading written as passports (Hepburn), Kunrei-shiki/Nihon-shiki and with its long
 * vowels spelt several ways is one name; a different reading is a different name.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RomajiVariantsTest {

  private final NameMatcher matcher = new NameMatcher();

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource({
    "TSUCHIYA KEN, TUTIYA KEN",
    "FUJITA SHUN, HUZITA SYUN",
    "CHIBA JUNKO, TIBA ZYUNKO",
    "SHIMIZU CHIKAKO, SIMIZU TIKAKO",
    "MATSUMOTO JUN, MATUMOTO ZYUN",
    "TANAKA YOKO, TANAKA YOHKO",
    "TANAKA YOKO, TANAKA YOUKO",
    "TANAKA YOKO, TANAKA YOOKO",
    "ONO TARO, OHNO TAROU",
    "ONO TARO, OONO TAROH",
    "SATO KEN, SATOH KEN",
    "SATO KEN, SATOU KEN",
    "KONO, KOUNO",
    "ONO, OHNO",
    "SATO, SATOH",
    "HOMMA, HONMA",
    "SHOJI, SYOUZI",
    "CHOJI, TYOUZI",
    "YUKO, YUUKO",
    "RYOHEI, RYOUHEI",
    // surnames that are titles elsewhere (Haji, Gen, Ii) stay parts of a Japanese name
    "HAJI KEN, HAZI KEN",
    "GEN SHUICHI, GEN SYUITI",
  })
  void one_reading_in_any_romanisation_matches(String left, String right) {
    NameComparison c = matcher.compare(left, right);
    assertThat(c.score()).as(c.explanation()).isGreaterThanOrEqualTo(NameMatcher.DEFAULT_THRESHOLD);
    assertThat(matcher.compare(right, left).score()).isEqualTo(c.score());
  }

  @ParameterizedTest(name = "{0} !~ {1}")
  @CsvSource({
    // 佐藤 and 斎藤, 河野 and 加納, 伊藤 and 井藤 … distinct surnames a single letter apart
    "SATO, SAITO",
    "KONO, KANO",
    "ITO, IKO",
    "ONO, ANO",
    "KATO, KAITO",
    // long i and long e are written out in passports (石井 ISHII is not 石 ISHI; 恵子 KEIKO)
    "ISHII, ISHI",
    "KEIKO, KEKO",
    "SUZUKI KEN, SASAKI KEN",
  })
  void different_readings_do_not_match(String left, String right) {
    NameComparison c = matcher.compare(left, right);
    assertThat(c.score()).as(c.explanation()).isLessThan(NameMatcher.DEFAULT_THRESHOLD);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "II NAOSUKE, ii naosuke",
    "HAJI KEN, haji ken",
    "Gen Tanaka, gen tanaka",
    "Haji Mohammed Omar, mohammed omar",
    "Gen. Smith, smith",
  })
  void a_title_is_kept_in_a_name_of_japanese_shape_only(String raw, String text) {
    assertThat(new NameNormaliser().normalise(raw).text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} is romaji: {1}")
  @CsvSource({
    "tsuchiya, true",
    "tutiya, true",
    "satoh, true",
    "homma, true",
    "matcha, true",
    "mattya, true",
    "shinichi, true",
    "kyoko, true",
    "dddi, false",
    "hatttori, false",
    "smith, false",
    "louis, false",
    "kim, false",
    "jeong, false",
    "mohammed, false",
    "alexander, false",
  })
  void a_word_is_romaji_when_it_splits_into_japanese_syllables(String word, boolean romaji) {
    assertThat(KatakanaRomaji.isRomaji(word)).isEqualTo(romaji);
  }
}
