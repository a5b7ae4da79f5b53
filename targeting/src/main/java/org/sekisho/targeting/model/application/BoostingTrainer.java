package org.sekisho.targeting.model.application;

import java.util.Optional;
import org.sekisho.targeting.model.domain.FeatureMatrix;
import org.sekisho.targeting.model.domain.TreeEnsemble;

/** Port to a gradient-boosting library. Implementations release native memory before returning. */
public interface BoostingTrainer {

  /**
   * Grows trees on {@code train}. With a validation matrix and {@code earlyStoppingRounds > 0},
   * stops once validation log-loss has not improved for that many rounds.
   *
   * @return the trees (all of them) and how many of them to keep
   */
  Trained train(
      FeatureMatrix train, Optional<FeatureMatrix> validation, BoostingParameters parameters);

  /**
   * A trained booster.
   *
   * @param trees every tree grown, as exported
   * @param bestTrees the number of leading trees to use (best validation round + 1, or all)
   * @param exportedModel the library's own model file (for reference predictions and audit)
   */
  record Trained(TreeEnsemble trees, int bestTrees, byte[] exportedModel) {}
}
