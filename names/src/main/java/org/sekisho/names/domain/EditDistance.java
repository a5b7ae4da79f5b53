package org.sekisho.names.domain;

/**
 * Levenshtein distance (insertions, deletions and substitutions of one character, each costing one)
 * that gives up beyond a limit: only the band of the table within {@code limit} of its diagonal is
 * filled, and the computation stops as soon as a whole row exceeds the limit. Rows come from a
 * per-thread buffer, so a comparison allocates nothing; name matching runs it for every candidate
 * name.
 */
final class EditDistance {
  private static final ThreadLocal<int[][]> ROWS =
      ThreadLocal.withInitial(() -> new int[][] {new int[64], new int[64]});

  private EditDistance() {}

  /** The distance when it is at most {@code limit} (≥ 0), otherwise -1. */
  static int atMost(String a, String b, int limit) {
    if (a.length() > b.length()) {
      String t = a;
      a = b;
      b = t;
    }
    int n = a.length();
    int m = b.length();
    if (m - n > limit) {
      return -1;
    }
    if (n == 0) {
      return m;
    }
    int[][] rows = ROWS.get();
    if (rows[0].length < m + 2) {
      rows = new int[][] {new int[m + 2], new int[m + 2]};
      ROWS.set(rows);
    }
    int[] prev = rows[0];
    int[] cur = rows[1];
    // every value above the limit is held as limit + 1: only "too far" matters there
    int far = limit + 1;
    for (int j = 0; j <= m + 1; j++) {
      prev[j] = Math.min(j, far);
    }
    for (int i = 1; i <= n; i++) {
      int lo = Math.max(1, i - limit);
      int hi = Math.min(m, i + limit);
      cur[lo - 1] = lo == 1 ? Math.min(i, far) : far;
      int rowMin = cur[lo - 1];
      char ca = a.charAt(i - 1);
      for (int j = lo; j <= hi; j++) {
        int v = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
        v = Math.min(v, Math.min(prev[j], cur[j - 1]) + 1);
        v = Math.min(v, far);
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      // outside the band of this row: read by the next one
      cur[hi + 1] = far;
      if (rowMin > limit) {
        return -1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m] <= limit ? prev[m] : -1;
  }
}
