package org.sekisho.targeting.model.domain;

/**
 * One exported tree in XGBoost's array layout. Node 0 is the root; a node whose left child is -1 is
 * a leaf. A split sends a row left when {@code feature < threshold} (compared in single precision),
 * and a missing (NaN) feature the default way.
 *
 * @param left left child per node, -1 for a leaf
 * @param right right child per node, -1 for a leaf
 * @param feature split feature per node (ignored on leaves)
 * @param threshold split threshold per node (ignored on leaves)
 * @param defaultLeft where a missing value goes, per node
 * @param leafValue leaf output per node (learning rate already applied; ignored on inner nodes)
 * @param cover training hessian sum per node, used to weigh paths in TreeSHAP
 */
public record RegressionTree(
    int[] left,
    int[] right,
    int[] feature,
    float[] threshold,
    boolean[] defaultLeft,
    float[] leafValue,
    double[] cover) {

  public RegressionTree {
    int n = left.length;
    if (n == 0
        || right.length != n
        || feature.length != n
        || threshold.length != n
        || defaultLeft.length != n
        || leafValue.length != n
        || cover.length != n) {
      throw new IllegalArgumentException("tree arrays must be non-empty and of equal length");
    }
    for (int i = 0; i < n; i++) {
      boolean leaf = left[i] < 0;
      if (leaf != right[i] < 0) {
        throw new IllegalArgumentException("node " + i + " has only one child");
      }
      if (!leaf && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n)) {
        throw new IllegalArgumentException("node " + i + " has children out of order or range");
      }
      if (!leaf && feature[i] < 0) {
        throw new IllegalArgumentException("node " + i + " splits on a negative feature");
      }
    }
  }

  /** Number of nodes. */
  public int size() {
    return left.length;
  }

  /** Length of the longest root-to-leaf path, in edges. */
  public int depth() {
    return depth(0);
  }

  private int depth(int node) {
    return left[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
  }

  /** Largest feature index used by a split, or -1 for a single leaf. */
  public int maxFeature() {
    int m = -1;
    for (int i = 0; i < left.length; i++) {
      if (left[i] >= 0) {
        m = Math.max(m, feature[i]);
      }
    }
    return m;
  }
}
