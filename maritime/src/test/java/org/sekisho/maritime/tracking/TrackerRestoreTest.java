package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.domain.encounter.Encounter;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.maritime.domain.track.LastPicture;
import org.sekisho.maritime.domain.track.VesselTracker;
import org.sekisho.maritime.domain.vessel.MidTable;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

/**
 * A tracker that takes up the picture another left ({@link VesselTracker#restore}) goes on as the
 * first would have: the same vessels where they were, tracks continued, a vessel in port found
 * leaving it, a silent vessel's gap from its last report, and a meeting reported before not
 * reported again; the picture here is handed over in memory, as a store would keep it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrackerRestoreTest {
  private static final long T0 = Instant.parse("2026-11-28T00:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;
  private static final int A = 431000001;
  private static final int B = 477000002;
  private static final int PORTED = 563000004;
  private static final int SILENT = 440000003;

  private static VesselTracker tracker(VesselTrackerTest.Recorder r) {
    return new VesselTracker(
        VesselTracker.Settings.standard().withPorts(GeoJsonPortAreas.standard()),
        MidTable.standard(),
        r);
  }

  /**
   * One report a minute from {@code from} to {@code to} (minutes from T0): A and B side by side
   * when {@code together}, else 11 nm apart; the ported vessel in Tokyo or at sea; the silent one
   * only when {@code silentToo}.
   */
  private static void feed(
      VesselTracker t, int from, int to, boolean together, boolean inPort, boolean silentToo) {
    for (int m = from; m < to; m++) {
      long ms = T0 + m * MIN;
      t.position(A, ms, together ? 34.70 : 34.60, 139.90, together ? 0.3 : 10, 0, 0);
      t.position(B, ms, together ? 34.70 : 34.80, 139.901, together ? 0.3 : 10, 0, 0);
      t.position(PORTED, ms, inPort ? 35.62 : 35.37, 139.79, inPort ? 0 : 12, 0, 0);
      if (silentToo) {
        t.position(SILENT, ms, 34.65, 140.05, 10, 0, 0);
      }
    }
  }

  private static List<VesselSnapshot> picture(VesselTracker t) {
    List<VesselSnapshot> s = new ArrayList<>(t.snapshots(null));
    s.sort(Comparator.comparing(VesselSnapshot::mmsi));
    return s;
  }

  private static LastPicture handOver(VesselTracker t, VesselTrackerTest.Recorder r) {
    List<LastPicture.Meeting> meetings = new ArrayList<>();
    for (Encounter e : r.encounters) {
      meetings.add(
          new LastPicture.Meeting(
              Integer.parseInt(e.vessel1()), Integer.parseInt(e.vessel2()), e.end()));
    }
    return new LastPicture(t.snapshots(null), meetings);
  }

  @Test
  void aRestoredTrackerGoesOnAsTheFirstWouldHave() {
    VesselTrackerTest.Recorder first = new VesselTrackerTest.Recorder();
    VesselTracker before = tracker(first);
    feed(before, 0, 60, false, false, true);
    feed(before, 60, 120, true, true, false); // A and B meet; the ported vessel arrives
    feed(before, 120, 240, false, true, false);
    assertThat(first.encounters).hasSize(1);
    assertThat(first.portCalls)
        .extracting(PortCall::direction)
        .containsExactly(PortCall.Direction.ARRIVAL);

    VesselTrackerTest.Recorder second = new VesselTrackerTest.Recorder();
    VesselTracker after = tracker(second);
    after.restore(handOver(before, first));
    assertThat(picture(after)).isEqualTo(picture(before)).hasSize(4);
    assertThat(after.watermark()).isEqualTo(before.watermark());

    // within a day of the first: the same meeting; the ported vessel leaves; the silent one is back
    feed(after, 240, 300, true, false, false);
    feed(after, 300, 14 * 60, false, false, false);
    after.position(SILENT, T0 + 14 * 60 * MIN, 34.65, 140.05, 10, 0, 0);
    assertThat(second.encounters).as("the meeting was reported before the restart").isEmpty();
    assertThat(second.portCalls)
        .extracting(PortCall::direction)
        .containsExactly(PortCall.Direction.DEPARTURE);
    assertThat(second.gaps)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.vesselId()).isEqualTo(Integer.toString(SILENT));
              assertThat(g.off().time()).isEqualTo(Instant.ofEpochMilli(T0 + 59 * MIN));
              assertThat(g.open()).isFalse();
            });

    // more than a day after the meeting last ended (at 05:00): a new meeting, reported
    feed(after, 14 * 60 + 1, 30 * 60, false, false, false);
    feed(after, 30 * 60, 31 * 60, true, false, false);
    feed(after, 31 * 60, 33 * 60, false, false, false);
    assertThat(second.encounters).hasSize(1);
  }

  @Test
  void aTrackerTakesUpAPictureOnlyBeforeAnythingElse() {
    VesselTracker t = tracker(new VesselTrackerTest.Recorder());
    t.restore(LastPicture.NONE);
    t.position(A, T0, 34.6, 139.9, 10, 0, 0);
    assertThatThrownBy(() -> t.restore(LastPicture.NONE)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aVesselWithoutALastReportIsNotTakenUp() {
    VesselTracker t = tracker(new VesselTrackerTest.Recorder());
    t.restore(
        new LastPicture(
            List.of(
                new VesselSnapshot(
                    A,
                    "NO FIX",
                    0,
                    null,
                    30,
                    null,
                    "JP",
                    null,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    15)),
            List.of()));
    assertThat(t.vesselCount()).isZero();
    assertThat(t.watermark()).isEqualTo(Long.MIN_VALUE);
  }
}
