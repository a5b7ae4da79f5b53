package org.sekisho.maritime.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sekisho.core.Problem;

/**
 * Whether a reported event time (an AIS receive time, a sighting, a patrol boat's position) can be
 * true: not before 2000 and not later than the receiving clock's now plus {@link #SKEW}. A time
 * ahead of the clock would otherwise rank first until that date arrives and hide every later report
 * of the same vessel or boat as "older".
 */
public final class ReportedTime {
  /** How far ahead of our clock a sender's clock may run. */
  public static final Duration SKEW = Duration.ofMinutes(5);

  /** Nothing Sekisho tracks was reported before this. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private ReportedTime() {}

  /**
   * Why {@code time} cannot be the time of an event received at {@code now}, or empty.
   *
   * @param field the field to name in the problem
   */
  public static Optional<Problem> check(String field, Instant time, Instant now) {
    if (time.isBefore(EARLIEST)) {
      return Optional.of(
          Problem.of(
              "implausible-time", field, "expected a time from " + EARLIEST + " on, got " + time));
    }
    Instant latest = now.plus(SKEW);
    if (time.isAfter(latest)) {
      return Optional.of(
          Problem.of(
              "future-time",
              field,
              "expected a time no later than "
                  + SKEW.toMinutes()
                  + " minutes after the server's clock ("
                  + latest
                  + "), got "
                  + time));
    }
    return Optional.empty();
  }
}
