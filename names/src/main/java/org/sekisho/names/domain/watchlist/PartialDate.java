package org.sekisho.names.domain.watchlist;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * A date of birth as lists carry it: a year, a year and month, or a full date. Month and day are 0
 * when unknown.
 */
public record PartialDate(int year, int month, int day) {

  /**
   * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; a refusal is {@code invalid-date}
   * with the wording {@code invalid-date} and the value as written ({@link Problem#args()}).
   */
  public static Outcome<PartialDate> parse(String field, String raw) {
    String s = raw == null ? "" : raw.strip();
    if (!s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      return refused(field, raw, "date '" + raw + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
    int year = Integer.parseInt(s.substring(0, 4));
    int month = s.length() >= 7 ? Integer.parseInt(s.substring(5, 7)) : 0;
    int day = s.length() == 10 ? Integer.parseInt(s.substring(8, 10)) : 0;
    if (month > 12 || (s.length() >= 7 && month == 0)) {
      return refused(field, raw, "month out of range in '" + raw + "'");
    }
    if (day > 0) {
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        return refused(field, raw, "no such day: '" + raw + "'");
      }
    } else if (s.length() == 10) {
      return refused(field, raw, "day out of range in '" + raw + "'");
    }
    return Outcome.accepted(new PartialDate(year, month, day));
  }

  // one wording for every way a date is wrong: what to write is the same
  private static Outcome<PartialDate> refused(String field, String raw, String message) {
    return Outcome.rejected(Problem.of("invalid-date", field, message).worded("invalid-date", raw));
  }

  /** How two dates agree: the same on every part both know, only in year, or not at all. */
  public Agreement compareWith(PartialDate other) {
    if (year != other.year) {
      return Agreement.DIFFERENT;
    }
    if (month == 0 || other.month == 0) {
      return Agreement.PARTIAL;
    }
    if (month != other.month) {
      return Agreement.DIFFERENT;
    }
    if (day == 0 || other.day == 0) {
      return Agreement.PARTIAL;
    }
    return day == other.day ? Agreement.SAME : Agreement.DIFFERENT;
  }

  @Override
  public String toString() {
    if (month == 0) {
      return String.format("%04d", year);
    }
    if (day == 0) {
      return String.format("%04d-%02d", year, month);
    }
    return String.format("%04d-%02d-%02d", year, month, day);
  }
}
