package org.sekisho.platform.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brute-force protection for every way to sign in with a password. Each attempt is counted against
 * the account name and against the client address; after {@value #FREE_FAILURES} failures in a row
 * on either, further attempts are refused, without the password being checked, for a delay that
 * starts at {@link #FIRST_DELAY} and doubles with every further failure up to {@link #MAX_DELAY}. A
 * refused attempt does not count and does not lengthen the delay, so a user locked out by someone
 * else's guessing gets in at most {@link #MAX_DELAY} after the guessing stops; the guesser gets one
 * try per delay, at most one per account every {@link #MAX_DELAY}.
 *
 * <ul>
 *   <li>A successful sign-in clears the account's count. The address's count is not cleared by a
 *       success (signing in to one's own account must not wipe out the guesses made from the same
 *       address against others); a count is forgotten {@link #FORGET_AFTER} after its last failure.
 *   <li>An address an account signed in from successfully within {@link #KNOWN_FOR} is known for
 *       that account: attempts on the account from there are judged by the count of that account
 *       and address together (same limits) instead of the account's and the address's, so guessing
 *       from elsewhere cannot lock a user out of the place they usually sign in from.
 *   <li>Account names are counted stripped and in lower case, so "Kato " and "kato" share a count;
 *       unknown account names are counted like real ones (the answer does not tell them apart).
 *   <li>An attempt is counted as failed when it is let through, before the password is checked, and
 *       {@link #succeeded} takes it back; so a burst of concurrent attempts cannot all slip in
 *       before the first failure is recorded.
 * </ul>
 *
 * Counts are kept in memory, per server process (a restart forgets them; several servers count
 * separately). Behind a reverse proxy the client address is the proxy's unless the server is told
 * otherwise, so every client shares one address count. Thread-safe; the clock is injected.
 */
public final class SignInThrottle {
  /** Failures in a row allowed before attempts are delayed. */
  public static final int FREE_FAILURES = 5;

  /** The delay after the last free failure; it doubles with every further failure. */
  public static final Duration FIRST_DELAY = Duration.ofSeconds(1);

  /** The longest delay. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(15);

  /** A count with no failure for this long is forgotten. */
  public static final Duration FORGET_AFTER = Duration.ofHours(24);

  /** How long an address stays known for an account after a successful sign-in from it. */
  public static final Duration KNOWN_FOR = Duration.ofDays(30);

  /** Past this many counts (or known addresses), those that no longer matter are forgotten. */
  static final int MAX_TRACKED = 100_000;

  /**
   * An attempt refused: try again after {@code retryAfter}. {@code by} says which count refused it:
   * {@code account}, {@code address} or {@code account+address}.
   */
  public record Refusal(Duration retryAfter, String by) {}

  private record Pair(String account, String address) {}

  private static final class Count {
    int failures;
    Instant last = Instant.MIN;
    Instant lockedUntil = Instant.MIN;
    Instant lockedBefore = Instant.MIN;

    /** Takes back the last {@link #fail}. */
    void undo() {
      if (failures > 0) {
        failures--;
        lockedUntil = lockedBefore;
      }
    }

    void fail(Instant now) {
      lockedBefore = lockedUntil;
      failures++;
      last = now;
      if (failures >= FREE_FAILURES) {
        lockedUntil = now.plus(delay(failures));
      }
    }

    boolean stale(Instant now) {
      return !now.isBefore(lockedUntil) && !now.isBefore(last.plus(FORGET_AFTER));
    }
  }

  private final Clock clock;
  private final Map<String, Count> accounts = new HashMap<>();
  private final Map<String, Count> addresses = new HashMap<>();
  private final Map<Pair, Count> pairs = new HashMap<>();
  private final Map<Pair, Instant> known = new HashMap<>();

  public SignInThrottle(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The delay after the {@code failures}-th failure in a row. */
  static Duration delay(int failures) {
    int doublings = failures - FREE_FAILURES;
    if (doublings < 0) {
      return Duration.ZERO;
    }
    if (doublings >= 30) {
      return MAX_DELAY;
    }
    Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  /**
   * Asks to try a password for {@code account} from {@code address}. When the answer is empty the
   * caller checks the password and, if it was right, calls {@link #succeeded}; until then the
   * attempt counts as failed. When a refusal comes back the caller must not check the password.
   */
  public synchronized Optional<Refusal> attempt(String account, String address) {
    Instant now = clock.instant();
    String name = normalise(account);
    Pair pair = new Pair(name, address);
    boolean knownPlace = isKnown(pair, now);
    List<Count> counts = new java.util.ArrayList<>();
    Duration wait = Duration.ZERO;
    String by = "";
    if (knownPlace) {
      Count c = current(pairs, pair, now);
      Duration w = waitFor(c, now);
      if (w.compareTo(wait) > 0) {
        wait = w;
        by = "account+address";
      }
    } else {
      Duration wa = waitFor(current(accounts, name, now), now);
      Duration wi = waitFor(current(addresses, address, now), now);
      if (wa.compareTo(wait) > 0) {
        wait = wa;
        by = "account";
      }
      if (wi.compareTo(wait) > 0) {
        wait = wi;
        by = "address";
      }
    }
    if (!wait.isZero()) {
      return Optional.of(new Refusal(wait, by));
    }
    counts.add(accounts.computeIfAbsent(name, k -> new Count()));
    counts.add(addresses.computeIfAbsent(address, k -> new Count()));
    if (knownPlace) {
      counts.add(pairs.computeIfAbsent(pair, k -> new Count()));
    }
    for (Count c : counts) {
      c.fail(now);
    }
    prune(now);
    return Optional.empty();
  }

  /**
   * Asks to check the current password of {@code account} for a caller signed in to it (changing
   * one's own password): counted against the account alone, with the same limits. The caller's
   * address is not counted: it is shared by everyone in the office behind it, and a user mistyping
   * their own password must not keep colleagues who never signed in from there before out.
   */
  public synchronized Optional<Refusal> attemptSignedIn(String account) {
    Instant now = clock.instant();
    String name = normalise(account);
    Duration wait = waitFor(current(accounts, name, now), now);
    if (!wait.isZero()) {
      return Optional.of(new Refusal(wait, "account"));
    }
    accounts.computeIfAbsent(name, k -> new Count()).fail(now);
    prune(now);
    return Optional.empty();
  }

  /** The attempt {@link #attemptSignedIn} let through had the right password: the count clears. */
  public synchronized void succeededSignedIn(String account) {
    accounts.remove(normalise(account));
  }

  /**
   * The attempt let through for {@code account} from {@code address} had the right password: the
   * account's count is cleared and the address becomes known for the account.
   */
  public synchronized void succeeded(String account, String address) {
    Instant now = clock.instant();
    String name = normalise(account);
    Pair pair = new Pair(name, address);
    accounts.remove(name);
    pairs.remove(pair);
    known.put(pair, now);
    // The success took back the failure its attempt was counted as.
    Count a = addresses.get(address);
    if (a != null) {
      a.undo();
    }
  }

  private boolean isKnown(Pair pair, Instant now) {
    Instant at = known.get(pair);
    return at != null && now.isBefore(at.plus(KNOWN_FOR));
  }

  private static <K> Count current(Map<K, Count> map, K key, Instant now) {
    Count c = map.get(key);
    if (c != null && c.stale(now)) {
      map.remove(key);
      return null;
    }
    return c;
  }

  private static Duration waitFor(Count c, Instant now) {
    return c == null || !now.isBefore(c.lockedUntil)
        ? Duration.ZERO
        : Duration.between(now, c.lockedUntil);
  }

  private void prune(Instant now) {
    for (Map<?, Count> m : List.of(accounts, addresses, pairs)) {
      if (m.size() > MAX_TRACKED) {
        m.values().removeIf(c -> c.stale(now));
        if (m.size() > MAX_TRACKED) {
          // Counts that refuse nothing now go first; those that do stay.
          m.values().removeIf(c -> !now.isBefore(c.lockedUntil));
        }
      }
    }
    if (known.size() > MAX_TRACKED) {
      known.values().removeIf(at -> !now.isBefore(at.plus(KNOWN_FOR)));
      if (known.size() > MAX_TRACKED) {
        // Forgetting known addresses only makes the throttle stricter.
        known.clear();
      }
    }
  }

  private static String normalise(String account) {
    return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
  }
}
