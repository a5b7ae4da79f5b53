package org.sekisho.maritime.domain.ais;

import java.util.Arrays;

/**
 * An immutable-once-built string of bits, most significant bit first, as carried in an AIS payload.
 * Reads past the end return zero bits, as a receiver pads short messages.
 */
public final class Bits {
  private final byte[] bytes;
  private final int length;

  Bits(byte[] bytes, int length) {
    this.bytes = bytes;
    this.length = length;
  }

  /** Copies {@code length} bits from {@code bytes} (most significant bit first). */
  public static Bits of(byte[] bytes, int length) {
    if (length < 0 || length > bytes.length * 8) {
      throw new IllegalArgumentException("bit length " + length + " outside the byte array");
    }
    byte[] copy = Arrays.copyOf(bytes, (length + 7) / 8);
    if ((length & 7) != 0) {
      copy[copy.length - 1] &= (byte) (0xFF << (8 - (length & 7)));
    }
    return new Bits(copy, length);
  }

  /** Number of bits. */
  public int length() {
    return length;
  }

  /** Unsigned value of {@code width} bits (at most 63) starting at bit {@code start}. */
  public long ulong(int start, int width) {
    long v = 0;
    int end = start + width;
    int pos = start;
    while (pos < end) {
      int byteIndex = pos >>> 3;
      int bitInByte = pos & 7;
      int take = Math.min(8 - bitInByte, end - pos);
      int b = byteIndex < bytes.length ? bytes[byteIndex] & 0xFF : 0;
      int chunk = (b >>> (8 - bitInByte - take)) & ((1 << take) - 1);
      v = (v << take) | chunk;
      pos += take;
    }
    return v;
  }

  /** Unsigned value of {@code width} bits (at most 32) starting at bit {@code start}. */
  public int u(int start, int width) {
    return (int) ulong(start, width);
  }

  /** Two's complement signed value of {@code width} bits starting at bit {@code start}. */
  public int s(int start, int width) {
    long v = ulong(start, width);
    long sign = 1L << (width - 1);
    return (int) ((v ^ sign) - sign);
  }

  /** One bit as a boolean. */
  public boolean flag(int start) {
    return ulong(start, 1) != 0;
  }

  /**
   * Six-bit text of at most {@code chars} characters from bit {@code start}: stops at the first '@'
   * (padding) and drops trailing spaces, as gpsd and ITU-R M.1371 do.
   */
  public String text(int start, int chars) {
    int available = Math.max(0, (length - start) / 6);
    int n = Math.min(chars, available);
    char[] out = new char[n];
    int len = 0;
    for (int i = 0; i < n; i++) {
      int c = u(start + 6 * i, 6);
      if (c == 0) {
        break;
      }
      out[len++] = SixBit.toAscii(c);
    }
    return new String(out, 0, len);
  }

  /** {@code text} without trailing spaces, as gpsd prints AIS text. */
  public static String trim(String text) {
    int len = text.length();
    while (len > 0 && text.charAt(len - 1) == ' ') {
      len--;
    }
    return len == text.length() ? text : text.substring(0, len);
  }

  /** The bits from {@code start} to the end, as a new value. */
  public BitString tail(int start) {
    return slice(start, length - start);
  }

  /** {@code count} bits from {@code start}, as a new value (zero bits past the end). */
  public BitString slice(int start, int count) {
    int n = Math.max(0, count);
    byte[] out = new byte[(n + 7) / 8];
    for (int i = 0; i < n; i += 8) {
      int w = Math.min(8, n - i);
      out[i >>> 3] = (byte) (u(start + i, w) << (8 - w));
    }
    return new BitString(out, n);
  }

  /** A copy of the backing bytes (the last byte zero-padded). */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bits b && b.length == length && Arrays.equals(b.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * length + Arrays.hashCode(bytes);
  }
}
