package org.sekisho.core;

/**
 * A Harmonized System commodity code: 6 digits internationally, up to 10 in national tariffs.
 * Stored as digits only (dots and spaces removed), so {@code 0901.21} and {@code 090121} are the
 * same code.
 */
public record HsCode(String digits) {
  public HsCode {
    if (digits == null || !digits.matches("\\d{4,10}") || digits.length() % 2 != 0) {
      throw new IllegalArgumentException("not an HS code: " + digits);
    }
  }

  public static Outcome<HsCode> parse(String field, String raw) {
    String s = raw == null ? "" : raw.replace(".", "").replace(" ", "").strip();
    // Numeric sources (spreadsheets, the KCS set) drop the leading zero of chapters 01-09.
    if (s.matches("\\d{5}|\\d{7}|\\d{9}")) {
      s = "0" + s;
    }
    if (!s.matches("\\d{4,10}") || s.length() % 2 != 0) {
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
