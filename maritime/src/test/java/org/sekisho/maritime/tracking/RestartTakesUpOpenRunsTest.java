package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.adapter.MaritimeContext;
import org.sekisho.maritime.adapter.web.MaritimeWeb;
import org.sekisho.maritime.application.MaritimeRecords;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A restart of the maritime context on the same database takes up the encounter and loitering runs
 * under way when it stopped: their alerts are raised when the runs end, from when they began in
 * event time, exactly as a context that never stopped raises them from the same input.
 *
 * <p>The night: L drifts at half a knot from 01:00 and steams off at 02:20 (loitering 01:00 to
 * 02:19); A and B lie 90 m apart from 01:00 and part at 01:50 (an encounter from 01:00). Every
 * vessel reports once a minute from 00:30 to 04:00. The context restarts at 01:45, when neither run
 * has been reported yet and the encounter detector has not even evaluated the meeting's grid points
 * (they wait {@code maxGap}, 70 min, for late reports).
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RestartTakesUpOpenRunsTest {
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  private static final Instant START = T0.plus(Duration.ofMinutes(30));
  private static final Instant RESTART = T0.plus(Duration.ofMinutes(105));
  private static final Instant END = T0.plus(Duration.ofHours(4));
  private static final int L = 440100001;
  private static final int A = 477100002;
  private static final int B = 477100003;
  private static final double KNOT_DEG = 1.0 / 60 / 3600; // one knot in degrees of latitude per s

  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofDays(2)));

  /** An alert as it reads, without its row id. */
  private record Raised(
      String key,
      String kind,
      Instant time,
      Instant end,
      Integer mmsi,
      Integer other,
      String text) {}

  @Test
  void runsUnderWayAtARestartAreReportedAsIfTheContextHadNeverStopped(
      Database db, @TempDir Path dir) throws IOException {
    // the night without a restart
    MaritimeContext once = context(db, dir);
    List<Migrations> migrations = new ArrayList<>(List.of(Migrations.of("platform")));
    migrations.addAll(once.migrations());
    db.migrate(migrations);
    once.start();
    once.service().ingest(feed(START, END));
    List<Raised> expected = raised(once);
    once.close();
    assertThat(expected)
        .filteredOn(a -> a.kind().equals("loitering"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.mmsi()).isEqualTo(L);
              assertThat(a.time()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
              assertThat(a.end()).isEqualTo(T0.plus(Duration.ofMinutes(139)));
            });
    assertThat(expected)
        .filteredOn(a -> a.kind().equals("encounter"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(List.of(a.mmsi(), a.other())).containsExactlyInAnyOrder(A, B);
              assertThat(a.time()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
              assertThat(a.end()).isEqualTo(T0.plus(Duration.ofMinutes(100)));
            });
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "truncate maritime.alert_status_change, maritime.alert, maritime.vessel,"
                        + " maritime.position, maritime.port_call restart identity"));

    // the same night, the context stopped at 01:45 and started again on the same database
    MaritimeContext first = context(db, dir);
    first.start();
    first.service().ingest(feed(START, RESTART));
    assertThat(raised(first)).as("nothing is over yet at 01:45").isEmpty();
    first.close();
    MaritimeContext again = context(db, dir);
    try {
      again.start();
      again.service().ingest(feed(RESTART, END));
      assertThat(raised(again)).isEqualTo(expected);
      // the same input once more (a feed's backlog) raises nothing again
      again.service().ingest(feed(START, END));
      assertThat(raised(again)).isEqualTo(expected);
    } finally {
      again.close();
    }
  }

  private MaritimeContext context(Database db, Path dir) {
    return new MaritimeContext(
        db,
        new AuditLog(db.jdbi()),
        clock,
        dir,
        (call, origin) -> {},
        new MaritimeWeb.Scope("customs-jp", Set.of()));
  }

  private static List<Raised> raised(MaritimeContext c) {
    c.service().sync();
    List<Raised> all = new ArrayList<>();
    for (MaritimeRecords.Alert a : c.service().records().alerts(T0, 1000)) {
      all.add(
          new Raised(a.key(), a.kind(), a.time(), a.end(), a.mmsi(), a.otherMmsi(), a.summary()));
    }
    all.sort(Comparator.comparing(Raised::key));
    return all;
  }

  /** The night's reports from {@code from} (inclusive) to {@code to}, one a minute per vessel. */
  private static ByteArrayInputStream feed(Instant from, Instant to) {
    ReceiverLog out = new ReceiverLog();
    double lonDeg = KNOT_DEG / Math.cos(Math.toRadians(34.5));
    for (long s = from.getEpochSecond(); s < to.getEpochSecond(); s += 60) {
      long t = s - T0.getEpochSecond();
      if (t % 1800 == 0) {
        for (int mmsi : new int[] {L, A, B}) {
          staticData(out, mmsi, s);
        }
      }
      // L: east at 10 knots, drifting north at half a knot from 01:00, east again from 02:20
      if (t < 3600) {
        out.position(L, 0, 34.40, 139.60 + (t - 1800) * 10 * lonDeg, 100, 900, s);
      } else if (t < 140 * 60) {
        double lon = 139.60 + 1800 * 10 * lonDeg;
        out.position(L, 0, 34.40 + (t - 3600) * 0.5 * KNOT_DEG, lon, 5, 0, s);
      } else {
        double lat = 34.40 + (140 * 60 - 3600) * 0.5 * KNOT_DEG;
        double lon = 139.60 + (1800 + t - 140 * 60) * 10 * lonDeg;
        out.position(L, 0, lat, lon, 100, 900, s);
      }
      if (t < 3600) {
        // on their own lines 11 nm apart, east at 10 knots
        double lon = 139.70 + (t - 1800) * 10 * lonDeg;
        out.position(A, 0, 34.60, lon, 100, 900, s);
        out.position(B, 0, 34.80, lon, 100, 900, s);
      } else if (t < 110 * 60) {
        // side by side, drifting north at 0.3 knots
        double lat = 34.70 + (t - 3600) * 0.3 * KNOT_DEG;
        out.position(A, 0, lat, 139.90, 3, 0, s);
        out.position(B, 0, lat, 139.901, 3, 0, s);
      } else {
        // parting, A east and B west at 10 knots
        double lat = 34.70 + (110 * 60 - 3600) * 0.3 * KNOT_DEG;
        double run = (t - 110 * 60 + 60) * 10 * lonDeg;
        out.position(A, 0, lat, 139.90 + run, 100, 900, s);
        out.position(B, 0, lat, 139.901 - run, 100, 2700, s);
      }
    }
    return out.stream();
  }

  private static void staticData(ReceiverLog out, int mmsi, long second) {
    String name =
        switch (mmsi) {
          case L -> "LINGER L";
          case A -> "CARGO A";
          default -> "CARGO B";
        };
    out.staticData(mmsi, 0, name, 70, second);
  }
}
