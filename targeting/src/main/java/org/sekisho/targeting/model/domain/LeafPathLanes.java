package org.sekisho.targeting.model.domain;

/**
 * Exact path-dependent TreeSHAP for a block of up to {@link #LANES} rows at once: the leaf path
 * summaries of {@link LeafPaths}, visited once per block instead of once per row, with the rows as
 * the lanes of every inner loop so the JIT can run them as vector instructions.
 *
 * <p>For a leaf with value {@code v} and distinct path features {@code j = 1..d} (cover share
 * {@code z_j}; {@code o_j} = 1 when the row satisfies all of that feature's conditions on the path,
 * else 0) feature {@code i} receives {@code v (o_i − z_i) ∫₀¹ Π_{j≠i} (z_j (1 − t) + o_j t) dt}:
 * the Shapley weights {@code k!(d−1−k)!/d!} are the Beta integrals {@code ∫ t^k (1−t)^(d−1−k) dt}.
 * The integrand is a polynomial of degree {@code d − 1}, so Gauss–Legendre quadrature with {@code
 * ⌈d/2⌉} nodes gives it exactly (up to rounding); the products that leave one feature out come from
 * a prefix and a suffix pass. Unlike the per-row form of {@link LeafPaths}, whose work depends on
 * how many path features a row satisfies, every lane does the same arithmetic, so the rows share
 * the instructions and no branch depends on the data.
 *
 * <p>Whether a row satisfies a path feature's interval is decided on ranks: per feature the
 * distinct split bounds are sorted once, a row's value becomes how many of them it reaches ({@code
 * x >= t}), and an interval becomes two integer bounds. Leaf values, shares and the quadrature are
 * single precision; each leaf's share is added to double sums. Equal to {@link LeafPaths} within
 * about 1e-7 of the largest contribution on the released model.
 *
 * <p>Immutable and thread-safe; {@link #contributions} uses only the caller's {@link Scratch}.
 */
final class LeafPathLanes {
  /**
   * Most rows explained together; a smaller block uses as many lanes as it has rows (rounded up to
   * 16). 256 measured fastest on the released model (11.6 ms per row against 15 ms with 64 and 12
   * ms with 512, one thread), the per-lane loops being long enough to amortise their overhead.
   */
  static final int LANES = 256;

  private static final int MAX_NODES = 32;
  // Gauss–Legendre on [0, 1]: NODE[m] and WEIGHT[m] hold m nodes and weights
  private static final float[][] NODE = new float[MAX_NODES + 1][];
  private static final float[][] WEIGHT = new float[MAX_NODES + 1][];

  static {
    for (int m = 1; m <= MAX_NODES; m++) {
      double[][] nw = gaussLegendre(m);
      NODE[m] = new float[m];
      WEIGHT[m] = new float[m];
      for (int q = 0; q < m; q++) {
        NODE[m][q] = (float) nw[0][q];
        WEIGHT[m][q] = (float) nw[1][q];
      }
    }
  }

  private final int features;
  private final float[] leafValue;
  private final int[] start;
  private final int[] feature;
  private final float[] zero;
  private final float[][] thresholds;
  private final int[] lowRank;
  private final int[] highRank;
  private final int[] missingFollows;
  private final double[][] weight;
  private final int maxDistinct;

  private LeafPathLanes(
      int features,
      float[] leafValue,
      int[] start,
      int[] feature,
      float[] zero,
      float[][] thresholds,
      int[] lowRank,
      int[] highRank,
      int[] missingFollows,
      double[][] weight,
      int maxDistinct) {
    this.features = features;
    this.thresholds = thresholds;
    this.lowRank = lowRank;
    this.highRank = highRank;
    this.missingFollows = missingFollows;
    this.leafValue = leafValue;
    this.start = start;
    this.feature = feature;
    this.zero = zero;
    this.weight = weight;
    this.maxDistinct = maxDistinct;
  }

  /**
   * The block form of leaf path summaries: per leaf its value and first element, per element its
   * feature, cover share, interval {@code [low, high)} (a NaN high: no upper bound) and whether a
   * missing value satisfies it; {@code weight[d][k]} the Shapley weight of {@code k} of {@code d −
   * 1} others.
   */
  static LeafPathLanes of(
      int features,
      double[] leafValue,
      int[] start,
      int[] feature,
      double[] zero,
      float[] low,
      float[] high,
      boolean[] missingFollows,
      double[][] weight,
      int maxDistinct) {
    float[] v = new float[leafValue.length];
    for (int l = 0; l < v.length; l++) {
      v[l] = (float) leafValue[l];
    }
    float[] z = new float[zero.length];
    for (int k = 0; k < z.length; k++) {
      z[k] = (float) zero[k];
    }
    // per feature the distinct finite bounds, sorted; a row's value becomes how many it reaches
    float[][] t = new float[features][];
    int[] count = new int[features];
    float[][] all = new float[features][16];
    for (int k = 0; k < feature.length; k++) {
      int f = feature[k];
      for (int side = 0; side < 2; side++) {
        float bound = side == 0 ? low[k] : high[k];
        if (Float.isFinite(bound)) {
          if (count[f] == all[f].length) {
            all[f] = java.util.Arrays.copyOf(all[f], count[f] * 2);
          }
          all[f][count[f]++] = bound + 0f; // -0.0 + 0 is 0.0: one zero, as x >= t sees it
        }
      }
    }
    for (int f = 0; f < features; f++) {
      float[] sorted = java.util.Arrays.copyOf(all[f], count[f]);
      java.util.Arrays.sort(sorted);
      int u = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (u == 0 || sorted[i] != sorted[u - 1]) {
          sorted[u++] = sorted[i];
        }
      }
      t[f] = java.util.Arrays.copyOf(sorted, u);
    }
    int n = feature.length;
    int[] lo = new int[n];
    int[] hi = new int[n];
    int[] nan = new int[n];
    for (int k = 0; k < n; k++) {
      float[] tf = t[feature[k]];
      // x >= low  <=>  rank(x) >= index(low) + 1;  x < high  <=>  rank(x) <= index(high)
      lo[k] =
          low[k] == Float.NEGATIVE_INFINITY
              ? 0
              : java.util.Arrays.binarySearch(tf, low[k] + 0f) + 1;
      hi[k] = Float.isNaN(high[k]) ? tf.length : java.util.Arrays.binarySearch(tf, high[k] + 0f);
      nan[k] = missingFollows[k] ? 1 : 0;
    }
    return new LeafPathLanes(features, v, start, feature, z, t, lo, hi, nan, weight, maxDistinct);
  }

  /** Per-thread working memory for {@link #contributions}. */
  static final class Scratch {
    final int[] rank;
    final int[] missing;
    final float[] one;
    final float[] gq;
    final float[] prefix;
    final float[] sum;
    final float[] run;
    final double[] phi;

    Scratch(int features, int maxDistinct) {
      rank = new int[features * LANES];
      missing = new int[features * LANES];
      one = new float[maxDistinct * LANES];
      gq = new float[maxDistinct * LANES];
      prefix = new float[maxDistinct * LANES];
      sum = new float[maxDistinct * LANES];
      run = new float[LANES];
      phi = new double[features * LANES];
    }
  }

  Scratch scratch() {
    return new Scratch(features, Math.max(1, maxDistinct));
  }

  int features() {
    return features;
  }

  /**
   * Adds the SHAP values of rows {@code xs[0..count)} ({@code count <= LANES}) to {@code
   * phi[r][0..features)}.
   */
  void contributions(float[][] xs, int count, double[][] phi, Scratch s) {
    if (count < 1 || count > LANES) {
      throw new IllegalArgumentException("1.." + LANES + " rows, not " + count);
    }
    // lanes in use: the rows, rounded up to a whole vector of floats
    final int lanes = Math.min(LANES, (count + 15) & ~15);
    final int[] rank = s.rank;
    final int[] missing = s.missing;
    for (int f = 0; f < features; f++) {
      float[] tf = thresholds[f];
      for (int r = 0; r < lanes; r++) {
        // unused lanes repeat the first row; their sums are dropped
        float x = xs[r < count ? r : 0][f];
        boolean nan = Float.isNaN(x);
        missing[f * lanes + r] = nan ? 1 : 0;
        rank[f * lanes + r] = nan ? 0 : reached(tf, x);
      }
    }
    final double[] acc = s.phi;
    java.util.Arrays.fill(acc, 0, features * lanes, 0.0);
    final float[] one = s.one;
    final float[] prefix = s.prefix;
    final float[] sum = s.sum;
    final float[] run = s.run;
    final float[] gq = s.gq;
    final float[] lv = leafValue;
    final int[] st = start;
    final int[] fe = feature;
    final float[] ze = zero;
    final int[] lo = lowRank;
    final int[] hi = highRank;
    final int[] nf = missingFollows;
    for (int l = 0; l < lv.length; l++) {
      final int a = st[l];
      final int d = st[l + 1] - a;
      if (d == 0) {
        continue;
      }
      // which lanes satisfy each path feature: integer arithmetic on ranks, no branch
      for (int k = 0; k < d; k++) {
        final int base = fe[a + k] * lanes;
        final int lok = lo[a + k];
        final int hik = hi[a + k];
        final int nfk = nf[a + k];
        final int ob = k * lanes;
        for (int r = 0; r < lanes; r++) {
          int rk = rank[base + r];
          int m = missing[base + r];
          int in = 1 + (((rk - lok) | (hik - rk)) >> 31);
          one[ob + r] = in + m * (nfk - in);
        }
      }
      java.util.Arrays.fill(sum, 0, d * lanes, 0f);
      final int m = (d + 1) >> 1;
      final float[] nodes = NODE[m];
      final float[] weights = WEIGHT[m];
      for (int q = 0; q < m; q++) {
        final float t = nodes[q];
        // g_k = z_k (1 - t) + o_k t for every path feature and lane
        for (int k = 0; k < d; k++) {
          final float c = ze[a + k] * (1 - t);
          final int ob = k * lanes;
          for (int r = 0; r < lanes; r++) {
            gq[ob + r] = c + one[ob + r] * t;
          }
        }
        // prefix products (all but the features from k on)
        java.util.Arrays.fill(prefix, 0, lanes, 1f);
        for (int k = 1; k < d; k++) {
          final int ob = k * lanes;
          final int pb = ob - lanes;
          for (int r = 0; r < lanes; r++) {
            prefix[ob + r] = prefix[pb + r] * gq[pb + r];
          }
        }
        // suffix products times prefix: every product that leaves one feature out
        java.util.Arrays.fill(run, weights[q]);
        for (int k = d - 1; k >= 0; k--) {
          final int ob = k * lanes;
          for (int r = 0; r < lanes; r++) {
            sum[ob + r] += prefix[ob + r] * run[r];
          }
          for (int r = 0; r < lanes; r++) {
            run[r] = run[r] * gq[ob + r];
          }
        }
      }
      final float v = lv[l];
      for (int k = 0; k < d; k++) {
        final float zk = ze[a + k];
        final int base = fe[a + k] * lanes;
        final int ob = k * lanes;
        for (int r = 0; r < lanes; r++) {
          acc[base + r] += v * (one[ob + r] - zk) * sum[ob + r];
        }
      }
    }
    for (int r = 0; r < count; r++) {
      double[] out = phi[r];
      for (int f = 0; f < features; f++) {
        out[f] += acc[f * lanes + r];
      }
    }
  }

  /** How many of the sorted thresholds {@code t} the value reaches ({@code x >= t}). */
  private static int reached(float[] t, float x) {
    int lo = 0;
    int hi = t.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x >= t[mid]) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Gauss–Legendre nodes and weights on [0, 1] by Newton's method on the Legendre polynomial. */
  static double[][] gaussLegendre(int m) {
    double[] x = new double[m];
    double[] w = new double[m];
    for (int i = 0; i < m; i++) {
      // Tricomi's first guess for the i-th root on [-1, 1]
      double r = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
      for (int iter = 0; iter < 100; iter++) {
        double[] pd = legendre(m, r);
        double step = pd[0] / pd[1];
        r -= step;
        if (Math.abs(step) < 1e-16) {
          break;
        }
      }
      double dp = legendre(m, r)[1];
      x[i] = (1 - r) / 2;
      w[i] = 1 / ((1 - r * r) * dp * dp);
    }
    return new double[][] {x, w};
  }

  /** P_m(r) and its derivative. */
  private static double[] legendre(int m, double r) {
    double p0 = 1;
    double p1 = r;
    for (int k = 2; k <= m; k++) {
      double p2 = ((2 * k - 1) * r * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    // p1 = P_m, p0 = P_(m-1) (P_0 = 1 when m = 1)
    return new double[] {p1, m * (r * p1 - p0) / (r * r - 1)};
  }
}
