package org.sekisho.targeting.model.domain;

/**
 * Exact path-dependent TreeSHAP (the same values as Lundberg et al.'s recursive algorithm and
 * XGBoost's {@code predictContrib}) computed leaf by leaf from path summaries prepared once per
 * model.
 *
 * <p>For every leaf the path from the root is reduced to its distinct split features; for each, the
 * share of training cover that follows the path at that feature's splits ({@code zero}, the product
 * of the cover ratios) and the interval of values that satisfies all of that feature's conditions
 * on the path (with where a missing value goes). For one row, a feature on the path is either
 * satisfied ({@code one} = 1) or not (0), so the Shapley weights reduce to a polynomial over the
 * satisfied features' zero shares: a leaf with {@code p} satisfied features out of {@code d} costs
 * {@code d + 2p²} multiply-adds, instead of the recursion's unwinding at every leaf plus extending
 * at every node. All leaves of all trees sit in flat arrays, visited in order.
 *
 * <p>Immutable and thread-safe; {@link #contributions} uses only its arguments' memory.
 */
final class LeafPaths {
  private final double[] leafValue;
  private final int[] start;
  private final int[] feature;
  private final double[] zero;
  private final float[] low;
  private final float[] high;
  private final boolean[] missingFollows;
  private final double[][] weight;
  private final int maxDistinct;

  private LeafPaths(
      double[] leafValue,
      int[] start,
      int[] feature,
      double[] zero,
      float[] low,
      float[] high,
      boolean[] missingFollows,
      int maxDistinct) {
    this.leafValue = leafValue;
    this.start = start;
    this.feature = feature;
    this.zero = zero;
    this.low = low;
    this.high = high;
    this.missingFollows = missingFollows;
    this.maxDistinct = maxDistinct;
    // weight[d][k] = k! (d-1-k)! / d!: the Shapley weight of a coalition of k out of d-1 others
    weight = new double[maxDistinct + 1][];
    for (int d = 1; d <= maxDistinct; d++) {
      weight[d] = new double[d];
      for (int k = 0; k < d; k++) {
        double w = 1.0 / d;
        // 1/d * 1/C(d-1, k)
        for (int i = 1; i <= k; i++) {
          w *= (double) i / (d - k - 1 + i);
        }
        weight[d][k] = w;
      }
    }
  }

  /** Longest list of distinct features on one root-to-leaf path. */
  int maxDistinct() {
    return maxDistinct;
  }

  /** Number of leaves over all trees. */
  int leaves() {
    return leafValue.length;
  }

  /**
   * Summarises the paths of the trees whose roots are given, in the flat node arrays of a {@link
   * TreeEnsemble} (left child -1 on leaves).
   */
  static LeafPaths of(
      int[] roots,
      int[] left,
      int[] right,
      int[] feature,
      float[] threshold,
      boolean[] defaultLeft,
      float[] value,
      double[] cover) {
    Builder b = new Builder(left, right, feature, threshold, defaultLeft, value, cover);
    for (int root : roots) {
      b.walk(root, 0);
    }
    return b.build();
  }

  /**
   * Adds every leaf's share of the SHAP values of {@code x} to {@code phi} (one slot per feature).
   * {@code scratch} must hold at least {@link #scratchSize()} doubles and {@code slots} as many
   * ints.
   */
  void contributions(float[] x, double[] phi, double[] scratch, int[] slots) {
    final int n = maxDistinct + 1;
    // scratch: [0, n) polynomial coefficients, [n, 2n) zero shares of the satisfied features
    // slots: [0, n) satisfied features, [n, 2n) unsatisfied features
    final double[] lv = leafValue;
    final int[] st = start;
    final int[] f = feature;
    final double[] z = zero;
    final float[] lo = low;
    final float[] hi = high;
    final boolean[] nan = missingFollows;
    for (int l = 0; l < lv.length; l++) {
      final int a = st[l];
      final int e = st[l + 1];
      final int d = e - a;
      if (d == 0) {
        continue;
      }
      int p = 0;
      int q = 0;
      double zeroProduct = 1;
      for (int k = a; k < e; k++) {
        // branch-free: whether a path feature is satisfied is a coin toss for the predictor
        int fk = f[k];
        double zk = z[k];
        float xv = x[fk];
        boolean one = xv >= lo[k] && !(xv >= hi[k]) || (nan[k] && Float.isNaN(xv));
        scratch[n + p] = zk;
        slots[p] = fk;
        slots[n + q] = fk;
        int o = one ? 1 : 0;
        p += o;
        q += 1 - o;
        zeroProduct *= one ? 1.0 : zk;
      }
      final double v = lv[l] * zeroProduct;
      final double[] w = weight[d];
      // coefficients of prod over satisfied features of (z_j + t), lowest power first
      scratch[0] = 1;
      for (int j = 0; j < p; j++) {
        double zj = scratch[n + j];
        scratch[j + 1] = scratch[j];
        for (int k = j; k >= 1; k--) {
          scratch[k] = zj * scratch[k] + scratch[k - 1];
        }
        scratch[0] *= zj;
      }
      if (q > 0) {
        // an unsatisfied feature: every coalition of satisfied features, times -zeroProduct
        double g = 0;
        for (int k = 0; k <= p; k++) {
          g += w[k] * scratch[k];
        }
        double c = v * g;
        for (int j = 0; j < q; j++) {
          phi[slots[n + j]] -= c;
        }
      }
      for (int i = 0; i < p; i++) {
        // divide out (z_i + t) from the top down (stable for z_i <= 1) and weigh the quotient
        double zi = scratch[n + i];
        double b = 1;
        double sum = w[p - 1];
        for (int k = p - 1; k >= 1; k--) {
          b = scratch[k] - zi * b;
          sum += w[k - 1] * b;
        }
        phi[slots[i]] += v * (1 - zi) * sum;
      }
    }
  }

  /** The same summaries in the form that explains several rows at once. */
  LeafPathLanes lanes(int features) {
    return LeafPathLanes.of(
        features, leafValue, start, feature, zero, low, high, missingFollows, weight, maxDistinct);
  }

  /** Scratch length needed by {@link #contributions}. */
  int scratchSize() {
    return 2 * (maxDistinct + 1);
  }

  private static final class Builder {
    final int[] left;
    final int[] right;
    final int[] feature;
    final float[] threshold;
    final boolean[] defaultLeft;
    final float[] value;
    final double[] cover;
    // the current path: split node and direction per level
    int[] pathNode = new int[64];
    boolean[] pathLeft = new boolean[64];
    double[] leafValue = new double[1024];
    int[] start = new int[1025];
    int leaves;
    int[] f = new int[4096];
    double[] z = new double[4096];
    float[] lo = new float[4096];
    float[] hi = new float[4096];
    boolean[] nan = new boolean[4096];
    int elements;
    int maxDistinct;

    Builder(
        int[] left,
        int[] right,
        int[] feature,
        float[] threshold,
        boolean[] defaultLeft,
        float[] value,
        double[] cover) {
      this.left = left;
      this.right = right;
      this.feature = feature;
      this.threshold = threshold;
      this.defaultLeft = defaultLeft;
      this.value = value;
      this.cover = cover;
    }

    void walk(int node, int depth) {
      if (left[node] < 0) {
        leaf(node, depth);
        return;
      }
      if (depth == pathNode.length) {
        pathNode = java.util.Arrays.copyOf(pathNode, depth * 2);
        pathLeft = java.util.Arrays.copyOf(pathLeft, depth * 2);
      }
      pathNode[depth] = node;
      pathLeft[depth] = true;
      walk(left[node], depth + 1);
      pathLeft[depth] = false;
      walk(right[node], depth + 1);
    }

    private void leaf(int node, int depth) {
      if (leaves + 1 == leafValue.length) {
        leafValue = java.util.Arrays.copyOf(leafValue, leaves * 2);
        start = java.util.Arrays.copyOf(start, leaves * 2 + 1);
      }
      if (elements + depth >= f.length) {
        int cap = Math.max(f.length * 2, elements + depth + 1);
        f = java.util.Arrays.copyOf(f, cap);
        z = java.util.Arrays.copyOf(z, cap);
        lo = java.util.Arrays.copyOf(lo, cap);
        hi = java.util.Arrays.copyOf(hi, cap);
        nan = java.util.Arrays.copyOf(nan, cap);
      }
      int first = elements;
      for (int level = 0; level < depth; level++) {
        int s = pathNode[level];
        boolean goesLeft = pathLeft[level];
        int child = goesLeft ? left[s] : right[s];
        double ratio = cover[child] / cover[s];
        int at = first;
        while (at < elements && f[at] != feature[s]) {
          at++;
        }
        if (at == elements) {
          f[at] = feature[s];
          z[at] = 1;
          lo[at] = Float.NEGATIVE_INFINITY;
          hi[at] = Float.NaN; // no upper bound: !(x >= NaN) holds for every x
          nan[at] = true;
          elements++;
        }
        z[at] *= ratio;
        nan[at] &= goesLeft == defaultLeft[s];
        if (goesLeft) {
          // x < threshold
          if (Float.isNaN(hi[at]) || threshold[s] < hi[at]) {
            hi[at] = threshold[s];
          }
        } else if (threshold[s] > lo[at]) {
          lo[at] = threshold[s]; // x >= threshold
        }
      }
      leafValue[leaves] = value[node];
      start[leaves] = first;
      start[++leaves] = elements;
      maxDistinct = Math.max(maxDistinct, elements - first);
    }

    LeafPaths build() {
      return new LeafPaths(
          java.util.Arrays.copyOf(leafValue, leaves),
          java.util.Arrays.copyOf(start, leaves + 1),
          java.util.Arrays.copyOf(f, elements),
          java.util.Arrays.copyOf(z, elements),
          java.util.Arrays.copyOf(lo, elements),
          java.util.Arrays.copyOf(hi, elements),
          java.util.Arrays.copyOf(nan, elements),
          maxDistinct);
    }
  }
}
