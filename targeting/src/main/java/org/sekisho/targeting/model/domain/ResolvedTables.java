package org.sekisho.targeting.model.domain;

import java.util.Arrays;
import java.util.Map;

/**
 * {@link EncodingTables} resolved once for fast encoding: per attribute, each value's code in a
 * hash map, and per code its count, smoothed rate and (for HS subheadings) mean log unit value in
 * primitive arrays. A derived attribute is found from its parts' codes without building its text:
 * HS heading and chapter through the HS subheading's code, pairs (route, importer and HS
 * subheading, …) through a map keyed by both codes. Only when a part was never seen in training is
 * the derived value's text built and looked up, which gives the same answer as the text tables (a
 * pair whose parts were both seen maps to exactly one text). Immutable and thread-safe.
 */
final class ResolvedTables {
  /** A derived attribute made of two declared ones joined by a separator. */
  record Pair(Attribute derived, Attribute first, Attribute second, String separator) {}

  /** The pairs, as {@link Attribute} defines them (checked against it by the encoder's tests). */
  static final Pair[] PAIRS = {
    new Pair(Attribute.ROUTE, Attribute.DEPARTURE, Attribute.ORIGIN, ">"),
    new Pair(Attribute.IMPORTER_HS6, Attribute.IMPORTER, Attribute.HS6, "|"),
    new Pair(Attribute.DECLARANT_IMPORTER, Attribute.DECLARANT, Attribute.IMPORTER, "|"),
    new Pair(Attribute.SELLER_IMPORTER, Attribute.SELLER, Attribute.IMPORTER, "|"),
    new Pair(Attribute.OFFICE_HS6, Attribute.OFFICE, Attribute.HS6, "|"),
  };

  private final EncodingTables tables;
  private final Map<String, CategoryStats>[] byValue;
  final float[][] count;
  final float[][] rate;
  final float unseenRate;
  final double[] hsMeanLogUnitValue;
  final int[] hs4OfHs6;
  final int[] hs2OfHs6;
  private final CodePairs[] pairs;

  @SuppressWarnings("unchecked")
  ResolvedTables(EncodingTables tables) {
    this.tables = tables;
    Attribute[] attrs = Attribute.values();
    byValue = new Map[attrs.length];
    count = new float[attrs.length][];
    rate = new float[attrs.length][];
    for (Attribute a : attrs) {
      Map<String, CategoryStats> m = tables.tables().get(a);
      byValue[a.ordinal()] = m;
      float[] c = new float[m.size()];
      float[] r = new float[m.size()];
      for (CategoryStats s : m.values()) {
        c[s.code()] = s.count();
        r[s.code()] = (float) tables.smoothedRate(s.frauds(), s.count());
      }
      count[a.ordinal()] = c;
      rate[a.ordinal()] = r;
    }
    unseenRate = (float) tables.smoothedRate(0, 0);
    Map<String, CategoryStats> hs6 = tables.tables().get(Attribute.HS6);
    hsMeanLogUnitValue = new double[hs6.size()];
    hs4OfHs6 = new int[hs6.size()];
    hs2OfHs6 = new int[hs6.size()];
    for (Map.Entry<String, CategoryStats> e : hs6.entrySet()) {
      CategoryStats s = e.getValue();
      hsMeanLogUnitValue[s.code()] =
          s.unitValueCount() == 0 ? Double.NaN : s.logUnitValueSum() / s.unitValueCount();
      hs4OfHs6[s.code()] = codeOf(Attribute.HS4, prefix(e.getKey(), 4));
      hs2OfHs6[s.code()] = codeOf(Attribute.HS2, prefix(e.getKey(), 2));
    }
    pairs = new CodePairs[attrs.length];
    for (Pair p : PAIRS) {
      Map<String, CategoryStats> derived = tables.tables().get(p.derived());
      int splits = 0;
      for (String v : derived.keySet()) {
        for (int at = v.indexOf(p.separator()); at >= 0; at = v.indexOf(p.separator(), at + 1)) {
          splits++;
        }
      }
      CodePairs cp = new CodePairs(splits);
      for (Map.Entry<String, CategoryStats> e : derived.entrySet()) {
        String v = e.getKey();
        // every split of the text at the separator whose parts were both seen names this value
        for (int at = v.indexOf(p.separator()); at >= 0; at = v.indexOf(p.separator(), at + 1)) {
          int a = codeOf(p.first(), v.substring(0, at));
          int b = codeOf(p.second(), v.substring(at + p.separator().length()));
          if (a >= 0 && b >= 0) {
            cp.put(a, b, e.getValue().code());
          }
        }
      }
      pairs[p.derived().ordinal()] = cp;
    }
  }

  /** The code of {@code value} for {@code a}, or -1 when never seen in training. */
  int codeOf(Attribute a, String value) {
    CategoryStats s = byValue[a.ordinal()].get(value);
    return s == null ? -1 : s.code();
  }

  /** The code of a pair attribute from its parts' codes (-1 when a part or the pair is unseen). */
  int pairCode(Pair p, int first, int second, KcsDeclaration d) {
    if (first >= 0 && second >= 0) {
      return pairs[p.derived().ordinal()].get(first, second);
    }
    // a part never seen: only the text can say (it may still match through a separator)
    return codeOf(p.derived(), p.derived().of(d));
  }

  /** The tables this was resolved from. */
  EncodingTables tables() {
    return tables;
  }

  private static String prefix(String s, int n) {
    return s.length() >= n ? s.substring(0, n) : s;
  }

  /** Open-addressing map from two non-negative int codes to a non-negative int; -1 if absent. */
  private static final class CodePairs {
    private final long[] keys;
    private final int[] values;
    private final int mask;

    CodePairs(int expected) {
      int cap = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
      keys = new long[cap];
      values = new int[cap];
      mask = cap - 1;
      Arrays.fill(keys, -1L);
    }

    private static long key(int a, int b) {
      return ((long) a << 32) | b;
    }

    private static int hash(long k) {
      long h = k * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 29));
    }

    void put(int a, int b, int value) {
      long k = key(a, b);
      int i = hash(k) & mask;
      while (keys[i] != -1L && keys[i] != k) {
        i = (i + 1) & mask;
      }
      keys[i] = k;
      values[i] = value;
    }

    int get(int a, int b) {
      long k = key(a, b);
      int i = hash(k) & mask;
      long at;
      while ((at = keys[i]) != -1L) {
        if (at == k) {
          return values[i];
        }
        i = (i + 1) & mask;
      }
      return -1;
    }
  }
}
