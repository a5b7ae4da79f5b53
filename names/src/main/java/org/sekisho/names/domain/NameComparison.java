package org.sekisho.names.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of comparing two names: a score in [0, 1] and the evidence for it.
 *
 * @param score 1 for the same name, 0 for nothing in common
 * @param matches which part met which, and how (unmatched parts included)
 * @param reordered true when the parts met in a different order (family name first, say)
 * @param left the left name after normalisation
 * @param right the right name after normalisation
 */
public record NameComparison(
    double score,
    List<TokenMatch> matches,
    boolean reordered,
    NormalisedName left,
    NormalisedName right) {

  public NameComparison {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score outside [0,1]: " + score);
    }
    matches = List.copyOf(matches);
  }

  /** One line a person can read: the score, each part's match, reordering and what was removed. */
  public String explanation() {
    List<String> parts = new ArrayList<>();
    for (TokenMatch m : matches) {
      parts.add(m.toString());
    }
    if (reordered) {
      parts.add("parts reordered");
    }
    if (!left.removed().isEmpty()) {
      parts.add("ignored on left: " + String.join(", ", left.removed()));
    }
    if (!right.removed().isEmpty()) {
      parts.add("ignored on right: " + String.join(", ", right.removed()));
    }
    return String.format(Locale.ROOT, "%.3f: ", score) + String.join("; ", parts);
  }
}
