package org.sekisho.maritime.adapter.json;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point number formatting that rounds exactly like C's {@code printf("%.Nf")} (the exact
 * binary value, ties to even), without allocating on the common path.
 */
final class Fixed {
  private Fixed() {}

  private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  private static final long[] LPOW10 = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000
  };

  static void append(StringBuilder sb, double v, int decimals) {
    double x = v * POW10[decimals];
    double fl = Math.floor(x);
    double frac = x - fl;
    if (Math.abs(x) > 1e15 || Math.abs(frac - 0.5) < 1e-6 || Double.isNaN(x)) {
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        sb.append(v);
        return;
      }
      String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
      if (v < 0 || (v == 0 && 1 / v < 0)) {
        if (s.charAt(0) != '-') {
          sb.append('-');
        }
      }
      sb.append(s);
      return;
    }
    long q = (long) Math.rint(x);
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    if (negative) {
      sb.append('-');
      q = -q;
    }
    long ip = q / LPOW10[decimals];
    long fp = q % LPOW10[decimals];
    sb.append(ip);
    if (decimals > 0) {
      sb.append('.');
      long d = LPOW10[decimals - 1];
      while (d > fp && d > 1) {
        sb.append('0');
        d /= 10;
      }
      sb.append(fp);
    }
  }
}
