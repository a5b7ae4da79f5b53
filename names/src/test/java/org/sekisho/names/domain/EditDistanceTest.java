package org.sekisho.names.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EditDistanceTest {

  private static final LevenshteinDistance REFERENCE = LevenshteinDistance.getDefaultInstance();

  @Test
  void known_distances() {
    assertThat(EditDistance.atMost("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(EditDistance.atMost("kitten", "sitting", 3)).isEqualTo(3);
    assertThat(EditDistance.atMost("kitten", "sitting", 2)).isEqualTo(-1);
    assertThat(EditDistance.atMost("", "abc", 3)).isEqualTo(3);
    assertThat(EditDistance.atMost("abc", "", 2)).isEqualTo(-1);
    assertThat(EditDistance.atMost("same", "same", 0)).isZero();
  }

  @Test
  void equals_the_full_distance_within_the_limit_and_gives_up_beyond_it() {
    Random rnd = new Random(1127);
    for (int n = 0; n < 200_000; n++) {
      String alphabet = n % 2 == 0 ? "abc" : "abcdefghijklmnopqrstuvwxyz";
      String a = random(rnd, alphabet, rnd.nextInt(16));
      String b = random(rnd, alphabet, rnd.nextInt(16));
      int limit = rnd.nextInt(12);
      int d = REFERENCE.apply(a, b);
      assertThat(EditDistance.atMost(a, b, limit))
          .as("%s / %s within %d", a, b, limit)
          .isEqualTo(d <= limit ? d : -1);
    }
  }

  private static String random(Random rnd, String alphabet, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
