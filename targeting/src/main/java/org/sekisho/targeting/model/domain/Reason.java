package org.sekisho.targeting.model.domain;

/**
 * Why the model scored a declaration as it did: one factor and how much it moved the score.
 *
 * @param factor what the officer looks at, e.g. "importer"
 * @param detail the declared value and what training data knew of it
 * @param logOdds the factor's exact SHAP contribution in log-odds; positive raises the risk
 */
public record Reason(String factor, String detail, double logOdds) {
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s %s (%+.2f)", factor, detail, logOdds);
  }
}
