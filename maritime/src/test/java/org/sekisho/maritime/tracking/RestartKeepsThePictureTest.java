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
import org.sekisho.maritime.application.MaritimeService;
import org.sekisho.maritime.domain.vessel.ImoNumber;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A restart of the maritime context on the same database (a new context, as a restarted server
 * builds it) shows the live picture it showed before it stopped, and the reports that follow raise
 * no alert a second time.
 *
 * <p>The day: a fishing vessel F and a cargo ship C meet at sea from 01:00 to 02:00 and again from
 * 15:00 to 16:00 (within a day: the same meeting, one alert); G reports until 01:00, is silent (an
 * open gap, reported at 14:00) and reappears at 14:30; P arrives at Tokyo at 02:00 and leaves at
 * 15:00. The context restarts at 14:00.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RestartKeepsThePictureTest {
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  private static final Instant RESTART = T0.plus(Duration.ofHours(14));
  private static final int F = 431000001;
  private static final int C = 477000002;
  private static final int G = 440000003;
  private static final int P = 563000004;
  private static final double KNOT_DEG = 1.0 / 60 / 3600; // one knot in degrees of latitude per s

  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofDays(2)));

  @Test
  void aRestartedContextShowsTheSameVesselsAndRaisesNoAlertTwice(Database db, @TempDir Path dir)
      throws IOException {
    MaritimeContext first = context(db, dir);
    List<Migrations> migrations = new ArrayList<>(List.of(Migrations.of("platform")));
    migrations.addAll(first.migrations());
    db.migrate(migrations);
    first.start();
    MaritimeService before = first.service();
    before.ingest(feed(T0, RESTART));
    before.evaluateOpenGaps();
    List<VesselSnapshot> picture = sorted(before.liveVessels(null));
    Instant asOf = before.pictureTime().orElseThrow();
    first.close();
    // a row stored before reports ahead of the clock were refused: neither shown nor the newest
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "insert into maritime.vessel (mmsi, name, last_seen, lat, lon) values"
                        + " (999000009, 'AHEAD', ?, 34.7, 139.9)",
                    java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(1)))));
    // what the first run raised: the meeting (one alert, a fishing meeting naming both vessels),
    // G's open gap and P's arrival
    List<MaritimeRecords.Alert> raised = alerts(before);
    assertThat(meetings(raised)).containsExactly("fishing-meeting");
    assertThat(raised)
        .filteredOn(a -> a.kind().equals("fishing-meeting"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.mmsi()).isEqualTo(F);
              assertThat(a.otherMmsi()).isEqualTo(C);
              assertThat(a.summary())
                  .startsWith("fishing vessel FISHER F (" + F + ") met CARGO C (" + C + ") within");
            });
    assertThat(keys(raised, G)).containsExactly(gapKey("open"));
    assertThat(kinds(raised, P)).containsExactly("port-call");
    assertThat(picture).extracting(VesselSnapshot::mmsi).containsExactly(F, G, C, P);

    // the restart: a new context on the same database
    MaritimeContext again = context(db, dir);
    try {
      again.start();
      MaritimeService after = again.service();
      List<VesselSnapshot> restored = sorted(after.liveVessels(null));
      assertThat(restored).isEqualTo(picture);
      assertThat(restored)
          .filteredOn(v -> v.mmsi() == F)
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.name()).isEqualTo("FISHER F");
                assertThat(v.flag()).isEqualTo("JP");
                assertThat(v.lastSeen()).isEqualTo(RESTART.minusSeconds(60));
              });
      // (pictureTime reads the newest stored row too, and says nothing while it is ahead)
      db.jdbi().useHandle(h -> h.execute("delete from maritime.vessel where mmsi = 999000009"));
      assertThat(after.pictureTime()).contains(asOf);

      // a feed's backlog (the day again, from the start) moves no vessel back and raises nothing
      after.ingest(feed(T0, RESTART));
      after.evaluateOpenGaps();
      assertThat(sorted(after.liveVessels(null))).isEqualTo(picture);
      assertThat(alerts(after)).isEqualTo(raised);

      // the day goes on: the same meeting again, G back, P leaving Tokyo
      after.ingest(feed(RESTART, T0.plus(Duration.ofHours(19))));
      after.evaluateOpenGaps();
      List<MaritimeRecords.Alert> all = alerts(after);
      assertThat(meetings(all))
          .as("one meeting, reported before the restart, not again after it")
          .containsExactly("fishing-meeting");
      assertThat(keys(all, G)).containsExactlyInAnyOrder(gapKey("open"), gapKey("closed"));
      assertThat(
              all.stream()
                  .filter(a -> a.kind().equals("port-call") && a.mmsi() == P)
                  .map(a -> a.facts().get("direction")))
          .as("P was in Tokyo when the context stopped: at sea after it, it has left")
          .containsExactlyInAnyOrder("arrival", "departure");
      // every alert raised before the restart is there once, as it was
      assertThat(all).containsAll(raised);
      assertThat(all.stream().map(MaritimeRecords.Alert::key).distinct().count())
          .isEqualTo(all.size());
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

  private static String gapKey(String state) {
    // G's last report before its silence: 00:59
    return "gap-" + G + "-" + T0.plusSeconds(59 * 60).getEpochSecond() + "-" + state;
  }

  private static List<VesselSnapshot> sorted(List<VesselSnapshot> vessels) {
    List<VesselSnapshot> s = new ArrayList<>(vessels);
    s.sort(Comparator.comparing(VesselSnapshot::mmsi));
    return s;
  }

  private static List<MaritimeRecords.Alert> alerts(MaritimeService service) {
    service.sync();
    List<MaritimeRecords.Alert> all = new ArrayList<>(service.records().alerts(T0, 1000));
    all.sort(Comparator.comparing(MaritimeRecords.Alert::key));
    return all;
  }

  /** The kinds of the alerts that name the vessel, first or second. */
  private static List<String> kinds(List<MaritimeRecords.Alert> alerts, int mmsi) {
    return alerts.stream()
        .filter(
            a ->
                (a.mmsi() != null && a.mmsi() == mmsi)
                    || (a.otherMmsi() != null && a.otherMmsi() == mmsi))
        .map(MaritimeRecords.Alert::kind)
        .toList();
  }

  /** The meetings F is named in, by kind. */
  private static List<String> meetings(List<MaritimeRecords.Alert> alerts) {
    return kinds(alerts, F).stream()
        .filter(k -> k.equals("encounter") || k.equals("fishing-meeting"))
        .toList();
  }

  private static List<String> keys(List<MaritimeRecords.Alert> alerts, int mmsi) {
    return alerts.stream()
        .filter(a -> a.mmsi() != null && a.mmsi() == mmsi)
        .map(MaritimeRecords.Alert::key)
        .toList();
  }

  /** The day's reports from {@code from} (inclusive) to {@code to}, one a minute per vessel. */
  private static ByteArrayInputStream feed(Instant from, Instant to) {
    ReceiverLog out = new ReceiverLog();
    for (long s = from.getEpochSecond(); s < to.getEpochSecond(); s += 60) {
      long t = s - T0.getEpochSecond();
      if (t % 1800 == 0) {
        for (int mmsi : new int[] {F, C, G, P}) {
          if (mmsi != G || t < 3600 || t >= 14 * 3600 + 1800) {
            staticData(out, mmsi, s);
          }
        }
      }
      boolean meeting = (t >= 3600 && t < 2 * 3600) || (t >= 15 * 3600 && t < 16 * 3600);
      if (meeting) {
        // side by side (about 100 m apart), drifting north at 0.3 knots
        long since = t % 3600;
        double lat = 34.70 + since * 0.3 * KNOT_DEG;
        out.position(F, 1, lat, 139.90, 3, 0, s);
        out.position(C, 1, lat, 139.901, 3, 0, s);
      } else {
        // on their own lines 11 nm apart, east and west at 10 knots
        double leg = (t % 7200) / 3600.0;
        double lon = 139.80 + 0.2 * (leg < 1 ? leg : 2 - leg);
        out.position(F, 0, 34.60, lon, 100, leg < 1 ? 900 : 2700, s);
        out.position(C, 0, 34.80, lon, 100, leg < 1 ? 900 : 2700, s);
      }
      if (t < 3600 || t >= 14 * 3600 + 1800) {
        out.position(G, 0, 34.65, 140.05, 100, 0, s);
      }
      boolean inPort = t >= 2 * 3600 && t < 15 * 3600;
      out.position(P, inPort ? 1 : 0, inPort ? 35.62 : 35.37, 139.79, inPort ? 0 : 120, 0, s);
    }
    return out.stream();
  }

  private static void staticData(ReceiverLog out, int mmsi, long second) {
    String name =
        switch (mmsi) {
          case F -> "FISHER F";
          case C -> "CARGO C";
          case G -> "SILENT G";
          default -> "PORT P";
        };
    out.staticData(
        mmsi, ImoNumber.withCheckDigit(900_000 + mmsi % 1000), name, mmsi == F ? 30 : 70, second);
  }
}
