package org.sekisho.targeting.model.domain;

/**
 * Why the model scored a declaration as it did: one factor and how much it moved the score.
 *
 * @param factor what the officer looks at, e.g. "importer"
 * @param detail the declared value and what training data knew of it
 * @param logOdds the factor's contribution in log-odds; positive raises the risk
 * @param kind how the contribution was computed
 */
public record Reason(String factor, String detail, double logOdds, Kind kind) {
  /** How a contribution was computed; shown with the reason. */
  public enum Kind {
    /**
     * Path contributions (Saabas): the changes in expected value along the declaration's own path
     * through each tree, credited to the split features. Available at once for every referral; they
     * add up to the score exactly, but a factor's share depends on where the trees split on it.
     */
    PATH("path contributions"),
    /** Exact SHAP values (path-dependent TreeSHAP over all leaves): computed after selection. */
    EXACT_SHAP("exact SHAP");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How the kind is named to an officer. */
    public String label() {
      return label;
    }
  }

  public Reason {
    java.util.Objects.requireNonNull(kind, "kind");
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT, "%s %s (%+.2f, %s)", factor, detail, logOdds, kind.label());
  }
}
