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

  /** {@code "factor detail (+0.12, kind)"}: the contribution with its sign and two decimals. */
  @Override
  public String toString() {
    return factor + " " + detail + " (" + twoDecimals(logOdds, true) + ", " + kind.label() + ")";
  }

  /**
   * {@code v} with two decimals (with its sign if {@code sign}), like {@code String.format("%.2f")}
   * but several times faster; a value that rounds to zero is written without a minus sign.
   */
  static String twoDecimals(double v, boolean sign) {
    if (!Double.isFinite(v) || Math.abs(v) >= 1e15) {
      return String.format(java.util.Locale.ROOT, sign ? "%+.2f" : "%.2f", v);
    }
    long cents = Math.round(Math.abs(v) * 100);
    long whole = cents / 100;
    long frac = cents % 100;
    String head = v < 0 && cents != 0 ? "-" : sign ? "+" : "";
    return head + whole + (frac < 10 ? ".0" : ".") + frac;
  }
}
