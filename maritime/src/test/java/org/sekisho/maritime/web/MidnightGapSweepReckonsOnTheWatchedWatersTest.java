package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.domain.ais.AisEncoder;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The open-gap sweep the tracker runs at each UTC midnight of event time judges a vessel on the
 * reports heard in its own waters, as the live check does: the watched waters (60 nm round the
 * Nojima Point camera) or the rest. The demo day's feed off Tokyo Bay (2026-11-28, 00:00Z to
 * 04:00Z), then the local receiver is down; a vessel off San Francisco (a report from gpsd's
 * recorded sample) is heard after the next midnight, and later a vessel off Nojima after the one
 * after.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MidnightGapSweepReckonsOnTheWatchedWatersTest {
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  // gpsd's test/sample.aivdm: a type 1 report of 366053209 in San Francisco Bay
  private static final String OFF_SAN_FRANCISCO = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C";
  private static final int SF_MMSI = 366053209;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T01:00:00Z"));
  private MaritimeServer server;
  private String officer;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = MaritimeServer.start(db, dir, clock, Set.of(), (call, origin) -> {}).withStaff();
    officer = server.token("officer");
    HttpResponse<String> site =
        server.send(
            "POST",
            "/api/maritime/sites",
            server.token("admin"),
            "{\"id\":\"demo-nojimazaki\",\"name\":\"Nojima Point (demo)\",\"lat\":34.905,"
                + "\"lon\":139.885,\"bearingDeg\":200,\"fovDeg\":120,\"rangeNm\":15}");
    assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
    StringWriter demo = new StringWriter();
    SyntheticAisFeed.demo(T0).write(demo);
    server.upload(officer, demo.toString());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private long gapAlerts(String where) {
    return server.count("select count(*) from maritime.alert where kind = 'gap' and " + where);
  }

  @Test
  @Order(1)
  void aReportOffSanFranciscoAfterMidnightCallsNoVesselOffTokyoBaySilent() throws Exception {
    assertThat(gapAlerts("true")).isZero();
    // heard at 00:30Z the next day: the tracker's clock passes midnight and sweeps for open gaps
    server.upload(
        officer,
        AisEncoder.withReceiveTime(
                OFF_SAN_FRANCISCO, Instant.parse("2026-11-29T00:30:00Z").getEpochSecond())
            + "\n");
    // nothing has been heard off Tokyo Bay since 04:00Z: the receiver there is down, and its
    // vessels' silence says nothing about them
    assertThat(gapAlerts("true")).isZero();
  }

  @Test
  @Order(2)
  void aReportOffNojimaAfterTheNextMidnightCallsTheLocalVesselsSilentButNotTheFarAwayOne()
      throws Exception {
    // the local receiver is back: one vessel off Nojima heard at 00:10Z, 2026-11-30
    StringWriter local = new StringWriter();
    MaritimeServer.position(
        local,
        new AisEncoder(),
        431999001,
        34.80,
        139.90,
        Instant.parse("2026-11-30T00:10:00Z").getEpochSecond());
    server.upload(officer, local.toString());
    // the demo's vessels at sea have been silent for 44 h while their waters are heard again
    assertThat(gapAlerts("mmsi <> " + SF_MMSI + " and end_time is null")).isPositive();
    // nothing has been heard from the waters off San Francisco since 00:30Z the day before: the
    // vessel there is not called silent because a receiver off Japan hears again
    assertThat(gapAlerts("mmsi = " + SF_MMSI)).isZero();
    // and the live check, run once a minute, judges it alike
    server.context().service().evaluateOpenGaps();
    assertThat(gapAlerts("mmsi = " + SF_MMSI)).isZero();
  }
}
