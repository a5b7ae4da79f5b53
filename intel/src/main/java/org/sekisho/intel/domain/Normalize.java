package org.sekisho.intel.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sekisho.core.MatchKeys;
import org.sekisho.core.Memo;

/**
 * Match keys for entity resolution: two spellings that a customs officer would call the same party,
 * address or phone get the same key. Keys are for exact joins; fuzzy candidates come from trigram
 * similarity over the keys.
 */
public final class Normalize {
  private Normalize() {}

  /**
   * NFKC (full-width Latin and digits to half-width, half-width kana to full-width), upper case.
   */
  public static String fold(String s) {
    return MatchKeys.fold(s);
  }

  /**
   * Company key: folded, legal forms removed wherever they stand, punctuation and spacing ignored
   * ({@link MatchKeys#companyKey}).
   */
  public static String companyKey(String name) {
    return MatchKeys.companyKey(name);
  }

  /** Person key: folded, honorifics removed, name parts sorted ({@link MatchKeys#personKey}). */
  public static String personKey(String name) {
    return MatchKeys.personKey(name);
  }

  /**
   * Address key: folded; a leading or trailing Japanese postcode left out; Japanese block numbers
   * written 1丁目2番3号 and 1-2-3 become the same ({@link MatchKeys#addressKey}).
   */
  public static String addressKey(String address) {
    return MatchKeys.addressKey(address);
  }

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  // Parsing phone numbers is the costliest key; parties repeat, so results are memoised (pure
  // function).
  private static final Memo PHONE_KEYS =
      new Memo(
          50_000,
          k -> {
            int sep = k.indexOf('\u0000');
            return parsePhone(k.substring(sep + 1), k.substring(0, sep));
          });

  /** E.164 ({@code +81312345678}); numbers without a country code are read in {@code country}. */
  public static String phoneKey(String phone, String country) {
    if (phone == null || country == null) {
      return parsePhone(phone, country);
    }
    return PHONE_KEYS.apply(country + "\u0000" + phone);
  }

  private static String parsePhone(String phone, String country) {
    String raw = fold(phone);
    if (raw.isEmpty()) {
      return "";
    }
    String region = country == null || country.isBlank() ? "JP" : country;
    try {
      var n = PHONES.parse(raw, region);
      if (PHONES.isPossibleNumber(n)) {
        return PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
      }
    } catch (NumberParseException e) {
      // fall through to the digits alone: still a usable exact key
    }
    String digits = raw.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? "" : digits;
  }

  public static String emailKey(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Identifiers (documents, trader numbers): folded with spaces and punctuation removed. */
  public static String idKey(String id) {
    return NON_WORD.matcher(fold(id)).replaceAll("");
  }
}
