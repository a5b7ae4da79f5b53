package org.sekisho.targeting.model.application;

import java.util.Arrays;
import java.util.Iterator;
import org.sekisho.targeting.model.domain.FraudLabel;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.model.domain.RankingMetrics;
import org.sekisho.targeting.model.domain.RiskModel;

/**
 * Scores a stream of labelled declarations with a model and ranks them. Keeps one score and one
 * label per row (never the declarations), so it runs on files of any length.
 */
public final class EvaluateRiskModel {
  private final RiskModel model;

  public EvaluateRiskModel(RiskModel model) {
    this.model = model;
  }

  /**
   * Figures over every declaration {@code rows} yields, in order; the label is read from the
   * declaration and hidden from the model.
   */
  public RankingFigures evaluate(Iterator<KcsDeclaration> rows) {
    float[] scores = new float[1024];
    boolean[] frauds = new boolean[1024];
    float[] scratch = new float[model.encoder().width()];
    int n = 0;
    while (rows.hasNext()) {
      KcsDeclaration d = rows.next();
      if (n == scores.length) {
        scores = Arrays.copyOf(scores, n * 2);
        frauds = Arrays.copyOf(frauds, n * 2);
      }
      frauds[n] = d.label() == FraudLabel.FRAUD;
      scores[n] = model.score(d.unlabelled(), scratch);
      n++;
    }
    return RankingMetrics.of(Arrays.copyOf(scores, n), Arrays.copyOf(frauds, n));
  }
}
