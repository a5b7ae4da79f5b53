package org.sekisho.passenger.egate.domain.declaration;

import java.util.Optional;

/**
 * Base45 (RFC 9285): bytes as characters of the QR alphanumeric set, so a QR code can use its
 * compact alphanumeric mode for binary data.
 */
public final class Base45 {
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

  private Base45() {}

  public static String encode(byte[] data) {
    StringBuilder b = new StringBuilder(data.length * 3 / 2 + 2);
    for (int i = 0; i + 1 < data.length; i += 2) {
      int n = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
      b.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45));
      b.append(ALPHABET.charAt(n / 2025));
    }
    if (data.length % 2 == 1) {
      int n = data[data.length - 1] & 0xFF;
      b.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
    }
    return b.toString();
  }

  /** The bytes, or empty when {@code text} is not valid Base45. */
  public static Optional<byte[]> decode(String text) {
    int len = text.length();
    if (len % 3 == 1) {
      return Optional.empty();
    }
    byte[] out = new byte[len / 3 * 2 + (len % 3 == 2 ? 1 : 0)];
    int o = 0;
    for (int i = 0; i < len; i += 3) {
      int c = ALPHABET.indexOf(text.charAt(i));
      int d = ALPHABET.indexOf(text.charAt(i + 1));
      if (c < 0 || d < 0) {
        return Optional.empty();
      }
      if (i + 2 < len) {
        int e = ALPHABET.indexOf(text.charAt(i + 2));
        if (e < 0) {
          return Optional.empty();
        }
        int n = c + d * 45 + e * 2025;
        if (n > 0xFFFF) {
          return Optional.empty();
        }
        out[o++] = (byte) (n >> 8);
        out[o++] = (byte) n;
      } else {
        int n = c + d * 45;
        if (n > 0xFF) {
          return Optional.empty();
        }
        out[o++] = (byte) n;
      }
    }
    return Optional.of(out);
  }
}
