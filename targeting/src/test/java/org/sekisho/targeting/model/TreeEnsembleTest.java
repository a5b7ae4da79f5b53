package org.sekisho.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.model.domain.RegressionTree;
import org.sekisho.targeting.model.domain.TreeEnsemble;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TreeEnsembleTest {
  // x0 < 1 ? (x1 < 5 ? -1 : 2) : 3 ; missing x0 goes right, missing x1 goes left
  static RegressionTree tree() {
    return new RegressionTree(
        new int[] {1, 3, -1, -1, -1},
        new int[] {2, 4, -1, -1, -1},
        new int[] {0, 1, 0, 0, 0},
        new float[] {1f, 5f, 0, 0, 0},
        new boolean[] {false, true, false, false, false},
        new float[] {0, 0, 3f, -1f, 2f},
        new double[] {10, 6, 4, 3, 3});
  }

  @Test
  void aSplitSendsValuesBelowTheThresholdLeftAndMissingValuesTheDefaultWay() {
    TreeEnsemble e = new TreeEnsemble(0.5f, 2, List.of(tree()));
    assertThat(e.margin(new float[] {0.99f, 4f})).isEqualTo(-0.5f);
    assertThat(e.margin(new float[] {0.99f, 5f})).isEqualTo(2.5f); // equal goes right
    assertThat(e.margin(new float[] {1f, 0f})).isEqualTo(3.5f);
    assertThat(e.margin(new float[] {Float.NaN, 0f})).isEqualTo(3.5f);
    assertThat(e.margin(new float[] {0f, Float.NaN})).isEqualTo(-0.5f);
    float[][] xs = {{0.99f, 4f}, {Float.NaN, 0f}, {0f, Float.NaN}};
    float[] out = new float[3];
    e.margins(xs, 3, out);
    assertThat(out).containsExactly(-0.5f, 3.5f, -0.5f);
    assertThat(e.probability(new float[] {1f, 0f}))
        .isCloseTo((float) (1 / (1 + Math.exp(-3.5))), within(1e-7f));
  }

  @Test
  void shapValuesMatchTheBruteForceShapleyValuesOfASmallTree() {
    TreeEnsemble e = new TreeEnsemble(0f, 2, List.of(tree()));
    float[] x = {0f, 7f};
    // expectations over the tree's cover-weighted paths given known features
    double none = (3 * -1 + 3 * 2 + 4 * 3) / 10.0; // 1.5
    double only0 = (3 * -1 + 3 * 2) / 6.0; // x0 known (<1), x1 unknown: 0.5
    double only1 = (6 * 2 + 4 * 3) / 10.0; // x1 known (>=5), x0 unknown: 2.4
    double both = 2;
    double phi0 = 0.5 * (only0 - none) + 0.5 * (both - only1);
    double phi1 = 0.5 * (only1 - none) + 0.5 * (both - only0);
    double[] phi = e.contributions(x);
    assertThat(phi[0]).isCloseTo(phi0, within(1e-12));
    assertThat(phi[1]).isCloseTo(phi1, within(1e-12));
    assertThat(phi[2]).isCloseTo(none, within(1e-12));
    assertThat(phi[0] + phi[1] + phi[2]).isCloseTo(e.margin(x), within(1e-6));
  }

  @Test
  void cuttingToTheFirstTreesAndMalformedTreesAreChecked() {
    TreeEnsemble e = new TreeEnsemble(0f, 2, List.of(tree(), tree()));
    assertThat(e.firstTrees(1).margin(new float[] {2f, 0f})).isEqualTo(3f);
    assertThatThrownBy(() -> e.firstTrees(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TreeEnsemble(0f, 1, List.of(tree())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
