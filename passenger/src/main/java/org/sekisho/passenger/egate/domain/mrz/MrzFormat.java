package org.sekisho.passenger.egate.domain.mrz;

/**
 * The machine-readable-zone layouts of ICAO Doc 9303: ID cards (TD1, TD2), passport books (TD3) and
 * visas (MRV-A, MRV-B).
 */
public enum MrzFormat {
  /** ID card size 1: three lines of 30 characters. */
  TD1(3, 30),
  /** ID card size 2: two lines of 36 characters. */
  TD2(2, 36),
  /** Passport book: two lines of 44 characters. */
  TD3(2, 44),
  /** Full-page visa: two lines of 44 characters starting with 'V'. */
  MRVA(2, 44),
  /** Smaller visa: two lines of 36 characters starting with 'V'. */
  MRVB(2, 36);

  private final int lines;
  private final int width;

  MrzFormat(int lines, int width) {
    this.lines = lines;
    this.width = width;
  }

  public int lines() {
    return lines;
  }

  public int width() {
    return width;
  }

  public boolean isVisa() {
    return this == MRVA || this == MRVB;
  }

  /** Width of the name field. */
  int nameWidth() {
    return this == TD1 ? 30 : width - 5;
  }
}
