package org.sekisho.core;

import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, upper case, or {@link #UNKNOWN} where a field allows an
 * unknown country.
 */
public record Country(String code) {
  private static final Set<String> CODES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  /**
   * ZZ, an unknown or unspecified country: user-assigned in ISO 3166-1 and CLDR's "Unknown Region",
   * as customs data writes an origin or departure nobody knows (the Korea Customs file has it).
   */
  public static final String UNKNOWN = "ZZ";

  public Country {
    if (!isValidOrUnknown(code)) {
      throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 code: " + code);
    }
  }

  /** Whether {@code code} is a country or {@link #UNKNOWN}. */
  public static boolean isValidOrUnknown(String code) {
    return isValid(code) || UNKNOWN.equals(code);
  }

  /** As {@link #parse}, also accepting {@link #UNKNOWN}. */
  public static Outcome<Country> parseOrUnknown(String field, String raw) {
    return parse(field, raw, true);
  }

  public static boolean isValid(String code) {
    // XK (Kosovo) is user-assigned but used by customs administrations worldwide.
    return code != null && (CODES.contains(code) || code.equals("XK"));
  }

  public static Outcome<Country> parse(String field, String raw) {
    return parse(field, raw, false);
  }

  private static Outcome<Country> parse(String field, String raw, boolean unknownAllowed) {
    String s = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    if (!(unknownAllowed ? isValidOrUnknown(s) : isValid(s))) {
      return Outcome.rejected(
          "invalid-country",
          field,
          "expected an ISO 3166-1 alpha-2 country code"
              + (unknownAllowed ? " (ZZ: unknown)" : "")
              + ", got '"
              + raw
              + "'");
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
