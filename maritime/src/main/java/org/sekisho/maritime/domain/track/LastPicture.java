package org.sekisho.maritime.domain.track;

import java.time.Instant;
import java.util.List;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

/**
 * What a {@link VesselTracker} held when it stopped, as far as its store kept it: each vessel's
 * static data and last report, and the meetings at sea already reported. A tracker that starts from
 * it ({@link VesselTracker#restore}) shows the same vessels where they were, and does not report a
 * meeting again that was reported before it stopped.
 *
 * @param vessels each vessel's last state (its last report's event time, place, speed, course and
 *     navigational status, with its static data); a vessel without a last report is left out
 * @param meetings the meetings reported (encounters, fishing vessels meeting others), by pair
 */
public record LastPicture(List<VesselSnapshot> vessels, List<Meeting> meetings) {

  public LastPicture {
    vessels = List.copyOf(vessels);
    meetings = List.copyOf(meetings);
  }

  /** A meeting of two vessels that was reported, and when it ended (event time). */
  public record Meeting(int mmsi1, int mmsi2, Instant end) {}

  /**
   * One position report as the store kept it, replayed to take up the detectors' open runs.
   *
   * @param speedKnots NaN when unknown
   * @param course NaN when unknown
   */
  public record Report(
      int mmsi, Instant time, double lat, double lon, double speedKnots, double course) {}

  /** The newest report of the picture's vessels, if it has any. */
  public java.util.Optional<Instant> newest() {
    return vessels.stream()
        .map(VesselSnapshot::lastSeen)
        .filter(java.util.Objects::nonNull)
        .max(Instant::compareTo);
  }

  /** Nothing stored yet: the first start. */
  public static final LastPicture NONE = new LastPicture(List.of(), List.of());
}
