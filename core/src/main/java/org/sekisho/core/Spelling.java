package org.sekisho.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The name a sender most likely meant by one nobody defined: for "did you mean" in refusals of
 * misspelt fields, so that record formats and request bodies guess alike.
 */
public final class Spelling {
  private Spelling() {}

  /**
   * Of {@code names}, the one {@code given} most likely misspells: the same in another case, else
   * the nearest (first of equals) within {@code maxEdits} letters added, dropped or changed
   * (Levenshtein, any case); empty when none is that close.
   */
  public static Optional<String> nearest(String given, Collection<String> names, int maxEdits) {
    String g = given.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : names) {
      if (n.equalsIgnoreCase(given)) {
        return Optional.of(n);
      }
      String l = n.toLowerCase(Locale.ROOT);
      // a length apart beyond the bound is beyond it in edits too: no table for a long junk name
      int d = Math.abs(l.length() - g.length()) > maxEdits ? Integer.MAX_VALUE : distance(g, l);
      if (d < bestDistance) {
        bestDistance = d;
        best = n;
      }
    }
    return bestDistance <= maxEdits ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance: letters added, dropped or changed. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
