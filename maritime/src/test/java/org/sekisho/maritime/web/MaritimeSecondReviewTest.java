package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.maritime.application.ConveyanceMovements;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * What the second review of the maritime picture found, each as the behaviour now expected, on the
 * real server over embedded PostgreSQL and in Chromium, the server's clock fixed at
 * 2026-11-28T03:00:00Z (12:00 in Tokyo) and the demo feed recorded over the four hours before.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MaritimeSecondReviewTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");

  /** A type 1 position report (from the reviewer's bad.nmea). */
  private static final String PAYLOAD = "15M67FC000G?ufbE`FepT@3n00Sa";

  private record Movement(PortCall call, ConveyanceMovements.Origin origin) {}

  private Database db;
  private final List<Movement> movements = Collections.synchronizedList(new ArrayList<>());
  private MaritimeServer server;
  private String base;
  private ApiClient api;

  @BeforeAll
  void start(Database database, @TempDir Path dir) throws Exception {
    this.db = database;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    server =
        MaritimeServer.start(
                db,
                dir,
                clock,
                Set.of("jcg"),
                (call, origin) -> movements.add(new Movement(call, origin)))
            .account("officer", "Ken Sato", Role.OFFICER, "customs-jp", "JPTYO")
            .account("coastguard", "Mei Ito", Role.PARTNER, "jcg", "3rd")
            .account("police", "Taro Abe", Role.PARTNER, "police-jp", "HQ")
            .account("admin", "Admin", Role.ADMIN, "customs-jp", "HQ");
    base = server.base();
    api = server.api();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static final String XSS = "<img src=x onerror=window.pwned=1>";

  @Test
  @Order(1)
  void boatAndCameraNamesWithMarkupShowAsTextAndRunNothingUnderTheMapsPolicy() throws Exception {
    HttpResponse<String> boat =
        send(
            "POST",
            "/api/maritime/patrols",
            token("officer"),
            JSON.writeValueAsString(
                Map.of(
                    "new",
                    true,
                    "id",
                    "PB-X",
                    "name",
                    XSS,
                    "lat",
                    35.0,
                    "lon",
                    139.8,
                    "speedKnots",
                    5)));
    assertThat(boat.statusCode()).as(boat.body()).isEqualTo(201);
    HttpResponse<String> site =
        send(
            "POST",
            "/api/maritime/sites",
            token("admin"),
            JSON.writeValueAsString(
                Map.of(
                    "id",
                    "xss-site",
                    "name",
                    XSS + "Cam",
                    "lat",
                    35.1,
                    "lon",
                    139.6,
                    "bearingDeg",
                    120,
                    "fovDeg",
                    60,
                    "rangeNm",
                    8)));
    assertThat(site.statusCode()).as(site.body()).isIn(200, 201);
    HttpResponse<String> page = send("GET", "/maritime", token("officer"), null);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      signIn(driver, wait, "/maritime?lang=en");
      wait.until(d -> d.findElement(By.id("patrols")).getText().contains(XSS + " (PB-X)"));
      assertThat(driver.findElement(By.id("sites")).getText()).contains(XSS + "Cam");
      // hover the boat and open the camera's popup: Leaflet renders both from the names
      wait.until(d -> !d.findElements(By.cssSelector("path.patrol-marker")).isEmpty());
      WebElement marker = driver.findElement(By.cssSelector("path.patrol-marker"));
      new Actions(driver).moveToElement(marker).perform();
      wait.until(d -> !d.findElements(By.cssSelector(".leaflet-tooltip")).isEmpty());
      WebElement tip = driver.findElement(By.cssSelector(".leaflet-tooltip"));
      assertThat(tip.getText()).contains(XSS);
      assertThat(tip.findElements(By.tagName("img"))).isEmpty();
      ((JavascriptExecutor) driver)
          .executeScript(
              "document.querySelector('path.camera-site').dispatchEvent(new MouseEvent('click',"
                  + " {bubbles: true}))");
      wait.until(d -> !d.findElements(By.cssSelector(".leaflet-popup-content")).isEmpty());
      WebElement popup = driver.findElement(By.cssSelector(".leaflet-popup-content"));
      assertThat(popup.getText()).contains(XSS + "Cam");
      assertThat(popup.findElements(By.tagName("img"))).isEmpty();
      assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
      assertThat(((JavascriptExecutor) driver).executeScript("return window.pwned")).isNull();
      // the map still works under the policy: the land and the ports are drawn
      assertThat(driver.findElements(By.cssSelector(".leaflet-overlay-pane path"))).isNotEmpty();
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(2)
  void aBoatReportedWithoutMaxSpeedAnswersNullAndIsOfferedFirstOnScene() throws Exception {
    String officer = token("officer");
    HttpResponse<String> r =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"new\":true,\"id\":\"PB-D\",\"name\":\"Drift\",\"lat\":35.3,\"lon\":139.3,\"speedKnots\":0}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(JSON.readTree(r.body()).get("maxSpeedKnots").isNull()).as(r.body()).isTrue();
    assertThat(r.body()).doesNotContain("NaN");
    assertThat(auditCount("maritime.patrol.report", "patrol-boat:PB-D", "maxSpeedKnots"))
        .isEqualTo(1);
  }

  @Test
  @Order(3)
  void trackTimesOutsideTheCalendarOrInTheWrongOrderAreRefusedNamingTheField() throws Exception {
    String officer = token("officer");
    String track = "/api/maritime/vessels/" + mmsi() + "/track";
    for (String from : List.of("-4713-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z")) {
      HttpResponse<String> r = send("GET", track + "?from=" + from, officer, null);
      assertThat(r.statusCode()).as(from + ": " + r.body()).isEqualTo(400);
      assertThat(field(r)).isEqualTo("from");
    }
    HttpResponse<String> reversed =
        send("GET", track + "?from=2026-11-28T03:00:00Z&to=2026-11-28T01:00:00Z", officer, null);
    assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(400);
    assertThat(field(reversed)).isEqualTo("from");
    HttpResponse<String> future =
        send("GET", "/api/maritime/alerts?asOf=9999-12-31T00:00:00Z", officer, null);
    assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
    assertThat(field(future)).isEqualTo("asOf");
    assertThat(
            send("GET", "/api/maritime/incidents?asOf=9999-12-31T00:00:00Z", officer, null)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(4)
  void boatsAreReckonedToWhereTheVesselIsNowNotWhereTheMeetingBegan() throws Exception {
    String officer = token("officer");
    StringWriter nmea = new StringWriter();
    SyntheticAisFeed.demo(NOW.minus(SyntheticAisFeed.DEMO_DURATION)).write(nmea);
    HttpResponse<String> up = send("POST", "/api/maritime/feed", officer, nmea.toString());
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    JsonNode meeting = first(incidents(officer, ""), "fishing-meeting");
    int vessel = meeting.get("mmsi").asInt();
    JsonNode now = null;
    for (JsonNode v : JSON.readTree(send("GET", "/api/maritime/vessels", officer, null).body())) {
      if (v.get("mmsi").asInt() == vessel) {
        now = v;
      }
    }
    assertThat(now).isNotNull();
    assertThat(
            send("GET", "/maritime/vessels/" + vessel, officer, null)
                .headers()
                .firstValue("Content-Security-Policy"))
        .isPresent();
    double moved =
        org.sekisho.maritime.domain.geo.Geo.distanceNm(
            meeting.get("lat").asDouble(),
            meeting.get("lon").asDouble(),
            now.get("lat").asDouble(),
            now.get("lon").asDouble());
    assertThat(moved).as("the vessel has left the meeting's place").isGreaterThan(3);
    // a boat alongside the vessel now, and one stopped where the meeting began
    send(
        "POST",
        "/api/maritime/patrols",
        officer,
        JSON.writeValueAsString(
            Map.of(
                "new",
                true,
                "id",
                "PB-N",
                "name",
                "Alongside",
                "lat",
                now.get("lat").asDouble(),
                "lon",
                now.get("lon").asDouble(),
                "speedKnots",
                12,
                "maxSpeedKnots",
                25)));
    send(
        "POST",
        "/api/maritime/patrols",
        officer,
        JSON.writeValueAsString(
            Map.of(
                "new",
                true,
                "id",
                "PB-O",
                "name",
                "Old place",
                "lat",
                meeting.get("lat").asDouble(),
                "lon",
                meeting.get("lon").asDouble(),
                "speedKnots",
                0,
                "maxSpeedKnots",
                25)));
    meeting = first(incidents(officer, ""), "fishing-meeting");
    JsonNode tasking = meeting.get("tasking");
    assertThat(tasking.get("mmsi").asInt()).isEqualTo(vessel);
    assertThat(tasking.get("time").asText()).isEqualTo(now.get("lastSeen").asText());
    JsonNode boats = meeting.get("nearestBoats");
    assertThat(boats.get(0).get("id").asText()).isEqualTo("PB-N");
    assertThat(boats.get(0).get("distanceNm").asDouble()).isLessThan(0.2);
    assertThat(boats.get(0).get("onScene").asBoolean()).isTrue();
    for (JsonNode b : boats) {
      if (b.get("id").asText().equals("PB-O")) {
        assertThat(b.get("distanceNm").asDouble()).isGreaterThan(3);
      }
    }
    // a picture of an earlier time reckons to where the vessel was then
    Instant asOf = Instant.parse(meeting.get("time").asText()).plus(Duration.ofMinutes(90));
    JsonNode then = first(incidents(officer, "?asOf=" + asOf), "fishing-meeting");
    assertThat(Instant.parse(then.get("tasking").get("time").asText()))
        .isAfter(Instant.parse(meeting.get("time").asText()))
        .isBeforeOrEqualTo(asOf);
  }

  @Test
  @Order(5)
  void portCallsAndSightingsHaveNoLengthAndJapaneseLengthsAreInJapanese() throws Exception {
    String officer = token("officer");
    JsonNode en = JSON.readTree(send("GET", "/api/maritime/alerts?lang=en", officer, null).body());
    JsonNode call = first(en, "port-call");
    assertThat(call.get("durationMinutes").isNull()).isTrue();
    assertThat(call.get("duration").isNull()).isTrue();
    assertThat(first(en, "fishing-meeting").get("duration").asText()).matches("\\d+ h \\d+ min");
    assertThat(first(en, "fishing-meeting").get("text").asText()).startsWith("fishing vessel ");
    JsonNode ja = JSON.readTree(send("GET", "/api/maritime/alerts?lang=ja", officer, null).body());
    JsonNode meeting = first(ja, "fishing-meeting");
    assertThat(meeting.get("duration").asText()).matches("\\d+ 時間 \\d+ 分");
    assertThat(meeting.get("text").asText()).contains("時間").doesNotContain(" h ", "min");
    for (JsonNode a : ja) {
      assertThat(a.get("text").asText()).doesNotContainPattern("\\d (h|min|d)\\b");
    }
    assertThat(send("GET", "/maritime?lang=ja", officer, null).body())
        .contains("data-layer-vessels=\"船舶\"");
  }

  @Test
  @Order(6)
  void aNoteGivenWithAStatusIsReturnedAndShownOnTheMapWithWhoAndWhen() throws Exception {
    String officer = token("officer");
    JsonNode meeting = first(incidents(officer, ""), "fishing-meeting");
    HttpResponse<String> ack =
        send(
            "POST",
            "/api/maritime/incidents/" + meeting.get("id").asLong() + "/status",
            officer,
            "{\"status\":\"acknowledged\",\"expectedVersion\":0,"
                + "\"note\":\"Alongside tasked to intercept\"}");
    assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
    assertThat(JSON.readTree(ack.body()).get("parts").get(0).get("statusNote").asText())
        .isEqualTo("Alongside tasked to intercept");
    meeting = first(incidents(officer, ""), "fishing-meeting");
    assertThat(meeting.get("statusNote").asText()).isEqualTo("Alongside tasked to intercept");
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      signIn(driver, wait, "/maritime?lang=en");
      wait.until(d -> !d.findElements(By.cssSelector("#alerts .alert-note-text")).isEmpty());
      String shown = driver.findElement(By.cssSelector("#alerts .alert-note-text")).getText();
      assertThat(shown).contains("Alongside tasked to intercept", "officer", "2026-11-28 12:00");
      // the map names the vessel once and says where the boats are reckoned to
      WebElement line =
          driver.findElement(By.cssSelector("#alerts li.incident[data-kind='fishing-meeting']"));
      assertThat(line.findElement(By.cssSelector(".alert-tasking")).getText())
          .contains("last heard");
      // a note typed on the map goes with Close and comes back under the incident
      String id = line.getAttribute("data-id");
      WebElement note = line.findElement(By.cssSelector("input.alert-note"));
      note.sendKeys("No offence: fishing boat resupply");
      line.findElement(By.cssSelector("button.alert-closed")).click();
      wait.until(
          d ->
              d.findElements(By.cssSelector("#alerts li.incident[data-id='" + id + "']"))
                  .isEmpty());
    } finally {
      driver.quit();
    }
    JsonNode closed = null;
    for (JsonNode a : incidents(officer, "?closed=true")) {
      if (a.get("id").asLong() == meeting.get("id").asLong()) {
        closed = a;
      }
    }
    assertThat(closed).isNotNull();
    assertThat(closed.get("statusNote").asText()).isEqualTo("No offence: fishing boat resupply");
    assertThat(closed.get("status").asText()).isEqualTo("closed");
  }

  private JsonNode incidents(String token, String query) throws Exception {
    HttpResponse<String> r = send("GET", "/api/maritime/incidents" + query, token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private void signIn(WebDriver driver, WebDriverWait wait, String path) {
    driver.get(base + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys("officer");
    driver.findElement(By.id("password")).sendKeys(server.password);
    driver.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("patrol-form")));
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
    return server.auditCount(action, subjectPrefix, detail);
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
