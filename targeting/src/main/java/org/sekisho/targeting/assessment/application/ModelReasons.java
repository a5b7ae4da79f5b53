package org.sekisho.targeting.assessment.application;

import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * Where a referral's model reasons are computed once its assessment is stored (exact TreeSHAP takes
 * tens of milliseconds on a large model, far more than the rest of an assessment).
 */
public interface ModelReasons {
  /**
   * Takes a stored referral whose reasons are still to come; returns at once, never waiting for
   * room or for the explanation.
   */
  void later(Referral r);

  /** A stored referral, the model that scored it and the declaration as assessed. */
  record Referral(long id, RiskScorer model, DeclarationView declaration) {}
}
