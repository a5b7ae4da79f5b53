package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.maritime.adapter.MaritimeContext;
import org.sekisho.maritime.adapter.web.MaritimeWeb;
import org.sekisho.maritime.application.ConveyanceMovements;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * What a customs maritime intelligence officer found wrong on a shift, each as the behaviour that
 * is now expected, on the real server over embedded PostgreSQL with the server's clock fixed at
 * 2026-11-28T03:00:00Z (11:00 in Tokyo).
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MaritimeShiftFindingsTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");

  /** A type 1 position report (from the reviewer's bad.nmea). */
  private static final String PAYLOAD = "15M67FC000G?ufbE`FepT@3n00Sa";

  private record Movement(PortCall call, ConveyanceMovements.Origin origin) {}

  private Database db;
  private final List<Movement> movements = Collections.synchronizedList(new ArrayList<>());
  private MaritimeContext context;
  private WebServer web;
  private String base;
  private ApiClient api;

  @BeforeAll
  void start(Database database, @TempDir Path dir) throws Exception {
    this.db = database;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    AuditLog audit = new AuditLog(db.jdbi());
    context =
        new MaritimeContext(
            db,
            audit,
            clock,
            dir,
            (call, origin) -> movements.add(new Movement(call, origin)),
            new MaritimeWeb.Scope("customs-jp", Set.of("jcg")));
    List<Migrations> migrations = new ArrayList<>();
    migrations.add(Migrations.of("platform"));
    migrations.addAll(context.migrations());
    db.migrate(migrations);
    Accounts accounts =
        new Accounts(db.jdbi(), Clock.systemUTC(), PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "officer", "Ken Sato", PASSWORD, EnumSet.of(Role.OFFICER), "customs-jp", "JPTYO");
    accounts.upsert("coastguard", "Mei Ito", PASSWORD, EnumSet.of(Role.PARTNER), "jcg", "3rd");
    accounts.upsert("police", "Taro Abe", PASSWORD, EnumSet.of(Role.PARTNER), "police-jp", "HQ");
    accounts.upsert("admin", "Admin", PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "HQ");
    List<String> bundles = new ArrayList<>(List.of("i18n.platform"));
    bundles.addAll(context.messageBundles());
    web =
        WebServer.start(
            new WebServer.Config("127.0.0.1", 0, false, bundles, context.nav(), "test"),
            accounts,
            audit,
            clock,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            context.webModules());
    base = "http://127.0.0.1:" + web.port();
    api = new ApiClient(base, PASSWORD);
  }

  @AfterAll
  void stop() {
    if (web != null) {
      web.close();
    }
    if (context != null) {
      context.close();
    }
  }

  @Test
  @Order(1)
  void aPartnerCannotUploadAFeedAndAnUploadersPortCallsAreOwnedByAndAttributedToThem()
      throws Exception {
    String demo = demoFeed();
    for (String partner : List.of("police", "coastguard")) {
      HttpResponse<String> refused = send("POST", "/api/maritime/feed", token(partner), demo);
      assertThat(refused.statusCode()).as(partner + ": " + refused.body()).isEqualTo(403);
    }
    assertThat(movements).isEmpty();
    HttpResponse<String> up = send("POST", "/api/maritime/feed", token("officer"), demo);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    assertThat(movements)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.origin())
                    .isEqualTo(new ConveyanceMovements.Origin.User("officer", "customs-jp")));
  }

  @Test
  @Order(2)
  void aPartnerOfAnAgencyTheAdministrationDoesNotShareWithIsRefusedEveryMaritimeRoute()
      throws Exception {
    String police = token("police");
    for (String path :
        List.of(
            "/api/maritime/vessels",
            "/api/maritime/port-calls",
            "/api/maritime/patrols",
            "/api/maritime/sites",
            "/api/maritime/sightings",
            "/api/maritime/alerts",
            "/maritime")) {
      HttpResponse<String> r = send("GET", path, police, null);
      assertThat(r.statusCode()).as(path).isEqualTo(403);
      if (path.startsWith("/api")) {
        assertThat(r.body()).contains("not shared with agency police-jp");
      }
    }
    // in the reader's language, on the API as on the page
    HttpResponse<String> ja = send("GET", "/api/maritime/alerts?lang=ja", police, null);
    assertThat(ja.statusCode()).isEqualTo(403);
    assertThat(ja.body()).contains("機関 police-jp とは共有されていません");
    String page = send("GET", "/maritime?lang=ja", police, null).body();
    assertThat(page).contains("共有されていません").doesNotContain("is not shared with agency");
    assertThat(send("GET", "/api/maritime/port-calls", token("coastguard"), null).statusCode())
        .isEqualTo(200);
  }

  @Test
  @Order(3)
  void aRecordedDayRanksByKindAndItsOwnTimeNotTheServerClockAndItsEndIsNoOpenGap()
      throws Exception {
    // the demo feed is from 2024-05-01, the server's clock at 2026-11-28
    context.service().evaluateOpenGaps();
    JsonNode alerts =
        JSON.readTree(send("GET", "/api/maritime/alerts", token("officer"), null).body());
    List<String> kinds = new ArrayList<>();
    alerts.forEach(a -> kinds.add(a.get("kind").asText()));
    // the meeting is one alert of its most specific kind, ranked above the port call
    assertThat(kinds).contains("fishing-meeting", "port-call").doesNotContain("encounter");
    assertThat(kinds.indexOf("fishing-meeting")).isLessThan(kinds.indexOf("port-call"));
    assertThat(alerts.get(0).get("score").asDouble()).isGreaterThan(0.1);
    assertThat(alerts.get(0).get("asOf").asText()).startsWith("2024-05-01T");
    // the recording ending is not five vessels going dark
    for (JsonNode a : alerts) {
      assertThat(a.get("summary").asText()).doesNotContain("(open)");
      assertThat(a.get("end").isNull() && a.get("kind").asText().equals("gap")).isFalse();
    }
    // meetings name both vessels
    JsonNode enc = first(alerts, "fishing-meeting");
    assertThat(enc.get("vesselName").asText()).isNotBlank();
    assertThat(enc.get("otherName").asText()).isNotBlank();
    assertThat(enc.get("durationMinutes").asLong()).isPositive();
  }

  @Test
  @Order(4)
  void aBogusTagBlockTimeIsBrokenAndNeverFreezesTheVesselsTrack() throws Exception {
    long t1 = NOW.minusSeconds(100).getEpochSecond();
    long t2 = NOW.minusSeconds(60).getEpochSecond();
    String feed =
        String.join(
            "\n",
            tagged("c:" + t1),
            // the reviewer's line: a 5138 time with a wrong tag checksum
            "\\c:99999999999999*00\\" + sentence(),
            // the same time with a right checksum: still ahead of the clock
            tagged("c:99999999999999"),
            tagged("c:abc"),
            tagged("c:" + t2));
    HttpResponse<String> up = send("POST", "/api/maritime/feed", token("officer"), feed);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    JsonNode r = JSON.readTree(up.body());
    assertThat(r.get("messages").asLong()).isEqualTo(2);
    assertThat(r.get("broken").get("nmea-tag-checksum").asLong()).isEqualTo(1);
    assertThat(r.get("broken").get("future-time").asLong()).isEqualTo(1);
    assertThat(r.get("broken").get("nmea-tag-time").asLong()).isEqualTo(1);
    JsonNode v =
        JSON.readTree(
            send("GET", "/api/maritime/vessels/" + mmsi(), token("officer"), null).body());
    assertThat(v.get("lastSeen").asText()).isEqualTo(Instant.ofEpochSecond(t2).toString());
  }

  @Test
  @Order(5)
  void aTruncatedMessageAndNonAisLinesAreCountedAndTheFeedsCountsAreShown() throws Exception {
    String feed =
        "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C\n"
            + "hello world\n"
            + "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\n";
    HttpResponse<String> up = send("POST", "/api/maritime/feed", token("officer"), feed);
    JsonNode r = JSON.readTree(up.body());
    assertThat(r.get("lines").asLong()).isEqualTo(3);
    assertThat(r.get("broken").get("nmea-incomplete").asLong()).isEqualTo(1);
    assertThat(r.get("skipped").asLong()).isEqualTo(2);
    JsonNode feeds =
        JSON.readTree(send("GET", "/api/maritime/feeds", token("officer"), null).body());
    JsonNode upload = null;
    for (JsonNode f : feeds) {
      upload = f.get("feed").asText().equals("upload") ? f : upload;
    }
    assertThat(upload).isNotNull();
    assertThat(upload.get("broken").get("nmea-incomplete").asLong()).isEqualTo(1);
    assertThat(upload.get("skipped").asLong()).isEqualTo(2);
    assertThat(upload.get("messages").asLong()).isGreaterThan(2000);
  }

  @Test
  @Order(6)
  void aPatrolPositionWithoutATimeIsAsOfNowAndFutureStaleOrderedReportsAreRefused()
      throws Exception {
    String officer = token("officer");
    HttpResponse<String> now =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"new\":true,\"id\":\"PB-1\",\"name\":\"Hayabusa\",\"lat\":34.82,\"lon\":139.83,\"speedKnots\":0,\"maxSpeedKnots\":30}");
    assertThat(now.statusCode()).as(now.body()).isEqualTo(201);
    assertThat(JSON.readTree(now.body()).get("time").asText()).isEqualTo(NOW.toString());
    // entered in Tokyo time, as on the map
    HttpResponse<String> local =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"new\":true,\"id\":\"PB-2\",\"name\":\"Kamome\",\"time\":\"2026-11-28 11:40\",\"lat\":35.4,\"lon\":140.4,\"speedKnots\":25}");
    assertThat(local.statusCode()).as(local.body()).isEqualTo(201);
    assertThat(JSON.readTree(local.body()).get("time").asText()).isEqualTo("2026-11-28T02:40:00Z");
    HttpResponse<String> older =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"id\":\"PB-2\",\"name\":\"Kamome\",\"time\":\"2026-11-28T01:00:00Z\",\"lat\":30,\"lon\":130,\"speedKnots\":25}");
    assertThat(older.statusCode()).as(older.body()).isEqualTo(409);
    assertThat(field(older)).isEqualTo("time");
    for (String time :
        List.of("2030-01-01T00:00:00Z", "+999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z")) {
      HttpResponse<String> bad =
          send(
              "POST",
              "/api/maritime/patrols",
              officer,
              "{\"id\":\"PB-4\",\"name\":\"Future\",\"time\":\""
                  + time
                  + "\",\"lat\":34.9,\"lon\":139.8,\"speedKnots\":30}");
      assertThat(bad.statusCode()).as(time + " " + bad.body()).isEqualTo(400);
      assertThat(field(bad)).isEqualTo("time");
    }
    JsonNode boats = JSON.readTree(send("GET", "/api/maritime/patrols", officer, null).body());
    assertThat(boats).hasSize(2);
    JsonNode kamome = boats.get(1);
    assertThat(kamome.get("lat").asDouble()).isEqualTo(35.4);
    assertThat(kamome.get("timeLocal").asText()).startsWith("2026-11-28 11:40");
    assertThat(auditCount("maritime.patrol.report", "patrol-boat:PB-2", "35.4")).isEqualTo(1);
  }

  @Test
  @Order(7)
  void sightingsOutsideTheCamerasViewOrTimeAreRefusedNamingTheField() throws Exception {
    String admin = token("admin");
    HttpResponse<String> zero =
        send(
            "POST",
            "/api/maritime/sites",
            admin,
            "{\"id\":\"cam-fov0\",\"name\":\"fov0\",\"lat\":34.99,\"lon\":139.84,\"bearingDeg\":200,\"fovDeg\":0,\"rangeNm\":0}");
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(field(zero)).isEqualTo("fovDeg");
    assertThat(
            send(
                    "POST",
                    "/api/maritime/sites",
                    admin,
                    "{\"id\":\"cam-tateyama\",\"name\":\"Tateyama\",\"lat\":34.99,\"lon\":139.84,\"bearingDeg\":200,\"fovDeg\":120,\"rangeNm\":10}")
                .statusCode())
        .isEqualTo(201);
    String officer = token("officer");
    Map<String, String> refused =
        Map.of(
            "{\"siteId\":\"cam-tateyama\",\"time\":\"2026-11-28T02:00:00Z\",\"lat\":-33.9,\"lon\":18.4}",
            "lat",
            "{\"siteId\":\"cam-tateyama\",\"time\":\"2026-11-28T02:00:00Z\",\"lat\":35.05,\"lon\":139.84}",
            "lat",
            "{\"siteId\":\"cam-tateyama\",\"time\":\"2026-11-28T02:00:00Z\",\"bearingDeg\":20}",
            "bearingDeg",
            "{\"siteId\":\"cam-tateyama\",\"time\":\"2031-01-01T00:00:00Z\",\"lat\":34.9,\"lon\":139.8}",
            "time",
            "{\"siteId\":\"cam-tateyama\",\"time\":\"0001-01-01T00:00:00Z\",\"lat\":34.9,\"lon\":139.8}",
            "time",
            "{\"siteId\":\"cam-tateyama\",\"time\":\"+999999-01-01T00:00:00Z\",\"lat\":34.9,\"lon\":139.8}",
            "time",
            "{\"siteId\":\"cam-tateyama\",\"time\":\"2026-11-28T02:00:00Z\",\"lat\":34.9,\"lon\":139.8,\"imageRef\":\""
                + "x".repeat(600)
                + "\"}",
            "imageRef");
    for (var e : refused.entrySet()) {
      HttpResponse<String> r = send("POST", "/api/maritime/sightings", officer, e.getKey());
      assertThat(r.statusCode()).as(e.getKey() + " " + r.body()).isEqualTo(400);
      assertThat(field(r)).as(e.getKey()).isEqualTo(e.getValue());
    }
    // the camera's waters heard around 11:50 JST (02:50Z): a vessel 20 nm south of the camera (a
    // dark verdict needs the feed covering the camera up, not a vessel off San Francisco)
    double[] south = org.sekisho.maritime.domain.geo.Geo.destination(34.99, 139.84, 180, 20);
    java.io.StringWriter local = new java.io.StringWriter();
    org.sekisho.maritime.domain.ais.AisEncoder enc =
        new org.sekisho.maritime.domain.ais.AisEncoder();
    for (long t = NOW.getEpochSecond() - 20 * 60; t <= NOW.getEpochSecond() - 5 * 60; t += 60) {
      MaritimeServer.position(local, enc, 431990007, south[0], south[1], t);
    }
    HttpResponse<String> heard =
        send("POST", "/api/maritime/feed", token("officer"), local.toString());
    assertThat(heard.statusCode()).as(heard.body()).isEqualTo(200);
    // Tokyo time, as the form takes it; a dark vessel, audited with what was reported and found
    HttpResponse<String> ok =
        send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"cam-tateyama\",\"time\":\"2026-11-28 11:50\",\"lat\":34.9,\"lon\":139.8,\"imageRef\":\"tateyama/1.jpg\"}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    JsonNode s = JSON.readTree(send("GET", "/api/maritime/sightings", officer, null).body()).get(0);
    assertThat(s.get("time").asText()).isEqualTo("2026-11-28T02:50:00Z");
    assertThat(auditCount("maritime.sighting", "sighting:", "tateyama/1.jpg")).isEqualTo(1);
    assertThat(auditCount("maritime.sighting", "sighting:", "\"result\":\"dark\"")).isEqualTo(1);
  }

  @Test
  @Order(8)
  void aStoppedBoatOnSceneIsOfferedWithItsResponseSpeedAndAStaleOneIsNot() throws Exception {
    String officer = token("officer");
    assertThat(
            send(
                    "POST",
                    "/api/maritime/patrols",
                    officer,
                    "{\"new\":true,\"id\":\"PB-3\",\"name\":\"Stale\",\"time\":\"2026-11-27T12:00:00Z\",\"lat\":34.9,\"lon\":139.8,\"speedKnots\":30}")
                .statusCode())
        .isEqualTo(201);
    JsonNode dark =
        first(
            JSON.readTree(send("GET", "/api/maritime/alerts", officer, null).body()),
            "dark-vessel");
    List<String> boats = new ArrayList<>();
    dark.get("nearestBoats").forEach(b -> boats.add(b.get("id").asText()));
    assertThat(boats).startsWith("PB-1").doesNotContain("PB-3");
    JsonNode pb1 = dark.get("nearestBoats").get(0);
    assertThat(pb1.get("etaMinutes").asLong()).isLessThan(30);
    assertThat(pb1.get("positionAgeMinutes").asLong()).isZero();
  }

  @Test
  @Order(9)
  void anAlertIsAcknowledgedAndClosedWithWhoAndWhenAndLeavesTheListWhenClosed() throws Exception {
    String officer = token("officer");
    JsonNode dark =
        first(
            JSON.readTree(send("GET", "/api/maritime/alerts", officer, null).body()),
            "dark-vessel");
    long id = dark.get("id").asLong();
    HttpResponse<String> ack =
        send(
            "POST",
            "/api/maritime/alerts/" + id + "/status",
            officer,
            "{\"status\":\"acknowledged\",\"expectedVersion\":0}");
    assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
    assertThat(JSON.readTree(ack.body()).get("statusBy").asText()).isEqualTo("officer");
    HttpResponse<String> bad =
        send("POST", "/api/maritime/alerts/" + id + "/status", officer, "{\"status\":\"done\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(field(bad)).isEqualTo("status");
    send(
        "POST",
        "/api/maritime/alerts/" + id + "/status",
        officer,
        "{\"status\":\"closed\",\"expectedVersion\":1,\"note\":\"fishing boat, no offence\"}");
    List<Long> open = new ArrayList<>();
    JSON.readTree(send("GET", "/api/maritime/alerts", officer, null).body())
        .forEach(a -> open.add(a.get("id").asLong()));
    assertThat(open).doesNotContain(id);
    List<Long> all = new ArrayList<>();
    JSON.readTree(send("GET", "/api/maritime/alerts?closed=true", officer, null).body())
        .forEach(a -> all.add(a.get("id").asLong()));
    assertThat(all).contains(id);
    assertThat(auditCount("maritime.alert.status", "alert:" + id, "no offence")).isEqualTo(1);
  }

  @Test
  @Order(10)
  void portAreasAreValidGeoJsonPolygons() throws Exception {
    JsonNode ports =
        JSON.readTree(send("GET", "/api/maritime/ports", token("officer"), null).body());
    JsonNode ring = ports.get("features").get(0).get("geometry").get("coordinates").get(0);
    assertThat(ring.isArray()).isTrue();
    assertThat(ring.get(0).isArray()).isTrue();
    assertThat(ring.get(0)).hasSize(2);
    assertThat(ring.get(0).get(0).isNumber()).isTrue();
  }

  @Test
  @Order(11)
  void anAdministratorOpensTheMapWithTheSiteFormAndAVesselTitleShowsTheMmsiAsItIs()
      throws Exception {
    HttpResponse<String> map = send("GET", "/maritime", token("admin"), null);
    assertThat(map.statusCode()).isEqualTo(200);
    assertThat(map.body()).contains("id=\"site-form\"");
    HttpResponse<String> page =
        send("GET", "/maritime/vessels/" + mmsi() + "?lang=en", token("officer"), null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Vessel " + mmsi() + " ");
  }

  @Test
  @Order(12)
  void onTheMapAnOfficerReportsABoatPositionWithoutTypingATimeAndSeesTimesInTokyoTime() {
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get(base + "/maritime?lang=en");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("officer");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("patrol-form")));
      driver.findElement(By.id("patrol-id")).sendKeys("PB-9");
      driver.findElement(By.id("patrol-name")).sendKeys("Shirasagi");
      driver.findElement(By.id("patrol-lat")).sendKeys("34.6");
      driver.findElement(By.id("patrol-lon")).sendKeys("139.7");
      driver.findElement(By.id("patrol-speed")).sendKeys("22");
      // a boat not reported before: registered as new, as the form asks
      driver.findElement(By.id("patrol-new")).click();
      driver.findElement(By.id("patrol-submit")).click();
      wait.until(d -> !d.findElement(By.id("patrol-result")).getText().isBlank());
      assertThat(driver.findElement(By.id("patrol-result")).getAttribute("class"))
          .isNotEqualTo("error");
      // the server's clock is 03:00 UTC: 12:00 in Tokyo; the list is redrawn while it is read
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              d ->
                  d.findElements(By.cssSelector("#patrols li.patrol-boat")).stream()
                      .anyMatch(
                          li ->
                              li.getText().contains("PB-9")
                                  && li.getText().contains("2026-11-28 12:00")));
      // the sighting form starts in Tokyo time, and alerts name and link their vessel
      assertThat(driver.findElement(By.id("sighting-time")).getAttribute("value"))
          .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
      wait.until(d -> !d.findElements(By.cssSelector("#alerts a.alert-vessel")).isEmpty());
      assertThat(driver.findElement(By.cssSelector("#alerts a.alert-vessel")).getAttribute("href"))
          .contains("/maritime/vessels/");
      assertThat(driver.findElement(By.id("port-calls")).getText())
          .doesNotContainPattern("T\\d{2}:\\d{2}");
    } finally {
      driver.quit();
    }
  }

  private static JsonNode first(JsonNode alerts, String kind) {
    for (JsonNode a : alerts) {
      if (a.get("kind").asText().equals(kind)) {
        return a;
      }
    }
    throw new AssertionError("no " + kind + " alert in " + alerts);
  }

  private long auditCount(String action, String subjectPrefix, String detail) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from platform.audit_log where action = :a and subject"
                            + " like :s and details like :d")
                    .bind("a", action)
                    .bind("s", subjectPrefix + "%")
                    .bind("d", "%" + detail + "%")
                    .mapTo(Long.class)
                    .one());
  }

  private static String field(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).get("field").asText();
  }

  private static String demoFeed() throws Exception {
    StringWriter nmea = new StringWriter();
    SyntheticAisFeed.demo().write(nmea);
    return nmea.toString();
  }

  private static String sentence() {
    String body = "AIVDM,1,1,,B," + PAYLOAD + ",0";
    return "!" + body + "*" + checksum(body);
  }

  private static String tagged(String tag) {
    return "\\" + tag + "*" + checksum(tag) + "\\" + sentence();
  }

  private static String checksum(String s) {
    int sum = 0;
    for (char c : s.toCharArray()) {
      sum ^= c;
    }
    return String.format("%02X", sum);
  }

  private static long mmsi() throws Exception {
    List<Long> mmsi = new ArrayList<>();
    new DecodeAisStream(0)
        .run(
            new ByteArrayInputStream(sentence().getBytes(StandardCharsets.US_ASCII)),
            (m, channel, time) -> mmsi.add((long) m.mmsi()));
    return mmsi.get(0);
  }

  private String token(String user) throws Exception {
    return api.token(user);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }
}
