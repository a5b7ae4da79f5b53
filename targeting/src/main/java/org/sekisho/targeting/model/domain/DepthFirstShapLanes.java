package org.sekisho.targeting.model.domain;

/**
 * {@link DepthFirstShap} for a block of up to {@link #LANES} rows at once, in double precision: all
 * rows walk every tree in the same depth-first order, so the rows are the lanes of every inner loop
 * (structure of arrays: per depth and quadrature node, one value per row) and the JIT runs them as
 * vector instructions. What depends on the row (which child it takes, whether an earlier split on
 * the same feature already excluded it) enters as 0/1 factors instead of branches; what does not
 * (the divisions by {@code g} at the quadrature nodes) is computed once per node for the whole
 * block.
 *
 * <p>Immutable and thread-safe; {@link #contributions} uses only the caller's {@link Scratch}.
 */
final class DepthFirstShapLanes {
  /**
   * Most rows explained together. On the released model (77 trees, 189k leaves, 8 quadrature nodes
   * per tree on average) 128 measured fastest: 5.4 ms per row against 6.2 with 64, 8 with 32 and
   * 5.9 with 256, one thread; below that the per-node work that all rows share dominates.
   */
  static final int LANES = 128;

  private final DepthFirstShap tree;
  private final int maxOrder;
  private final int maxDepth;
  private final int features;

  DepthFirstShapLanes(DepthFirstShap tree) {
    this.tree = tree;
    this.maxOrder = tree.maxOrder();
    this.maxDepth = tree.maxDepth();
    this.features = tree.features();
  }

  /** Per-thread working memory. */
  static final class Scratch {
    final int lanes;
    // per depth: [q][lane] products along the path and sums over the leaves below
    final double[][][] product;
    final double[][][] sum;
    // [feature][lane]: 1 when an earlier split on the feature excluded the row
    final double[] failed;
    // per depth [lane]: the failed flags of the node's feature, to restore
    final double[][] saved;
    // per depth [lane]: 1 when the row goes left at the node of that depth
    final double[][] goesLeft;
    // [feature][lane] values, transposed
    final float[] x;
    // [feature][lane] sums
    final double[] phi;
    // per depth [q]: multipliers and weighted h of one child
    final double[][] hot;
    final double[][] cold;
    final double[][] hotGain;
    final double[][] coldGain;
    final double[][] inverse;
    // per depth [lane]: the blend of one child (already excluded, takes it, leaves it)
    final double[][] excluded;
    final double[][] takes;
    final double[][] leaves;
    final double[] eHot;
    final double[] eCold;

    Scratch(int maxDepth, int maxOrder, int features, int lanes) {
      this.lanes = lanes;
      int levels = maxDepth + 2;
      product = new double[levels][maxOrder][lanes];
      sum = new double[levels][maxOrder][lanes];
      failed = new double[features * lanes];
      saved = new double[levels][lanes];
      goesLeft = new double[levels][lanes];
      x = new float[features * lanes];
      phi = new double[features * lanes];
      hot = new double[levels][maxOrder];
      cold = new double[levels][maxOrder];
      hotGain = new double[levels][maxOrder];
      coldGain = new double[levels][maxOrder];
      inverse = new double[levels][maxOrder];
      excluded = new double[levels][lanes];
      takes = new double[levels][lanes];
      leaves = new double[levels][lanes];
      eHot = new double[lanes];
      eCold = new double[lanes];
    }
  }

  Scratch scratch(int rows) {
    int lanes = Math.min(LANES, Math.max(8, (rows + 7) & ~7));
    return new Scratch(maxDepth, maxOrder, features, lanes);
  }

  /**
   * Adds the SHAP values of rows {@code xs[0..count)} to {@code phi[r][0..features)}; {@code count}
   * at most the scratch's lanes; {@code pausePoint} is called at every leaf.
   */
  void contributions(float[][] xs, int count, double[][] phi, Scratch s, Runnable pausePoint) {
    final int lanes = s.lanes;
    if (count < 1 || count > lanes) {
      throw new IllegalArgumentException("1.." + lanes + " rows, not " + count);
    }
    for (int f = 0; f < features; f++) {
      for (int r = 0; r < lanes; r++) {
        // unused lanes repeat the first row; their sums are dropped
        s.x[f * lanes + r] = xs[r < count ? r : 0][f];
      }
    }
    java.util.Arrays.fill(s.phi, 0, features * lanes, 0.0);
    java.util.Arrays.fill(s.failed, 0, features * lanes, 0.0);
    final int[] roots = tree.roots();
    final int[] left = tree.left();
    for (int t = 0; t < roots.length; t++) {
      int root = roots[t];
      if (left[root] < 0) {
        continue;
      }
      int m = tree.order(t);
      for (int q = 0; q < m; q++) {
        java.util.Arrays.fill(s.product[0][q], 1.0);
      }
      visit(root, 0, m, s, pausePoint);
    }
    for (int r = 0; r < count; r++) {
      double[] out = phi[r];
      for (int f = 0; f < features; f++) {
        out[f] += s.phi[f * lanes + r];
      }
    }
  }

  private void visit(int n, int k, int m, Scratch s, Runnable pausePoint) {
    final int lanes = s.lanes;
    final double[][] prodAt = s.product[k];
    final double[][] sumAt = s.sum[k];
    final int[] left = tree.left();
    if (left[n] < 0) {
      pausePoint.run();
      final double v = tree.value()[n];
      for (int q = 0; q < m; q++) {
        final double[] pa = prodAt[q];
        final double[] sa = sumAt[q];
        for (int r = 0; r < lanes; r++) {
          sa[r] = v * pa[r];
        }
      }
      return;
    }
    final double[][] prodBelow = s.product[k + 1];
    final double[][] sumBelow = s.sum[k + 1];
    final int f = tree.feature()[n];
    final float th = tree.threshold()[n];
    final double byDefault = tree.defaultLeft()[n] ? 1.0 : 0.0;
    final float[] x = s.x;
    final double[] failed = s.failed;
    final double[] gl = s.goesLeft[k];
    final double[] saved = s.saved[k];
    final int fb = f * lanes;
    boolean anySatisfied = false;
    for (int r = 0; r < lanes; r++) {
      float v = x[fb + r];
      gl[r] = v < th ? 1.0 : Float.isNaN(v) ? byDefault : 0.0;
      double fl = failed[fb + r];
      saved[r] = fl;
      anySatisfied |= fl == 0.0;
    }
    for (int q = 0; q < m; q++) {
      java.util.Arrays.fill(sumAt[q], 0.0);
    }
    final int[] right = tree.right();
    if (!anySatisfied) {
      // every row already excluded by an earlier split on this feature: g only scales, h = 0
      for (int side = 0; side < 2; side++) {
        final int c = side == 0 ? left[n] : right[n];
        final double ratio = side == 0 ? tree.ratioLeft()[n] : tree.ratioRight()[n];
        for (int q = 0; q < m; q++) {
          final double[] pa = prodAt[q];
          final double[] pb = prodBelow[q];
          for (int r = 0; r < lanes; r++) {
            pb[r] = pa[r] * ratio;
          }
        }
        visit(c, k + 1, m, s, pausePoint);
        for (int q = 0; q < m; q++) {
          final double[] sa = sumAt[q];
          final double[] sb = sumBelow[q];
          for (int r = 0; r < lanes; r++) {
            sa[r] += sb[r];
          }
        }
      }
      return;
    }
    final double[] t = DepthFirstShap.nodes(m);
    final double[] omt = DepthFirstShap.oneMinusNodes(m);
    final double[] w = DepthFirstShap.weights(m);
    final double zb = tree.zAbove()[n];
    final boolean rep = tree.repeat()[n];
    final double[] inv = s.inverse[k];
    for (int q = 0; q < m; q++) {
      inv[q] = rep ? 1.0 / (zb * omt[q] + t[q]) : 1.0;
    }
    final double drop = rep ? 1 - zb : 0;
    final double[] hot = s.hot[k];
    final double[] cold = s.cold[k];
    final double[] hotGain = s.hotGain[k];
    final double[] coldGain = s.coldGain[k];
    final double[] ex = s.excluded[k];
    final double[] tk = s.takes[k];
    final double[] lv = s.leaves[k];
    final double[] phi = s.phi;
    final double[] eHot = s.eHot;
    final double[] eCold = s.eCold;
    for (int side = 0; side < 2; side++) {
      final int c = side == 0 ? left[n] : right[n];
      final double ratio = side == 0 ? tree.ratioLeft()[n] : tree.ratioRight()[n];
      final double za = zb * ratio;
      final double lift = 1 - za;
      // row-independent: the multipliers and weighted h for a row that takes (hot) or leaves
      // (cold) this child, both with the feature satisfied above
      for (int q = 0; q < m; q++) {
        double gHot = za * omt[q] + t[q];
        double gCold = za * omt[q];
        double iq = inv[q];
        hot[q] = gHot * iq;
        cold[q] = gCold * iq;
        hotGain[q] = w[q] * (lift / gHot - drop * iq);
        coldGain[q] = -w[q] * (1 / omt[q] + drop * iq);
      }
      // per row: 0/1 weights of the three cases
      final double toLeft = side == 0 ? 1.0 : 0.0;
      for (int r = 0; r < lanes; r++) {
        double fl = saved[r];
        double takes = toLeft * gl[r] + (1 - toLeft) * (1 - gl[r]);
        ex[r] = fl * ratio;
        tk[r] = (1 - fl) * takes;
        lv[r] = (1 - fl) * (1 - takes);
        failed[fb + r] = 1 - (1 - fl) * takes;
      }
      for (int q = 0; q < m; q++) {
        final double h = hot[q];
        final double cq = cold[q];
        final double[] pa = prodAt[q];
        final double[] pb = prodBelow[q];
        for (int r = 0; r < lanes; r++) {
          pb[r] = pa[r] * (ex[r] + tk[r] * h + lv[r] * cq);
        }
      }
      visit(c, k + 1, m, s, pausePoint);
      for (int r = 0; r < lanes; r++) {
        failed[fb + r] = saved[r];
        eHot[r] = 0;
        eCold[r] = 0;
      }
      for (int q = 0; q < m; q++) {
        final double hg = hotGain[q];
        final double cg = coldGain[q];
        final double[] sa = sumAt[q];
        final double[] sb = sumBelow[q];
        for (int r = 0; r < lanes; r++) {
          double sv = sb[r];
          eHot[r] += hg * sv;
          eCold[r] += cg * sv;
          sa[r] += sv;
        }
      }
      for (int r = 0; r < lanes; r++) {
        phi[fb + r] += tk[r] * eHot[r] + lv[r] * eCold[r];
      }
    }
  }
}
