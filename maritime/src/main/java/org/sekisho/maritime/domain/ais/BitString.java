package org.sekisho.maritime.domain.ais;

import java.util.Arrays;

/**
 * Opaque application data carried by binary messages (types 6, 8, 17, 25, 26): {@code bitCount}
 * bits, most significant first, zero-padded to whole bytes.
 *
 * @param bytes the bits packed into bytes; copied, never shared
 * @param bitCount number of meaningful bits
 */
public record BitString(byte[] bytes, int bitCount) {
  public BitString {
    bytes = bytes.clone();
    if (bitCount < 0 || bitCount > bytes.length * 8) {
      throw new IllegalArgumentException("bit count " + bitCount + " outside " + bytes.length);
    }
  }

  /** The empty bit string. */
  public static final BitString EMPTY = new BitString(new byte[0], 0);

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lower-case hexadecimal of the whole bytes, as gpsd prints {@code data}. */
  public String hex() {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = Character.forDigit((bytes[i] >>> 4) & 0xF, 16);
      out[2 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
    }
    return new String(out);
  }

  /** Unsigned read of {@code width} bits at {@code start}, used by the encoder. */
  int bit(int index) {
    return (bytes[index >>> 3] >>> (7 - (index & 7))) & 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitString b && b.bitCount == bitCount && Arrays.equals(b.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * bitCount + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return bitCount + ":" + hex();
  }
}
