package org.sekisho.maritime.adapter.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Replays an NMEA file at a chosen speed: lines are written to {@code out} when the time of their
 * tag block ({@code \c:}) or receiver suffix is reached, scaled by {@code speed} (60 = one hour of
 * traffic per minute; 0 or less = as fast as possible). Lines without a time go out at once.
 */
public final class NmeaReplay {
  /** How the replay waits; tests pass a recorder instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleepMillis(long ms) throws InterruptedException;
  }

  private final double speed;
  private final Sleeper sleeper;

  public NmeaReplay(double speed, Sleeper sleeper) {
    this.speed = speed;
    this.sleeper = sleeper;
  }

  /** Writes every line; returns the number of lines written. */
  public long run(BufferedReader in, OutputStream out) throws IOException, InterruptedException {
    long firstFeedMs = Long.MIN_VALUE;
    long startWall = System.nanoTime();
    long n = 0;
    for (String line; (line = in.readLine()) != null; ) {
      long t = time(line);
      if (speed > 0 && t != Long.MIN_VALUE) {
        if (firstFeedMs == Long.MIN_VALUE) {
          firstFeedMs = t;
        }
        long due = (long) ((t - firstFeedMs) / speed);
        long elapsed = (System.nanoTime() - startWall) / 1_000_000;
        if (due > elapsed) {
          out.flush();
          sleeper.sleepMillis(due - elapsed);
        }
      }
      out.write(line.getBytes(StandardCharsets.ISO_8859_1));
      out.write('\n');
      n++;
    }
    out.flush();
    return n;
  }

  /** Milliseconds of a line's {@code c:} tag, or Long.MIN_VALUE. */
  static long time(String line) {
    if (!line.startsWith("\\")) {
      return Long.MIN_VALUE;
    }
    int end = line.indexOf('\\', 1);
    if (end < 0) {
      return Long.MIN_VALUE;
    }
    String tag = line.substring(1, end);
    int star = tag.indexOf('*');
    if (star >= 0) {
      tag = tag.substring(0, star);
    }
    for (String field : tag.split(",")) {
      if (field.startsWith("c:")) {
        try {
          long v = Long.parseLong(field.substring(2));
          return v > 100_000_000_000L ? v : v * 1000;
        } catch (NumberFormatException e) {
          return Long.MIN_VALUE;
        }
      }
    }
    return Long.MIN_VALUE;
  }
}
