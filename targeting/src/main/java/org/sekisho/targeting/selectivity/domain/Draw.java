package org.sekisho.targeting.selectivity.domain;

import java.nio.charset.StandardCharsets;

/**
 * The replayable random source: a uniform number in [0, 1) that depends only on the seed, the
 * record and what is drawn for, so replaying a record draws the same numbers in any order and on
 * any machine.
 */
public final class Draw {
  private Draw() {}

  public static double uniform(long seed, String recordKey, String purpose) {
    long h = 0xcbf29ce484222325L;
    for (byte b : recordKey.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h = (h ^ 0x1f) * 0x100000001b3L;
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    long z = mix(seed + mix(h));
    return (z >>> 11) * 0x1.0p-53;
  }

  private static long mix(long x) {
    long z = x + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
