package org.sekisho.maritime.domain.track;

import java.time.Duration;

/**
 * A silence in a vessel's AIS longer than the threshold of the area it went silent in.
 *
 * @param off last position before the silence
 * @param on first position after it, or null while the gap is still open
 * @param silence how long the vessel was silent (until {@code on}, or until the evaluation time for
 *     an open gap)
 */
public record AisGap(PositionFix off, PositionFix on, Duration silence) {
  /** True while no position has been received since {@code off}. */
  public boolean open() {
    return on == null;
  }

  public String vesselId() {
    return off.vesselId();
  }
}
