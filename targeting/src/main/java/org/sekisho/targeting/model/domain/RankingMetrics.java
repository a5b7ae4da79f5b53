package org.sekisho.targeting.model.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes {@link RankingFigures} for scores and labels given in input order. Rows are ranked by
 * score, highest first; equal scores keep input order (the earlier row ranks higher).
 */
public final class RankingMetrics {
  /** The percentages reported everywhere: 1, 2, 5 and 10. */
  public static final int[] PERCENTAGES = {1, 2, 5, 10};

  private RankingMetrics() {}

  /**
   * Figures for {@code scores[i]} with label {@code frauds[i]} (true = fraud).
   *
   * @throws IllegalArgumentException if the arrays differ in length or a score is NaN
   */
  public static RankingFigures of(float[] scores, boolean[] frauds) {
    int n = scores.length;
    if (frauds.length != n) {
      throw new IllegalArgumentException("scores and labels differ in length");
    }
    Integer[] order = new Integer[n];
    long positives = 0;
    for (int i = 0; i < n; i++) {
      if (Float.isNaN(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is NaN");
      }
      order[i] = i;
      positives += frauds[i] ? 1 : 0;
    }
    // stable sort: ties keep input order
    Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
    Map<Integer, Double> precision = new LinkedHashMap<>();
    Map<Integer, Double> recall = new LinkedHashMap<>();
    for (int p : PERCENTAGES) {
      int k = (int) Math.round(n * p / 100.0);
      long hits = 0;
      for (int i = 0; i < k; i++) {
        hits += frauds[order[i]] ? 1 : 0;
      }
      precision.put(p, k == 0 ? 0.0 : (double) hits / k);
      recall.put(p, positives == 0 ? 0.0 : (double) hits / positives);
    }
    return new RankingFigures(n, positives, precision, recall, auc(scores, frauds, order));
  }

  /** Mann–Whitney AUC over rows sorted by descending score; tied scores share ranks. */
  private static double auc(float[] scores, boolean[] frauds, Integer[] desc) {
    long pos = 0;
    long neg = 0;
    for (boolean f : frauds) {
      if (f) {
        pos++;
      } else {
        neg++;
      }
    }
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    // walk from the lowest score up, counting negatives below each positive
    double wins = 0;
    long negativesBelow = 0;
    int i = desc.length - 1;
    while (i >= 0) {
      int j = i;
      long tiePos = 0;
      long tieNeg = 0;
      while (j >= 0 && scores[desc[j]] == scores[desc[i]]) {
        if (frauds[desc[j]]) {
          tiePos++;
        } else {
          tieNeg++;
        }
        j--;
      }
      wins += tiePos * (negativesBelow + tieNeg / 2.0);
      negativesBelow += tieNeg;
      i = j;
    }
    return wins / ((double) pos * neg);
  }
}
