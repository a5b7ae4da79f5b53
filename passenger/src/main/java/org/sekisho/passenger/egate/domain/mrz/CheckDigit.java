package org.sekisho.passenger.egate.domain.mrz;

/**
 * The Doc 9303 check digit: characters valued 0-9 (digits), 10-35 (A-Z) and 0 (filler), weighted 7,
 * 3, 1 repeating, summed modulo 10.
 */
public final class CheckDigit {
  private static final int[] WEIGHTS = {7, 3, 1};

  private CheckDigit() {}

  /** Value of one MRZ character, or -1 for a character outside {@code 0-9A-Z<}. */
  public static int valueOf(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    return c == '<' ? 0 : -1;
  }

  /**
   * The check digit of {@code data}. Characters outside the MRZ alphabet count as 0; the parser
   * reports them separately as layout errors.
   */
  public static char of(CharSequence data) {
    int sum = 0;
    for (int i = 0; i < data.length(); i++) {
      sum += Math.max(0, valueOf(data.charAt(i))) * WEIGHTS[i % 3];
    }
    return (char) ('0' + sum % 10);
  }
}
