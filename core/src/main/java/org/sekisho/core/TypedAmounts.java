package org.sekisho.core;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Amounts of yen as an officer or a traveller types them, read alike on every form: full-width
 * digits and separators (a Japanese input method's １２，５００円) folded by NFKC, a leading ¥ (or the
 * backslash Japanese keyboards type for it) and a trailing 円 or JPY dropped, and thousands grouped
 * by commas (12,500.50) joined. Commas anywhere else are left, so that 12,50 or 1,2,3 is refused by
 * the caller's check rather than read as 1250 or 123.
 */
public final class TypedAmounts {
  private TypedAmounts() {}

  private static final Pattern CURRENCY_BEFORE = Pattern.compile("^[¥\\\\]\\s*");
  private static final Pattern CURRENCY_AFTER = Pattern.compile("\\s*(円|(?i:jpy))$");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

  /**
   * {@code typed} as plain digits (and a decimal point, if typed) for the caller to check as a
   * number: empty when nothing was typed, null when only a currency was (no amount to read).
   */
  public static String plain(String typed) {
    String a = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
    if (a.isEmpty()) {
      return a;
    }
    String bare =
        CURRENCY_AFTER.matcher(CURRENCY_BEFORE.matcher(a).replaceFirst("")).replaceFirst("");
    if (bare.isEmpty()) {
      return null;
    }
    return GROUPED.matcher(bare).matches() ? bare.replace(",", "") : bare;
  }
}
