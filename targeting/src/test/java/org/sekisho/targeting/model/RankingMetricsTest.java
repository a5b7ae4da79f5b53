package org.sekisho.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.model.domain.RankingMetrics;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RankingMetricsTest {

  @Test
  void precisionAtPercentTakesTheRoundedTopKAndBreaksTiesByInputOrder() {
    // 50 rows: k(1%) = round(0.5) = 1, k(2%) = 1, k(5%) = round(2.5) = 3, k(10%) = 5
    float[] s = new float[50];
    boolean[] f = new boolean[50];
    s[0] = 0.9f; // tie with row 1; row 0 comes first in input, and is clean
    s[1] = 0.9f;
    f[1] = true;
    s[2] = 0.8f;
    f[2] = true;
    s[3] = 0.7f;
    f[3] = true;
    s[4] = 0.6f;
    RankingFigures r = RankingMetrics.of(s, f);
    assertThat(r.n()).isEqualTo(50);
    assertThat(r.positives()).isEqualTo(3);
    assertThat(r.precision().get(1)).isEqualTo(0.0);
    assertThat(r.precision().get(5)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(r.precision().get(10)).isCloseTo(3 / 5.0, within(1e-12));
    assertThat(r.recall().get(10)).isEqualTo(1.0);
  }

  @Test
  void aucIsOneForAPerfectRankingAndCountsTiesHalf() {
    assertThat(RankingMetrics.of(new float[] {0.9f, 0.1f}, new boolean[] {true, false}).auc())
        .isEqualTo(1.0);
    assertThat(RankingMetrics.of(new float[] {0.5f, 0.5f}, new boolean[] {true, false}).auc())
        .isEqualTo(0.5);
    float[] s = {0.1f, 0.4f, 0.35f, 0.8f};
    boolean[] f = {false, false, true, true};
    assertThat(RankingMetrics.of(s, f).auc()).isCloseTo(0.75, within(1e-12));
  }
}
