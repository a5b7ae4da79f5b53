package org.sekisho.targeting.criteria.domain;

import java.text.Normalizer;
import java.util.Locale;

/** The one normalisation of codes and text used by declarations, lists and criteria alike. */
public final class Normal {
  private Normal() {}

  /** Codes and names: NFKC, upper case, inner white space collapsed; null becomes empty. */
  public static String code(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    // upper case can leave a letter decomposed (ΐ becomes Ι, U+0308, U+0301): normalised again,
    // so that a code's code is itself and a stored entry matches what it is compared with
    if (!Normalizer.isNormalized(n, Normalizer.Form.NFKC)) {
      n = Normalizer.normalize(n, Normalizer.Form.NFKC);
    }
    n = n.strip();
    return n.indexOf(' ') < 0 && n.indexOf('\t') < 0 ? n : n.replaceAll("\\s+", " ");
  }

  /** Free text for {@code contains}: NFKC, lower case, white space collapsed. */
  public static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    // as for codes: lower case can leave a letter decomposed
    if (!Normalizer.isNormalized(n, Normalizer.Form.NFKC)) {
      n = Normalizer.normalize(n, Normalizer.Form.NFKC);
    }
    return n.strip().replaceAll("\\s+", " ");
  }

  /**
   * Phone numbers as lists and records compare them: {@code +CC NSN} (country calling code and
   * national significant number) for a number written internationally ({@code +81 3 3094 7412},
   * {@code 0081…}), the national significant number alone ({@code 330947412}) for one written
   * nationally ({@code 03-3094-7412}), whose country is not written. Two numbers match ({@link
   * ReferenceList#match}) when their keys are equal, or when one is national and the national
   * numbers are equal: {@code 03-3094-7412} matches {@code +81 3 3094 7412}, {@code +66 3 3094
   * 7412} does not. Anything unreadable is kept as its digits.
   */
  public static String phone(String s) {
    String n = digits(s);
    if (n.isEmpty()) {
      return n;
    }
    String written = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    String international = written.startsWith("+") ? n : n.startsWith("00") ? n.substring(2) : "";
    if (!international.isEmpty()) {
      try {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        var number = util.parse("+" + international, "ZZ");
        String nsn = withoutLeadingZeros(util.getNationalSignificantNumber(number));
        // too short to be a phone number: kept as digits (a key must read back as itself); so is
        // one whose key would read back as another number (+1 010…: without its 0 the national
        // number starts with the 1 that North American numbers drop as a trunk prefix)
        if (nsn.length() >= 4 && nsn.equals(nationalOf(util, number.getCountryCode(), nsn))) {
          return "+" + number.getCountryCode() + " " + nsn;
        }
      } catch (com.google.i18n.phonenumbers.NumberParseException e) {
        // kept as its digits
      }
    }
    return withoutLeadingZeros(n);
  }

  /** The national significant number {@code +cc nsn} reads as, as {@link #phone} keeps it. */
  private static String nationalOf(
      com.google.i18n.phonenumbers.PhoneNumberUtil util, int cc, String nsn) {
    try {
      return withoutLeadingZeros(
          util.getNationalSignificantNumber(util.parse("+" + cc + nsn, "ZZ")));
    } catch (com.google.i18n.phonenumbers.NumberParseException e) {
      return "";
    }
  }

  /**
   * The trunk 0 of a national number, and the 0 some countries keep inside the national number
   * (Italy's 06…): a national number never starts with 0 here, so a key normalises to itself.
   */
  private static String withoutLeadingZeros(String n) {
    int zeros = 0;
    while (zeros < n.length() - 1 && n.charAt(zeros) == '0') {
      zeros++;
    }
    return n.substring(zeros);
  }

  /**
   * The national significant number of a phone key: {@code 312345678} for both {@code +81
   * 312345678} and {@code 312345678}.
   */
  public static String nationalNumber(String phoneKey) {
    int space = phoneKey.indexOf(' ');
    return phoneKey.startsWith("+") && space > 0 ? phoneKey.substring(space + 1) : phoneKey;
  }

  /**
   * {@link #phone} for a number whose writer may have left out the {@code +} before the country
   * code (airline contacts: {@code 81312345678}): digits with neither {@code +} nor a trunk 0 that
   * read as a valid international number are taken as one. Not for list entries: a national number
   * can read as an international one too, and a key must normalise to itself.
   */
  public static String phoneMaybeInternational(String s) {
    String n = digits(s);
    String written = s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    if (n.length() >= 8 && !written.startsWith("+") && n.charAt(0) != '0') {
      try {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        var number = util.parse("+" + n, "ZZ");
        if (util.isValidNumber(number)) {
          return phone("+" + n);
        }
      } catch (com.google.i18n.phonenumbers.NumberParseException e) {
        // read as written
      }
    }
    return phone(s);
  }

  private static String digits(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** HS codes: digits only (dots and spaces dropped). */
  public static String hs(String s) {
    return digits(s);
  }
}
