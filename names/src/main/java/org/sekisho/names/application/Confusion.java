package org.sekisho.names.application;

import java.util.Locale;

/**
 * Counts of a binary evaluation. Precision is 1 when nothing was predicted positive (no false
 * alarm), recall is 1 when there were no positives to find.
 */
public record Confusion(
    long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

  public static Confusion empty() {
    return new Confusion(0, 0, 0, 0);
  }

  /** Adds one labelled decision. */
  public Confusion add(boolean expected, boolean predicted) {
    if (expected && predicted) {
      return new Confusion(truePositives + 1, falsePositives, trueNegatives, falseNegatives);
    }
    if (!expected && predicted) {
      return new Confusion(truePositives, falsePositives + 1, trueNegatives, falseNegatives);
    }
    if (!expected) {
      return new Confusion(truePositives, falsePositives, trueNegatives + 1, falseNegatives);
    }
    return new Confusion(truePositives, falsePositives, trueNegatives, falseNegatives + 1);
  }

  public Confusion plus(Confusion o) {
    return new Confusion(
        truePositives + o.truePositives,
        falsePositives + o.falsePositives,
        trueNegatives + o.trueNegatives,
        falseNegatives + o.falseNegatives);
  }

  public double precision() {
    long p = truePositives + falsePositives;
    return p == 0 ? 1.0 : (double) truePositives / p;
  }

  public double recall() {
    long p = truePositives + falseNegatives;
    return p == 0 ? 1.0 : (double) truePositives / p;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "precision %.4f  recall %.4f  F1 %.4f  (tp %d fp %d tn %d fn %d)",
        precision(),
        recall(),
        f1(),
        truePositives,
        falsePositives,
        trueNegatives,
        falseNegatives);
  }
}
