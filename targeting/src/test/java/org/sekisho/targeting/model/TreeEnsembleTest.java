package org.sekisho.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.model.domain.Reason;
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
  void everyTreesLeafIsAddedInTreeOrderWhateverTheNumberOfTreesAndTheValues() {
    // eight trees walk in lockstep: counts from 1 to 19 leave every size of last group, and the
    // margin must still be the trees' leaves added one by one in single precision, bit for bit
    java.util.Random rnd = new java.util.Random(8);
    float[] awkward = {
      Float.NaN,
      -0.0f,
      0.0f,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      Float.MIN_VALUE,
      1f,
      2f,
      3f,
      Math.nextDown(2f),
      Math.nextUp(2f)
    };
    for (int count = 1; count <= 19; count++) {
      List<RegressionTree> trees = new java.util.ArrayList<>();
      for (int t = 0; t < count; t++) {
        trees.add(randomTree(rnd, 4, 1 + rnd.nextInt(10)));
      }
      TreeEnsemble e = new TreeEnsemble(-0.75f, 4, trees);
      float[][] xs = new float[9][4];
      for (float[] x : xs) {
        for (int i = 0; i < 4; i++) {
          x[i] = awkward[rnd.nextInt(awkward.length)];
        }
      }
      float[] block = new float[xs.length];
      e.margins(xs, xs.length, block);
      for (int r = 0; r < xs.length; r++) {
        float expected = -0.75f;
        for (RegressionTree t : trees) {
          expected += leafValue(t, xs[r]);
        }
        assertThat(Float.floatToRawIntBits(e.margin(xs[r])))
            .as("%d trees, row %s", count, java.util.Arrays.toString(xs[r]))
            .isEqualTo(Float.floatToRawIntBits(expected));
        assertThat(Float.floatToRawIntBits(block[r])).isEqualTo(Float.floatToRawIntBits(expected));
      }
    }
  }

  @Test
  void aModelWiderThanTheScorerIsRefusedWithItsWidth() {
    assertThatThrownBy(() -> new TreeEnsemble(0f, 512, List.of(tree())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("512 features are more than the scorer's 511");
    assertThat(new TreeEnsemble(0f, 511, List.of(tree())).margin(new float[511])).isEqualTo(-1f);
  }

  private static float leafValue(RegressionTree t, float[] x) {
    int n = 0;
    while (t.left()[n] >= 0) {
      float v = x[t.feature()[n]];
      boolean goLeft = Float.isNaN(v) ? t.defaultLeft()[n] : v < t.threshold()[n];
      n = goLeft ? t.left()[n] : t.right()[n];
    }
    return t.leafValue()[n];
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

  @Test
  void pathContributionsOfASmallTreeCreditEachSplitWithTheChangeInExpectedValue() {
    TreeEnsemble e = new TreeEnsemble(0.25f, 2, List.of(tree()));
    // expected values: leaves -1, 2, 3; x0 < 1 node (3 * -1 + 3 * 2) / 6 = 0.5;
    // root (6 * 0.5 + 4 * 3) / 10 = 1.5
    double[] phi = e.pathContributions(new float[] {0f, 7f});
    assertThat(phi[0]).isCloseTo(0.5 - 1.5, within(1e-15));
    assertThat(phi[1]).isCloseTo(2 - 0.5, within(1e-15));
    assertThat(phi[2]).isCloseTo(0.25 + 1.5, within(1e-15));
    // a missing x0 goes right (its default): x0 is credited 3 - 1.5, x1 is not on the path
    phi = e.pathContributions(new float[] {Float.NaN, 0f});
    assertThat(phi).containsExactly(1.5, 0.0, 1.75);
    // a missing x1 goes left at its split: -1 - 0.5
    phi = e.pathContributions(new float[] {0.5f, Float.NaN});
    assertThat(phi).containsExactly(-1.0, -1.5, 1.75);
    // the allocation-free form overwrites what it is given
    double[] reused = {9, 9, 9};
    e.pathContributions(new float[] {0f, 7f}, reused);
    assertThat(reused).containsExactly(-1.0, 1.5, 1.75);
  }

  @Test
  void pathContributionsSumToTheMarginOnThousandsOfRowsOfRandomDeepTrees() {
    java.util.Random rnd = new java.util.Random(5);
    int rows = 0;
    for (int round = 0; round < 20; round++) {
      int features = 2 + rnd.nextInt(6);
      List<RegressionTree> ts = new java.util.ArrayList<>();
      for (int t = 0; t < 6; t++) {
        ts.add(randomTree(rnd, features, 3 + rnd.nextInt(14)));
      }
      float base = (float) rnd.nextGaussian();
      TreeEnsemble e = new TreeEnsemble(base, features, ts);
      for (int row = 0; row < 200; row++, rows++) {
        float[] x = new float[features];
        for (int i = 0; i < features; i++) {
          x[i] = rnd.nextInt(7) == 0 ? Float.NaN : rnd.nextInt(5) - 0.5f * rnd.nextInt(2);
        }
        double[] phi = e.pathContributions(x);
        double sum = 0;
        for (double p : phi) {
          sum += p;
        }
        assertThat(sum)
            .as("round %d row %d", round, row)
            .isCloseTo(marginInDouble(base, ts, x), within(1e-9));
        assertThat(sum).isCloseTo(e.margin(x), within(1e-4));
      }
      // the bias is the one the exact SHAP values carry
      float[] any = new float[features];
      assertThat(e.pathContributions(any)[features]).isEqualTo(e.contributions(any)[features]);
    }
    assertThat(rows).isEqualTo(4000);
  }

  @Test
  void pathContributionsFromTheLeavesScoringRecordedEqualTheWalkAndScoresAreUnchanged() {
    java.util.Random rnd = new java.util.Random(8);
    for (int round = 0; round < 10; round++) {
      int features = 2 + rnd.nextInt(6);
      List<RegressionTree> ts = new java.util.ArrayList<>();
      for (int t = 0; t < 5; t++) {
        ts.add(randomTree(rnd, features, 2 + rnd.nextInt(14)));
      }
      TreeEnsemble e = new TreeEnsemble(0.3f, features, ts);
      int n = 1 + rnd.nextInt(70); // lockstep groups of four and a remainder
      float[][] xs = new float[n][features];
      for (float[] x : xs) {
        for (int i = 0; i < features; i++) {
          x[i] = rnd.nextInt(7) == 0 ? Float.NaN : rnd.nextInt(5) - 0.5f * rnd.nextInt(2);
        }
      }
      float[] plain = new float[n];
      float[] recorded = new float[n];
      int[] leaves = new int[n * e.size()];
      e.margins(xs, n, plain);
      e.margins(xs, n, recorded, leaves);
      assertThat(recorded).containsExactly(plain);
      double[] phi = new double[features + 1];
      for (int r = 0; r < n; r++) {
        e.pathContributionsOfLeaves(leaves, r * e.size(), phi);
        double[] walked = e.pathContributions(xs[r]);
        for (int i = 0; i <= features; i++) {
          assertThat(phi[i])
              .as("round %d row %d feature %d", round, r, i)
              .isCloseTo(walked[i], within(1e-12));
        }
      }
    }
  }

  @Test
  void aReasonSaysHowItWasComputedAndShowsTwoDecimals() {
    assertThat(
            new Reason("importer", "X: 3 in training, 100% fraud", 1.234, Reason.Kind.PATH)
                .toString())
        .isEqualTo("importer X: 3 in training, 100% fraud (+1.23, path contributions)");
    assertThat(new Reason("day", "monday", -0.5, Reason.Kind.EXACT_SHAP).toString())
        .isEqualTo("day monday (-0.50, exact SHAP)");
    assertThat(new Reason("tax", "8.00%", 12.0, Reason.Kind.PATH).toString())
        .contains("(+12.00, path contributions)");
  }

  /** The margin walked node by node and added in double precision (the test's own walk). */
  static double marginInDouble(float base, List<RegressionTree> trees, float[] x) {
    double m = base;
    for (RegressionTree t : trees) {
      int n = 0;
      while (t.left()[n] >= 0) {
        float v = x[t.feature()[n]];
        boolean goLeft = Float.isNaN(v) ? t.defaultLeft()[n] : v < t.threshold()[n];
        n = goLeft ? t.left()[n] : t.right()[n];
      }
      m += t.leafValue()[n];
    }
    return m;
  }

  /**
   * A random tree of up to {@code depth} levels over {@code features} features, repeats allowed.
   */
  static RegressionTree randomTree(java.util.Random rnd, int features, int depth) {
    List<int[]> nodes = new java.util.ArrayList<>(); // {left, right, feature}
    List<Float> thresholds = new java.util.ArrayList<>();
    List<Boolean> defaults = new java.util.ArrayList<>();
    List<Float> values = new java.util.ArrayList<>();
    List<Double> covers = new java.util.ArrayList<>();
    grow(rnd, features, depth, 1000, nodes, thresholds, defaults, values, covers);
    int n = nodes.size();
    int[] l = new int[n];
    int[] r = new int[n];
    int[] f = new int[n];
    float[] th = new float[n];
    boolean[] dl = new boolean[n];
    float[] v = new float[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      l[i] = nodes.get(i)[0];
      r[i] = nodes.get(i)[1];
      f[i] = nodes.get(i)[2];
      th[i] = thresholds.get(i);
      dl[i] = defaults.get(i);
      v[i] = values.get(i);
      c[i] = covers.get(i);
    }
    return new RegressionTree(l, r, f, th, dl, v, c);
  }

  private static int grow(
      java.util.Random rnd,
      int features,
      int depth,
      double cover,
      List<int[]> nodes,
      List<Float> thresholds,
      List<Boolean> defaults,
      List<Float> values,
      List<Double> covers) {
    int me = nodes.size();
    nodes.add(new int[] {-1, -1, 0});
    covers.add(cover);
    defaults.add(rnd.nextBoolean());
    if (depth == 0 || rnd.nextInt(5) == 0) {
      thresholds.add(0f);
      values.add((float) rnd.nextGaussian());
      return me;
    }
    // few features and few thresholds, so paths repeat features and intervals nest
    thresholds.add((float) rnd.nextInt(4));
    values.add(0f);
    nodes.get(me)[2] = rnd.nextInt(features);
    double share = 0.05 + 0.9 * rnd.nextDouble();
    int l =
        grow(rnd, features, depth - 1, cover * share, nodes, thresholds, defaults, values, covers);
    int r =
        grow(
            rnd,
            features,
            depth - 1,
            cover * (1 - share),
            nodes,
            thresholds,
            defaults,
            values,
            covers);
    nodes.get(me)[0] = l;
    nodes.get(me)[1] = r;
    return me;
  }

  @Test
  void shapInBlocksEqualsOneRowAtATimeAndTheRecursionOnRandomDeepTreesWithAPartialBlock() {
    java.util.Random rnd = new java.util.Random(23);
    for (int round = 0; round < 10; round++) {
      int features = 2 + rnd.nextInt(5);
      List<RegressionTree> ts = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        ts.add(randomTree(rnd, features, 3 + rnd.nextInt(12)));
      }
      TreeEnsemble e = new TreeEnsemble(0.1f, features, ts);
      // more than one block, the last one partial; values on thresholds, between them, -0.0, NaN
      int n = 128 + 1 + rnd.nextInt(40);
      float[][] xs = new float[n][features];
      for (float[] x : xs) {
        for (int i = 0; i < features; i++) {
          int pick = rnd.nextInt(8);
          x[i] =
              switch (pick) {
                case 0 -> Float.NaN;
                case 1 -> -0.0f;
                case 2 -> rnd.nextInt(4) - 0.5f;
                default -> rnd.nextInt(5) - 1;
              };
        }
      }
      double[][] block = e.contributions(xs, n);
      assertThat(block).hasNumberOfRows(n);
      // the pause point is called at every leaf of every block's pass and changes nothing
      java.util.concurrent.atomic.AtomicLong oneBlock =
          new java.util.concurrent.atomic.AtomicLong();
      e.contributions(xs, 1, oneBlock::incrementAndGet);
      java.util.concurrent.atomic.AtomicLong pauses = new java.util.concurrent.atomic.AtomicLong();
      assertThat(e.contributions(xs, n, pauses::incrementAndGet)).isDeepEqualTo(block);
      assertThat(oneBlock.get()).isPositive();
      assertThat(pauses.get()).isEqualTo(((n + 127) / 128) * oneBlock.get());
      for (int r = 0; r < n; r++) {
        double[] one = e.contributions(xs[r]);
        double[] reference = e.contributionsByRecursion(xs[r]);
        assertThat(block[r]).hasSize(one.length);
        for (int i = 0; i < one.length; i++) {
          assertThat(block[r][i])
              .as("round %d row %d feature %d", round, r, i)
              .isCloseTo(one[i], within(1e-12))
              .isCloseTo(reference[i], within(1e-9));
        }
      }
    }
    TreeEnsemble e = new TreeEnsemble(0f, 2, List.of(tree()));
    assertThat(e.contributions(new float[0][], 0)).isEmpty();
    assertThatThrownBy(() -> e.contributions(new float[1][2], 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void depthFirstAndLeafPathShapEqualTheRecursionOnRandomDeepTreesWithRepeatsAndMissingValues() {
    java.util.Random rnd = new java.util.Random(11);
    for (int round = 0; round < 20; round++) {
      int features = 2 + rnd.nextInt(5);
      List<RegressionTree> ts = new java.util.ArrayList<>();
      for (int t = 0; t < 5; t++) {
        ts.add(randomTree(rnd, features, 3 + rnd.nextInt(12)));
      }
      TreeEnsemble e = new TreeEnsemble(0.1f, features, ts);
      for (int row = 0; row < 30; row++) {
        float[] x = new float[features];
        for (int i = 0; i < features; i++) {
          x[i] = rnd.nextInt(6) == 0 ? Float.NaN : rnd.nextInt(5) - 0.5f * rnd.nextInt(2);
        }
        double[] fast = e.contributions(x);
        double[] leafPaths = e.contributionsByLeafPaths(x);
        double[] reference = e.contributionsByRecursion(x);
        double sum = 0;
        for (int i = 0; i < fast.length; i++) {
          assertThat(fast[i])
              .as("round %d feature %d", round, i)
              .isCloseTo(reference[i], within(1e-9))
              .isCloseTo(leafPaths[i], within(1e-9));
          sum += fast[i];
        }
        assertThat(sum).isCloseTo(e.margin(x), within(1e-4));
      }
      // the lockstep block walk gives the single-row margins exactly, remainder rows included
      float[][] xs = new float[11][features];
      for (float[] x : xs) {
        for (int i = 0; i < features; i++) {
          x[i] = rnd.nextInt(6) == 0 ? Float.NaN : rnd.nextInt(5);
        }
      }
      float[] out = new float[xs.length];
      e.margins(xs, xs.length, out);
      for (int i = 0; i < xs.length; i++) {
        assertThat(out[i]).isEqualTo(e.margin(xs[i]));
      }
    }
  }
}
