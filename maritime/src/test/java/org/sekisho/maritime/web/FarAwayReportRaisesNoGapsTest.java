package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The demo day's feed off Tokyo Bay (00:00Z to 04:00Z) with the demo's camera on Nojima Point, the
 * clock at 17:00Z: thirteen hours on, past the 12 h gap threshold, the local receiver is down and
 * the only report heard comes from a vessel off San Francisco.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FarAwayReportRaisesNoGapsTest {
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofHours(17)));
  private MaritimeServer server;
  private String officer;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = MaritimeServer.start(db, dir, clock, Set.of(), (call, origin) -> {}).withStaff();
    officer = server.token("officer");
    StringWriter demo = new StringWriter();
    SyntheticAisFeed.demo(T0).write(demo);
    server.upload(officer, demo.toString());
    HttpResponse<String> site =
        server.send(
            "POST",
            "/api/maritime/sites",
            server.token("admin"),
            "{\"id\":\"demo-nojimazaki\",\"name\":\"Nojima Point (demo)\",\"lat\":34.905,"
                + "\"lon\":139.885,\"bearingDeg\":200,\"fovDeg\":120,\"rangeNm\":15}");
    assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private long gapAlerts() throws Exception {
    long n = 0;
    for (JsonNode a : server.json("/api/maritime/alerts?closed=true", officer)) {
      n += a.get("kind").asText().equals("gap") ? 1 : 0;
    }
    return n;
  }

  @Test
  void oneReportOffSanFranciscoCallsNoLocalVesselSilentOnAis() throws Exception {
    server.context().service().evaluateOpenGaps();
    long before = gapAlerts();
    server.upload(officer, "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C\n");
    // the feeds' periodic check, as the server runs it once a minute
    server.context().service().evaluateOpenGaps();
    assertThat(gapAlerts()).isEqualTo(before);
    JsonNode pic = server.json("/api/maritime/picture", officer);
    assertThat(pic.get("stale").asBoolean()).as(pic.toString()).isTrue();
  }
}
