package org.sekisho.core;

/**
 * A Harmonized System commodity code: 6 digits internationally, up to 10 in national tariffs.
 * Stored as digits only (dots and spaces removed), so {@code 0901.21} and {@code 090121} are the
 * same code.
 */
public record HsCode(String digits) {
  private static final java.util.regex.Pattern DIGITS =
      java.util.regex.Pattern.compile("\\d{4,10}");

  public HsCode {
    if (digits == null || !DIGITS.matcher(digits).matches() || digits.length() % 2 != 0) {
      throw new IllegalArgumentException("not an HS code: " + digits);
    }
  }

  public static Outcome<HsCode> parse(String field, String raw) {
    String s = raw == null ? "" : raw.replace(".", "").replace(" ", "").strip();
    boolean digits = DIGITS.matcher(s).matches();
    // Numeric sources (spreadsheets, the KCS set) drop the leading zero of chapters 01-09.
    if (digits && s.length() % 2 == 1) {
      s = "0" + s;
    }
    if (!DIGITS.matcher(s).matches() || s.length() % 2 != 0) {
      return Outcome.rejected(
          "invalid-hs-code",
          field,
          "expected 4, 6, 8 or 10 digits of an HS code, got '" + raw + "'");
    }
    return Outcome.accepted(new HsCode(s));
  }

  /** The two-digit chapter, e.g. {@code 09} for coffee, tea and spices. */
  public String chapter() {
    return digits.substring(0, 2);
  }

  public String heading() {
    return digits.substring(0, 4);
  }

  public boolean startsWith(String prefix) {
    return digits.startsWith(prefix.replace(".", ""));
  }

  @Override
  public String toString() {
    return digits;
  }
}
