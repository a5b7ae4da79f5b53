package org.sekisho.intel.domain;

import org.sekisho.core.RecordFormat;

/** Check digits of the identifiers customs meets on documents. */
public final class CheckDigits {
  private CheckDigits() {}

  /**
   * ISO 6346 container number: owner code (3 letters), category (U, J or Z), 6 digits, check digit,
   * e.g. {@code CSQU3054383}.
   */
  public static boolean isValidContainer(String s) {
    // written as stored (no spaces, upper case); the check digit is core's, which the assessment
    // API applies too
    return s != null && s.matches("[A-Z]{3}[UJZ]\\d{7}") && RecordFormat.isContainerNumber(s);
  }

  private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

  /**
   * UPU S10 item identifier: 2 letters, 8 digits, check digit, 2-letter country, e.g. {@code
   * EE123456785JP}.
   */
  public static boolean isValidS10(String s) {
    if (s == null || s.length() != 13) {
      return false;
    }
    for (int i : new int[] {0, 1, 11, 12}) {
      char c = s.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    for (int i = 2; i < 11; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return s10CheckDigit(s.substring(2, 10)) == s.charAt(10) - '0';
  }

  /** The S10 check digit of an 8-digit serial number. */
  public static int s10CheckDigit(String serial8) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (serial8.charAt(i) - '0') * S10_WEIGHTS[i];
    }
    int c = 11 - (sum % 11);
    return c == 10 ? 0 : c == 11 ? 5 : c;
  }

  /**
   * IMO ship identification number: 7 digits whose last is the weighted sum of the first six mod
   * 10.
   */
  public static boolean isValidImo(String s) {
    if (s == null) {
      return false;
    }
    String d = s.startsWith("IMO") ? s.substring(3).strip() : s;
    if (!d.matches("\\d{7}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (d.charAt(i) - '0') * (7 - i);
    }
    return sum % 10 == d.charAt(6) - '0';
  }
}
