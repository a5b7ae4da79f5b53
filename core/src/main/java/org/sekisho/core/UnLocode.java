package org.sekisho.core;

import java.util.Locale;

/** A UN/LOCODE location: ISO country code plus three letters or digits 2-9, e.g. {@code JPTYO}. */
public record UnLocode(String code) {
  public UnLocode {
    if (!isValid(code)) {
      throw new IllegalArgumentException("not a UN/LOCODE: " + code);
    }
  }

  public static boolean isValid(String code) {
    return code != null
        && code.matches("[A-Z]{2}[A-Z2-9]{3}")
        && Country.isValid(code.substring(0, 2));
  }

  public static Outcome<UnLocode> parse(String field, String raw) {
    String s = raw == null ? "" : raw.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    if (!isValid(s)) {
      return Outcome.rejected(
          "invalid-locode",
          field,
          "expected a UN/LOCODE (country + 3 letters/digits, e.g. JPTYO), got '" + raw + "'");
    }
    return Outcome.accepted(new UnLocode(s));
  }

  public Country country() {
    return new Country(code.substring(0, 2));
  }

  @Override
  public String toString() {
    return code;
  }
}
