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
   * The factors that raised the score most by a quick measure (path contributions: about the cost
   * of scoring), at most {@code max}: what a referral shows at once, until the {@link #explain}
   * reasons replace them. None by default.
   */
  default List<String> quickReasons(DeclarationView d, int max) {
    return List.of();
  }

  /**
   * {@link #explain} for several declarations at once, in their order; a model may compute them
   * together, much faster per declaration than one by one, with the same result.
   */
  default List<List<String>> explainAll(List<DeclarationView> ds, int max) {
    return ds.stream().map(d -> explain(d, max)).toList();
  }

  /**
   * {@link #explainAll(List, int)}, calling {@code pausePoint} often (microseconds apart) so that a
   * background caller can give way to assessments there (see {@link GiveWay}); a model that
   * computes in one piece ignores it.
   */
  default List<List<String>> explainAll(List<DeclarationView> ds, int max, Runnable pausePoint) {
    return explainAll(ds, max);
  }

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
