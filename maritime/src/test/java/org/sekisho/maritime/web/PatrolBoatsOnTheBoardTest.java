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
import org.sekisho.maritime.domain.ais.AisEncoder;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * Patrol boats on the board, on the real server over embedded PostgreSQL: a report for an id the
 * store does not know is refused unless it registers a new boat (a mistyped id made a phantom boat
 * offered first on every alert), and a boat is stood down from the map page as through the API. One
 * vessel broadcasts from 03:00Z to 04:00Z 0.59 nm from a camera; a sighting with no AIS along its
 * bearing raises a dark-vessel alert the boats are offered for.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PatrolBoatsOnTheBoardTest {
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  private static final int BEHIND_CAMERA = 999150001;

  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofMinutes(245)));
  private MaritimeServer server;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = MaritimeServer.start(db, dir, clock, Set.of(), (call, origin) -> {}).withStaff();
    String officer = server.token("officer");
    // heard (the picture is live) but behind the camera, nowhere along the sighting's bearing
    double[] at = Geo.destination(30, 179.99, 270, 10);
    StringWriter own = new StringWriter();
    AisEncoder enc = new AisEncoder();
    for (long s = T0.getEpochSecond() + 3 * 3600; s <= T0.getEpochSecond() + 4 * 3600; s += 60) {
      MaritimeServer.position(own, enc, BEHIND_CAMERA, at[0], at[1], s);
    }
    server.upload(officer, own.toString());
    HttpResponse<String> site =
        server.send(
            "POST",
            "/api/maritime/sites",
            server.token("admin"),
            "{\"id\":\"CAM-1\",\"name\":\"Anti\",\"lat\":30,\"lon\":179.99,"
                + "\"bearingDeg\":90,\"fovDeg\":60,\"rangeNm\":5}");
    assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
    HttpResponse<String> dark =
        server.send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"CAM-1\",\"time\":\"2026-11-28 12:40\",\"bearingDeg\":115,"
                + "\"sizeM\":12}");
    assertThat(dark.statusCode()).as(dark.body()).isEqualTo(201);
    assertThat(MaritimeServer.JSON.readTree(dark.body()).get("dark").asBoolean())
        .as(dark.body())
        .isTrue();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String report(String id, String name, String time, String more) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"time\":\""
        + time
        + "\",\"lat\":30.1,\"lon\":179.9,\"speedKnots\":12"
        + more
        + "}";
  }

  private List<String> nearestBoats(String token) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode a : server.json("/api/maritime/alerts", token)) {
      if (a.get("kind").asText().equals("dark-vessel")) {
        a.get("nearestBoats").forEach(b -> ids.add(b.get("id").asText()));
      }
    }
    return ids;
  }

  private static JsonNode problem(HttpResponse<String> r) throws Exception {
    return MaritimeServer.JSON.readTree(r.body());
  }

  @Test
  @Order(1)
  void aReportForAnUnknownIdIsRefusedNamingTheBoatLikelyMeantUnlessItRegistersANewBoat()
      throws Exception {
    String officer = server.token("officer");
    HttpResponse<String> registered =
        server.send(
            "POST",
            "/api/maritime/patrols",
            officer,
            report("RV15-PB1", "PB1", "2026-11-28 12:00", ",\"new\":true"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(
            server.auditCount("maritime.patrol.report", "patrol-boat:RV15-PB1", "\"new\":\"true\""))
        .isEqualTo(1);
    long rows = server.count("select count(*) from maritime.patrol_position");

    // the review's typo: a lower-case L for the 1
    String typo = report("RV15-PBl", "PB1", "2026-11-28 12:10", "");
    HttpResponse<String> en = server.send("POST", "/api/maritime/patrols", officer, typo);
    assertThat(en.statusCode()).as(en.body()).isEqualTo(400);
    assertThat(problem(en).get("error").asText()).isEqualTo("unknown-patrol");
    assertThat(problem(en).get("field").asText()).isEqualTo("id");
    assertThat(problem(en).get("message").asText())
        .isEqualTo(
            "no patrol boat has id RV15-PBl: did you mean RV15-PB1? Check the id, or tick “new"
                + " boat” (send \"new\": true) to register a new boat");
    HttpResponse<String> ja = server.send("POST", "/api/maritime/patrols?lang=ja", officer, typo);
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(problem(ja).get("error").asText()).isEqualTo("unknown-patrol");
    assertThat(problem(ja).get("field").asText()).isEqualTo("id");
    assertThat(problem(ja).get("message").asText())
        .contains("RV15-PBl", "RV15-PB1", "新しい艇")
        .doesNotContain("did you mean", "no patrol boat");
    // nothing like it known: no guess
    HttpResponse<String> far =
        server.send(
            "POST", "/api/maritime/patrols", officer, report("ZZ-9", "Z", "2026-11-28 12:10", ""));
    assertThat(problem(far).get("error").asText()).isEqualTo("unknown-patrol");
    assertThat(problem(far).get("message").asText())
        .isEqualTo(
            "no patrol boat has id ZZ-9; check the id, or tick “new boat” (send \"new\": true) to"
                + " register a new boat");
    // "new" is a flag, not text
    HttpResponse<String> notAFlag =
        server.send(
            "POST",
            "/api/maritime/patrols",
            officer,
            report("ZZ-9", "Z", "2026-11-28 12:10", ",\"new\":\"yes\""));
    assertThat(notAFlag.statusCode()).isEqualTo(400);
    assertThat(problem(notAFlag).get("field").asText()).isEqualTo("new");
    assertThat(problem(notAFlag).get("message").asText()).isEqualTo("expected true or false");
    // no phantom boat: nothing stored, offered or listed
    assertThat(server.count("select count(*) from maritime.patrol_position")).isEqualTo(rows);
    assertThat(nearestBoats(officer)).containsExactly("RV15-PB1");
    assertThat(server.send("GET", "/api/maritime/patrols", officer, null).body())
        .doesNotContain("RV15-PBl", "ZZ-9");

    // the boat it meant reports as before, without the flag
    HttpResponse<String> known =
        server.send(
            "POST",
            "/api/maritime/patrols",
            officer,
            report("RV15-PB1", "PB1", "2026-11-28 12:10", ""));
    assertThat(known.statusCode()).as(known.body()).isEqualTo(201);
    assertThat(
            server.auditCount(
                "maritime.patrol.report", "patrol-boat:RV15-PB1", "\"new\":\"false\""))
        .isEqualTo(1);
    assertThat(MaritimeServer.JSON.readTree(known.body()).get("time").asText())
        .isEqualTo("2026-11-28T03:10:00Z");
    // and a known id with the flag is a report too (a registration sent twice)
    assertThat(
            server
                .send(
                    "POST",
                    "/api/maritime/patrols",
                    officer,
                    report("RV15-PB1", "PB1", "2026-11-28 12:11", ",\"new\":true"))
                .statusCode())
        .isEqualTo(201);
    // but a new boat registered under the id of another on duty is two boats given one id: the
    // second would move the first on the map
    HttpResponse<String> taken =
        server.send(
            "POST",
            "/api/maritime/patrols",
            officer,
            report("RV15-PB1", "Kaiyo 7", "2026-11-28 12:12", ",\"new\":true"));
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
    JsonNode refusal = MaritimeServer.JSON.readTree(taken.body());
    assertThat(refusal.get("field").asText()).isEqualTo("id");
    assertThat(refusal.get("message").asText())
        .isEqualTo(
            "patrol boat id RV15-PB1 is registered to PB1; untick “new boat” (leave out \"new\") to"
                + " report that boat’s position, or register this boat under another id");
    HttpResponse<String> takenJa =
        server.send(
            "POST",
            "/api/maritime/patrols?lang=ja",
            officer,
            report("RV15-PB1", "Kaiyo 7", "2026-11-28 12:12", ",\"new\":true"));
    assertThat(MaritimeServer.JSON.readTree(takenJa.body()).get("message").asText())
        .startsWith("巡視艇 ID RV15-PB1 は PB1 に登録済みです");
    // nothing moved: the boat on duty keeps its name and last position
    assertThat(server.json("/api/maritime/patrols", officer).findValuesAsText("name"))
        .contains("PB1")
        .doesNotContain("Kaiyo 7");
  }

  @Test
  @Order(2)
  void aBoatStoodDownReportsAgainWithoutRegisteringAnew() throws Exception {
    String officer = server.token("officer");
    HttpResponse<String> boat =
        server.send(
            "POST",
            "/api/maritime/patrols",
            officer,
            report("RV15-PB2", "PB2", "2026-11-28 12:00", ",\"new\":true"));
    assertThat(boat.statusCode()).as(boat.body()).isEqualTo(201);
    HttpResponse<String> down =
        server.send(
            "POST",
            "/api/maritime/patrols/RV15-PB2/stand-down",
            officer,
            "{\"reason\":\"in dock for the night\"}");
    assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
    assertThat(nearestBoats(officer)).doesNotContain("RV15-PB2");
    HttpResponse<String> back =
        server.send(
            "POST",
            "/api/maritime/patrols",
            officer,
            report("RV15-PB2", "PB2", "2026-11-28 12:20", ""));
    assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
    assertThat(nearestBoats(officer)).contains("RV15-PB2");
  }

  @Test
  @Order(3)
  void theOpenApiSummaryOfPatrolReportsNamesTheNewFlag() throws Exception {
    HttpResponse<String> r = server.send("GET", "/openapi.json", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    String summary =
        MaritimeServer.JSON
            .readTree(r.body())
            .get("paths")
            .at("/~1api~1maritime~1patrols/post/summary")
            .asText();
    assertThat(summary).contains("new: true", "unknown-patrol");
  }

  @Test
  @Order(4)
  void whoeverReportsPatrolsStandsABoatDownFromTheMapWithAReasonAndTheSameAudit() throws Exception {
    String officer = server.token("officer");
    HttpResponse<String> mistake =
        server.send(
            "POST",
            "/api/maritime/patrols",
            officer,
            report("pl-y", "PB-Y", "2026-11-28 12:30", ",\"new\":true"));
    assertThat(mistake.statusCode()).as(mistake.body()).isEqualTo(201);
    assertThat(nearestBoats(officer)).contains("pl-y");
    By boat = By.cssSelector("#patrols li.patrol-boat[data-id='pl-y']");
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      signIn(driver, wait, "analyst");
      // analysts read the board but report no patrol: no button for them
      wait.until(ExpectedConditions.presenceOfElementLocated(boat));
      assertThat(driver.findElements(By.cssSelector("#patrols button.patrol-standdown"))).isEmpty();
      driver.manage().deleteAllCookies();

      signIn(driver, wait, "officer");
      wait.until(ExpectedConditions.presenceOfElementLocated(boat));
      // without a reason: said at the field, nothing sent
      driver.findElement(boat).findElement(By.cssSelector("button.patrol-standdown")).click();
      String placeholder =
          wait.ignoring(StaleElementReferenceException.class)
              .until(
                  d -> {
                    var input = d.findElement(boat).findElement(By.cssSelector("input"));
                    return "true".equals(input.getAttribute("aria-invalid"))
                        ? input.getAttribute("placeholder")
                        : null;
                  });
      assertThat(placeholder).contains("reason is needed");
      assertThat(nearestBoats(officer)).contains("pl-y");
      driver
          .findElement(boat)
          .findElement(By.cssSelector("input.patrol-standdown-reason"))
          .sendKeys("typo for RV15-PB1 on the map");
      driver.findElement(boat).findElement(By.cssSelector("button.patrol-standdown")).click();
      wait.until(ExpectedConditions.numberOfElementsToBe(boat, 0));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("patrol-standdown-result"), "PB-Y (pl-y)"));
    } finally {
      driver.quit();
    }
    assertThat(
            server.auditCount(
                "maritime.patrol.stand-down", "patrol-boat:pl-y", "typo for RV15-PB1 on the map"))
        .isEqualTo(1);
    assertThat(nearestBoats(officer)).doesNotContain("pl-y");
    assertThat(
            server.count(
                "select count(*) from maritime.patrol_position where boat_id = 'pl-y' and"
                    + " stood_down_by = 'officer' and stood_down_reason = 'typo for RV15-PB1 on"
                    + " the map'"))
        .isEqualTo(1);
  }

  private void signIn(WebDriver driver, WebDriverWait wait, String user) {
    driver.get(server.base() + "/maritime");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(server.password);
    driver.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("patrols")));
  }
}
