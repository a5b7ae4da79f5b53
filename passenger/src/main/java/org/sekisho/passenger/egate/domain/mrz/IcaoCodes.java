package org.sekisho.passenger.egate.domain.mrz;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Three-letter codes allowed for the issuing state or organisation and the nationality (Doc 9303
 * part 3): ISO 3166-1 alpha-3, plus Germany's single 'D', the British, UN, stateless and refugee
 * codes, and the specimen state Utopia.
 */
public final class IcaoCodes {
  private static final Set<String> EXTRA =
      Set.of(
          "D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XBA", "XIM", "XCC", "XCE",
          "XCO", "XEC", "XPO", "XES", "XMP", "XOM", "XDC", "XXA", "XXB", "XXC", "XXX", "EUE", "RKS",
          "UTO");
  private static final Set<String> CODES = new HashSet<>();
  private static final Map<String, String> BY_NAME = new HashMap<>();

  static {
    CODES.addAll(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    CODES.addAll(EXTRA);
    for (String alpha2 : Locale.getISOCountries()) {
      Locale l = Locale.of("", alpha2);
      BY_NAME.put(normalise(l.getDisplayCountry(Locale.ENGLISH)), l.getISO3Country());
    }
    BY_NAME.put("GERMANY", "D");
    BY_NAME.put("UTOPIA", "UTO");
    BY_NAME.put("UNKNOWN", "XXX");
    BY_NAME.put("STATELESS", "XXA");
    BY_NAME.put("KOSOVO", "RKS");
  }

  private IcaoCodes() {}

  /** Whether {@code code} (fillers removed) is an ICAO state, organisation or nationality code. */
  public static boolean isKnown(String code) {
    return CODES.contains(code);
  }

  /**
   * The code for a code or an English country name ("Serbia", "UKRAINE", "Unknown"), ignoring case;
   * empty when neither.
   */
  public static Optional<String> resolve(String codeOrName) {
    String n = normalise(codeOrName);
    if (CODES.contains(n)) {
      return Optional.of(n.equals("DEU") ? "D" : n);
    }
    return Optional.ofNullable(BY_NAME.get(n));
  }

  private static String normalise(String s) {
    return s == null ? "" : s.strip().replace('<', ' ').strip().toUpperCase(Locale.ROOT);
  }
}
