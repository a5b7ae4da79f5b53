package org.sekisho.targeting.model.domain;

/**
 * Exact path-dependent TreeSHAP (the values of Lundberg et al.'s recursive algorithm and of
 * XGBoost's {@code predictContrib}) by one depth-first pass per tree and row, in which the leaves
 * below a node share the work done for the path above it.
 *
 * <p>With {@code Z_j} the product of the cover ratios along a path at feature {@code j}'s splits
 * and {@code O_j} = 1 when the row satisfies all of them (else 0), write {@code g_j(t) = Z_j (1 −
 * t) + O_j t} and {@code G(t) = v Π_j g_j(t)} for a leaf of value {@code v}. Feature {@code i}
 * receives from that leaf {@code ∫₀¹ (O_i − Z_i) G(t) / g_i(t) dt} (the Shapley weights {@code
 * k!(d−1−k)!/d!} are Beta integrals). When a path meets feature {@code i} several times, that ratio
 * telescopes over the occurrences: occurrence {@code k} adds {@code h_k = (O_k − Z_k)/g_k −
 * (O_{k−1} − Z_{k−1})/g_{k−1}}, which depends only on the path down to that split. So feature
 * {@code i} receives, at every edge {@code e} that splits on it, {@code ∫ h_e(t) S_e(t) dt} with
 * {@code S_e} the sum of {@code G} over the leaves below {@code e}.
 *
 * <p>Every function is held by its values at the {@code m} Gauss–Legendre nodes of the tree ({@code
 * 2m} at least the most distinct features on one of its paths), so a product along the path is
 * {@code m} multiplications per edge and {@code S} a sum of the children's values. A single edge's
 * {@code h_e S_e} is not a polynomial, but the sum over a leaf's edges is, of degree below {@code
 * 2m}; quadrature is linear, so the edge terms add up to the exact integrals. Work per row is about
 * {@code 4m} multiply-adds per node plus {@code m} divisions per satisfied split, against {@code d
 * + 2p²} per leaf for {@link LeafPaths}; no path summaries are stored, only the tree and a few
 * numbers per node.
 *
 * <p>Immutable and thread-safe; {@link #contributions} uses only its arguments and a {@link
 * Scratch}.
 */
final class DepthFirstShap {
  private final int[] roots;
  private final int[] left;
  private final int[] right;
  private final int[] feature;
  private final float[] threshold;
  private final boolean[] defaultLeft;
  private final float[] value;
  // per split node: Z of its feature on the path above it (1 on its first occurrence), and the
  // cover ratios of its children
  private final double[] zAbove;
  private final boolean[] repeat;
  private final double[] ratioLeft;
  private final double[] ratioRight;
  // per tree: quadrature nodes
  private final int[] order;
  private final int maxOrder;
  private final int maxDepth;
  private final int features;
  // per order m: nodes t, 1 - t, weights w, and -w / (1 - t)
  private static final int MAX_ORDER = 40;
  private static final double[][] T = new double[MAX_ORDER + 1][];
  private static final double[][] ONE_MINUS_T = new double[MAX_ORDER + 1][];
  private static final double[][] W = new double[MAX_ORDER + 1][];
  private static final double[][] COLD_W = new double[MAX_ORDER + 1][];

  static {
    for (int m = 1; m <= MAX_ORDER; m++) {
      double[][] nw = LeafPathLanes.gaussLegendre(m);
      T[m] = nw[0];
      W[m] = nw[1];
      ONE_MINUS_T[m] = new double[m];
      COLD_W[m] = new double[m];
      for (int q = 0; q < m; q++) {
        ONE_MINUS_T[m][q] = 1 - nw[0][q];
        COLD_W[m][q] = -nw[1][q] / (1 - nw[0][q]);
      }
    }
  }

  DepthFirstShap(
      int features,
      int[] roots,
      int[] left,
      int[] right,
      int[] feature,
      float[] threshold,
      boolean[] defaultLeft,
      float[] value,
      double[] cover) {
    this.features = features;
    this.roots = roots;
    this.left = left;
    this.right = right;
    this.feature = feature;
    this.threshold = threshold;
    this.defaultLeft = defaultLeft;
    this.value = value;
    int n = left.length;
    zAbove = new double[n];
    repeat = new boolean[n];
    ratioLeft = new double[n];
    ratioRight = new double[n];
    order = new int[roots.length];
    double[] z = new double[features];
    java.util.Arrays.fill(z, 1.0);
    boolean[] seen = new boolean[features];
    int[] distinct = new int[2];
    int most = 1;
    int deepest = 0;
    for (int t = 0; t < roots.length; t++) {
      distinct[0] = 0; // current distinct count
      distinct[1] = 0; // most on one path
      int depth = prepare(roots[t], cover, z, seen, distinct, 0);
      deepest = Math.max(deepest, depth);
      order[t] = Math.max(1, (distinct[1] + 1) / 2);
      most = Math.max(most, order[t]);
    }
    if (most > MAX_ORDER) {
      throw new IllegalArgumentException("a path with more than " + 2 * MAX_ORDER + " features");
    }
    maxOrder = most;
    maxDepth = deepest;
  }

  /** Fills the per-node numbers below {@code n}; returns the subtree's depth. */
  private int prepare(
      int n, double[] cover, double[] z, boolean[] seen, int[] distinct, int depthHere) {
    if (left[n] < 0) {
      distinct[1] = Math.max(distinct[1], distinct[0]);
      return 0;
    }
    int f = feature[n];
    boolean wasSeen = seen[f];
    double zWas = z[f];
    zAbove[n] = zWas;
    repeat[n] = wasSeen;
    ratioLeft[n] = cover[left[n]] / cover[n];
    ratioRight[n] = cover[right[n]] / cover[n];
    if (!wasSeen) {
      seen[f] = true;
      distinct[0]++;
    }
    z[f] = zWas * ratioLeft[n];
    int dl = prepare(left[n], cover, z, seen, distinct, depthHere + 1);
    z[f] = zWas * ratioRight[n];
    int dr = prepare(right[n], cover, z, seen, distinct, depthHere + 1);
    z[f] = zWas;
    if (!wasSeen) {
      seen[f] = false;
      distinct[0]--;
    }
    return 1 + Math.max(dl, dr);
  }

  int[] roots() {
    return roots;
  }

  int[] left() {
    return left;
  }

  int[] right() {
    return right;
  }

  int[] feature() {
    return feature;
  }

  float[] threshold() {
    return threshold;
  }

  boolean[] defaultLeft() {
    return defaultLeft;
  }

  float[] value() {
    return value;
  }

  double[] zAbove() {
    return zAbove;
  }

  boolean[] repeat() {
    return repeat;
  }

  double[] ratioLeft() {
    return ratioLeft;
  }

  double[] ratioRight() {
    return ratioRight;
  }

  /** Quadrature nodes used for tree {@code t}. */
  int order(int t) {
    return order[t];
  }

  int maxOrder() {
    return maxOrder;
  }

  int maxDepth() {
    return maxDepth;
  }

  int features() {
    return features;
  }

  static double[] nodes(int m) {
    return T[m];
  }

  static double[] oneMinusNodes(int m) {
    return ONE_MINUS_T[m];
  }

  static double[] weights(int m) {
    return W[m];
  }

  /** Per-thread working memory. */
  static final class Scratch {
    final double[] product;
    final double[] sum;
    final double[] inverse;
    final boolean[] failed;

    Scratch(int maxDepth, int maxOrder, int features) {
      product = new double[(maxDepth + 2) * maxOrder];
      sum = new double[(maxDepth + 2) * maxOrder];
      inverse = new double[(maxDepth + 2) * maxOrder];
      failed = new boolean[features];
    }
  }

  Scratch scratch() {
    return new Scratch(maxDepth, maxOrder, features);
  }

  /** Adds the SHAP values of {@code x} to {@code phi[0..features)}. */
  void contributions(float[] x, double[] phi, Scratch s) {
    for (int t = 0; t < roots.length; t++) {
      int r = roots[t];
      if (left[r] < 0) {
        continue; // a lone leaf explains nothing
      }
      int m = order[t];
      java.util.Arrays.fill(s.product, 0, m, 1.0);
      visit(r, 0, m, x, phi, s);
    }
  }

  /**
   * Leaves {@code Σ G} over the leaves below {@code n} in {@code s.sum} at depth {@code k}, given
   * the product along the path above in {@code s.product} at depth {@code k}.
   */
  private void visit(int n, int k, int m, float[] x, double[] phi, Scratch s) {
    final double[] prod = s.product;
    final double[] sum = s.sum;
    final int at = k * maxOrder;
    if (left[n] < 0) {
      final double v = value[n];
      for (int q = 0; q < m; q++) {
        sum[at + q] = v * prod[at + q];
      }
      return;
    }
    final int f = feature[n];
    final float xv = x[f];
    final boolean goLeft = Float.isNaN(xv) ? defaultLeft[n] : xv < threshold[n];
    final int below = at + maxOrder;
    final double[] t = T[m];
    final double[] omt = ONE_MINUS_T[m];
    final double[] w = W[m];
    final boolean[] failed = s.failed;
    java.util.Arrays.fill(sum, at, at + m, 0.0);
    if (failed[f]) {
      // an earlier split on this feature already excluded the row: g only scales, h = 0
      for (int side = 0; side < 2; side++) {
        final int c = side == 0 ? left[n] : right[n];
        final double ratio = side == 0 ? ratioLeft[n] : ratioRight[n];
        for (int q = 0; q < m; q++) {
          prod[below + q] = prod[at + q] * ratio;
        }
        visit(c, k + 1, m, x, phi, s);
        for (int q = 0; q < m; q++) {
          sum[at + q] += sum[below + q];
        }
      }
      return;
    }
    final double zb = zAbove[n];
    final boolean rep = repeat[n];
    final double[] inv = s.inverse;
    if (rep) {
      // 1 / g before this split (the feature satisfied so far): shared by both children
      for (int q = 0; q < m; q++) {
        inv[at + q] = 1.0 / (zb * omt[q] + t[q]);
      }
    }
    double gain = 0;
    for (int side = 0; side < 2; side++) {
      final int c = side == 0 ? left[n] : right[n];
      final double za = zb * (side == 0 ? ratioLeft[n] : ratioRight[n]);
      final boolean hot = goLeft == (side == 0);
      if (hot) {
        for (int q = 0; q < m; q++) {
          double g = za * omt[q] + t[q];
          prod[below + q] = prod[at + q] * (rep ? g * inv[at + q] : g);
        }
      } else {
        for (int q = 0; q < m; q++) {
          double g = za * omt[q];
          prod[below + q] = prod[at + q] * (rep ? g * inv[at + q] : g);
        }
        failed[f] = true;
      }
      visit(c, k + 1, m, x, phi, s);
      failed[f] = false;
      double e = 0;
      if (hot) {
        final double lift = 1 - za;
        if (rep) {
          final double drop = 1 - zb;
          for (int q = 0; q < m; q++) {
            double h = lift / (za * omt[q] + t[q]) - drop * inv[at + q];
            e += w[q] * h * sum[below + q];
          }
        } else {
          for (int q = 0; q < m; q++) {
            e += w[q] * lift / (za * omt[q] + t[q]) * sum[below + q];
          }
        }
      } else {
        final double[] cw = COLD_W[m];
        if (rep) {
          final double drop = 1 - zb;
          for (int q = 0; q < m; q++) {
            e += (cw[q] - w[q] * drop * inv[at + q]) * sum[below + q];
          }
        } else {
          for (int q = 0; q < m; q++) {
            e += cw[q] * sum[below + q];
          }
        }
      }
      gain += e;
      for (int q = 0; q < m; q++) {
        sum[at + q] += sum[below + q];
      }
    }
    phi[f] += gain;
  }
}
