package org.sekisho.targeting.assessment.application;

import java.util.List;
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * Port: the released risk model. Implementations are pure functions of the declaration for one
 * model version and safe for many threads.
 */
public interface RiskScorer {
  ModelScore score(DeclarationView d);

  /** The factors that raised the score most, in plain language, at most {@code max}. */
  List<String> explain(DeclarationView d, int max);

  /**
   * The one model to use for a whole assessment (score and reasons): this scorer, or for a scorer
   * that can be swapped while running, the model in use now.
   */
  default RiskScorer snapshot() {
    return this;
  }

  /** No model released: probability 0, no reasons. */
  RiskScorer NONE =
      new RiskScorer() {
        @Override
        public ModelScore score(DeclarationView d) {
          return ModelScore.NONE;
        }

        @Override
        public List<String> explain(DeclarationView d, int max) {
          return List.of();
        }
      };
}
