package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebServer;

/**
 * The maritime context on the real server over embedded PostgreSQL: a replayed feed shows vessels,
 * an encounter alert and a port call, through the API and on the map in Chromium.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MaritimeServerTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final ObjectMapper JSON = new ObjectMapper();

  private Database db;
  private final List<PortCall> movements = Collections.synchronizedList(new ArrayList<>());
  private MaritimeContext context;
  private WebServer web;
  private String base;
  private ApiClient api;

  @BeforeAll
  void start(Database database, @TempDir Path dir) throws Exception {
    this.db = database;
    Clock clock = Clock.fixed(Instant.parse("2024-05-01T06:00:00Z"), ZoneOffset.UTC);
    AuditLog audit = new AuditLog(db.jdbi());
    context =
        new MaritimeContext(
            db,
            audit,
            clock,
            dir,
            (call, origin) -> movements.add(call),
            new MaritimeWeb.Scope("customs-jp", java.util.Set.of("jcg")));
    List<Migrations> migrations = new ArrayList<>();
    migrations.add(Migrations.of("platform"));
    migrations.addAll(context.migrations());
    db.migrate(migrations);
    Accounts accounts =
        new Accounts(db.jdbi(), Clock.systemUTC(), PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "officer", "Ken Sato", PASSWORD, EnumSet.of(Role.OFFICER), "customs-jp", "JPTYO");
    accounts.upsert("coastguard", "Mei Ito", PASSWORD, EnumSet.of(Role.PARTNER), "jcg", "3rd");
    accounts.upsert(
        "inspector", "Jun Mori", PASSWORD, EnumSet.of(Role.INSPECTOR), "customs-jp", "JPTYO");
    accounts.upsert("admin", "Admin", PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "HQ");
    List<String> bundles = new ArrayList<>(List.of("i18n.platform"));
    bundles.addAll(context.messageBundles());
    web =
        WebServer.start(
            new WebServer.Config("127.0.0.1", 0, false, bundles, context.nav(), "test"),
            accounts,
            audit,
            Clock.systemUTC(),
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

  private String token(String user) throws Exception {
    return api.token(user);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }

  @Test
  @Order(1)
  void aReplayedFeedGivesVesselsAnEncounterAlertAndAPortCallThroughTheApi() throws Exception {
    String officer = token("officer");
    StringWriter nmea = new StringWriter();
    SyntheticAisFeed.demo().write(nmea);
    HttpResponse<String> up = send("POST", "/api/maritime/feed", officer, nmea.toString());
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    assertThat(JSON.readTree(up.body()).get("messages").asLong()).isGreaterThan(2000);

    JsonNode vessels = JSON.readTree(send("GET", "/api/maritime/vessels", officer, null).body());
    assertThat(vessels).hasSize(6);
    JsonNode alerts = JSON.readTree(send("GET", "/api/maritime/alerts", officer, null).body());
    List<String> kinds = new ArrayList<>();
    alerts.forEach(a -> kinds.add(a.get("kind").asText()));
    // the demo's one meeting at sea is one alert, of its most specific kind
    assertThat(kinds).contains("fishing-meeting", "port-call").doesNotContain("encounter");
    JsonNode calls = JSON.readTree(send("GET", "/api/maritime/port-calls", officer, null).body());
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).get("locode").asText()).isEqualTo("JPTYO");
    assertThat(calls.get(0).get("direction").asText()).isEqualTo("arrival");
    assertThat(movements)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.vessel().imo()).isEqualTo(9_000_053);
              assertThat(c.vessel().flag()).isEqualTo("SG");
            });
    // positions went into a day partition created on demand
    long inPartition =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from maritime.position_20240501")
                        .mapTo(Long.class)
                        .one());
    assertThat(inPartition).isGreaterThan(2000);
    // replaying the same feed again stores no second alert or port call
    send("POST", "/api/maritime/feed", officer, nmea.toString());
    assertThat(JSON.readTree(send("GET", "/api/maritime/port-calls", officer, null).body()))
        .hasSize(1);
    assertThat(movements).hasSize(1);
  }

  @Test
  @Order(2)
  void rolesAreEnforced() throws Exception {
    assertThat(send("GET", "/api/maritime/vessels", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/maritime/vessels", token("inspector"), null).statusCode())
        .isEqualTo(403);
    assertThat(send("GET", "/api/maritime/vessels", token("coastguard"), null).statusCode())
        .isEqualTo(200);
    String site =
        "{\"id\":\"cam-1\",\"name\":\"Cape Nojima\",\"lat\":34.9,\"lon\":139.89,\"bearingDeg\":180,\"fovDeg\":90,\"rangeNm\":12}";
    assertThat(send("POST", "/api/maritime/sites", token("officer"), site).statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/maritime/sites", token("admin"), site).statusCode())
        .isEqualTo(201);
    HttpResponse<String> bad =
        send("POST", "/api/maritime/sites", token("admin"), "{\"id\":\"x\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("name");
  }

  @Test
  @Order(3)
  void aSightingWithNoAisNearbyRaisesADarkVesselAlertRankedFirstWithTheNearestBoat()
      throws Exception {
    String cg = token("coastguard");
    assertThat(
            send(
                    "POST",
                    "/api/maritime/patrols",
                    cg,
                    "{\"new\":true,\"id\":\"PL-61\",\"name\":\"Izu\",\"time\":\"2024-05-01T05:50:00Z\",\"lat\":34.8,\"lon\":139.9,\"speedKnots\":20}")
                .statusCode())
        .isEqualTo(201);
    // the demo's meeting pair drifts together around 02:00; a sighting far from any vessel while
    // the feed is live (it ends at 04:00) is dark
    HttpResponse<String> dark =
        send(
            "POST",
            "/api/maritime/sightings",
            cg,
            "{\"siteId\":\"cam-1\",\"time\":\"2024-05-01T03:55:00Z\",\"lat\":34.72,\"lon\":139.97,\"vesselType\":\"small craft\",\"imageRef\":\"cam-1/0001.jpg\"}");
    assertThat(dark.statusCode()).as(dark.body()).isEqualTo(201);
    assertThat(JSON.readTree(dark.body()).get("dark").asBoolean()).as(dark.body()).isTrue();
    HttpResponse<String> unknown =
        send(
            "POST",
            "/api/maritime/sightings",
            cg,
            "{\"siteId\":\"nope\",\"time\":\"2024-05-01T05:55:00Z\",\"lat\":34,\"lon\":139}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).get("field").asText()).isEqualTo("siteId");
    JsonNode alerts = JSON.readTree(send("GET", "/api/maritime/alerts", cg, null).body());
    assertThat(alerts.get(0).get("kind").asText()).isEqualTo("dark-vessel");
    JsonNode boat = alerts.get(0).get("nearestBoats").get(0);
    assertThat(boat.get("name").asText()).isEqualTo("Izu");
    assertThat(boat.get("etaMinutes").asLong()).isBetween(1L, 60L);
  }

  @Test
  @Order(4)
  void theMapInChromiumShowsVesselsTheMeetingAlertAndThePortCall() {
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get(base + "/maritime");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("coastguard");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("map")));
      wait.until(d -> d.findElements(By.cssSelector("path.vessel-marker")).size() == 6);
      wait.until(
          // the demo's meeting: a fishing vessel and a cargo ship, one alert of that kind
          d ->
              !d.findElements(By.cssSelector("#alerts li[data-kind='fishing-meeting']")).isEmpty());
      wait.until(d -> !d.findElements(By.cssSelector("path.alert-marker")).isEmpty());
      wait.until(d -> !d.findElements(By.cssSelector("#port-calls li.port-call")).isEmpty());
      assertThat(driver.findElement(By.cssSelector("#port-calls li.port-call")).getText())
          .contains("arrival")
          .contains("JPTYO");
      assertThat(driver.findElement(By.id("vessel-count")).getText()).isEqualTo("6");
      driver.get(base + "/maritime/vessels/563100005");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vessel-static")));
      assertThat(driver.findElement(By.id("vessel-flag")).getText()).isEqualTo("SG");
      assertThat(driver.findElement(By.id("vessel-port-calls")).getText())
          .contains("JPTYO")
          // in the administration's time zone, as every page shows times, not raw ISO UTC
          .containsPattern("2024-05-01 \\d{2}:\\d{2} ")
          .doesNotContainPattern("T\\d{2}:\\d{2}");
      wait.until(d -> !d.findElements(By.cssSelector("#map path.leaflet-interactive")).isEmpty());
      driver.findElement(By.id("replay-track")).click();
      wait.until(d -> !d.findElements(By.cssSelector("path.replay-marker")).isEmpty());
      wait.until(d -> d.findElement(By.id("replay-time")).getText().startsWith("2024-05-01T"));
      assertThat(driver.findElement(By.id("intel-link")).getAttribute("href"))
          .endsWith("/search?q=9000053&kind=conveyance-movement");
      assertThat(driver.findElement(By.id("intel-link-mmsi")).getAttribute("href"))
          .endsWith("/search?q=563100005&kind=conveyance-movement");
      assertThat(driver.findElements(By.id("intel-link-name"))).hasSize(1);
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(5)
  void
      anOfficerSeesTheCameraSiteAndASightingReportedOnTheMapRaisesADarkVesselAlertWithTheNearestBoat()
          throws Exception {
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get(base + "/maritime");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("officer");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      // the camera site with its field of view, and the patrol boat
      wait.until(d -> !d.findElements(By.cssSelector("path.camera-fov")).isEmpty());
      wait.until(d -> !d.findElements(By.cssSelector("path.camera-site")).isEmpty());
      assertThat(driver.findElement(By.id("sites")).getText()).contains("Cape Nojima");
      wait.until(d -> !d.findElements(By.cssSelector("path.patrol-marker")).isEmpty());
      wait.until(
          d -> !d.findElements(By.cssSelector("path.alert-marker-fishing-meeting")).isEmpty());
      int darkBefore = darkAlerts();
      // an operator reports what the camera sees where no AIS is
      wait.until(
          d -> !d.findElements(By.cssSelector("#sighting-site option[value='cam-1']")).isEmpty());
      driver.findElement(By.cssSelector("#sighting-site option[value='cam-1']")).click();
      driver.findElement(By.id("sighting-time")).clear();
      driver.findElement(By.id("sighting-time")).sendKeys("2024-05-01T03:58:00Z");
      // a position (a bearing is explained by any AIS vessel along it, and the demo's traffic
      // crosses the camera's view)
      driver.findElement(By.id("sighting-lat")).sendKeys("34.75");
      driver.findElement(By.id("sighting-lon")).sendKeys("139.80");
      driver.findElement(By.id("sighting-size")).sendKeys("12");
      driver.findElement(By.id("sighting-type")).sendKeys("small craft");
      driver.findElement(By.id("sighting-image")).sendKeys("cam-1/0002.jpg");
      driver.findElement(By.id("sighting-submit")).click();
      wait.until(d -> !d.findElements(By.cssSelector("#sighting-result.sighting-dark")).isEmpty());
      assertThat(darkAlerts()).isEqualTo(darkBefore + 1);
      wait.until(d -> d.findElements(By.cssSelector("path.sighting-dark")).size() >= 2);
      wait.until(d -> !d.findElements(By.cssSelector("path.alert-marker-dark-vessel")).isEmpty());
      // the most urgent alert is a dark vessel, with the nearest patrol boat and its ETA
      wait.until(
          d ->
              "dark-vessel"
                  .equals(d.findElement(By.cssSelector("#alerts > li")).getAttribute("data-kind")));
      String first = driver.findElement(By.cssSelector("#alerts > li li.nearest-boat")).getText();
      assertThat(first).contains("Izu").contains("PL-61").contains("ETA").contains("min");
      // and that boat's passage drawn on the map
      wait.until(d -> !d.findElements(By.cssSelector("path.boat-route")).isEmpty());
      // a sighting with a position right on an AIS vessel is explained, not dark
      driver.findElement(By.id("sighting-time")).clear();
      driver.findElement(By.id("sighting-time")).sendKeys("2024-05-01T02:00:00Z");
      driver.findElement(By.id("sighting-lat")).clear();
      driver.findElement(By.id("sighting-lon")).clear();
      JsonNode meeting =
          JSON.readTree(
                  send("GET", "/api/maritime/vessels/431100000/track", token("officer"), null)
                      .body())
              .get("positions");
      JsonNode at = null;
      for (JsonNode p : meeting) {
        if (p.get("time").asText().startsWith("2024-05-01T02:00")) {
          at = p;
        }
      }
      assertThat(at).as("stored position of the fishing vessel at 02:00").isNotNull();
      driver.findElement(By.id("sighting-lat")).sendKeys(at.get("lat").asText());
      driver.findElement(By.id("sighting-lon")).sendKeys(at.get("lon").asText());
      driver.findElement(By.id("sighting-submit")).click();
      wait.until(
          d -> !d.findElements(By.cssSelector("#sighting-result.sighting-explained")).isEmpty());
      assertThat(driver.findElement(By.id("sighting-result")).getText()).contains("431100000");
      assertThat(darkAlerts()).isEqualTo(darkBefore + 1);
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(6)
  void aLineHoldingANulIsABrokenSentenceWithItsLineAndTheOtherLinesAreDecoded() throws Exception {
    String good = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
    // valid on its own (a NUL leaves the checksum as it is): only the NUL makes it broken
    String withNul = "\u0000!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E";
    long goodMmsi = mmsiOf(good);
    long nulMmsi = mmsiOf(withNul.substring(1));
    String officer = token("officer");
    HttpResponse<String> up =
        send("POST", "/api/maritime/feed", officer, good + "\n" + withNul + "\n");
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    JsonNode r = JSON.readTree(up.body());
    assertThat(r.get("lines").asLong()).isEqualTo(2);
    assertThat(r.get("messages").asLong()).isEqualTo(1);
    assertThat(r.get("broken").get("nmea-nul").asLong()).isEqualTo(1);
    JsonNode example = r.get("examples").get(0);
    assertThat(example.get("line").asLong()).isEqualTo(2);
    assertThat(example.get("code").asText()).isEqualTo("nmea-nul");
    assertThat(example.get("message").asText()).isEqualTo("the line " + Web.NUL_REASON);
    assertThat(send("GET", "/api/maritime/vessels/" + goodMmsi, officer, null).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/api/maritime/vessels/" + nulMmsi, officer, null).statusCode())
        .isEqualTo(404);
  }

  private static long mmsiOf(String sentence) throws Exception {
    List<Long> mmsi = new ArrayList<>();
    new DecodeAisStream(0)
        .run(
            new java.io.ByteArrayInputStream(sentence.getBytes(StandardCharsets.US_ASCII)),
            (m, channel, time) -> mmsi.add((long) m.mmsi()));
    assertThat(mmsi).hasSize(1);
    return mmsi.get(0);
  }

  private int darkAlerts() throws Exception {
    int n = 0;
    for (JsonNode a :
        JSON.readTree(send("GET", "/api/maritime/alerts", token("officer"), null).body())) {
      n += a.get("kind").asText().equals("dark-vessel") ? 1 : 0;
    }
    return n;
  }
}
