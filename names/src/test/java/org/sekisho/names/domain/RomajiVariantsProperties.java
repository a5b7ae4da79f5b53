package org.sekisho.names.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Timeout;

/**
 * Any Japanese reading, written once in passport Hepburn and once in Kunrei-shiki with its long o
 * and u spelt as others spell them (ou, oh, oo, uu), comes to one romaji key and matches.
 */
@Timeout(120)
class RomajiVariantsProperties {

  private static final NameMatcher MATCHER = new NameMatcher();

  /** A syllable as passports write it and as Kunrei-shiki writes it. */
  record Syllable(String hepburn, String kunrei) {
    boolean endsInO() {
      return hepburn.endsWith("o");
    }

    boolean endsInU() {
      return hepburn.endsWith("u");
    }
  }

  private static final List<Syllable> SYLLABLES =
      List.of(
          new Syllable("ka", "ka"),
          new Syllable("ki", "ki"),
          new Syllable("ku", "ku"),
          new Syllable("ko", "ko"),
          new Syllable("sa", "sa"),
          new Syllable("shi", "si"),
          new Syllable("su", "su"),
          new Syllable("so", "so"),
          new Syllable("ta", "ta"),
          new Syllable("chi", "ti"),
          new Syllable("tsu", "tu"),
          new Syllable("to", "to"),
          new Syllable("na", "na"),
          new Syllable("no", "no"),
          new Syllable("ha", "ha"),
          new Syllable("fu", "hu"),
          new Syllable("ma", "ma"),
          new Syllable("mi", "mi"),
          new Syllable("ya", "ya"),
          new Syllable("yo", "yo"),
          new Syllable("ra", "ra"),
          new Syllable("ro", "ro"),
          new Syllable("ji", "zi"),
          new Syllable("da", "da"),
          new Syllable("sha", "sya"),
          new Syllable("shu", "syu"),
          new Syllable("sho", "syo"),
          new Syllable("cha", "tya"),
          new Syllable("chu", "tyu"),
          new Syllable("cho", "tyo"),
          new Syllable("ja", "zya"),
          new Syllable("ju", "zyu"),
          new Syllable("jo", "zyo"),
          new Syllable("kyo", "kyo"),
          new Syllable("ryu", "ryu"),
          new Syllable("go", "go"),
          new Syllable("be", "be"),
          new Syllable("ke", "ke"),
          new Syllable("te", "te"));

  /** How a long o (or u) after a syllable is written by the other source. */
  private static final List<String> LONG_O = List.of("", "u", "h", "o");

  /** A reading of two to five syllables, and its Kunrei spelling with long vowels written. */
  record Reading(String passport, String other) {}

  @Provide
  Arbitrary<Reading> readings() {
    Arbitrary<Syllable> syllable = Arbitraries.of(SYLLABLES);
    Arbitrary<List<Syllable>> word = syllable.list().ofMinSize(2).ofMaxSize(5);
    Arbitrary<List<Integer>> marks = Arbitraries.integers().between(0, 3).list().ofSize(5);
    return Combinators.combine(word, marks)
        .as(
            (w, m) -> {
              StringBuilder passport = new StringBuilder();
              StringBuilder other = new StringBuilder();
              for (int i = 0; i < w.size(); i++) {
                Syllable s = w.get(i);
                passport.append(s.hepburn());
                other.append(s.kunrei());
                // a long vowel is marked only before a consonant or at the end: before a vowel
                // the letters would be another syllable (i-no-u-e)
                boolean beforeY = i + 1 < w.size() && w.get(i + 1).kunrei().startsWith("y");
                if (s.endsInO()) {
                  // OHYA could be o-hya as well as oo-ya: there an h is no long vowel
                  String mark = LONG_O.get(m.get(i));
                  other.append(beforeY && mark.equals("h") ? "u" : mark);
                } else if (s.endsInU() && m.get(i) % 2 == 1) {
                  other.append('u');
                }
              }
              return new Reading(passport.toString(), other.toString());
            });
  }

  @Provide
  Arbitrary<String> romajiWords() {
    return Arbitraries.strings()
        .withChars("abcdefghijkmnoprstuwyz")
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(KatakanaRomaji::isRomaji);
  }

  @Property(tries = 2000)
  void the_romaji_key_of_a_key_is_itself_and_stays_romaji(@ForAll("romajiWords") String word) {
    String key = KatakanaRomaji.canonical(word);
    assertThat(KatakanaRomaji.canonical(key)).as(word).isEqualTo(key);
    assertThat(KatakanaRomaji.isRomaji(key)).as(word + " → " + key).isTrue();
  }

  @Property(tries = 2000)
  void a_reading_in_another_romanisation_has_the_same_key_and_matches(
      @ForAll("readings") Reading r) {
    assertThat(KatakanaRomaji.isRomaji(r.passport())).as(r.passport()).isTrue();
    assertThat(KatakanaRomaji.isRomaji(r.other())).as(r.other()).isTrue();
    assertThat(KatakanaRomaji.canonical(r.other()))
        .as(r.other())
        .isEqualTo(KatakanaRomaji.canonical(r.passport()));
    NameComparison c = MATCHER.compare(r.passport() + " ken", r.other() + " ken");
    assertThat(c.score()).as(c.explanation()).isGreaterThanOrEqualTo(NameMatcher.DEFAULT_THRESHOLD);
  }
}
