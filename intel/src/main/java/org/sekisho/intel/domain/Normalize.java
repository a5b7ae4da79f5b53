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
            int sep2 = k.indexOf('\u0000', sep + 1);
            return parsePhone(
                k.substring(sep2 + 1), k.substring(0, sep), k.substring(sep + 1, sep2));
          });

  /** E.164 ({@code +81312345678}); numbers without a country code are read in {@code country}. */
  public static String phoneKey(String phone, String country) {
    return phoneKey(phone, country, "");
  }

  /**
   * E.164 ({@code +81312345678}). A number without a country code is read in {@code country} (the
   * party's, Japan when none); where it is no valid number there (a Japanese mobile 090-… of a
   * Hungarian party: Hungary's trunk prefix is 06), in {@code fallback}, the country of the office
   * that handled the record; a number possible in {@code country} though valid nowhere keeps that
   * reading, as before; anything else is its digits alone, still a usable exact key.
   *
   * @param fallback an ISO 3166-1 alpha-2 code, or empty for none
   */
  public static String phoneKey(String phone, String country, String fallback) {
    if (phone == null || country == null || fallback == null) {
      return parsePhone(phone, country, fallback);
    }
    return PHONE_KEYS.apply(country + "\u0000" + fallback + "\u0000" + phone);
  }

  private static String parsePhone(String phone, String country, String fallback) {
    String raw = fold(phone);
    if (raw.isEmpty()) {
      return "";
    }
    String region = country == null || country.isBlank() ? "JP" : country;
    var own = parse(raw, region);
    if (own != null && PHONES.isValidNumber(own)) {
      return PHONES.format(own, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
    if (fallback != null && !fallback.isBlank() && !fallback.equals(region)) {
      var there = parse(raw, fallback);
      if (there != null && PHONES.isValidNumber(there)) {
        return PHONES.format(there, PhoneNumberUtil.PhoneNumberFormat.E164);
      }
    }
    if (own != null && PHONES.isPossibleNumber(own)) {
      return PHONES.format(own, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
    String digits = raw.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? "" : digits;
  }

  private static com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parse(
      String raw, String region) {
    try {
      return PHONES.parse(raw, region);
    } catch (NumberParseException e) {
      return null;
    }
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
