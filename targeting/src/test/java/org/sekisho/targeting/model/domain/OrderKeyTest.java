package org.sekisho.targeting.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OrderKeyTest {

  private static final float[] EDGES = {
    0.0f,
    -0.0f,
    Float.MIN_VALUE,
    -Float.MIN_VALUE,
    Float.MIN_NORMAL,
    -Float.MIN_NORMAL,
    1.0f,
    -1.0f,
    Math.nextUp(1.0f),
    Math.nextDown(1.0f),
    Float.MAX_VALUE,
    -Float.MAX_VALUE,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY
  };

  @Test
  void keys_order_as_the_floats_compare_and_every_nan_sits_above_them_all() {
    Random rnd = new Random(27);
    float nanFromArithmetic = Float.intBitsToFloat(0xffc00000); // the x86 default NaN, sign set
    for (int n = 0; n < 300_000; n++) {
      float a = pick(rnd);
      float b = pick(rnd);
      assertThat(TreeEnsemble.orderKey(a) < TreeEnsemble.orderKey(b))
          .as("%s < %s", a, b)
          .isEqualTo(a < b);
      assertThat(TreeEnsemble.orderKey(Float.NaN)).isGreaterThan(TreeEnsemble.orderKey(a));
      assertThat(TreeEnsemble.orderKey(nanFromArithmetic))
          .isEqualTo(TreeEnsemble.orderKey(Float.NaN));
    }
    assertThat(TreeEnsemble.orderKey(-0.0f)).isEqualTo(TreeEnsemble.orderKey(0.0f));
  }

  private static float pick(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> EDGES[rnd.nextInt(EDGES.length)];
      case 1 -> Float.intBitsToFloat(rnd.nextInt() & 0x7f7fffff | (rnd.nextInt() & 0x80000000));
      case 2 -> (float) rnd.nextGaussian();
      default -> rnd.nextInt(200) - 100;
    };
  }
}
