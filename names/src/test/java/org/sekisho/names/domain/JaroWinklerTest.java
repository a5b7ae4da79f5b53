package org.sekisho.names.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JaroWinklerTest {

  private static final JaroWinklerSimilarity REFERENCE = new JaroWinklerSimilarity();

  @Test
  void textbook_pairs_score_as_published() {
    // Winkler's examples: MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.813
    assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.9611, within());
    assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.84, within());
    assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.8133, within());
    assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
    assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
    assertThat(JaroWinkler.similarity("a", "")).isZero();
  }

  @Test
  void equals_the_commons_text_similarity_on_random_names_from_small_alphabets() {
    Random rnd = new Random(20261127);
    for (int n = 0; n < 200_000; n++) {
      // few letters, so that repeats, transpositions and shared prefixes are common
      String alphabet = n % 3 == 0 ? "ab" : n % 3 == 1 ? "abcd" : "abcdefghijklmnopqrstu";
      String a = random(rnd, alphabet, rnd.nextInt(14));
      String b =
          rnd.nextInt(4) == 0 ? mutate(rnd, a, alphabet) : random(rnd, alphabet, rnd.nextInt(14));
      assertThat(JaroWinkler.similarity(a, b)).as("%s / %s", a, b).isEqualTo(REFERENCE.apply(a, b));
    }
  }

  private static String random(Random rnd, String alphabet, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String mutate(Random rnd, String s, String alphabet) {
    StringBuilder b = new StringBuilder(s);
    for (int k = rnd.nextInt(3); k >= 0 && b.length() > 1; k--) {
      int i = rnd.nextInt(b.length() - 1);
      switch (rnd.nextInt(3)) {
        case 0 -> {
          char c = b.charAt(i);
          b.setCharAt(i, b.charAt(i + 1));
          b.setCharAt(i + 1, c);
        }
        case 1 -> b.deleteCharAt(i);
        default -> b.insert(i, alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
    }
    return b.toString();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-3);
  }
}
