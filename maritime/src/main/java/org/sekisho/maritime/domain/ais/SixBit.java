package org.sekisho.maritime.domain.ais;

/**
 * The two six-bit alphabets of AIS: the payload armour of NMEA 0183 (ASCII 48-87 and 96-119) and
 * the text alphabet inside messages ('@', A-Z, ..., space, ..., digits).
 */
public final class SixBit {
  private SixBit() {}

  private static final byte[] DEARMOUR = new byte[128];

  static {
    java.util.Arrays.fill(DEARMOUR, (byte) -1);
    for (int c = 48; c <= 87; c++) {
      DEARMOUR[c] = (byte) (c - 48);
    }
    for (int c = 96; c <= 119; c++) {
      DEARMOUR[c] = (byte) (c - 56);
    }
  }

  /** Six-bit value of an armoured payload character, or -1 if it is not one. */
  public static int dearmour(int ascii) {
    return ascii >= 0 && ascii < 128 ? DEARMOUR[ascii] : -1;
  }

  /** Armoured payload character for a six-bit value (0-63). */
  public static char armour(int value) {
    return (char) (value < 40 ? value + 48 : value + 56);
  }

  /** ASCII character of a six-bit text code (0-63). */
  public static char toAscii(int code) {
    return (char) (code < 32 ? code + 64 : code);
  }

  /**
   * Six-bit text code of an ASCII character; lower case is folded to upper case, and characters
   * outside the alphabet become '?' (code 63) rather than failing.
   */
  public static int fromAscii(char c) {
    char u = Character.toUpperCase(c);
    if (u >= 64 && u <= 95) {
      return u - 64;
    }
    if (u >= 32 && u <= 63) {
      return u;
    }
    return 63;
  }
}
