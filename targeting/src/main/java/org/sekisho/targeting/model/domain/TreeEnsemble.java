package org.sekisho.targeting.model.domain;

import java.util.List;

/**
 * A boosted tree ensemble for binary classification (XGBoost's {@code binary:logistic}), scored in
 * plain Java. The margin is the base margin plus every tree's leaf value, accumulated in single
 * precision in tree order as XGBoost does, so scores equal the trainer's to float rounding. All
 * nodes live in flat arrays for cache-friendly walking. Immutable and thread-safe.
 */
public final class TreeEnsemble {
  private final float baseMargin;
  private final int features;
  private final int[] roots;
  private final int[] left;
  private final int[] right;
  private final int[] feature;
  private final float[] threshold;
  private final boolean[] defaultLeft;
  private final float[] value;
  private final double[] cover;
  private final double[] meanValue;
  private final int maxDepth;
  private final List<RegressionTree> trees;
  private final double bias;
  private volatile LeafPaths paths;
  private volatile LeafPathLanes lanes;
  private volatile DepthFirstShap depthFirst;
  private volatile DepthFirstShapLanes depthFirstLanes;

  // Scoring layout: per node three ints [split feature (bit 30: missing goes left), right child's
  // slot times three, threshold as float bits], trees in depth-first order so the left child is
  // the next node; one tree's nodes are contiguous and the walk mostly sequential. A leaf has the
  // sign bit set, a NaN threshold and itself as right child, so a step from a leaf stays on it:
  // several rows can walk one tree in lockstep without a branch per row. Leaf values sit apart.
  private static final int DEFAULT_LEFT = 1 << 30;
  private static final int FEATURE_MASK = DEFAULT_LEFT - 1;
  private static final int LEAF = Integer.MIN_VALUE;
  // a leaf's threshold key: no value's key is below it, so a step from a leaf never goes left
  private static final int LEAF_KEY = Integer.MIN_VALUE;
  private final int[] packed;
  private final float[] leafOut;
  private final int[] packedRoots;
  // per packed slot: the node's cover-weighted expected value minus its parent's (0 at a root),
  // the path attribution's step
  private final double[] stepGain;

  /**
   * @param baseMargin the margin before any tree (logit of XGBoost's base score)
   * @param features width of the feature vector the trees were trained on
   * @param trees the trees, in boosting order
   */
  public TreeEnsemble(float baseMargin, int features, List<RegressionTree> trees) {
    this.baseMargin = baseMargin;
    this.features = features;
    this.trees = List.copyOf(trees);
    int total = 0;
    int depth = 0;
    for (RegressionTree t : trees) {
      if (t.maxFeature() >= features) {
        throw new IllegalArgumentException("a tree splits on a feature beyond " + features);
      }
      total += t.size();
      depth = Math.max(depth, t.depth());
    }
    this.maxDepth = depth;
    roots = new int[trees.size()];
    left = new int[total];
    right = new int[total];
    feature = new int[total];
    threshold = new float[total];
    defaultLeft = new boolean[total];
    value = new float[total];
    cover = new double[total];
    int off = 0;
    for (int t = 0; t < trees.size(); t++) {
      RegressionTree tree = trees.get(t);
      roots[t] = off;
      for (int i = 0; i < tree.size(); i++) {
        boolean leaf = tree.left()[i] < 0;
        left[off + i] = leaf ? -1 : off + tree.left()[i];
        right[off + i] = leaf ? -1 : off + tree.right()[i];
        feature[off + i] = leaf ? 0 : tree.feature()[i];
        threshold[off + i] = tree.threshold()[i];
        defaultLeft[off + i] = tree.defaultLeft()[i];
        value[off + i] = tree.leafValue()[i];
        cover[off + i] = tree.cover()[i];
      }
      off += tree.size();
    }
    meanValue = new double[total];
    double b = baseMargin;
    for (int root : roots) {
      b += fillMean(root);
    }
    bias = b;
    packed = new int[total * 3];
    leafOut = new float[total];
    packedRoots = new int[roots.length];
    stepGain = new double[total];
    int next = 0;
    for (int t = 0; t < roots.length; t++) {
      packedRoots[t] = next * 3;
      next = pack(roots[t], next, meanValue[roots[t]]);
    }
  }

  /** Writes the subtree at flat node {@code n} in preorder from slot {@code at}; returns next. */
  private int pack(int n, int at, double parentMean) {
    int base = at * 3;
    stepGain[at] = meanValue[n] - parentMean;
    if (left[n] < 0) {
      packed[base] = LEAF;
      packed[base + 1] = base;
      packed[base + 2] = LEAF_KEY;
      leafOut[at] = value[n];
      return at + 1;
    }
    packed[base] = feature[n] | (defaultLeft[n] ? DEFAULT_LEFT : 0);
    packed[base + 2] = orderKey(threshold[n]);
    int afterLeft = pack(left[n], at + 1, meanValue[n]);
    packed[base + 1] = afterLeft * 3;
    return pack(right[n], afterLeft, meanValue[n]);
  }

  private double fillMean(int n) {
    if (left[n] < 0) {
      meanValue[n] = value[n];
    } else {
      double l = fillMean(left[n]);
      double r = fillMean(right[n]);
      meanValue[n] = (l * cover[left[n]] + r * cover[right[n]]) / cover[n];
    }
    return meanValue[n];
  }

  /** The same ensemble cut to its first {@code n} trees (the best iteration after early stop). */
  public TreeEnsemble firstTrees(int n) {
    if (n < 0 || n > trees.size()) {
      throw new IllegalArgumentException("cannot keep " + n + " of " + trees.size() + " trees");
    }
    return n == trees.size() ? this : new TreeEnsemble(baseMargin, features, trees.subList(0, n));
  }

  /** Number of trees. */
  public int size() {
    return roots.length;
  }

  /** Width of the feature vector. */
  public int features() {
    return features;
  }

  /** The margin before any tree. */
  public float baseMargin() {
    return baseMargin;
  }

  /** Deepest tree, in edges. */
  public int maxDepth() {
    return maxDepth;
  }

  /** The trees in boosting order. */
  public List<RegressionTree> trees() {
    return trees;
  }

  /**
   * Log-odds of fraud for one feature vector (NaN = missing). Four trees are walked in lockstep, so
   * that their memory loads overlap instead of each waiting for the one before (a deep tree's nodes
   * are mostly not in the nearest cache); the leaf values are still added in tree order, so the
   * result is the same, bit for bit, as walking the trees one after the other.
   */
  public float margin(float[] x) {
    float m = baseMargin;
    final int[] p = packed;
    final float[] out = leafOut;
    final int[] roots = packedRoots;
    // each feature's order key once, not at every split that tests it
    final int[] k = new int[features];
    for (int i = 0; i < features; i++) {
      k[i] = orderKey(x[i]);
    }
    int t = 0;
    for (; t + 4 <= roots.length; t += 4) {
      int b0 = roots[t];
      int b1 = roots[t + 1];
      int b2 = roots[t + 2];
      int b3 = roots[t + 3];
      int f0 = p[b0];
      int f1 = p[b1];
      int f2 = p[b2];
      int f3 = p[b3];
      // a leaf steps to itself: go on while any of the four is still inside its tree
      while ((f0 & f1 & f2 & f3) >= 0) {
        b0 = stepByKey(p, b0, f0, k);
        b1 = stepByKey(p, b1, f1, k);
        b2 = stepByKey(p, b2, f2, k);
        b3 = stepByKey(p, b3, f3, k);
        f0 = p[b0];
        f1 = p[b1];
        f2 = p[b2];
        f3 = p[b3];
      }
      m += out[b0 / 3];
      m += out[b1 / 3];
      m += out[b2 / 3];
      m += out[b3 / 3];
    }
    for (; t < roots.length; t++) {
      int b = roots[t];
      int info;
      while ((info = p[b]) >= 0) {
        b = stepByKey(p, b, info, k);
      }
      m += out[b / 3];
    }
    return m;
  }

  /** One step down from the node at {@code b}; a leaf steps to itself. */
  private static int step(int[] p, int b, int info, float[] x) {
    return stepWithKey(p, b, info, orderKey(x[info & FEATURE_MASK]));
  }

  /** {@link #step} for a row whose features are given as their {@link #orderKey}s. */
  private static int stepByKey(int[] p, int b, int info, int[] keys) {
    return stepWithKey(p, b, info, keys[info & FEATURE_MASK]);
  }

  /** One step down from the node at {@code b} for a tested feature whose order key is {@code v}. */
  private static int stepWithKey(int[] p, int b, int info, int v) {
    // without a branch: which way a row goes is data, and a mispredicted branch per step cost
    // more than the whole step's arithmetic (ints compared as longs cannot overflow)
    int less = (int) (((long) v - p[b + 2]) >>> 63);
    int missing = (int) (((long) NAN_KEY - v) >>> 63);
    // bit 30 is "missing goes left"; on a leaf (sign bit) the shift gives 2, which masks nothing
    int left = less | (missing & (info >>> 30));
    int far = p[b + 1];
    return far + ((b + 3 - far) & -left);
  }

  // every NaN's key is above this (positive infinity's)
  private static final int NAN_KEY = 0x7f800000;

  /**
   * An int that orders as the float does: {@code a < b} exactly when {@code orderKey(a) <
   * orderKey(b)}, for all floats but NaN, whose key (one for every NaN) is above every other. Minus
   * zero is zero.
   */
  static int orderKey(float f) {
    int bits = Float.floatToIntBits(f + 0.0f);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }

  /**
   * Margins of rows {@code xs[0..count)} into {@code out}, tree by tree so each tree stays in cache
   * while it scores the whole block, four rows walking each tree in lockstep so their memory loads
   * and comparisons overlap. Results equal {@link #margin} exactly (same order of additions per
   * row).
   */
  public void margins(float[][] xs, int count, float[] out) {
    margins(xs, count, out, null);
  }

  /**
   * {@link #margins(float[][], int, float[])} that also records the leaf each row reaches in each
   * tree: {@code leaves[i * size() + t]} for row {@code i} and tree {@code t} (at least {@code
   * count * size()} long). {@link #pathContributionsOfLeaves} turns a row's leaves into its path
   * contributions without walking the trees again.
   */
  public void margins(float[][] xs, int count, float[] out, int[] leaves) {
    java.util.Arrays.fill(out, 0, count, baseMargin);
    final int[] p = packed;
    final float[] lv = leafOut;
    final int trees = packedRoots.length;
    for (int t = 0; t < trees; t++) {
      final int root = packedRoots[t];
      int i = 0;
      for (; i + 4 <= count; i += 4) {
        final float[] x0 = xs[i];
        final float[] x1 = xs[i + 1];
        final float[] x2 = xs[i + 2];
        final float[] x3 = xs[i + 3];
        int b0 = root;
        int b1 = root;
        int b2 = root;
        int b3 = root;
        int f0 = p[b0];
        int f1 = f0;
        int f2 = f0;
        int f3 = f0;
        while ((f0 & f1 & f2 & f3) >= 0) {
          b0 = step(p, b0, f0, x0);
          b1 = step(p, b1, f1, x1);
          b2 = step(p, b2, f2, x2);
          b3 = step(p, b3, f3, x3);
          f0 = p[b0];
          f1 = p[b1];
          f2 = p[b2];
          f3 = p[b3];
        }
        out[i] += lv[b0 / 3];
        out[i + 1] += lv[b1 / 3];
        out[i + 2] += lv[b2 / 3];
        out[i + 3] += lv[b3 / 3];
        if (leaves != null) {
          leaves[i * trees + t] = b0 / 3;
          leaves[(i + 1) * trees + t] = b1 / 3;
          leaves[(i + 2) * trees + t] = b2 / 3;
          leaves[(i + 3) * trees + t] = b3 / 3;
        }
      }
      for (; i < count; i++) {
        int b = root;
        int info;
        while ((info = p[b]) >= 0) {
          b = step(p, b, info, xs[i]);
        }
        out[i] += lv[b / 3];
        if (leaves != null) {
          leaves[i * trees + t] = b / 3;
        }
      }
    }
  }

  /** Probability of fraud for one feature vector. */
  public float probability(float[] x) {
    return sigmoid(margin(x));
  }

  /** The logistic function in single precision. */
  public static float sigmoid(float margin) {
    return (float) (1.0 / (1.0 + Math.exp(-margin)));
  }

  /**
   * Path contributions of {@code x} (Saabas): along the row's path through every tree, each split
   * credits its feature with the change in the cover-weighted expected value from the node to the
   * child the row takes. One contribution per feature in margin (log-odds) units, then the bias
   * (base margin plus each tree's expected value, as in {@link #contributions(float[])}) as the
   * last element. Each tree's steps add up to its leaf value minus its expected value, so the
   * elements sum to the margin (accumulated in double precision; {@link #margin} differs by its
   * single-precision rounding). A walk of {@code depth} steps per tree, about the cost of scoring;
   * unlike SHAP values a feature's credit depends on where in the tree it is split, so these are
   * the quick reasons and the exact ones follow. Allocates only its result.
   */
  public double[] pathContributions(float[] x) {
    double[] phi = new double[features + 1];
    pathContributions(x, phi);
    return phi;
  }

  /**
   * {@link #pathContributions(float[])} into {@code phi} (at least {@link #features()} + 1 long),
   * which is overwritten: the allocation-free form for bulk reasons.
   */
  public void pathContributions(float[] x, double[] phi) {
    java.util.Arrays.fill(phi, 0, features, 0.0);
    final int[] p = packed;
    final double[] gain = stepGain;
    for (int root : packedRoots) {
      int node = root;
      int info;
      while ((info = p[node]) >= 0) {
        int next = step(p, node, info, x);
        phi[info & FEATURE_MASK] += gain[next / 3];
        node = next;
      }
    }
    phi[features] = bias;
  }

  /**
   * {@link #pathContributions(float[], double[])} of the row whose leaves {@link
   * #margins(float[][], int, float[], int[])} recorded at {@code leaves[from .. from + size())}:
   * the same values (each leaf's credits are summed once per model, in the order of its path),
   * without walking the trees again, so that explaining a referral found in a scored block costs a
   * few microseconds even when the trees are no longer in cache. The per-leaf credits (about 12
   * bytes per distinct feature of each leaf's path) are prepared on first use.
   */
  public void pathContributionsOfLeaves(int[] leaves, int from, double[] phi) {
    PathCredits c = pathCredits();
    java.util.Arrays.fill(phi, 0, features, 0.0);
    final int[] start = c.start;
    final int[] f = c.feature;
    final double[] v = c.value;
    for (int t = 0; t < packedRoots.length; t++) {
      int leaf = leaves[from + t];
      for (int k = start[leaf], e = start[leaf + 1]; k < e; k++) {
        phi[f[k]] += v[k];
      }
    }
    phi[features] = bias;
  }

  /** Per packed slot of a leaf: its path's credits, summed per distinct feature. */
  private static final class PathCredits {
    final int[] start;
    final int[] feature;
    final double[] value;

    PathCredits(int[] start, int[] feature, double[] value) {
      this.start = start;
      this.feature = feature;
      this.value = value;
    }
  }

  private volatile PathCredits credits;

  private PathCredits pathCredits() {
    PathCredits c = credits;
    if (c == null) {
      synchronized (this) {
        c = credits;
        if (c == null) {
          c = buildPathCredits();
          credits = c;
        }
      }
    }
    return c;
  }

  private PathCredits buildPathCredits() {
    int slots = leafOut.length;
    int[] start = new int[slots + 1];
    int[] f = new int[1024];
    double[] v = new double[1024];
    int n = 0;
    int[] pathSlot = new int[maxDepth + 1];
    int[] pathChild = new int[maxDepth + 1];
    double[] credit = new double[features];
    int[] touched = new int[features];
    boolean[] on = new boolean[features];
    for (int root : packedRoots) {
      // depth-first over the packed tree: each slot after its parent, left child next
      int depth = 0;
      int slot = root / 3;
      pathSlot[0] = slot;
      pathChild[0] = 0;
      while (depth >= 0) {
        int at = pathSlot[depth];
        int info = packed[at * 3];
        if (info < 0) {
          // a leaf: credits of its path, per distinct feature in order of first split
          int distinct = 0;
          for (int k = 0; k < depth; k++) {
            int ff = packed[pathSlot[k] * 3] & FEATURE_MASK;
            if (!on[ff]) {
              on[ff] = true;
              credit[ff] = 0;
              touched[distinct++] = ff;
            }
            credit[ff] += stepGain[pathSlot[k + 1]];
          }
          start[at] = n;
          if (n + distinct > f.length) {
            f = java.util.Arrays.copyOf(f, Math.max(f.length * 2, n + distinct));
            v = java.util.Arrays.copyOf(v, f.length);
          }
          for (int k = 0; k < distinct; k++) {
            f[n] = touched[k];
            v[n++] = credit[touched[k]];
            on[touched[k]] = false;
          }
          start[at + 1] = n;
          depth--;
          continue;
        }
        int child = pathChild[depth];
        if (child == 2) {
          depth--;
          continue;
        }
        pathChild[depth] = child + 1;
        pathSlot[depth + 1] = child == 0 ? at + 1 : packed[at * 3 + 1] / 3;
        pathChild[depth + 1] = 0;
        depth++;
      }
    }
    // inner slots own no credits: their range is empty, from the next leaf's start
    for (int s = slots - 1; s >= 0; s--) {
      if (packed[s * 3] >= 0) {
        start[s] = start[s + 1];
      }
    }
    return new PathCredits(start, java.util.Arrays.copyOf(f, n), java.util.Arrays.copyOf(v, n));
  }

  /**
   * Exact SHAP values of {@code x} by TreeSHAP (Lundberg et al., path-dependent): one contribution
   * per feature in margin (log-odds) units, then the bias (base margin plus each tree's expected
   * value) as the last element. The elements sum to {@link #margin}. Computed by one depth-first
   * pass per tree in which the leaves below a node share the products along the path above it
   * ({@link DepthFirstShap}); allocates only its result and a small scratch, so concurrent calls
   * are safe.
   */
  public double[] contributions(float[] x) {
    DepthFirstShap d = depthFirst();
    double[] phi = new double[features + 1];
    d.contributions(x, phi, d.scratch());
    phi[features] = bias;
    return phi;
  }

  /**
   * The same values as {@link #contributions(float[])} by the per-leaf path summaries ({@link
   * LeafPaths}), the previous exact form: kept as a second reference and for {@code bench scoring}.
   */
  public double[] contributionsByLeafPaths(float[] x) {
    LeafPaths lp = leafPaths();
    double[] phi = new double[features + 1];
    lp.contributions(x, phi, new double[lp.scratchSize()], new int[lp.scratchSize()]);
    phi[features] = bias;
    return phi;
  }

  private DepthFirstShap depthFirst() {
    DepthFirstShap d = depthFirst;
    if (d == null) {
      synchronized (this) {
        d = depthFirst;
        if (d == null) {
          d =
              new DepthFirstShap(
                  features, roots, left, right, feature, threshold, defaultLeft, value, cover);
          depthFirst = d;
        }
      }
    }
    return d;
  }

  /**
   * Exact SHAP values of the rows {@code xs[0..count)}, laid out as {@link #contributions(float[])}
   * returns them for one row, computed up to {@value DepthFirstShapLanes#LANES} rows at a time in
   * one depth-first pass over each tree ({@link DepthFirstShapLanes}), in double precision: equal
   * to the one-row values to rounding (about 1e-14). Allocates only its result and a scratch, so
   * concurrent calls are safe.
   */
  public double[][] contributions(float[][] xs, int count) {
    if (count < 0 || count > xs.length) {
      throw new IllegalArgumentException("count " + count + " outside 0.." + xs.length);
    }
    DepthFirstShapLanes ln = depthFirstLanes();
    DepthFirstShapLanes.Scratch scratch = ln.scratch(count);
    double[][] phi = new double[count][features + 1];
    int lanes = scratch.lanes;
    float[][] block = new float[lanes][];
    double[][] out = new double[lanes][];
    for (int from = 0; from < count; from += lanes) {
      int n = Math.min(lanes, count - from);
      System.arraycopy(xs, from, block, 0, n);
      System.arraycopy(phi, from, out, 0, n);
      ln.contributions(block, n, out, scratch);
    }
    for (double[] p : phi) {
      p[features] = bias;
    }
    return phi;
  }

  /**
   * The previous block form ({@link LeafPathLanes}: per-leaf path summaries, single precision,
   * about 1e-6 of the largest contribution): kept for {@code bench scoring} as the baseline.
   */
  public double[][] contributionsByLeafPathLanes(float[][] xs, int count) {
    if (count < 0 || count > xs.length) {
      throw new IllegalArgumentException("count " + count + " outside 0.." + xs.length);
    }
    LeafPathLanes ln = leafPathLanes();
    LeafPathLanes.Scratch scratch = ln.scratch();
    double[][] phi = new double[count][features + 1];
    float[][] block = new float[LeafPathLanes.LANES][];
    double[][] out = new double[LeafPathLanes.LANES][];
    for (int from = 0; from < count; from += LeafPathLanes.LANES) {
      int n = Math.min(LeafPathLanes.LANES, count - from);
      System.arraycopy(xs, from, block, 0, n);
      System.arraycopy(phi, from, out, 0, n);
      ln.contributions(block, n, out, scratch);
    }
    for (double[] p : phi) {
      p[features] = bias;
    }
    return phi;
  }

  private DepthFirstShapLanes depthFirstLanes() {
    DepthFirstShapLanes ln = depthFirstLanes;
    if (ln == null) {
      synchronized (this) {
        ln = depthFirstLanes;
        if (ln == null) {
          ln = new DepthFirstShapLanes(depthFirst());
          depthFirstLanes = ln;
        }
      }
    }
    return ln;
  }

  private LeafPathLanes leafPathLanes() {
    LeafPathLanes ln = lanes;
    if (ln == null) {
      synchronized (this) {
        ln = lanes;
        if (ln == null) {
          ln = leafPaths().lanes(features);
          lanes = ln;
        }
      }
    }
    return ln;
  }

  private LeafPaths leafPaths() {
    LeafPaths lp = paths;
    if (lp == null) {
      synchronized (this) {
        lp = paths;
        if (lp == null) {
          lp = LeafPaths.of(roots, left, right, feature, threshold, defaultLeft, value, cover);
          paths = lp;
        }
      }
    }
    return lp;
  }

  /**
   * The same values as {@link #contributions} by the original recursive TreeSHAP algorithm (extend
   * at every node, unwind at every leaf): the reference the leaf-path form is checked against, and
   * the baseline of {@code bench scoring}.
   */
  public double[] contributionsByRecursion(float[] x) {
    double[] phi = new double[features + 1];
    int cap = (maxDepth + 2) * (maxDepth + 3) / 2 + 1;
    Path p = new Path(cap);
    double bias = baseMargin;
    for (int root : roots) {
      bias += meanValue[root];
      shap(x, phi, root, 0, p, 0, 1, 1, -1);
    }
    phi[features] = bias;
    return phi;
  }

  /** Path elements, stored column-wise; each recursion level owns a copy after its parent's. */
  private static final class Path {
    final int[] feature;
    final double[] zero;
    final double[] one;
    final double[] weight;

    Path(int cap) {
      feature = new int[cap];
      zero = new double[cap];
      one = new double[cap];
      weight = new double[cap];
    }
  }

  private void shap(
      float[] x,
      double[] phi,
      int node,
      int depth,
      Path p,
      int parentOffset,
      double parentZero,
      double parentOne,
      int parentFeature) {
    // this level's path starts right after the parent's (depth + 1 elements)
    int u = parentOffset + depth + 1;
    System.arraycopy(p.feature, parentOffset, p.feature, u, depth + 1);
    System.arraycopy(p.zero, parentOffset, p.zero, u, depth + 1);
    System.arraycopy(p.one, parentOffset, p.one, u, depth + 1);
    System.arraycopy(p.weight, parentOffset, p.weight, u, depth + 1);
    extend(p, u, depth, parentZero, parentOne, parentFeature);
    if (left[node] < 0) {
      for (int i = 1; i <= depth; i++) {
        double w = unwoundSum(p, u, depth, i);
        phi[p.feature[u + i]] += w * (p.one[u + i] - p.zero[u + i]) * value[node];
      }
      return;
    }
    int split = feature[node];
    float v = x[split];
    int hot;
    if (Float.isNaN(v)) {
      hot = defaultLeft[node] ? left[node] : right[node];
    } else {
      hot = v < threshold[node] ? left[node] : right[node];
    }
    int cold = hot == left[node] ? right[node] : left[node];
    double hotZero = cover[hot] / cover[node];
    double coldZero = cover[cold] / cover[node];
    double inZero = 1;
    double inOne = 1;
    int k = 0;
    for (; k <= depth; k++) {
      if (p.feature[u + k] == split) {
        break;
      }
    }
    int d = depth;
    if (k != depth + 1) {
      inZero = p.zero[u + k];
      inOne = p.one[u + k];
      unwind(p, u, d, k);
      d -= 1;
    }
    shap(x, phi, hot, d + 1, p, u, hotZero * inZero, inOne, split);
    shap(x, phi, cold, d + 1, p, u, coldZero * inZero, 0, split);
  }

  private static void extend(Path p, int u, int depth, double zero, double one, int f) {
    p.feature[u + depth] = f;
    p.zero[u + depth] = zero;
    p.one[u + depth] = one;
    p.weight[u + depth] = depth == 0 ? 1 : 0;
    for (int i = depth - 1; i >= 0; i--) {
      p.weight[u + i + 1] += one * p.weight[u + i] * (i + 1) / (depth + 1);
      p.weight[u + i] = zero * p.weight[u + i] * (depth - i) / (depth + 1);
    }
  }

  private static void unwind(Path p, int u, int depth, int index) {
    double one = p.one[u + index];
    double zero = p.zero[u + index];
    double next = p.weight[u + depth];
    for (int i = depth - 1; i >= 0; i--) {
      if (one != 0) {
        double t = p.weight[u + i];
        p.weight[u + i] = next * (depth + 1) / ((i + 1) * one);
        next = t - p.weight[u + i] * zero * (depth - i) / (depth + 1);
      } else {
        p.weight[u + i] = p.weight[u + i] * (depth + 1) / (zero * (depth - i));
      }
    }
    for (int i = index; i < depth; i++) {
      p.feature[u + i] = p.feature[u + i + 1];
      p.zero[u + i] = p.zero[u + i + 1];
      p.one[u + i] = p.one[u + i + 1];
    }
  }

  private static double unwoundSum(Path p, int u, int depth, int index) {
    double one = p.one[u + index];
    double zero = p.zero[u + index];
    double next = p.weight[u + depth];
    double total = 0;
    for (int i = depth - 1; i >= 0; i--) {
      if (one != 0) {
        double t = next * (depth + 1) / ((i + 1) * one);
        total += t;
        next = p.weight[u + i] - t * zero * (depth - i) / (depth + 1);
      } else if (zero != 0) {
        total += (p.weight[u + i] / zero) / ((depth - i) / (double) (depth + 1));
      }
    }
    return total;
  }
}
