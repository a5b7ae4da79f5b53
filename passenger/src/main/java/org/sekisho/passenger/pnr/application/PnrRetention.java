package org.sekisho.passenger.pnr.application;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The PNR data protection schedule: identifying data of messages and booking versions received
 * longer ago than {@code maskAfter} (default 6 months) is masked; everything received longer ago
 * than {@code deleteAfter} (default 5 years) is deleted. Idempotent: running it twice masks and
 * deletes nothing more. Time comes from the injected clock.
 */
public final class PnrRetention {
  /** Default masking period. */
  public static final Period MASK_AFTER = Period.ofMonths(6);

  /** Default deletion period. */
  public static final Period DELETE_AFTER = Period.ofYears(5);

  /** Port: the store's masking and deletion. */
  public interface Store {
    /** Masks everything received before {@code cutoff} not yet masked; returns how many rows. */
    int maskReceivedBefore(Instant cutoff);

    /** Deletes everything received before {@code cutoff}; returns how many messages. */
    int deleteReceivedBefore(Instant cutoff);
  }

  /** What one run did. */
  public record Result(int masked, int deleted, Instant maskedBefore, Instant deletedBefore) {}

  private final Store store;
  private final Clock clock;
  private final Period maskAfter;
  private final Period deleteAfter;

  public PnrRetention(Store store, Clock clock, Period maskAfter, Period deleteAfter) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maskAfter = Objects.requireNonNull(maskAfter, "maskAfter");
    this.deleteAfter = Objects.requireNonNull(deleteAfter, "deleteAfter");
  }

  /** Runs the schedule once. */
  public Result run() {
    Instant now = clock.instant();
    Instant deleteBefore = now.atOffset(ZoneOffset.UTC).minus(deleteAfter).toInstant();
    Instant maskBefore = now.atOffset(ZoneOffset.UTC).minus(maskAfter).toInstant();
    int deleted = store.deleteReceivedBefore(deleteBefore);
    int masked = store.maskReceivedBefore(maskBefore);
    return new Result(masked, deleted, maskBefore, deleteBefore);
  }
}
