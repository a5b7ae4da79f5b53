package org.sekisho.passenger.egate.adapter.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sekisho.platform.web.TrustedProxies;

/**
 * How many declarations the public declaration page and API sign for one client address: a burst of
 * {@link Limits#burst} at once, then one more every {@link Limits#every} (a token bucket, kept as
 * the time the bucket is full again). Every declaration signed is a QR and an entry in the
 * append-only audit log, and the page needs no account, so without this anyone could grow the log
 * without limit.
 *
 * <p>The defaults ({@link Limits#DEFAULT}: 10 at once, then one every 15 s, at most 240 an hour)
 * are friendly to the people who share an address: a family fills in one form (its members are
 * counted on it), but several families of a tour group at one phone or kiosk, or travellers behind
 * one airport, hotel or carrier address, fill in several in a row; a mistyped form that is refused
 * signs nothing and costs nothing. IPv6 clients are counted by their /64 network, which one
 * household or phone usually holds whole.
 *
 * <p>A refusal says how long to wait, and whether it is the first since the address last got a
 * declaration through ({@link Refusal#first}): only that one is audited, so refusals cannot grow
 * the log either. Counts are kept in memory per server process; behind a reverse proxy every client
 * shares the proxy's address unless the server is told otherwise. Thread-safe; the clock is
 * injected.
 */
public final class DeclarationThrottle {
  /** Past this many addresses, those whose bucket is full again are forgotten. */
  static final int MAX_TRACKED = 100_000;

  /**
   * @param burst declarations signed at once for one address, at least 1
   * @param every how often one more is allowed after the burst, positive
   */
  public record Limits(int burst, Duration every) {
    /** 10 at once, then one every 15 seconds. */
    public static final Limits DEFAULT = new Limits(10, Duration.ofSeconds(15));

    public Limits {
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be at least 1, got " + burst);
      }
      Objects.requireNonNull(every, "every");
      if (every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("every must be a positive duration, got " + every);
      }
    }
  }

  /**
   * A declaration refused: try again after {@code retryAfter}; {@code first} when it is the first
   * refusal since the address last got one through (the one to audit).
   */
  public record Refusal(Duration retryAfter, boolean first) {}

  private static final class Slot {
    Instant full;
    boolean refused;
  }

  private final Clock clock;
  private final Limits limits;
  private final Duration tolerance;
  private final Map<String, Slot> slots = new HashMap<>();

  public DeclarationThrottle(Clock clock, Limits limits) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.tolerance = limits.every().multipliedBy(limits.burst() - 1L);
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Asks to sign one declaration for {@code address}: empty when it may (and it is counted), else
   * the refusal.
   */
  public synchronized Optional<Refusal> take(String address) {
    Instant now = clock.instant();
    String key = key(address);
    Slot s = slots.get(key);
    Instant full = s == null || s.full.isBefore(now) ? now : s.full;
    Duration ahead = Duration.between(now, full);
    if (s != null && ahead.compareTo(tolerance) > 0) {
      boolean first = !s.refused;
      s.refused = true;
      return Optional.of(new Refusal(ahead.minus(tolerance), first));
    }
    if (s == null) {
      s = new Slot();
      slots.put(key, s);
    }
    s.full = full.plus(limits.every());
    s.refused = false;
    if (slots.size() > MAX_TRACKED) {
      // a full bucket is the same as none
      slots.values().removeIf(x -> !x.full.isAfter(now));
    }
    return Optional.empty();
  }

  /**
   * The address counted: an IPv4 address (also written IPv4-mapped, ::ffff:192.0.2.7), or for IPv6
   * its /64 network (one subscriber's); anything else as written.
   */
  static String key(String address) {
    String a = address == null ? "" : address.strip();
    Optional<byte[]> literal = TrustedProxies.literal(a);
    if (literal.isEmpty()) {
      return a;
    }
    byte[] b = literal.get();
    if (b.length == 4) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      s.append(String.format("%02x%02x:", b[i], b[i + 1]));
    }
    return s.append(":/64").toString();
  }

  /** Whole seconds, rounded up, at least 1: what {@code Retry-After} says. */
  static long seconds(Duration d) {
    long s = d.toSeconds();
    if (d.minusSeconds(s).isPositive()) {
      s++;
    }
    return Math.max(1, s);
  }
}
