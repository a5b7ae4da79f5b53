package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.domain.ais.AisEncoder;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The sixth review's maritime findings (the demo as an officer used it), as the behaviour now
 * expected, on the real server over embedded PostgreSQL: the demo day's feed off Tokyo Bay from
 * 00:00Z to 04:00Z, the demo's camera on Nojima Point and its two boats, and the server's clock at
 * 13:00Z, nine hours after the local feed's last report.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MaritimeSixthReviewTest {
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

  /** The review's line: a vessel off San Francisco, no receive time (it takes the clock's). */
  private static final String SAN_FRANCISCO = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C";

  private static final int SF_MMSI = 366053209;

  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofHours(13)));
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
    for (String boat :
        List.of(
            "{\"id\":\"demo-pl-1\",\"name\":\"Demo patrol 1\",\"time\":\"2026-11-28T04:00:00Z\","
                + "\"lat\":34.95,\"lon\":139.78,\"speedKnots\":0,\"maxSpeedKnots\":25,"
                + "\"new\":true}",
            "{\"id\":\"demo-pm-2\",\"name\":\"Demo patrol 2\",\"time\":\"2026-11-28T04:00:00Z\","
                + "\"lat\":35.17,\"lon\":139.76,\"speedKnots\":8,\"maxSpeedKnots\":20,"
                + "\"new\":true}")) {
      HttpResponse<String> r = server.send("POST", "/api/maritime/patrols", officer, boat);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private List<Integer> mmsis(String path) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (JsonNode v : server.json(path, officer)) {
      out.add(v.get("mmsi").asInt());
    }
    return out;
  }

  @Test
  @Order(1)
  void oneReportOffSanFranciscoNeitherFreshensTheCoastsPictureNorEmptiesItsMap() throws Exception {
    JsonNode before = server.json("/api/maritime/picture", officer);
    assertThat(before.get("stale").asBoolean()).as(before.toString()).isTrue();
    List<Integer> local = mmsis("/api/maritime/vessels");
    assertThat(local).hasSize(6);

    server.upload(officer, SAN_FRANCISCO + "\n");

    JsonNode after = server.json("/api/maritime/picture", officer);
    // still the coast's own newest report, nine hours old: the feed covering it may be down
    assertThat(after.get("stale").asBoolean()).as(after.toString()).isTrue();
    assertThat(after.get("asOf").asText()).isEqualTo(before.get("asOf").asText());
    assertThat(after.get("ageMinutes").asLong()).isGreaterThanOrEqualTo(9 * 60 - 1);
    assertThat(after.get("vesselsOutside").asInt()).isEqualTo(1);
    assertThat(after.get("text").asText())
        .contains("the feed may be down")
        .contains("1 vessel(s) heard outside the watched waters");
    // the map shows the watched waters' six vessels, not the one an ocean away
    assertThat(mmsis("/api/maritime/vessels")).containsExactlyInAnyOrderElementsOf(local);
    assertThat(mmsis("/api/maritime/vessels?area=all")).contains(SF_MMSI).hasSize(7);
    HttpResponse<String> bad =
        server.send("GET", "/api/maritime/vessels?area=japan", officer, null);
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"area\"").contains("area=all");
    JsonNode ja = server.json("/api/maritime/picture?lang=ja", officer);
    assertThat(ja.get("text").asText()).contains("監視海域").contains("60 海里");
  }

  @Test
  @Order(2)
  void aSightingWhileTheCamerasFeedIsStaleGetsNoDarkVerdictWhateverIsHeardElsewhere()
      throws Exception {
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"demo-nojimazaki\",\"time\":\"2026-11-28T12:59:00Z\","
                + "\"bearingDeg\":200}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode s = MaritimeServer.JSON.readTree(r.body());
    assertThat(s.get("dark").asBoolean()).as(r.body()).isFalse();
    assertThat(s.get("checked").asBoolean()).as(r.body()).isFalse();
    // the camera's own waters were last heard at the end of the local feed, not at San Francisco
    assertThat(s.get("aisLastReport").asText()).startsWith("2026-11-28T03:59");
    assertThat(s.get("notChecked").asText()).contains("near the camera");
    for (JsonNode a : server.json("/api/maritime/alerts?closed=true", officer)) {
      assertThat(a.get("kind").asText()).as(a.toString()).isNotEqualTo("dark-vessel");
    }
  }

  @Test
  @Order(3)
  void withTheCamerasWatersHeardAgainTheSameSightingIsCheckedAndFoundDark() throws Exception {
    // a vessel 12 nm east of the camera, off the bearing: the local feed is up again
    double[] at = Geo.destination(34.905, 139.885, 120, 12);
    StringWriter own = new StringWriter();
    AisEncoder enc = new AisEncoder();
    long end = clock.instant().getEpochSecond();
    for (long t = end - 20 * 60; t <= end; t += 60) {
      MaritimeServer.position(own, enc, 431999001, at[0], at[1], t);
    }
    server.upload(officer, own.toString());
    JsonNode pic = server.json("/api/maritime/picture", officer);
    assertThat(pic.get("stale").asBoolean()).as(pic.toString()).isFalse();
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"demo-nojimazaki\",\"time\":\"2026-11-28T12:59:00Z\","
                + "\"bearingDeg\":200}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode s = MaritimeServer.JSON.readTree(r.body());
    assertThat(s.get("checked").asBoolean()).as(r.body()).isTrue();
    assertThat(s.get("dark").asBoolean()).as(r.body()).isTrue();
  }

  @Test
  @Order(4)
  void theSightingFormsBearingAndDistanceRefusalsAreInTheReadersLanguage() throws Exception {
    String[][] cases = {
      // a bearing outside the camera's view (200 ± 60)
      {
        "\"bearingDeg\":10",
        "bearingDeg",
        "方位 10° はカメラ demo-nojimazaki の視野（方位 200° ± 60°、15.0 海里）の外です"
      },
      // a position 30.8 nm out, beyond the camera's 15 nm
      {"\"lat\":34.3918,\"lon\":139.885", "lat", "位置はカメラ demo-nojimazaki から 30.8 海里離れています"},
    };
    for (String[] c : cases) {
      String body = "{\"siteId\":\"demo-nojimazaki\",\"time\":\"2026-11-28 21:50\"," + c[0] + "}";
      HttpResponse<String> ja =
          server.send("POST", "/api/maritime/sightings?lang=ja", officer, body);
      assertThat(ja.statusCode()).as(ja.body()).isEqualTo(400);
      JsonNode p = MaritimeServer.JSON.readTree(ja.body());
      assertThat(p.get("field").asText()).isEqualTo(c[1]);
      assertThat(p.get("message").asText()).as(ja.body()).startsWith(c[2]).doesNotContain(" nm");
      HttpResponse<String> en = server.send("POST", "/api/maritime/sightings", officer, body);
      assertThat(en.statusCode()).as(en.body()).isEqualTo(400);
      assertThat(MaritimeServer.JSON.readTree(en.body()).get("message").asText())
          .contains("camera demo-nojimazaki")
          .contains(" nm");
    }
  }

  @Test
  @Order(5)
  void aTrackAskedFromAfterToNamesBothFieldsInTheZoneAndFormTheCallerWrote() throws Exception {
    HttpResponse<String> r =
        server.send(
            "GET",
            "/api/maritime/vessels/431999001/track?from=2026-11-29%2012:00&to=2026-11-29%2011:00",
            officer,
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode p = MaritimeServer.JSON.readTree(r.body());
    assertThat(p.get("field").asText()).isEqualTo("from");
    assertThat(p.get("message").asText())
        .isEqualTo(
            "from (2026-11-29 12:00 JST) is later than to (2026-11-29 11:00 JST): expected from"
                + " no later than to");
    // an instant is quoted as it was typed
    r =
        server.send(
            "GET",
            "/api/maritime/vessels/431999001/track?from=2026-11-29T03:00:00Z"
                + "&to=2026-11-29%2011:00&lang=ja",
            officer,
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(MaritimeServer.JSON.readTree(r.body()).get("message").asText())
        .contains("from（2026-11-29T03:00:00Z）")
        .contains("to（2026-11-29 11:00 JST）");
  }

  @Test
  @Order(6)
  void onTheJapaneseMapDistancesAndSpeedsReadInJapaneseUnits() throws Exception {
    // the boat on station reports again, so that it is offered on the alerts
    HttpResponse<String> boat =
        server.send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"id\":\"demo-pl-1\",\"name\":\"Demo patrol 1\",\"time\":\"2026-11-28T12:55:00Z\","
                + "\"lat\":34.95,\"lon\":139.78,\"speedKnots\":0,\"maxSpeedKnots\":25}");
    assertThat(boat.statusCode()).as(boat.body()).isEqualTo(201);
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get(server.base() + "/maritime?lang=ja");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("officer");
      driver.findElement(By.id("password")).sendKeys(server.password);
      driver.findElement(By.id("login-submit")).click();
      By patrol = By.cssSelector("#patrols li.patrol-boat[data-id='demo-pl-1']");
      By nearest = By.cssSelector("#alerts li.nearest-boat");
      wait.until(ExpectedConditions.presenceOfElementLocated(patrol));
      wait.until(ExpectedConditions.presenceOfElementLocated(nearest));
      String boatLine =
          wait.ignoring(StaleElementReferenceException.class)
              .until(d -> d.findElement(patrol).getText());
      assertThat(boatLine).contains("0 ノット").doesNotContain(" kn");
      String offered =
          wait.ignoring(StaleElementReferenceException.class)
              .until(d -> d.findElement(nearest).getText());
      assertThat(offered).containsPattern("[0-9.]+ 海里").doesNotContain(" nm");
    } finally {
      driver.quit();
    }
  }
}
