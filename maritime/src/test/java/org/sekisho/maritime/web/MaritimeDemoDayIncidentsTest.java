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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.maritime.adapter.MaritimeContext;
import org.sekisho.maritime.adapter.web.MaritimeWeb;
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
 * The demo's AIS feed on the demo's own day, its meeting at sea as one incident, alert texts in the
 * reader's language and the feeds' counts as metrics, on the real server over embedded PostgreSQL
 * with the clock at 2026-11-28T06:00:00Z (15:00 in Tokyo).
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MaritimeDemoDayIncidentsTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2026-11-28");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private Database db;
  private final List<PortCall> movements = Collections.synchronizedList(new ArrayList<>());
  private MaritimeContext context;
  private final PrometheusMeterRegistry early =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
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
            (call, origin) -> movements.add(call),
            new MaritimeWeb.Scope("customs-jp", Set.of("jcg")));
    List<Migrations> migrations = new ArrayList<>();
    migrations.add(Migrations.of("platform"));
    migrations.addAll(context.migrations());
    db.migrate(migrations);
    // bound before any feed is heard: feeds are added as they come
    context.bindTo(early);
    Accounts accounts =
        new Accounts(db.jdbi(), Clock.systemUTC(), PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "officer", "Ken Sato", PASSWORD, EnumSet.of(Role.OFFICER), "customs-jp", "JPTYO");
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
  void theDemoFeedFallsOnTheDemosDayAndItsPortCallIsThatDaysMovement() throws Exception {
    StringWriter nmea = new StringWriter();
    SyntheticAisFeed.demoOn(DAY, TOKYO, NOW).write(nmea);
    Matcher m = Pattern.compile("\\\\c:(\\d+)\\*").matcher(nmea.toString());
    int n = 0;
    while (m.find()) {
      Instant t = Instant.ofEpochSecond(Long.parseLong(m.group(1)));
      assertThat(t.atZone(TOKYO).toLocalDate()).isEqualTo(DAY);
      assertThat(t).isBeforeOrEqualTo(NOW);
      n++;
    }
    assertThat(n).isGreaterThan(2000);
    var r =
        context
            .service()
            .ingest(new ByteArrayInputStream(nmea.toString().getBytes(StandardCharsets.US_ASCII)));
    context.service().endOfInput();
    assertThat(r.brokenByCode()).isEmpty();
    assertThat(movements).isNotEmpty();
    for (PortCall c : movements) {
      assertThat(c.time().atZone(TOKYO).toLocalDate()).isEqualTo(DAY);
    }
    List<String> kinds = new ArrayList<>();
    JSON.readTree(send("GET", "/api/maritime/alerts", token("officer"), null).body())
        .forEach(a -> kinds.add(a.get("kind").asText()));
    assertThat(kinds).contains("fishing-meeting", "port-call").doesNotContain("encounter");
  }

  @Test
  @Order(2)
  void beforeNineInTheMorningOfTodayTheDemoFeedEndsByNow() {
    Instant eleven = Instant.parse("2026-11-28T02:00:00Z"); // 11:00 in Tokyo
    SyntheticAisFeed f = SyntheticAisFeed.demoOn(DAY, TOKYO, eleven);
    assertThat(f.start()).isEqualTo(Instant.parse("2026-11-27T22:00:00Z"));
    assertThat(f.start().plus(f.duration())).isBeforeOrEqualTo(eleven);
    // in the small hours it starts the evening before rather than run past now
    Instant halfPastOne = Instant.parse("2026-11-27T16:30:00Z"); // 01:30 in Tokyo
    SyntheticAisFeed early = SyntheticAisFeed.demoOn(DAY, TOKYO, halfPastOne);
    assertThat(early.start())
        .isEqualTo(Instant.parse("2026-11-27T12:30:00Z")); // 21:30 the day before
    assertThat(early.start().plus(early.duration())).isBeforeOrEqualTo(halfPastOne);
    // a past day: from 09:00 there
    assertThat(SyntheticAisFeed.demoOn(LocalDate.parse("2026-11-20"), TOKYO, NOW).start())
        .isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
  }

  @Test
  @Order(3)
  void theMeetingAtSeaIsOneIncidentWithItsAlertsAsParts() throws Exception {
    String officer = token("officer");
    JsonNode alerts = JSON.readTree(send("GET", "/api/maritime/alerts", officer, null).body());
    JsonNode incidents =
        JSON.readTree(send("GET", "/api/maritime/incidents", officer, null).body());
    assertThat(incidents.size()).isLessThan(alerts.size());
    JsonNode meeting = incidentWith(incidents, "fishing-meeting");
    List<String> parts = new ArrayList<>();
    meeting.get("parts").forEach(p -> parts.add(p.get("kind").asText()));
    // the meeting is one alert (no encounter beside the fishing meeting), with both loiterings
    assertThat(parts).contains("fishing-meeting", "loitering").doesNotContain("encounter");
    assertThat(meeting.get("kind").asText()).isEqualTo("fishing-meeting");
    assertThat(meeting.get("id").asLong())
        .isEqualTo(meeting.get("parts").get(0).get("id").asLong());
    assertThat(meeting.get("vessels")).hasSize(2);
    // every alert is in exactly one incident
    List<Long> inIncidents = new ArrayList<>();
    incidents.forEach(i -> i.get("parts").forEach(p -> inIncidents.add(p.get("id").asLong())));
    List<Long> alertIds = new ArrayList<>();
    alerts.forEach(a -> alertIds.add(a.get("id").asLong()));
    assertThat(inIncidents).containsExactlyInAnyOrderElementsOf(alertIds);
    // the port call of another vessel stays apart
    assertThat(incidentWith(incidents, "port-call").get("parts")).hasSize(1);
    // ranked: the incident where its most urgent part is
    assertThat(incidents.get(0).get("rank").asInt()).isEqualTo(1);
  }

  @Test
  @Order(4)
  void alertTextsAreInTheReadersLanguageFromTheirFields() throws Exception {
    String admin = token("admin");
    assertThat(
            send(
                    "POST",
                    "/api/maritime/sites",
                    admin,
                    "{\"id\":\"cam-tateyama\",\"name\":\"Tateyama\",\"lat\":34.99,\"lon\":139.84,\"bearingDeg\":200,\"fovDeg\":120,\"rangeNm\":10}")
                .statusCode())
        .isEqualTo(201);
    String officer = token("officer");
    HttpResponse<String> dark =
        send(
            "POST",
            "/api/maritime/sightings",
            officer,
            "{\"siteId\":\"cam-tateyama\",\"time\":\"2026-11-28T03:50:00Z\",\"lat\":34.9,\"lon\":139.8,\"vesselType\":\"speedboat\"}");
    assertThat(dark.statusCode()).as(dark.body()).isEqualTo(201);
    // while the demo feed is live (it ends at 04:00Z): after it, a sighting is not checked
    assertThat(JSON.readTree(dark.body()).get("dark").asBoolean()).as(dark.body()).isTrue();
    JsonNode ja = JSON.readTree(send("GET", "/api/maritime/alerts?lang=ja", officer, null).body());
    JsonNode en = JSON.readTree(send("GET", "/api/maritime/alerts?lang=en", officer, null).body());
    assertThat(first(ja, "port-call").get("text").asText())
        .contains("入港")
        .doesNotContain("arrival");
    assertThat(first(en, "port-call").get("text").asText()).contains("arrival");
    assertThat(first(ja, "dark-vessel").get("text").asText())
        .contains("カメラ Tateyama", "speedboat", "海里")
        .doesNotContain("camera", "saw");
    assertThat(first(en, "dark-vessel").get("text").asText())
        .isEqualTo(
            "camera Tateyama saw a vessel reported as \u201cspeedboat\u201d with no AIS within 1.0 nm");
    String mmsi = first(ja, "port-call").get("mmsi").asText();
    HttpResponse<String> page =
        send("GET", "/maritime/vessels/" + mmsi + "?lang=ja", officer, null);
    assertThat(page.statusCode()).isEqualTo(200);
    String alertList = page.body().substring(page.body().indexOf("id=\"vessel-alerts\""));
    assertThat(alertList).contains("入港").doesNotContain("arrival");
    String calls =
        page.body()
            .substring(
                page.body().indexOf("id=\"vessel-port-calls\""),
                page.body().indexOf("id=\"vessel-alerts\""));
    assertThat(calls).contains(">入港<");
  }

  @Test
  @Order(5)
  void theMapListsTheMeetingAsOneIncidentWithItsPartsInJapanese() {
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get(base + "/maritime?lang=ja");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("officer");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(
          d ->
              !d.findElements(By.cssSelector("#alerts li.incident[data-kind=fishing-meeting]"))
                  .isEmpty());
      WebElement meeting =
          driver.findElement(By.cssSelector("#alerts li.incident[data-kind=fishing-meeting]"));
      List<String> parts = new ArrayList<>();
      meeting
          .findElements(By.cssSelector("ul.incident-parts li.incident-part"))
          .forEach(p -> parts.add(p.getAttribute("data-kind")));
      assertThat(parts).contains("loitering").doesNotContain("encounter");
      assertThat(driver.findElements(By.cssSelector("#alerts li.incident[data-kind=encounter]")))
          .isEmpty();
      assertThat(
              driver
                  .findElement(By.cssSelector("#alerts li.incident[data-kind=port-call]"))
                  .getText())
          .contains("入港")
          .doesNotContain("arrival");
      assertThat(
              driver
                  .findElement(By.cssSelector("#alerts li.incident[data-kind=dark-vessel]"))
                  .getText())
          .contains("カメラ Tateyama");
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(6)
  void acknowledgingAndClosingAnIncidentCoversItsParts() throws Exception {
    String officer = token("officer");
    JsonNode meeting =
        incidentWith(
            JSON.readTree(send("GET", "/api/maritime/incidents", officer, null).body()),
            "fishing-meeting");
    List<Long> ids = new ArrayList<>();
    meeting.get("parts").forEach(p -> ids.add(p.get("id").asLong()));
    // named by any of its parts
    long last = ids.get(ids.size() - 1);
    HttpResponse<String> ack =
        send(
            "POST",
            "/api/maritime/incidents/" + last + "/status",
            officer,
            "{\"status\":\"acknowledged\",\"expectedVersion\":0}");
    assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
    assertThat(JSON.readTree(ack.body()).get("parts")).hasSize(ids.size());
    for (JsonNode a : JSON.readTree(send("GET", "/api/maritime/alerts", officer, null).body())) {
      if (ids.contains(a.get("id").asLong())) {
        assertThat(a.get("status").asText()).isEqualTo("acknowledged");
        assertThat(a.get("statusBy").asText()).isEqualTo("officer");
      } else {
        assertThat(a.get("status").asText()).isEqualTo("open");
      }
    }
    HttpResponse<String> bad =
        send("POST", "/api/maritime/incidents/" + last + "/status", officer, "{\"status\":\"x\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    send(
        "POST",
        "/api/maritime/incidents/" + ids.get(0) + "/status",
        officer,
        "{\"status\":\"closed\",\"expectedVersion\":1,\"note\":\"transhipment checked\"}");
    List<Long> open = new ArrayList<>();
    JSON.readTree(send("GET", "/api/maritime/alerts", officer, null).body())
        .forEach(a -> open.add(a.get("id").asLong()));
    assertThat(open).doesNotContainAnyElementsOf(ids).isNotEmpty();
    for (long id : ids) {
      assertThat(auditCount("alert:" + id, "transhipment checked")).isEqualTo(1);
    }
  }

  @Test
  @Order(7)
  void theFeedsCountsAreMetricsForARegistryBoundBeforeOrAfterTheFeedsCame() throws Exception {
    String bad =
        "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C\n";
    context.service().ingest(new ByteArrayInputStream(bad.getBytes(StandardCharsets.US_ASCII)));
    long messages = 0;
    for (JsonNode f :
        JSON.readTree(send("GET", "/api/maritime/feeds", token("officer"), null).body())) {
      if (f.get("feed").asText().equals("feed")) {
        messages = f.get("messages").asLong();
      }
    }
    assertThat(messages).isGreaterThan(2000);
    PrometheusMeterRegistry late = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    context.bindTo(late);
    for (PrometheusMeterRegistry r : List.of(early, late)) {
      String scrape = r.scrape();
      assertThat(scrape)
          .contains("sekisho_maritime_feed_messages_total{feed=\"feed\"} " + (double) messages)
          .contains("sekisho_maritime_feed_lines_total{feed=\"feed\"}")
          .contains("sekisho_maritime_feed_skipped_total{feed=\"feed\"}")
          .containsPattern(
              "sekisho_maritime_feed_broken_total\\{feed=\"feed\",problem=\"nmea-incomplete\"\\}"
                  + " 1\\.0");
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

  private static JsonNode incidentWith(JsonNode incidents, String kind) {
    for (JsonNode i : incidents) {
      for (JsonNode p : i.get("parts")) {
        if (p.get("kind").asText().equals(kind)) {
          return i;
        }
      }
    }
    throw new AssertionError("no incident with a " + kind + " in " + incidents);
  }

  private long auditCount(String subject, String detail) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from platform.audit_log where action ="
                            + " 'maritime.alert.status' and subject = :s and details like :d")
                    .bind("s", subject)
                    .bind("d", "%" + detail + "%")
                    .mapTo(Long.class)
                    .one());
  }

  private String token(String user) throws Exception {
    return api.token(user);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }
}
