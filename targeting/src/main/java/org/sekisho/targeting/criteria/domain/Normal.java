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
   * Phone numbers: the national significant number, digits only, so that a number written the
   * national way ({@code 03-3094-7412}) and the international way ({@code +81 3 3094 7412}, {@code
   * 0081…}, or {@code 81 3 3094 7412} when that reads as a valid international number) compare
   * equal: the country calling code of an international number is dropped, and so is the trunk
   * prefix 0 of a national one. Numbers of two countries with the same national number compare
   * equal too, which a list hit (reviewed by an analyst) tolerates; anything unreadable is kept as
   * its digits.
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
        var number =
            com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance()
                .parse("+" + international, "ZZ");
        return com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance()
            .getNationalSignificantNumber(number);
      } catch (com.google.i18n.phonenumbers.NumberParseException e) {
        return n;
      }
    }
    if (n.length() > 1 && n.charAt(0) == '0') {
      return n.substring(1);
    }
    // digits with neither + nor trunk 0: an international number written without its + (as
    // airline contacts often are) when they read as a valid one, else kept as they are
    if (n.length() >= 8) {
      try {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        var number = util.parse("+" + n, "ZZ");
        if (util.isValidNumber(number)) {
          return util.getNationalSignificantNumber(number);
        }
      } catch (com.google.i18n.phonenumbers.NumberParseException e) {
        // kept as written
      }
    }
    return n;
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
