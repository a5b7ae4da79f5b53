package org.sekisho.names.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class KatakanaRomajiTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "サトウ, sato",
    "オオノ, ono",
    "ユウコ, yuko",
    "イノウエ, inoue",
    "ホンマ, homma",
    "ナンバ, namba",
    "シンイチ, shinichi",
    "ハットリ, hattori",
    "マッチャ, matcha",
    "キョウコ, kyoko",
    "チヅル, chizuru",
    "フジ, fuji",
    "ケイコ, keiko",
    "イシイ, ishii",
    "ショウジ, shoji",
    "さとう, sato",
    "ジョージ, joji",
  })
  void katakana_becomes_passport_hepburn(String kana, String romaji) {
    assertThat(KatakanaRomaji.romanise(kana)).isEqualTo(romaji);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "satoh, sato",
    "satou, sato",
    "satoo, sato",
    "sato, sato",
    "ohno, ono",
    "oono, ono",
    "inoue, inoue",
    "honma, homma",
    "matumoto, matsumoto",
    "sinzi, shinji",
    "tikako, chikako",
    "hukuda, fukuda",
    "syouzi, shoji",
    "shuichi, shuichi",
    "chihiro, chihiro",
    "tsutomu, tsutomu",
    "yuuko, yuko",
  })
  void other_romaji_spellings_come_to_the_passport_form(String spelling, String passport) {
    assertThat(KatakanaRomaji.canonical(spelling)).isEqualTo(passport);
    assertThat(KatakanaRomaji.canonical(passport)).isEqualTo(passport);
  }
}
