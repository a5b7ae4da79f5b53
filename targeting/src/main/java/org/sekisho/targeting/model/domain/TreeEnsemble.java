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

  // Scoring layout: one long per node, so that a step is one load and a walk needs nothing but
  // the node it stands on. Low half: the index of the node's left child (the right one is next to
  // it) as a signed field above the low KEY_BITS, which hold the index of the key to test. High
  // half: the threshold as an order key, less one. The key index is the split feature, plus the
  // width of the row for a node that sends a missing value left: a row carries two keys per
  // feature, its missing values as the lowest key in the second copy and as the highest in the
  // first, so a step has no test for missing at all. A leaf holds its value's bits in its high
  // half and tests the row's last key, which is above them; its child field is its own index less
  // one, so a step from a leaf "goes right" onto itself. Several trees can then be walked in
  // lockstep as many steps as the deepest is deep, with no test per step at all. Children sit side
  // by side in pairs, pairs in depth-first order.
  private static final int KEY_BITS = 10;
  private static final int KEY_MASK = (1 << KEY_BITS) - 1;
  // the widest row whose two keys per feature and the leaves' key fit the index field
  private static final int MAX_FEATURES = (KEY_MASK - 1) / 2;
  // the most nodes whose indices fit the signed field above the key index
  private static final int MAX_NODES = 1 << (31 - KEY_BITS);
  // the key every leaf tests: above every int but itself, and no float's bits are this
  private static final int LEAF_KEY_VALUE = Integer.MAX_VALUE;
  private final long[] nodes;
  private final int leafKey;
  private final int[] packedRoots;
  // the roots, then the spare leaf up to a whole number of lockstep groups
  private final int[] laneRoots;
  // per lockstep group: its deepest tree's depth
  private final int[] groupDepth;
  // per tree: its depth
  private final int[] treeDepth;
  private static final int LANES = 8;
  // per node: its cover-weighted expected value minus its parent's (0 at a root), the path
  // attribution's step
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
    if (features > MAX_FEATURES) {
      throw new IllegalArgumentException(
          features + " features are more than the scorer's " + MAX_FEATURES);
    }
    // one spare leaf at the end, for lanes without a tree of their own
    if (total + 1 > MAX_NODES) {
      throw new IllegalArgumentException(
          "a model of " + total + " nodes is more than the scorer's " + (MAX_NODES - 1));
    }
    leafKey = 2 * features;
    nodes = new long[total + 1];
    packedRoots = new int[roots.length];
    treeDepth = new int[roots.length];
    stepGain = new double[total];
    int free = 0;
    for (int t = 0; t < roots.length; t++) {
      packedRoots[t] = free;
      treeDepth[t] = trees.get(t).depth();
      free = place(roots[t], free, free + 1, meanValue[roots[t]]);
    }
    nodes[total] = leafNode(total, -0.0f); // x + -0 is x for every float x, -0 and NaN included
    int groups = (roots.length + LANES - 1) / LANES;
    laneRoots = java.util.Arrays.copyOf(packedRoots, groups * LANES);
    java.util.Arrays.fill(laneRoots, roots.length, laneRoots.length, total);
    groupDepth = new int[groups];
    for (int t = 0; t < roots.length; t++) {
      groupDepth[t / LANES] = Math.max(groupDepth[t / LANES], treeDepth[t]);
    }
  }

  private static long node(int high, int low) {
    return ((long) high << 32) | (low & 0xffffffffL);
  }

  private long leafNode(int at, float value) {
    // floatToIntBits: one NaN pattern, never LEAF_KEY_VALUE, so the step stays on the leaf
    return node(Float.floatToIntBits(value), (at - 1) << KEY_BITS | leafKey);
  }

  /**
   * Writes flat node {@code n} at slot {@code at}, its children side by side in the pair of slots
   * at {@code free}, then their subtrees: pairs in depth-first order. Returns the next free slot.
   */
  private int place(int n, int at, int free, double parentMean) {
    stepGain[at] = meanValue[n] - parentMean;
    if (left[n] < 0) {
      nodes[at] = leafNode(at, value[n]);
      return free;
    }
    int key = feature[n] + (defaultLeft[n] ? features : 0);
    // keys are floats' order keys, never the lowest int, so less one cannot wrap
    nodes[at] = node(orderKey(threshold[n]) - 1, free << KEY_BITS | key);
    int next = place(left[n], free, free + 2, meanValue[n]);
    return place(right[n], free + 1, next, meanValue[n]);
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
   * Log-odds of fraud for one feature vector (NaN = missing). Eight trees are walked in lockstep,
   * as many steps as the deepest of them is deep, so that their steps overlap instead of each
   * waiting for the one before (eight measured faster than four, six, ten or twelve for the
   * released model); the leaf values are still added in tree order, so the result is the same, bit
   * for bit, as walking the trees one after the other.
   */
  public float margin(float[] x) {
    float m = baseMargin;
    final long[] n = nodes;
    final int[] roots = laneRoots;
    final int[] depth = groupDepth;
    final int[] k = keys(x, new int[keyCount()]);
    for (int g = 0; g < depth.length; g++) {
      int t = g * LANES;
      long n0 = n[roots[t]];
      long n1 = n[roots[t + 1]];
      long n2 = n[roots[t + 2]];
      long n3 = n[roots[t + 3]];
      long n4 = n[roots[t + 4]];
      long n5 = n[roots[t + 5]];
      long n6 = n[roots[t + 6]];
      long n7 = n[roots[t + 7]];
      // a leaf steps onto itself: no lane needs to know whether it has arrived
      for (int d = depth[g]; d > 0; d--) {
        n0 = n[step(n0, k)];
        n1 = n[step(n1, k)];
        n2 = n[step(n2, k)];
        n3 = n[step(n3, k)];
        n4 = n[step(n4, k)];
        n5 = n[step(n5, k)];
        n6 = n[step(n6, k)];
        n7 = n[step(n7, k)];
      }
      // the last group's lanes past the trees stood on the spare leaf, whose -0 adds nothing
      m += leafValue(n0);
      m += leafValue(n1);
      m += leafValue(n2);
      m += leafValue(n3);
      m += leafValue(n4);
      m += leafValue(n5);
      m += leafValue(n6);
      m += leafValue(n7);
    }
    return m;
  }

  /** The value of the leaf whose packed form is {@code node}. */
  private static float leafValue(long node) {
    return Float.intBitsToFloat((int) (node >> 32));
  }

  private boolean isLeaf(long node) {
    return ((int) node & KEY_MASK) == leafKey;
  }

  /** The index of the leaf whose packed form is {@code node}. */
  private static int leafIndex(long node) {
    return ((int) node >> KEY_BITS) + 1;
  }

  /**
   * The index of the node one step down from the node whose packed form is {@code node}, for a row
   * whose keys are {@code k}; a leaf steps onto itself.
   */
  private static int step(long node, int[] k) {
    int low = (int) node;
    // without a branch: which way a row goes is data, and a mispredicted branch per step cost
    // more than the whole step's arithmetic. Minus one when the key is not below the threshold (the
    // field holds the threshold less one; ints subtracted as longs cannot overflow): the right
    // child, next to the left.
    return (low >> KEY_BITS) - (int) (((node >> 32) - k[low & KEY_MASK]) >> 63);
  }

  /** Length of a row's key array: two keys per feature and the leaves' key. */
  private int keyCount() {
    return 2 * features + 1;
  }

  /**
   * A row's keys, as the packed nodes test them: at {@code f} the {@link #orderKey} of feature
   * {@code f} with a missing value above every other key, at {@code features + f} the same with a
   * missing value below every other key; at {@code 2 * features} the key that every leaf tests,
   * above its threshold.
   */
  private int[] keys(float[] x, int[] k) {
    for (int i = 0; i < features; i++) {
      float v = x[i];
      if (Float.isNaN(v)) {
        k[i] = Integer.MAX_VALUE;
        k[features + i] = Integer.MIN_VALUE;
      } else {
        int key = orderKey(v);
        k[i] = key;
        k[features + i] = key;
      }
    }
    k[2 * features] = LEAF_KEY_VALUE;
    return k;
  }

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
   * while it scores the whole block, four rows walking each tree in lockstep so their steps
   * overlap. Results equal {@link #margin} exactly (same order of additions per row).
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
    final long[] n = nodes;
    final int trees = packedRoots.length;
    // every row's keys once for the block, not at each tree
    final int[][] ks = new int[count][];
    for (int i = 0; i < count; i++) {
      ks[i] = keys(xs[i], new int[keyCount()]);
    }
    for (int t = 0; t < trees; t++) {
      final long root = n[packedRoots[t]];
      final int depth = treeDepth[t];
      int i = 0;
      for (; i + 4 <= count; i += 4) {
        final int[] k0 = ks[i];
        final int[] k1 = ks[i + 1];
        final int[] k2 = ks[i + 2];
        final int[] k3 = ks[i + 3];
        long n0 = root;
        long n1 = root;
        long n2 = root;
        long n3 = root;
        for (int d = depth; d > 0; d--) {
          n0 = n[step(n0, k0)];
          n1 = n[step(n1, k1)];
          n2 = n[step(n2, k2)];
          n3 = n[step(n3, k3)];
        }
        out[i] += leafValue(n0);
        out[i + 1] += leafValue(n1);
        out[i + 2] += leafValue(n2);
        out[i + 3] += leafValue(n3);
        if (leaves != null) {
          leaves[i * trees + t] = leafIndex(n0);
          leaves[(i + 1) * trees + t] = leafIndex(n1);
          leaves[(i + 2) * trees + t] = leafIndex(n2);
          leaves[(i + 3) * trees + t] = leafIndex(n3);
        }
      }
      for (; i < count; i++) {
        long leaf = root;
        for (int d = depth; d > 0; d--) {
          leaf = n[step(leaf, ks[i])];
        }
        out[i] += leafValue(leaf);
        if (leaves != null) {
          leaves[i * trees + t] = leafIndex(leaf);
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
    final long[] n = nodes;
    final double[] gain = stepGain;
    final int[] k = keys(x, new int[keyCount()]);
    for (int root : packedRoots) {
      long node = n[root];
      while (!isLeaf(node)) {
        int next = step(node, k);
        phi[splitFeature(node)] += gain[next];
        node = n[next];
      }
    }
    phi[features] = bias;
  }

  /** The feature that a packed inner node splits on. */
  private int splitFeature(long node) {
    int key = (int) node & KEY_MASK;
    return key >= features ? key - features : key;
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
    final int[] end = c.end;
    final int[] f = c.feature;
    final double[] v = c.value;
    for (int t = 0; t < packedRoots.length; t++) {
      int leaf = leaves[from + t];
      for (int k = start[leaf], e = end[leaf]; k < e; k++) {
        phi[f[k]] += v[k];
      }
    }
    phi[features] = bias;
  }

  /**
   * Per node of a leaf: its path's credits, summed per distinct feature, at {@code start .. end}
   * (an inner node's range is empty).
   */
  private static final class PathCredits {
    final int[] start;
    final int[] end;
    final int[] feature;
    final double[] value;

    PathCredits(int[] start, int[] end, int[] feature, double[] value) {
      this.start = start;
      this.end = end;
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
    int slots = nodes.length;
    int[] start = new int[slots];
    int[] end = new int[slots];
    int[] f = new int[1024];
    double[] v = new double[1024];
    int n = 0;
    int[] pathSlot = new int[maxDepth + 1];
    int[] pathChild = new int[maxDepth + 1];
    double[] credit = new double[features];
    int[] touched = new int[features];
    boolean[] on = new boolean[features];
    for (int root : packedRoots) {
      // depth-first over the packed tree, left child first
      int depth = 0;
      int slot = root;
      pathSlot[0] = slot;
      pathChild[0] = 0;
      while (depth >= 0) {
        int at = pathSlot[depth];
        long node = nodes[at];
        if (isLeaf(node)) {
          // a leaf: credits of its path, per distinct feature in order of first split
          int distinct = 0;
          for (int k = 0; k < depth; k++) {
            int ff = splitFeature(nodes[pathSlot[k]]);
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
          end[at] = n;
          depth--;
          continue;
        }
        int child = pathChild[depth];
        if (child == 2) {
          depth--;
          continue;
        }
        pathChild[depth] = child + 1;
        pathSlot[depth + 1] = ((int) node >> KEY_BITS) + child;
        pathChild[depth + 1] = 0;
        depth++;
      }
    }
    return new PathCredits(
        start, end, java.util.Arrays.copyOf(f, n), java.util.Arrays.copyOf(v, n));
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
    return contributions(xs, count, () -> {});
  }

  /**
   * {@link #contributions(float[][], int)}, calling {@code pausePoint} at every leaf visited
   * (microseconds apart), where a background caller may give up its core or wait; the result does
   * not depend on it.
   */
  public double[][] contributions(float[][] xs, int count, Runnable pausePoint) {
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
      ln.contributions(block, n, out, scratch, pausePoint);
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
