package org.sekisho.targeting.assessment.application;

import java.util.Optional;

/** Port: a risk model by the id an assessment recorded, so a replay scores with the same model. */
public interface ModelVersions {
  /** The model with this id; empty when it is not known (any more). */
  Optional<RiskScorer> scorer(String modelId);

  /** Knows no model but the current one. */
  ModelVersions NONE = id -> Optional.empty();
}
