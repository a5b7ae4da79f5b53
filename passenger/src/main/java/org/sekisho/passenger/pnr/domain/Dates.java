package org.sekisho.passenger.pnr.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/** Date and time forms used by PNRGOV, PAXLST and SSR free text. Returns null when unreadable. */
final class Dates {
  private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

  private Dates() {}

  /** {@code DDMMYY} (PNRGOV), or {@code DDMMCCYY}. */
  static LocalDate ddmmyy(String s) {
    String t = s.strip();
    if (t.length() == 6 && digits(t)) {
      return date(2000 + num(t, 4, 6), num(t, 2, 4), num(t, 0, 2));
    }
    if (t.length() == 8 && digits(t)) {
      return date(num(t, 4, 8), num(t, 2, 4), num(t, 0, 2));
    }
    return null;
  }

  /**
   * {@code YYMMDD} or {@code CCYYMMDD} (PAXLST and UNB). A two-digit year of a birth date is put in
   * the century that keeps it at or before {@code referenceYear}; other dates are 20YY.
   */
  static LocalDate yymmdd(String s, boolean birth, int referenceYear) {
    String t = s.strip();
    if (t.length() == 6 && digits(t)) {
      return date(year(num(t, 0, 2), birth, referenceYear), num(t, 2, 4), num(t, 4, 6));
    }
    if (t.length() == 8 && digits(t)) {
      return date(num(t, 0, 4), num(t, 4, 6), num(t, 6, 8));
    }
    return null;
  }

  /** {@code DDMMMYY} or {@code DDMMMCCYY} as in SSR DOCS, e.g. {@code 13AUG54}. */
  static LocalDate ddmmmyy(String s, boolean birth, int referenceYear) {
    String t = s.strip().toUpperCase(Locale.ROOT);
    if ((t.length() != 7 && t.length() != 9) || !digits(t.substring(0, 2))) {
      return null;
    }
    int month = MONTHS.indexOf(t.substring(2, 5));
    if (month < 0 || month % 3 != 0) {
      return null;
    }
    String y = t.substring(5);
    if (!digits(y)) {
      return null;
    }
    int year = y.length() == 2 ? year(Integer.parseInt(y), birth, referenceYear) : num(y, 0, 4);
    return date(year, month / 3 + 1, num(t, 0, 2));
  }

  /** {@code HHMM} or {@code HHMMSS}. */
  static LocalTime hhmm(String s) {
    String t = s.strip();
    if ((t.length() != 4 && t.length() != 6) || !digits(t)) {
      return null;
    }
    int h = num(t, 0, 2);
    int m = num(t, 2, 4);
    int sec = t.length() == 6 ? num(t, 4, 6) : 0;
    if (h == 24 && m == 0 && sec == 0) {
      return LocalTime.MIDNIGHT;
    }
    if (h > 23 || m > 59 || sec > 59) {
      return null;
    }
    return LocalTime.of(h, m, sec);
  }

  private static int year(int yy, boolean birth, int referenceYear) {
    int y = 2000 + yy;
    return birth && y > referenceYear ? y - 100 : y;
  }

  private static LocalDate date(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(String s, int from, int to) {
    return Integer.parseInt(s.substring(from, to));
  }
}
