package org.sekisho.names.domain;

import java.util.Locale;

/**
 * One line of a match explanation: which part of the left name met which part of the right name,
 * how, and how closely. An unmatched part has an empty counterpart and similarity 0.
 */
public record TokenMatch(String left, String right, MatchKind how, double similarity) {

  @Override
  public String toString() {
    if (how == MatchKind.UNMATCHED) {
      return (left.isEmpty() ? "–" : left) + " ≠ " + (right.isEmpty() ? "–" : right);
    }
    return left + " = " + right + String.format(Locale.ROOT, " (%s %.2f)", how.label(), similarity);
  }
}
