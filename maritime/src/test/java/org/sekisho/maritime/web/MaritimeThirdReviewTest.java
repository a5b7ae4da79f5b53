package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The third review's maritime findings, as the behaviour now expected, on the real server over
 * embedded PostgreSQL. The demo feed ends at 03:59Z; the server's clock then moves to 08:06Z, so
 * the picture is four hours old, as the reviewer found it.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MaritimeThirdReviewTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FEED_START = Instant.parse("2026-11-28T00:00:00Z");
  private static final Instant LATER = Instant.parse("2026-11-28T08:06:00Z");

  private final ManualClock clock = new ManualClock(FEED_START.plus(Duration.ofHours(4)));
  private MaritimeServer server;
  private String base;
  private ApiClient api;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = MaritimeServer.start(db, dir, clock, Set.of(), (call, origin) -> {}).withStaff();
    base = server.base();
    api = server.api();
    StringWriter nmea = new StringWriter();
    SyntheticAisFeed.demo(FEED_START).write(nmea);
    HttpResponse<String> up = send("POST", "/api/maritime/feed", token("officer"), nmea.toString());
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    clock.advance(Duration.between(clock.instant(), LATER));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void aFourHourOldPictureSaysHowOldItIsAndAgesAreReckonedAtTheClock() throws Exception {
    String officer = token("officer");
    JsonNode vessels = JSON.readTree(send("GET", "/api/maritime/vessels", officer, null).body());
    assertThat(vessels.size()).isPositive();
    for (JsonNode v : vessels) {
      long expected =
          Duration.between(Instant.parse(v.get("lastSeen").asText()), LATER).toMinutes();
      assertThat(v.get("ageMinutes").asLong()).as(v.toString()).isEqualTo(expected);
      assertThat(expected).isGreaterThan(4 * 60);
    }
    JsonNode picture = JSON.readTree(send("GET", "/api/maritime/picture", officer, null).body());
    assertThat(picture.get("stale").asBoolean()).as(picture.toString()).isTrue();
    assertThat(picture.get("ageMinutes").asLong()).isGreaterThan(4 * 60);
    assertThat(picture.get("text").asText())
        .startsWith("Picture as of 2026-11-28 ")
        .contains("ago");

    String page = send("GET", "/maritime?lang=en", officer, null).body();
    assertThat(page)
        .contains("id=\"picture-age\" data-stale=\"true\"")
        .contains("Picture as of ")
        .contains(" h ")
        .contains("Stale: no report for more than 15 min");
    assertThat(send("GET", "/maritime?lang=ja", officer, null).body()).contains("時点の状況");

    // the list is as of a time no alert ends after
    JsonNode alerts = JSON.readTree(send("GET", "/api/maritime/alerts", officer, null).body());
    assertThat(alerts.size()).isPositive();
    for (JsonNode a : alerts) {
      if (!a.get("end").isNull()) {
        assertThat(Instant.parse(a.get("asOf").asText()))
            .as(a.toString())
            .isAfterOrEqualTo(Instant.parse(a.get("end").asText()));
      }
    }

    // a boat reported now, tasked to a vessel heard four hours ago: the vessel's age says so
    HttpResponse<String> boat =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"new\":true,\"id\":\"PB-1\",\"name\":\"Kaiyo\",\"lat\":35.2,\"lon\":139.75,\"speedKnots\":10,"
                + "\"maxSpeedKnots\":25}");
    assertThat(boat.statusCode()).as(boat.body()).isEqualTo(201);
    alerts = JSON.readTree(send("GET", "/api/maritime/alerts", officer, null).body());
    JsonNode tasked = null;
    for (JsonNode a : alerts) {
      if (!a.get("tasking").isNull() && !a.get("nearestBoats").isEmpty()) {
        tasked = a;
        break;
      }
    }
    assertThat(tasked).as(alerts.toString()).isNotNull();
    JsonNode b = tasked.get("nearestBoats").get(0);
    assertThat(b.get("positionAgeMinutes").asLong()).isZero();
    // reckoned by sea, round the land on the map: the route starts at the boat and ends at the
    // position the vessel was last heard at
    assertThat(b.get("etaBasis").asText()).isEqualTo("sea");
    // when it would arrive if sent now, in UTC and in Japan time
    Instant arrives = LATER.plus(Duration.ofMinutes(b.get("etaMinutes").asLong()));
    assertThat(Instant.parse(b.get("etaAt").asText()))
        .isBetween(arrives, arrives.plus(Duration.ofMinutes(1)));
    assertThat(b.get("etaAtLocal").asText()).endsWith("JST");
    JsonNode route = b.get("route");
    assertThat(route.size()).isGreaterThanOrEqualTo(2);
    assertThat(route.get(0).get(0).asDouble()).isEqualTo(35.2);
    assertThat(route.get(0).get(1).asDouble()).isEqualTo(139.75);
    assertThat(route.get(route.size() - 1).get(0).asDouble())
        .isCloseTo(tasked.get("tasking").get("lat").asDouble(), within(1e-4));
    long vesselAge =
        Duration.between(Instant.parse(tasked.get("tasking").get("time").asText()), LATER)
            .toMinutes();
    assertThat(tasked.get("tasking").get("ageMinutes").asLong()).isEqualTo(vesselAge);
    assertThat(vesselAge).isGreaterThan(4 * 60);
  }

  @Test
  @Order(2)
  void closingNeedsANoteAndAnAnalystAcknowledgesAndClosesAlertsButReportsNoPatrol()
      throws Exception {
    String analyst = token("analyst");
    JsonNode alerts = JSON.readTree(send("GET", "/api/maritime/alerts", analyst, null).body());
    long first = alerts.get(0).get("id").asLong();
    long second = alerts.get(1).get("id").asLong();
    HttpResponse<String> bare =
        send(
            "POST",
            "/api/maritime/alerts/" + first + "/status",
            analyst,
            "{\"status\":\"closed\",\"expectedVersion\":0}");
    assertThat(bare.statusCode()).as(bare.body()).isEqualTo(400);
    assertThat(bare.body()).contains("\"field\":\"note\"");
    HttpResponse<String> blank =
        send(
            "POST",
            "/api/maritime/incidents/" + first + "/status",
            token("officer"),
            "{\"status\":\"closed\",\"expectedVersion\":0,\"note\":\"  \"}");
    assertThat(blank.statusCode()).as(blank.body()).isEqualTo(400);
    // nothing half-written: the alert is still open
    JsonNode still = JSON.readTree(send("GET", "/api/maritime/alerts", analyst, null).body());
    assertThat(still.findValuesAsText("id")).contains(String.valueOf(first));
    HttpResponse<String> acked =
        send(
            "POST",
            "/api/maritime/alerts/" + second + "/status",
            analyst,
            "{\"status\":\"acknowledged\",\"expectedVersion\":0}");
    assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
    HttpResponse<String> closed =
        send(
            "POST",
            "/api/maritime/alerts/" + first + "/status",
            analyst,
            "{\"status\":\"closed\",\"expectedVersion\":0,\"note\":\"known trawler, licence checked\"}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(JSON.readTree(closed.body()).get("statusNote").asText())
        .isEqualTo("known trawler, licence checked");
    assertThat(
            send(
                    "POST",
                    "/api/maritime/patrols",
                    analyst,
                    "{\"id\":\"PB-2\",\"name\":\"Desk\",\"lat\":35.2,\"lon\":139.75,"
                        + "\"speedKnots\":10}")
                .statusCode())
        .isEqualTo(403);
    // the analyst's map offers Acknowledge and Close
    assertThat(send("GET", "/maritime", analyst, null).body()).contains("data-may-status=\"true\"");
  }

  @Test
  @Order(3)
  void aPatrolBoatReportedOnLandIsRefusedNamingTheFieldsAndNothingIsStored() throws Exception {
    String officer = token("officer");
    HttpResponse<String> inland =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"id\":\"PB-LAND\",\"name\":\"Tachikawa\",\"lat\":35.68,\"lon\":139.4,"
                + "\"speedKnots\":10}");
    assertThat(inland.statusCode()).as(inland.body()).isEqualTo(400);
    assertThat(inland.body()).contains("\"field\":\"lat\"").contains("on land").contains("lon");
    assertThat(send("GET", "/api/maritime/patrols", officer, null).body())
        .doesNotContain("PB-LAND");
    // a field left out says what to send, not only that it is missing
    HttpResponse<String> noSpeed =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"id\":\"PB-X\",\"name\":\"Uraga\",\"lat\":35.2,\"lon\":139.75}");
    assertThat(noSpeed.statusCode()).as(noSpeed.body()).isEqualTo(400);
    assertThat(noSpeed.body())
        .contains("\"error\":\"missing-field\"")
        .contains("\"field\":\"speedKnots\"")
        .contains("required: expected a number from 0 to 80");
    HttpResponse<String> noName =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"id\":\"PB-X\",\"lat\":35.2,\"lon\":139.75,\"speedKnots\":3}");
    assertThat(noName.body())
        .contains("\"field\":\"name\"")
        .contains("required: expected a text that is not blank");
    // at sea in Uraga Channel: taken
    HttpResponse<String> sea =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"new\":true,\"id\":\"PB-SEA\",\"name\":\"Uraga\",\"lat\":35.2,\"lon\":139.75,"
                + "\"speedKnots\":10}");
    assertThat(sea.statusCode()).as(sea.body()).isEqualTo(201);
  }

  @Test
  @Order(99) // it sets up a camera site, which the sighting form's first-use advice must not see
  void aSightingOrCameraInlandAndABoatThatCanMakeNoSpeedAreRefused() throws Exception {
    String officer = token("officer");
    String admin = token("admin");
    // a camera in the Nagano mountains, 10 nm range: it overlooks no sea
    HttpResponse<String> mountain =
        send(
            "POST",
            "/api/maritime/sites",
            admin,
            "{\"id\":\"CAM-NAGANO\",\"name\":\"Mountain\",\"lat\":36.2,\"lon\":138.0,"
                + "\"bearingDeg\":0,\"fovDeg\":90,\"rangeNm\":10}");
    assertThat(mountain.statusCode()).as(mountain.body()).isEqualTo(400);
    assertThat(mountain.body()).contains("\"field\":\"lat\"").contains("overlooks the sea");
    // one on the Miura headland over the Uraga Channel: taken
    HttpResponse<String> headland =
        send(
            "POST",
            "/api/maritime/sites",
            admin,
            "{\"id\":\"CAM-MIURA\",\"name\":\"Headland\",\"lat\":35.14,\"lon\":139.67,"
                + "\"bearingDeg\":90,\"fovDeg\":120,\"rangeNm\":8}");
    assertThat(headland.statusCode()).as(headland.body()).isEqualTo(201);
    HttpResponse<String> inland =
        send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"CAM-MIURA\",\"time\":\"2024-05-01T03:55:00Z\",\"lat\":35.68,"
                + "\"lon\":139.4,\"vesselType\":\"small craft\"}");
    assertThat(inland.statusCode()).as(inland.body()).isEqualTo(400);
    assertThat(inland.body()).contains("\"field\":\"lat\"").contains("on land");
    HttpResponse<String> noSpeed =
        send(
            "POST",
            "/api/maritime/patrols",
            officer,
            "{\"id\":\"PB-NOSPEED\",\"name\":\"Adrift\",\"lat\":35.2,\"lon\":139.75,"
                + "\"speedKnots\":0,\"maxSpeedKnots\":0}");
    assertThat(noSpeed.statusCode()).as(noSpeed.body()).isEqualTo(400);
    assertThat(noSpeed.body()).contains("\"field\":\"maxSpeedKnots\"").contains("greater than 0");
  }

  @Test
  @Order(4)
  void theSightingFormSaysTimeIsRequiredAndThatAnAdministratorSetsUpCameraSitesFirst()
      throws Exception {
    String page = send("GET", "/maritime?lang=en", token("officer"), null).body();
    assertThat(page)
        .contains("e.g. 2026-11-28 11:50; required)")
        .contains("e.g. 2026-11-28 11:50; blank for now)")
        .doesNotContain("where allowed")
        .containsPattern("<p id=\"no-sites\"[^>]*>No camera site is set up yet");
    assertThat(page).doesNotContainPattern("<p id=\"no-sites\"[^>]*hidden");
  }

  @Test
  @Order(5)
  void distancesAreInNauticalMilesSummariesInTheReadersLanguageTypesWordedAndTimesInJst()
      throws Exception {
    String officer = token("officer");
    // closed ones too: the meeting, ranked first, was closed by the analyst above
    JsonNode ja =
        JSON.readTree(
            send("GET", "/api/maritime/alerts?lang=ja&closed=true", officer, null).body());
    int encounters = 0;
    for (JsonNode a : ja) {
      assertThat(a.get("summary").asText()).isEqualTo(a.get("text").asText());
      assertThat(a.get("recordedSummary").asText()).doesNotContain(" km");
      String kind = a.get("kind").asText();
      if (kind.equals("encounter") || kind.equals("fishing-meeting")) {
        encounters++;
        assertThat(a.get("recordedSummary").asText()).contains(" nm for ");
        assertThat(a.get("summary").asText()).doesNotContain(" and ").contains("と");
      }
    }
    assertThat(encounters).as(ja.toString()).isPositive();

    // a camera operator's free-text type is quoted as reported, not pasted into the sentence
    String admin = token("admin");
    HttpResponse<String> site =
        send(
            "POST",
            "/api/maritime/sites",
            admin,
            "{\"id\":\"cam-nojima\",\"name\":\"Nojima\",\"lat\":34.9,\"lon\":139.89,"
                + "\"bearingDeg\":180,\"fovDeg\":90,\"rangeNm\":10}");
    assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
    HttpResponse<String> seen =
        send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"cam-nojima\",\"time\":\"2026-11-28T03:55:00Z\",\"lat\":34.82,"
                + "\"lon\":139.83,\"vesselType\":\"fishing\"}");
    assertThat(seen.statusCode()).as(seen.body()).isEqualTo(201);
    // while the feed was live (it ends at 03:59): a sighting after it is not checked
    assertThat(JSON.readTree(seen.body()).get("dark").asBoolean()).as(seen.body()).isTrue();
    String en = send("GET", "/api/maritime/alerts?lang=en", officer, null).body();
    assertThat(en).contains("saw a vessel reported as \u201cfishing\u201d with no AIS");
    assertThat(en).doesNotContain("saw a fishing");
    assertThat(send("GET", "/api/maritime/alerts?lang=ja", officer, null).body())
        .contains("船舶（報告された種別:「fishing」）を確認")
        .doesNotContain("が fishing を確認");

    // the vessel page words the AIS type and gives the last position, speed and course
    JsonNode fishing = null;
    for (JsonNode v : JSON.readTree(send("GET", "/api/maritime/vessels", officer, null).body())) {
      if (v.get("shipType").asInt() == 30 && !v.get("speedKnots").isNull()) {
        fishing = v;
      }
    }
    assertThat(fishing).isNotNull();
    String page =
        send("GET", "/maritime/vessels/" + fishing.get("mmsi").asInt() + "?lang=en", officer, null)
            .body();
    assertThat(page)
        .containsPattern("id=\"vessel-type\">Fishing \\(30\\)<")
        .containsPattern("id=\"vessel-position\">\\d+\\.\\d{4}°[NS] \\d+\\.\\d{4}°[EW]<")
        .containsPattern("id=\"vessel-sog\">\\d+\\.\\d kn<")
        .containsPattern("id=\"vessel-cog\">\\d+\\.\\d\u00b0<")
        .contains("data-zone-name=\"JST\"");
    assertThat(
            send(
                    "GET",
                    "/maritime/vessels/" + fishing.get("mmsi").asInt() + "?lang=ja",
                    officer,
                    null)
                .body())
        .contains("漁船 (30)");
    assertThat(send("GET", "/maritime", officer, null).body()).contains("data-zone-name=\"JST\"");
  }

  @Test
  @Order(6)
  void aMisspeltQueryParameterIsRefusedNamingItAndThoseTheRouteTakes() throws Exception {
    String officer = token("officer");
    HttpResponse<String> bogus = send("GET", "/api/maritime/vessels?bogus=1", officer, null);
    assertThat(bogus.statusCode()).as(bogus.body()).isEqualTo(400);
    JsonNode b = JSON.readTree(bogus.body());
    assertThat(b.get("error").asText()).isEqualTo("invalid-parameter");
    assertThat(b.get("field").asText()).isEqualTo("bogus");
    assertThat(b.get("message").asText())
        .isEqualTo("GET /api/maritime/vessels takes hours, area; there is no parameter 'bogus'");
    // a misspelt limit would otherwise answer the default 100 alerts as if it had been read
    HttpResponse<String> limit = send("GET", "/api/maritime/alerts?limt=5", officer, null);
    assertThat(limit.statusCode()).as(limit.body()).isEqualTo(400);
    assertThat(JSON.readTree(limit.body()).get("message").asText())
        .contains("takes limit, closed, asOf");
    HttpResponse<String> none = send("GET", "/api/maritime/picture?hours=1", officer, null);
    assertThat(none.statusCode()).as(none.body()).isEqualTo(400);
    assertThat(JSON.readTree(none.body()).get("message").asText())
        .contains("takes no query parameters");
    // the parameters a route takes, and lang, are read as before
    assertThat(send("GET", "/api/maritime/vessels?hours=24&lang=ja", officer, null).statusCode())
        .isEqualTo(200);
    assertThat(
            send("GET", "/api/maritime/incidents?limit=5&closed=true", officer, null).statusCode())
        .isEqualTo(200);
  }

  private String token(String user) throws Exception {
    return api.token(user);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }
}
