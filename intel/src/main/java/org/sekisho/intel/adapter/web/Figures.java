package org.sekisho.intel.adapter.web;

import java.math.BigDecimal;

/** Quantities, masses and values as an officer reads them on a page. */
public final class Figures {
  private Figures() {}

  /**
   * {@code n} in plain form with every digit kept and its whole part grouped in thousands by commas
   * (29,690,464; 12,500.125; 0.0000001), as customs values are written on declarations in Japan and
   * elsewhere; never in exponent form. The same in every language: Japanese writes 29,690,464 too.
   */
  public static String grouped(BigDecimal n) {
    String plain = n.toPlainString();
    int start = plain.startsWith("-") ? 1 : 0;
    int point = plain.indexOf('.');
    int end = point < 0 ? plain.length() : point;
    StringBuilder out = new StringBuilder(plain.length() + (end - start) / 3);
    out.append(plain, 0, start);
    for (int i = start; i < end; i++) {
      if (i > start && (end - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    return out.append(plain, end, plain.length()).toString();
  }
}
