package org.sekisho.maritime.domain.track;

import java.time.Duration;

/**
 * A silence in a vessel's AIS longer than the threshold of the area it went silent in.
 *
 * @param off last position before the silence
 * @param on first position after it, or null while the gap is still open
 * @param silence how long the vessel was silent (until {@code on}, or until the evaluation time for
 *     an open gap)
 * @param before positions received in the 12 hours up to and including {@code off} (how well the
 *     vessel was covered before it went silent), or null where not counted (live tracking)
 */
public record AisGap(PositionFix off, PositionFix on, Duration silence, PositionsBefore before) {

  /**
   * Positions received in the hours before a gap, by kind of receiver (unknown ones count only in
   * the total).
   */
  public record PositionsBefore(int total, int terrestrial, int satellite, int dynamic) {}

  /** A gap without coverage counts. */
  public AisGap(PositionFix off, PositionFix on, Duration silence) {
    this(off, on, silence, null);
  }

  /** True while no position has been received since {@code off}. */
  public boolean open() {
    return on == null;
  }

  public String vesselId() {
    return off.vesselId();
  }
}
