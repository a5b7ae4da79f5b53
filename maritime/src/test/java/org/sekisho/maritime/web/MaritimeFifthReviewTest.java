package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.net.http.HttpClient;
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
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.domain.ais.AisEncoder;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The fifth review's maritime findings (a review of the running demo), as the behaviour now
 * expected, on the real server over embedded PostgreSQL: write routes refuse fields they do not
 * take, a patrol boat reported by mistake can be stood down, and refusals are in the reader's
 * language. The demo day from 00:00Z to 04:00Z near Tokyo, one vessel broadcasting from 03:00Z to
 * 04:00Z 0.59 nm from a camera on the antimeridian, and one 20 nm behind the camera from 02:30Z to
 * 02:50Z.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MaritimeFifthReviewTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  private static final int NEAR_CAMERA = 999150001;

  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofMinutes(245)));
  private final HttpClient http = HttpClient.newHttpClient();
  private Database db;
  private MaritimeServer server;
  private String base;
  private ApiClient api;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = MaritimeServer.start(db, dir, clock, Set.of(), (call, origin) -> {}).withStaff();
    base = server.base();
    api = server.api();
    StringWriter demo = new StringWriter();
    SyntheticAisFeed.demo(T0).write(demo);
    String officer = api.token("officer");
    HttpResponse<String> up = api.send("POST", "/api/maritime/feed", officer, demo.toString());
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    // the review's vessel: 0.59 nm from the camera on bearing 75.9, one report a minute
    double[] at = Geo.destination(30, 179.99, 75.9, 0.59);
    StringWriter own = new StringWriter();
    AisEncoder enc = new AisEncoder();
    for (long s = T0.getEpochSecond() + 3 * 3600; s <= T0.getEpochSecond() + 4 * 3600; s += 60) {
      MaritimeServer.position(own, enc, NEAR_CAMERA, at[0], at[1], s);
    }
    // the camera's waters are heard at 11:40 JST (02:40Z), when the dark vessel is seen: a vessel
    // 20 nm west of the camera, behind it (a dark verdict needs the feed covering the camera up)
    double[] west = Geo.destination(30, 179.99, 270, 20);
    for (long s = T0.getEpochSecond() + 150 * 60; s <= T0.getEpochSecond() + 170 * 60; s += 60) {
      MaritimeServer.position(own, enc, 999150002, west[0], west[1], s);
    }
    up = api.send("POST", "/api/maritime/feed", officer, own.toString());
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    HttpResponse<String> site =
        api.send(
            "POST",
            "/api/maritime/sites",
            api.token("admin"),
            "{\"id\":\"RV15-CAMANTI\",\"name\":\"Anti\",\"lat\":30,\"lon\":179.99,"
                + "\"bearingDeg\":90,\"fovDeg\":60,\"rangeNm\":5}");
    assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }

  private JsonNode json(String path, String token) throws Exception {
    HttpResponse<String> r = send("GET", path, token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private long auditCount(String action, String subjectPrefix, String detail) {
    return server.auditCount(action, subjectPrefix, detail);
  }

  private long count(String sql) {
    return server.count(sql);
  }

  /** A dark-vessel alert from a sighting along a bearing with no AIS (the fourth review's). */
  private long darkAlert(String officer) throws Exception {
    HttpResponse<String> dark =
        send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"RV15-CAMANTI\",\"time\":\"2026-11-28 11:40\",\"bearingDeg\":115,"
                + "\"sizeM\":12}");
    assertThat(dark.statusCode()).as(dark.body()).isEqualTo(201);
    for (JsonNode a : json("/api/maritime/alerts?closed=true", officer)) {
      if (a.get("kind").asText().equals("dark-vessel")) {
        return a.get("id").asLong();
      }
    }
    throw new AssertionError("no dark-vessel alert");
  }

  private static JsonNode problem(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Test
  @Order(1)
  void everyWriteRouteRefusesAFieldItDoesNotTakeAndStoresNothing() throws Exception {
    String officer = api.token("officer");
    long sightings = count("select count(*) from maritime.sighting");
    // the review's body: the length as lengthM (the field is sizeM) and a colour nobody reads
    HttpResponse<String> r =
        send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"RV15-CAMANTI\",\"time\":\"2026-11-28 12:00\",\"bearingDeg\":100,"
                + "\"lengthM\":-3,\"colour\":\"red\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(problem(r).get("error").asText()).isEqualTo("unknown-field");
    assertThat(problem(r).get("field").asText()).isEqualTo("lengthM");
    assertThat(problem(r).get("message").asText())
        .isEqualTo(
            "this route takes the fields siteId, time, lat, lon, bearingDeg, sizeM, vesselType,"
                + " imageRef; not lengthM");
    HttpResponse<String> near =
        send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"RV15-CAMANTI\",\"time\":\"2026-11-28 12:00\",\"bearingDeg\":100,"
                + "\"sizM\":3}");
    assertThat(near.statusCode()).isEqualTo(400);
    assertThat(problem(near).get("message").asText())
        .isEqualTo(
            "this route takes the fields siteId, time, lat, lon, bearingDeg, sizeM, vesselType,"
                + " imageRef; not sizM: did you mean sizeM?");
    HttpResponse<String> ja =
        send(
            "POST",
            "/api/maritime/sightings?lang=ja",
            officer,
            "{\"siteId\":\"RV15-CAMANTI\",\"time\":\"2026-11-28 12:00\",\"sizM\":3}");
    assertThat(problem(ja).get("error").asText()).isEqualTo("unknown-field");
    assertThat(problem(ja).get("message").asText())
        .contains("sizeM", "sizM")
        .doesNotContain("this route takes");
    assertThat(count("select count(*) from maritime.sighting")).isEqualTo(sightings);

    long patrols = count("select count(*) from maritime.patrol_position");
    HttpResponse<String> boat =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"id\":\"RV15-PBX\",\"name\":\"PBX\",\"lat\":30.1,\"lon\":179.9,"
                + "\"speedKnots\":12,\"maxSpeedKnot\":30}");
    assertThat(boat.statusCode()).isEqualTo(400);
    assertThat(problem(boat).get("error").asText()).isEqualTo("unknown-field");
    assertThat(problem(boat).get("message").asText()).endsWith("did you mean maxSpeedKnots?");
    assertThat(count("select count(*) from maritime.patrol_position")).isEqualTo(patrols);

    HttpResponse<String> site =
        send(
            "POST",
            "/api/maritime/sites",
            api.token("admin"),
            "{\"id\":\"RV16-CAM\",\"name\":\"Anti\",\"lat\":30,\"lon\":179.99,"
                + "\"bearingDeg\":90,\"fovDeg\":60,\"rangeNm\":5,\"heightM\":40}");
    assertThat(site.statusCode()).isEqualTo(400);
    assertThat(problem(site).get("field").asText()).isEqualTo("heightM");
    assertThat(count("select count(*) from maritime.camera_site where id = 'RV16-CAM'")).isZero();

    long alert = darkAlert(officer);
    int version = -1;
    for (JsonNode a : json("/api/maritime/alerts?closed=true", officer)) {
      if (a.get("id").asLong() == alert) {
        version = a.get("version").asInt();
      }
    }
    for (String path :
        List.of(
            "/api/maritime/alerts/" + alert + "/status",
            "/api/maritime/incidents/" + alert + "/status")) {
      HttpResponse<String> status =
          send(
              "POST",
              path,
              officer,
              "{\"status\":\"acknowledged\",\"expectedVersion\":" + version + ",\"foo\":1}");
      assertThat(status.statusCode()).as(path).isEqualTo(400);
      assertThat(problem(status).get("error").asText()).isEqualTo("unknown-field");
      assertThat(problem(status).get("message").asText())
          .isEqualTo("this route takes the fields status, expectedVersion, note; not foo");
    }
    for (JsonNode a : json("/api/maritime/alerts?closed=true", officer)) {
      if (a.get("id").asLong() == alert) {
        assertThat(a.get("status").asText()).isEqualTo("open");
        assertThat(a.get("version").asInt()).isEqualTo(version);
      }
    }
  }

  private List<String> nearestBoats(String token) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode a : json("/api/maritime/alerts", token)) {
      if (a.get("kind").asText().equals("dark-vessel")) {
        a.get("nearestBoats").forEach(b -> ids.add(b.get("id").asText()));
      }
    }
    return ids;
  }

  @Test
  @Order(2)
  void aBoatReportedByMistakeIsStoodDownWithAReasonAndNoLongerOffered() throws Exception {
    String officer = api.token("officer");
    HttpResponse<String> typo =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"new\":true,\"id\":\"pl-x\",\"name\":\"PB1\",\"time\":\"2026-11-28 13:00\",\"lat\":30.1,"
                + "\"lon\":179.9,\"speedKnots\":12}");
    assertThat(typo.statusCode()).as(typo.body()).isEqualTo(201);
    assertThat(nearestBoats(officer)).contains("pl-x");

    String path = "/api/maritime/patrols/pl-x/stand-down";
    assertThat(send("POST", path, api.token("analyst"), "{\"reason\":\"typo\"}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> noReason = send("POST", path, officer, "{}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(problem(noReason).get("field").asText()).isEqualTo("reason");
    HttpResponse<String> extra = send("POST", path, officer, "{\"reason\":\"typo\",\"why\":1}");
    assertThat(problem(extra).get("error").asText()).isEqualTo("unknown-field");
    assertThat(
            send("POST", "/api/maritime/patrols/nope/stand-down", officer, "{\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(nearestBoats(officer)).contains("pl-x");

    HttpResponse<String> down =
        send("POST", path, officer, "{\"reason\":\"typo for RV15-PB1 in a position report\"}");
    assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
    JsonNode d = JSON.readTree(down.body());
    assertThat(d.get("id").asText()).isEqualTo("pl-x");
    assertThat(d.get("stoodDownBy").asText()).isEqualTo("officer");
    assertThat(d.get("reason").asText()).isEqualTo("typo for RV15-PB1 in a position report");
    assertThat(auditCount("maritime.patrol.stand-down", "patrol-boat:pl-x", "typo for RV15-PB1"))
        .isEqualTo(1);
    assertThat(nearestBoats(officer)).doesNotContain("pl-x");
    assertThat(send("GET", "/api/maritime/patrols", officer, null).body()).doesNotContain("pl-x");
    // a boat already stood down is not on the board to stand down again
    assertThat(send("POST", path, officer, "{\"reason\":\"again\"}").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void refusalsAreInTheReadersLanguageAndEnglishIsUnchanged() throws Exception {
    String officer = api.token("officer");
    String yesterdayNoon = "{\"siteId\":\"RV15-CAMANTI\",\"time\":\"昨日の正午\",\"bearingDeg\":100}";
    HttpResponse<String> en = send("POST", "/api/maritime/sightings", officer, yesterdayNoon);
    assertThat(en.statusCode()).isEqualTo(400);
    assertThat(problem(en).get("error").asText()).isEqualTo("invalid-field");
    assertThat(problem(en).get("field").asText()).isEqualTo("time");
    assertThat(problem(en).get("message").asText())
        .isEqualTo(
            "expected a time like 2026-11-28 11:50 (Asia/Tokyo) or an ISO-8601 instant like"
                + " 2026-11-28T02:50:00Z, got '昨日の正午'");
    HttpResponse<String> ja =
        send("POST", "/api/maritime/sightings?lang=ja", officer, yesterdayNoon);
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(problem(ja).get("error").asText()).isEqualTo("invalid-field");
    assertThat(problem(ja).get("field").asText()).isEqualTo("time");
    assertThat(problem(ja).get("message").asText())
        .contains("2026-11-28 11:50", "昨日の正午")
        .doesNotContain("expected", "got");

    // a patrol report's missing speed and out-of-range latitude
    String noSpeed = "{\"id\":\"RV15-PB2\",\"name\":\"PB2\",\"lat\":30.1,\"lon\":179.9}";
    HttpResponse<String> missingEn = send("POST", "/api/maritime/patrols", officer, noSpeed);
    assertThat(problem(missingEn).get("message").asText())
        .isEqualTo("required: expected a number from 0 to 80");
    HttpResponse<String> missingJa =
        send("POST", "/api/maritime/patrols?lang=ja", officer, noSpeed);
    assertThat(problem(missingJa).get("error").asText()).isEqualTo("missing-field");
    assertThat(problem(missingJa).get("field").asText()).isEqualTo("speedKnots");
    assertThat(problem(missingJa).get("message").asText())
        .contains("0", "80")
        .doesNotContain("required", "expected");

    // closing an alert without a note, in the alert-status API
    long alert = -1;
    int version = -1;
    for (JsonNode a : json("/api/maritime/alerts?closed=true", officer)) {
      if (a.get("kind").asText().equals("dark-vessel")) {
        alert = a.get("id").asLong();
        version = a.get("version").asInt();
      }
    }
    String close = "{\"status\":\"closed\",\"expectedVersion\":" + version + "}";
    HttpResponse<String> closeEn =
        send("POST", "/api/maritime/alerts/" + alert + "/status", officer, close);
    assertThat(closeEn.statusCode()).isEqualTo(400);
    assertThat(problem(closeEn).get("message").asText())
        .isEqualTo(
            "alert "
                + alert
                + ": closing needs a note saying why (which boat was sent, what it found), at"
                + " most 1000 characters");
    HttpResponse<String> closeJa =
        send("POST", "/api/maritime/alerts/" + alert + "/status?lang=ja", officer, close);
    assertThat(closeJa.statusCode()).isEqualTo(400);
    assertThat(problem(closeJa).get("error").asText()).isEqualTo("missing-field");
    assertThat(problem(closeJa).get("field").asText()).isEqualTo("note");
    assertThat(problem(closeJa).get("message").asText())
        .contains(String.valueOf(alert))
        .doesNotContain("closing needs");
    HttpResponse<String> reasonJa =
        send("POST", "/api/maritime/patrols/nope/stand-down?lang=ja", officer, "{}");
    assertThat(problem(reasonJa).get("field").asText()).isEqualTo("reason");
    assertThat(problem(reasonJa).get("message").asText()).doesNotContain("required");
  }

  @Test
  @Order(4)
  void theOpenApiSummaryOfEachWriteRouteNamesTheFieldsItTakes() throws Exception {
    HttpResponse<String> r = send("GET", "/openapi.json", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode paths = JSON.readTree(r.body()).get("paths");
    String sightings = paths.at("/~1api~1maritime~1sightings/post/summary").asText();
    assertThat(sightings)
        .contains("siteId", "time", "lat", "lon", "bearingDeg", "sizeM", "vesselType", "imageRef");
    String patrols = paths.at("/~1api~1maritime~1patrols/post/summary").asText();
    assertThat(patrols).contains("id", "name", "time", "lat", "lon", "speedKnots", "maxSpeedKnots");
    String sites = paths.at("/~1api~1maritime~1sites/post/summary").asText();
    assertThat(sites).contains("id", "name", "bearingDeg", "fovDeg", "rangeNm");
    String standDown =
        paths.at("/~1api~1maritime~1patrols~1{id}~1stand-down/post/summary").asText();
    assertThat(standDown).contains("reason");
  }
}
