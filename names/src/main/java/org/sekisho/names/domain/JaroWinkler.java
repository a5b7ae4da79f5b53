package org.sekisho.names.domain;

/**
 * Jaro–Winkler similarity of two strings: the Jaro similarity (characters that agree within half
 * the longer string's length, and how many of those are out of order), raised for a common prefix
 * of up to four characters once it reaches 0.7, by a tenth of the remaining distance per prefix
 * character. The shorter string's characters are matched against the longer's, first come first
 * served (the first string's when both are as long), the same values as Apache Commons Text's
 * {@code JaroWinklerSimilarity} (a test checks them against it), without its per-character
 * indirection: name matching calls this for every pair of name parts of every candidate.
 */
final class JaroWinkler {
  private static final ThreadLocal<boolean[]> TAKEN =
      ThreadLocal.withInitial(() -> new boolean[64]);
  private static final ThreadLocal<char[]> MATCHED = ThreadLocal.withInitial(() -> new char[64]);

  private JaroWinkler() {}

  /** The similarity in [0, 1]; two empty strings are alike (1). */
  static double similarity(String first, String second) {
    if (first.equals(second)) {
      return 1.0;
    }
    String max;
    String min;
    if (first.length() > second.length()) {
      max = first;
      min = second;
    } else {
      max = second;
      min = first;
    }
    int range = Math.max(max.length() / 2 - 1, 0);
    boolean[] taken = TAKEN.get();
    if (taken.length < max.length()) {
      taken = new boolean[max.length()];
      TAKEN.set(taken);
    }
    char[] minMatched = MATCHED.get();
    if (minMatched.length < min.length()) {
      minMatched = new char[min.length()];
      MATCHED.set(minMatched);
    }
    java.util.Arrays.fill(taken, 0, max.length(), false);
    int matches = 0;
    for (int i = 0; i < min.length(); i++) {
      char c = min.charAt(i);
      int to = Math.min(i + range + 1, max.length());
      for (int j = Math.max(i - range, 0); j < to; j++) {
        if (!taken[j] && c == max.charAt(j)) {
          taken[j] = true;
          minMatched[matches++] = c;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    // the matched characters of the longer string, in its order, against those of the shorter
    int halfTranspositions = 0;
    for (int j = 0, k = 0; j < max.length(); j++) {
      if (taken[j]) {
        if (max.charAt(j) != minMatched[k]) {
          halfTranspositions++;
        }
        k++;
      }
    }
    int prefix = 0;
    for (int i = 0; i < Math.min(4, min.length()); i++) {
      if (first.charAt(i) != second.charAt(i)) {
        break;
      }
      prefix++;
    }
    double m = matches;
    double jaro =
        (m / first.length() + m / second.length() + (m - halfTranspositions / 2.0) / m) / 3;
    return jaro < 0.7 ? jaro : jaro + 0.1 * prefix * (1 - jaro);
  }
}
