package org.sekisho.intel.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.sekisho.core.Problem;
import org.sekisho.core.RecordFormat;

/**
 * What any text or number of a record must be to be stored and assessed: no NUL character (which
 * PostgreSQL cannot store in text), a length within the field's limit (so that an id fits its
 * index, a word fits a search lexeme and a page stays readable), and numbers that targeting can
 * read (non-negative, below 10^15, not more than {@link #MAX_DECIMALS} digits after the point).
 * Pure; every check names the field and the expected form.
 */
public final class FieldRules {
  private FieldRules() {}

  /** Source ids, document and trader numbers, codes: at most this many characters. */
  public static final int MAX_ID = RecordFormat.MAX_ID;

  /** Customs office codes, stored upper case. */
  public static final int MAX_OFFICE = RecordFormat.MAX_OFFICE;

  /** Names, addresses, places, e-mail addresses. */
  public static final int MAX_NAME = RecordFormat.MAX_NAME;

  /** Free text: goods descriptions, contents, concealment, narrative. */
  public static final int MAX_TEXT = RecordFormat.MAX_TEXT;

  /** Numbers are refused from this magnitude on (targeting reads nothing larger). */
  public static final BigDecimal MAX_NUMBER = BigDecimal.TEN.pow(15);

  /** Digits after the decimal point a number may have. */
  public static final int MAX_DECIMALS = 30;

  /** The first plausible day of an event (declaration, movement, seizure, …). */
  public static final LocalDate EARLIEST_EVENT = LocalDate.of(1950, 1, 1);

  /**
   * A problem when {@code value} cannot be stored in {@code field}: it holds bytes that were not
   * UTF-8 (read as U+FFFD), a NUL character, or is longer than {@code max} characters. The message
   * never repeats the value.
   */
  public static Optional<Problem> text(String field, String value, int max) {
    if (value.indexOf('\uFFFD') >= 0) {
      // Input is read as UTF-8, and bytes that are not UTF-8 (a Shift_JIS or Latin-1 file) come
      // out as U+FFFD: stored, they would be garbage that no search finds and no one can read.
      return Optional.of(
          Problem.of(
                  "invalid-encoding",
                  field,
                  "is not UTF-8 text: bytes that are not UTF-8 were read here (U+FFFD); send the"
                      + " file as UTF-8")
              .worded("utf8"));
    }
    return RecordFormat.storable(field, value, max);
  }

  /**
   * A problem when {@code value} is not a number targeting can read: negative, at or above 10^15,
   * or with more than {@link #MAX_DECIMALS} digits after the decimal point.
   */
  public static Optional<Problem> number(String field, BigDecimal value, String written) {
    if (value.signum() < 0) {
      return Optional.of(
          Problem.of("invalid-number", field, "must not be negative, got " + written)
              .worded("negative", written));
    }
    if (value.compareTo(MAX_NUMBER) >= 0) {
      return Optional.of(
          Problem.of(
                  "invalid-number", field, "expected a number below 10^15, got " + shorten(written))
              .worded("below", shorten(written)));
    }
    if (value.scale() > MAX_DECIMALS) {
      return Optional.of(
          Problem.of(
                  "invalid-number",
                  field,
                  "expected at most "
                      + MAX_DECIMALS
                      + " digits after the decimal point, got "
                      + shorten(written))
              .worded("decimals", MAX_DECIMALS, shorten(written)));
    }
    return Optional.empty();
  }

  /**
   * A problem of {@link #text} worded for another language: {@code too-long} as {@code max} (the
   * most characters, the value's length), {@code invalid-character} as {@code nul}; others as they
   * are.
   */
  public static Problem wordedText(Problem p, String value, int max) {
    return switch (p.code()) {
      case "too-long" -> p.worded("max", max, value.length());
      case "invalid-character" -> p.worded("nul");
      default -> p;
    };
  }

  /** Text safe to repeat in a message or store: NUL shown as U+FFFD, at most 60 characters. */
  public static String shorten(String s) {
    String v = s.replace('\u0000', '\uFFFD');
    if (v.length() <= 60) {
      return v;
    }
    int cut = Character.isHighSurrogate(v.charAt(56)) ? 56 : 57;
    return v.substring(0, cut) + "…";
  }
}
