package org.sekisho.targeting.model.domain;

import java.util.Map;

/**
 * How well a model ranks a labelled set: the share of frauds among the top p% scored declarations
 * (precision), the share of all frauds caught there (recall), and the ROC AUC.
 *
 * @param n scored rows
 * @param positives frauds among them
 * @param precision by percentage p (1, 2, 5, 10): frauds among the k = round(n·p/100) top rows / k
 * @param recall by the same p: frauds among those k rows / all frauds
 * @param auc area under the ROC curve, ties counted half
 */
public record RankingFigures(
    long n,
    long positives,
    Map<Integer, Double> precision,
    Map<Integer, Double> recall,
    double auc) {
  public RankingFigures {
    precision = Map.copyOf(precision);
    recall = Map.copyOf(recall);
  }
}
