package org.sekisho.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sekisho.names.adapter.kuromoji.KuromojiReadings;
import org.sekisho.names.domain.NameComparison;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.NameNormaliser;
import org.sekisho.names.domain.NormalisedName;
import org.sekisho.names.domain.Readings;
import org.sekisho.names.domain.watchlist.ScreeningSubject;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.Watchlist;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.names.domain.watchlist.WatchlistHit;

/** Kanji names read through the Kuromoji dictionary meet their passport romaji. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JapaneseReadingsTest {

  private static final NameNormaliser NORMALISER = KuromojiReadings.normaliser();
  private final NameMatcher matcher = new NameMatcher(NORMALISER, true);

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource({
    "'山田太郎', 'YAMADA TARO'",
    "'山田 太郎', 'Taro Yamada'",
    "'佐藤健', 'SATO KEN'",
    "'佐藤健', 'SATOH KEN'",
    "'佐藤健', 'Satou Ken'",
    "'佐藤健', 'Satō Ken'",
    "'小野寺裕子', 'ONODERA YUKO'",
    "'小野寺裕子', 'ONODERA HIROKO'",
    "'齋藤翔太', 'SAITO SHOTA'",
    "'伊藤博文', 'Ito Hirobumi'",
    "'本間', 'HOMMA'",
    "'本間', 'Honma'",
    "'井上', 'INOUE'",
    "'大野', 'OHNO'",
    "'大野', 'Ono'",
    "'服部', 'HATTORI'",
    "'松本潤', 'MATUMOTO ZYUN'",
    "'林大輔', 'HAYASHI DAISUKE'",
    "'清水商事株式会社', 'Shimizu Shoji Co., Ltd.'",
    "'清水商事', 'SHIMIZU SHOJI KK'",
    "'トヨタ自動車株式会社', 'Toyota Jidosha K.K.'",
    "'株式会社黒潮商会', 'Kuroshio Shokai Kabushiki Kaisha'",
  })
  void a_kanji_name_meets_its_romaji_as_passports_write_it(String kanji, String romaji) {
    NameComparison c = matcher.compare(kanji, romaji);
    assertThat(c.score()).as(c.explanation()).isGreaterThanOrEqualTo(NameMatcher.DEFAULT_THRESHOLD);
    assertThat(matcher.compare(romaji, kanji).score()).isEqualTo(c.score());
  }

  @ParameterizedTest(name = "{0} !~ {1}")
  @CsvSource({
    "'山田太郎', 'TANAKA HANAKO'",
    "'佐藤健', 'SUZUKI KENJI'",
    "'清水商事株式会社', 'Shimizu Trading Co., Ltd.'",
    "'小野寺裕子', 'ONODERA MICHIKO'",
  })
  void a_kanji_name_does_not_meet_another_romaji_name(String kanji, String romaji) {
    NameComparison c = matcher.compare(kanji, romaji);
    assertThat(c.score()).as(c.explanation()).isLessThan(NameMatcher.DEFAULT_THRESHOLD);
  }

  @ParameterizedTest(name = "{0} ~ {2} no closer than {1} ~ {2}")
  @CsvSource({
    // 佐藤 reads SATO, 斎藤 SAITO, 河野 KONO, 加納 KANO: distinct surnames a syllable apart
    "'佐藤健', 'SATO KEN', 'SAITO KEN'",
    "'佐藤 健', 'SATO KEN', 'SAITO KEN'",
    "'斎藤健', 'SAITO KEN', 'SATO KEN'",
    "'河野太郎', 'KONO TARO', 'KANO TARO'",
    "'佐藤', 'SATO', 'SAITO'",
    "'さとう けん', 'SATO KEN', 'SAITO KEN'",
    "'さいとう けん', 'SAITO KEN', 'SATO KEN'",
  })
  void a_name_read_as_japanese_meets_another_reading_no_closer_than_its_romaji_does(
      String written, String romaji, String other) {
    NameComparison read = matcher.compare(written, other);
    NameComparison spelt = matcher.compare(romaji, other);
    assertThat(read.score())
        .as(read.explanation() + " vs " + spelt.explanation())
        .isLessThanOrEqualTo(spelt.score());
    assertThat(matcher.compare(other, written).score()).isEqualTo(read.score());
    // and the reading itself still meets its romaji
    assertThat(matcher.compare(written, romaji).score()).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void a_given_name_read_several_ways_gives_each_reading_as_a_candidate() {
    NormalisedName n = NORMALISER.normalise("小野寺裕子");
    assertThat(n.tokens()).containsExactly("onodera", "yuko");
    // the pinyin stays last: Han characters alone could be a Chinese name
    assertThat(n.readings())
        .containsExactly(
            List.of("onodera", "yuko"),
            List.of("onodera", "hiroko"),
            List.of("xiao", "ye", "si", "yu", "zi"));
  }

  @Test
  void a_company_loses_its_legal_form_and_is_read_as_one_word() {
    NormalisedName n = NORMALISER.normalise("清水商事株式会社");
    assertThat(n.organisation()).isTrue();
    assertThat(n.removed()).contains("株式会社");
    assertThat(n.tokens()).containsExactly("shimizushoji");
    // a Japanese company form leaves no doubt: no pinyin reading
    assertThat(n.readings()).containsExactly(List.of("shimizushoji"));
  }

  @Test
  void han_characters_read_as_japanese_still_meet_their_pinyin() {
    // 梅森 is the surname Umemori, and also how Chinese writes Mason
    assertThat(matcher.compare("梅森", "UMEMORI").score()).isEqualTo(1.0);
    assertThat(matcher.compare("梅森", "Mei Sen").score())
        .isGreaterThanOrEqualTo(NameMatcher.DEFAULT_THRESHOLD);
  }

  @ParameterizedTest(name = "{0} stays Chinese")
  @CsvSource({
    "'王小明', 'wang xiao ming'",
    "'李明', 'li ming'",
    "'張偉', 'zhang wei'",
    "'毛沢東', 'mao ze dong'",
    "'克魯森', 'ke lu sen'",
  })
  void a_chinese_name_in_han_characters_is_not_read_as_japanese(String han, String pinyin) {
    NormalisedName n = NORMALISER.normalise(han);
    assertThat(n.japanese()).isFalse();
    assertThat(n.text()).isEqualTo(pinyin);
    assertThat(matcher.compare(han, pinyin).score()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void readings_from_many_threads_at_once_are_those_of_one_thread() {
    List<String> names = List.of("山田太郎", "小野寺裕子", "清水商事株式会社", "髙橋一郎", "王小明", "服部");
    // distinct texts, so that every call is read by a tokenizer and none comes from the memo
    List<String> texts =
        java.util.stream.IntStream.range(0, 600)
            .mapToObj(i -> names.get(i % names.size()) + " " + i)
            .toList();
    KuromojiReadings alone = new KuromojiReadings();
    List<List<Readings.Word>> expected = texts.stream().map(alone::words).toList();
    KuromojiReadings shared = new KuromojiReadings();
    List<List<Readings.Word>> together = texts.parallelStream().map(shared::words).toList();
    assertThat(together).isEqualTo(expected);
    assertThat(expected.get(0)).extracting(Readings.Word::reading).startsWith("ヤマダ", "タロウ");
  }

  @Test
  void a_variant_kanji_is_read_as_its_common_form() {
    assertThat(NORMALISER.normalise("髙橋一郎").tokens()).containsExactly("takahashi", "ichiro");
    assertThat(NORMALISER.normalise("山﨑").tokens()).containsExactly("yamazaki");
    assertThat(matcher.compare("髙橋一郎", "TAKAHASHI ICHIRO").score()).isEqualTo(1.0);
  }

  @Test
  void the_bracketed_reading_wins_over_the_dictionary() {
    // the dictionary reads 裕子 Yuko first; the record says she is Hiroko
    NormalisedName n = NORMALISER.normalise("小野寺裕子（おのでら ひろこ）");
    assertThat(n.japanese()).isFalse();
    assertThat(n.alternate()).containsExactly("onodera", "hiroko");
    double hiroko = matcher.compare("小野寺裕子（おのでら ひろこ）", "ONODERA HIROKO").score();
    double yuko = matcher.compare("小野寺裕子（おのでら ひろこ）", "ONODERA YUKO").score();
    assertThat(hiroko).isEqualTo(1.0);
    assertThat(yuko).isLessThan(NameMatcher.DEFAULT_THRESHOLD);
  }

  @Test
  void without_the_dictionary_only_the_built_in_table_reads_kanji() {
    NameNormaliser plain = new NameNormaliser();
    assertThat(plain.normalise("山田太郎").tokens()).containsExactly("yamada", "taro");
    assertThat(plain.normalise("小野寺裕子").japanese()).isFalse();
    assertThat(plain.normalise("小野寺裕子").text()).isEqualTo("xiao ye si yu zi");
  }

  @Test
  void a_passport_name_hits_the_kanji_watchlist_entry_and_a_chinese_one_does_not() {
    Watchlist.Builder b = new Watchlist.Builder(matcher);
    b.add(entry("J1", "小野寺裕子"));
    b.add(entry("C1", "王小明"));
    b.add(entry("J2", "佐藤健"));
    Watchlist list = b.build();
    List<WatchlistHit> hits = list.screen(ScreeningSubject.named("HIROKO ONODERA"), 0.85);
    assertThat(hits).extracting(h -> h.entry().id()).containsExactly("J1");
    // the other reading of 健, with the long vowel written as many passports of old did
    List<WatchlistHit> sato = list.screen(ScreeningSubject.named("SATOH TAKESHI"), 0.85);
    assertThat(sato).extracting(h -> h.entry().id()).containsExactly("J2");
    List<WatchlistHit> none = list.screen(ScreeningSubject.named("O SHOMEI"), 0.85);
    assertThat(none).isEmpty();
  }

  @ParameterizedTest(name = "{1} screened against {0} scores as against {2}")
  @CsvSource({
    "'佐藤健', 'SAITO KEN', 'SATO KEN'",
    "'斎藤健', 'SATO KEN', 'SAITO KEN'",
    "'さとう けん', 'SAITO KEN', 'SATO KEN'",
  })
  void screening_scores_another_reading_against_a_kanji_entry_as_against_its_romaji(
      String written, String passenger, String romaji) {
    Watchlist.Builder b = new Watchlist.Builder(matcher);
    b.add(entry("W", written));
    b.add(entry("R", romaji));
    Watchlist list = b.build();
    List<WatchlistHit> hits = list.screen(ScreeningSubject.named(passenger), 0.5);
    assertThat(hits).extracting(h -> h.entry().id()).containsExactlyInAnyOrder("W", "R");
    assertThat(hits.get(0).score()).as(hits.toString()).isEqualTo(hits.get(1).score());
    // each as the two names compare alone
    assertThat(hits.get(0).score()).isEqualTo(matcher.compare(passenger, romaji).score());
  }

  @ParameterizedTest(name = "{0} hits 土屋健")
  @CsvSource({"TSUCHIYA KEN", "TUTIYA KEN", "Tsutiya Ken", "KEN TUTIYA"})
  void a_kunrei_spelling_hits_the_kanji_entry_as_the_passport_spelling_does(String name) {
    Watchlist.Builder b = new Watchlist.Builder(matcher);
    b.add(entry("J3", "土屋健"));
    b.add(entry("J4", "土井健"));
    b.add(entry("C1", "王小明"));
    Watchlist list = b.build();
    List<WatchlistHit> hits = list.screen(ScreeningSubject.named(name), 0.85);
    assertThat(hits).extracting(h -> h.entry().id()).containsExactly("J3");
  }

  @Test
  void a_kunrei_spelling_hits_a_romaji_entry_in_passport_spelling_and_back() {
    Watchlist.Builder b = new Watchlist.Builder(matcher);
    b.add(entry("R1", "FUJITA SHUN"));
    b.add(entry("R2", "TIBA ZYUNKO"));
    Watchlist list = b.build();
    assertThat(list.screen(ScreeningSubject.named("HUZITA SYUN"), 0.85))
        .extracting(h -> h.entry().id())
        .containsExactly("R1");
    assertThat(list.screen(ScreeningSubject.named("CHIBA JUNKO"), 0.85))
        .extracting(h -> h.entry().id())
        .containsExactly("R2");
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource({
    "'タナカ ヨウコ', '田中陽子'",
    "'たなか ようこ', '田中陽子'",
    "'たなか ようこ', 'タナカ ヨウコ'",
    "'ﾀﾅｶ ﾖｳｺ', 'TANAKA YOKO'",
    "'ｶ)ﾀﾅｶﾌﾞｯｻﾝ', '㈱田中物産'",
    "'ﾀﾅｶﾌﾞｯｻﾝ(ｶ', '田中物産株式会社'",
    "'ｶ)ﾀﾅｶﾌﾞｯｻﾝ', 'Tanaka Bussan K.K.'",
  })
  void a_name_in_kana_alone_meets_the_kanji_name_of_the_same_reading(String kana, String other) {
    NameComparison c = matcher.compare(kana, other);
    assertThat(c.score()).as(c.explanation()).isGreaterThanOrEqualTo(0.95);
    assertThat(matcher.compare(other, kana).score()).isEqualTo(c.score());
  }

  @ParameterizedTest(name = "{0} !~ {1}")
  @CsvSource({
    "'タナカ ヨウコ', '田中花子'",
    "'ｶ)ﾀﾅｶﾌﾞｯｻﾝ', '㈱田中商事'",
    "'ｶ)ﾀﾅｶﾌﾞｯｻﾝ', '㈱山中物産'",
  })
  void a_name_in_kana_does_not_meet_another_reading(String kana, String other) {
    NameComparison c = matcher.compare(kana, other);
    assertThat(c.score()).as(c.explanation()).isLessThan(NameMatcher.DEFAULT_THRESHOLD);
  }

  private static WatchlistEntry entry(String id, String name) {
    return new WatchlistEntry(
        id, "national-alerts", Severity.HIGH, List.of(name), List.of(), Set.of(), Set.of());
  }
}
