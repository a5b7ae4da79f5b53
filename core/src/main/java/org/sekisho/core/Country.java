package org.sekisho.core;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, upper case. */
public record Country(String code) {
  private static final Set<String> CODES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  public Country {
    if (!isValid(code)) {
      throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 code: " + code);
    }
  }

  public static boolean isValid(String code) {
    // XK (Kosovo) is user-assigned but used by customs administrations worldwide.
    return code != null && (CODES.contains(code) || code.equals("XK"));
  }

  public static Outcome<Country> parse(String field, String raw) {
    String s = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    if (!isValid(s)) {
      return Outcome.rejected(
          "invalid-country",
          field,
          "expected an ISO 3166-1 alpha-2 country code, got '" + raw + "'");
    }
    return Outcome.accepted(new Country(s));
  }

  /** English short name, for display. */
  public String displayName(Locale locale) {
    return Locale.of("", code).getDisplayCountry(locale);
  }

  @Override
  public String toString() {
    return code;
  }
}
