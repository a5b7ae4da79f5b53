package org.sekisho.intel.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
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
   * NFKC alone (full-width Latin, digits and punctuation to half-width), case kept: for values
   * stored as normalised, such as a party's document ({@code P:JP:ＡＢ１２３} is {@code P:JP:AB123}).
   */
  public static String width(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
  }

  /**
   * Company key: folded, legal forms removed wherever they stand, punctuation and spacing ignored
   * ({@link MatchKeys#companyKey}).
   */
  public static String companyKey(String name) {
    return MatchKeys.companyKey(name);
  }

  /**
   * Person key: folded, honorifics removed, name parts sorted ({@link MatchKeys#personKey}); a name
   * written in Japanese, Chinese or Korean script alone has its parts joined in the written order
   * instead, so that spacing does not matter: 鈴木美咲, 鈴木 美咲 and 鈴木　美咲 are {@code 鈴木美咲}, ｽｽﾞｷ ﾐｻｷ and
   * スズキミサキ are {@code スズキミサキ}. (These scripts write the family name first, without or with a space;
   * the sorting that makes MISAKI SUZUKI and SUZUKI MISAKI one key would make 鈴木 美咲 and 鈴木美咲 two.)
   */
  public static String personKey(String name) {
    String key = MatchKeys.personKey(name);
    if (key.indexOf(' ') < 0 || !cjkOnly(key)) {
      return key;
    }
    StringBuilder joined = new StringBuilder(key.length());
    for (String part : writtenParts(name, key)) {
      joined.append(part);
    }
    return joined.toString();
  }

  /**
   * The person keys of a CJK name written in parts (separated by a space, 　, ・ or ･) with its parts
   * in another order: ジョン スミス and スミス・ジョン, 王 小明 and 小明 王. Foreign names in katakana and Chinese
   * names come in either order, which a key in the written order tells apart; these keys find the
   * other order as a merge candidate. Empty for a name in one part or not in CJK script alone. At
   * most three parts are reordered every way; a longer name gives its reverse order only.
   */
  public static java.util.Set<String> otherOrderPersonKeys(String name) {
    String key = MatchKeys.personKey(name);
    if (key.indexOf(' ') < 0 || !cjkOnly(key)) {
      return java.util.Set.of();
    }
    List<String> parts = writtenParts(name, key);
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    if (parts.size() <= 3) {
      permute(parts, 0, out);
    } else {
      List<String> reversed = new java.util.ArrayList<>(parts);
      java.util.Collections.reverse(reversed);
      out.add(String.join("", reversed));
    }
    out.remove(String.join("", parts));
    return out;
  }

  private static void permute(List<String> parts, int from, java.util.Set<String> out) {
    if (from == parts.size()) {
      out.add(String.join("", parts));
      return;
    }
    for (int i = from; i < parts.size(); i++) {
      List<String> p = new java.util.ArrayList<>(parts);
      java.util.Collections.swap(p, from, i);
      permute(p, from + 1, out);
    }
  }

  /** The (sorted) parts of {@code key} in the order {@code name} writes them. */
  private static List<String> writtenParts(String name, String key) {
    String folded = fold(name);
    String[] parts = key.split(" ");
    Integer[] order = new Integer[parts.length];
    int[] at = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      order[i] = i;
      int p = folded.indexOf(parts[i]);
      at[i] = p < 0 ? Integer.MAX_VALUE : p;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(at[a], at[b]));
    List<String> written = new java.util.ArrayList<>(parts.length);
    for (int i : order) {
      written.add(parts[i]);
    }
    return written;
  }

  /** Whether the key holds nothing but CJK characters and the spaces between its parts. */
  private static boolean cjkOnly(String key) {
    for (int i = 0; i < key.length(); ) {
      int cp = key.codePointAt(i);
      i += Character.charCount(cp);
      if (cp != ' ' && !SearchTokens.isCjk(cp)) {
        return false;
      }
    }
    return true;
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

  /**
   * {@code text} with every dash a number may be written with as an ASCII hyphen: U+2010 to U+2015
   * (hyphen, non-breaking hyphen, figure dash, en and em dash, horizontal bar), U+2212 (minus), and
   * the full-width hyphen U+FF0D (NFKC writes it as {@code -} already); the prolonged sound mark
   * U+30FC (ー, and half-width ｰ) only between digits or brackets, where it is a dash, not a vowel.
   */
  public static String dashes(String text) {
    if (text == null) {
      return "";
    }
    boolean any = false;
    for (int i = 0; i < text.length() && !any; i++) {
      char c = text.charAt(i);
      any =
          (c >= '\u2010' && c <= '\u2015')
              || c == '\u2212'
              || c == '\u30FC'
              || c == '\uFF0D'
              || c == '\uFF70';
    }
    if (!any) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFF0D') {
        sb.append('-');
      } else if ((c == '\u30FC' || c == '\uFF70')
          && i > 0
          && i + 1 < text.length()
          && numberSide(text.charAt(i - 1))
          && numberSide(text.charAt(i + 1))) {
        sb.append('-');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A digit (ASCII or full-width) or a bracket, as stand beside a dash in a number. */
  private static boolean numberSide(char c) {
    return (c >= '0' && c <= '9')
        || (c >= '\uFF10' && c <= '\uFF19')
        || c == '('
        || c == ')'
        || c == '\uFF08'
        || c == '\uFF09';
  }

  private static String parsePhone(String phone, String country, String fallback) {
    String raw = dashes(fold(phone));
    if (raw.isEmpty()) {
      return "";
    }
    String region = country == null || country.isBlank() ? "JP" : country;
    var own = parse(raw, region);
    if (own != null && PHONES.isValidNumber(own)) {
      return PHONES.format(own, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
    // 00 and the country code, as dialled from most of the world (0081 3 3094 7412): no national
    // number starts with two zeros, and the reading above knows only the region's own prefix
    // (Japan's is 010)
    String dialled = raw.strip();
    if (dialled.startsWith("00")) {
      var international = parse("+" + dialled.substring(2), region);
      if (international != null && PHONES.isValidNumber(international)) {
        return PHONES.format(international, PhoneNumberUtil.PhoneNumberFormat.E164);
      }
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
