package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.names.adapter.file.StorableText;
import org.sekisho.passenger.PassengerServer;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebServer;

/**
 * Passenger screening on the real server: a corpus PNR is screened on ingest against a watchlist
 * and a rule, hits are never duplicated, dispositions need a comment and are audited; the PNR unit
 * reviews a hit in Chromium.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreeningWebTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WATCHLIST =
      "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
          + "national-alerts,A1,Kevin Vandenberg,,1980-07-04,us,,high\n"
          + "national-alerts,A2,Olga Petrova,,1975,ru,,medium\n"
          + "national-alerts,A3,Bad Row,,1975-13,ru,,medium\n";
  private static Database db;
  private static final String PASSWORD = PassengerServer.PASSWORD;
  private static PassengerServer fixture;
  private static WebServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) {
    db = database;
    fixture =
        PassengerServer.start(db, Clock.systemUTC(), "screening-web-test", "AU")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq")
            .account("officer", "Officer", Role.OFFICER, "customs", "port");
    server = fixture.web();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @Order(1)
  void aPnrIsScreenedOnIngestAndItsHitsAreReviewedWithACommentAndAudited() throws Exception {
    String pnr = token("pnr");
    String officer = token("officer");
    assertThat(post("/api/screening/watchlists/csv", officer, WATCHLIST).statusCode())
        .isEqualTo(403);
    HttpResponse<String> imported = post("/api/screening/watchlists/csv", pnr, WATCHLIST);
    assertThat(imported.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(imported.body());
    assertThat(report.get("imported").asInt()).isEqualTo(2);
    assertThat(report.get("problems").get(0).get("field").asText()).contains("row 4");
    HttpResponse<String> ftm =
        post(
            "/api/screening/watchlists/ftm?list=sanctions&severity=critical",
            pnr,
            "{\"id\":\"ru-1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ivan"
                + " Sidorov\"],\"birthDate\":[\"1970\"]},\"datasets\":[\"ru_sanctions\"]}\n"
                + "not json\n");
    assertThat(ftm.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ftm.body()).get("imported").asInt()).isEqualTo(1);
    assertThat(JSON.readTree(ftm.body()).get("refused").asInt()).isEqualTo(1);
    assertThat(get("/api/screening/watchlists", pnr).body())
        .contains("national-alerts")
        .contains("ru_sanctions");

    HttpResponse<String> badRule =
        post(
            "/api/screening/rules",
            pnr,
            "{\"text\":\"criterion \\\"Cash\\\" when payment = \\\"CA\\\"\\n and lane = \\\"red\\\""
                + " then severity high because \\\"paid cash\\\"\"}");
    assertThat(badRule.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badRule.body()).get("field").asText()).isEqualTo("line 2, column 6");
    HttpResponse<String> rule =
        post(
            "/api/screening/rules",
            pnr,
            "{\"text\":\"criterion \\\"Cash, alone\\\" when payment = \\\"CA\\\" and"
                + " travelling_alone = \\\"yes\\\" then severity medium weight 20 because \\\"paid"
                + " cash, travelling alone\\\"\"}");
    assertThat(rule.statusCode()).isEqualTo(200);

    String text = Corpus.text("parsers-pnr/pnrMessagePg77.txt");
    assertThat(post("/api/pnr", pnr, text).statusCode()).isEqualTo(200);
    JsonNode flights =
        JSON.readTree(get("/api/screening/flights?from=2013-05-28&to=2013-05-28", pnr).body())
            .get("flights");
    assertThat(flights).hasSize(1);
    JsonNode flight = flights.get(0);
    assertThat(flight.get("flight").asText()).isEqualTo("TZ0006");
    assertThat(flight.get("direction").asText()).isEqualTo("arrival");
    assertThat(flight.get("status").asText()).isEqualTo("screened");
    assertThat(flight.get("travellers").asInt()).isEqualTo(1);
    assertThat(flight.get("openHits").asInt()).isEqualTo(2);
    long flightId = flight.get("id").asLong();

    // a new version of the booking screens the flight again without duplicating open hits
    assertThat(post("/api/pnr", pnr, text.replace("1999.99'", "1999.98'")).statusCode())
        .isEqualTo(200);
    JsonNode detail = JSON.readTree(get("/api/screening/flights/" + flightId, pnr).body());
    assertThat(detail.get("hits")).hasSize(2);
    assertThat(get("/api/screening/flights/" + flightId, officer).statusCode()).isEqualTo(403);

    JsonNode ruleHit = null;
    for (JsonNode h : detail.get("hits")) {
      if (h.get("kind").asText().equals("rule")) {
        ruleHit = h;
      }
    }
    assertThat(ruleHit).isNotNull();
    assertThat(ruleHit.get("explanation").get(0).asText()).isEqualTo("paid cash, travelling alone");
    String hitPath = "/api/screening/hits/" + ruleHit.get("id").asLong() + "/disposition";
    HttpResponse<String> noComment =
        post(hitPath, pnr, "{\"disposition\":\"no-match\",\"comment\":\"\"}");
    assertThat(noComment.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noComment.body()).get("error").asText()).isEqualTo("comment-required");
    HttpResponse<String> done =
        post(
            hitPath,
            pnr,
            "{\"disposition\":\"no-match\",\"comment\":\"known business traveller\"}");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(done.body()).get("status").asText()).isEqualTo("no-match");
    assertThat(JSON.readTree(done.body()).get("disposedBy").asText()).isEqualTo("pnr");
    assertThat(
            post(hitPath, pnr, "{\"disposition\":\"confirmed\",\"comment\":\"again\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(audited("screening.hit.dispose")).isEqualTo(1);
    assertThat(audited("screening.flight")).isGreaterThanOrEqualTo(2);

    HttpResponse<String> rulesPage = get("/screening/rules", pnr);
    assertThat(rulesPage.statusCode()).isEqualTo(200);
    assertThat(rulesPage.body()).contains("Cash, alone").contains("booking_days_before_departure");
    assertThat(get("/screening/watchlists", pnr).body()).contains("national-alerts");
    assertThat(get("/screening/rules?lang=ja", pnr).body()).contains("旅客ルール");
    long ruleId = JSON.readTree(rule.body()).get("id").asLong();
    assertThat(post("/api/screening/rules/" + ruleId + "/disable", pnr, "").statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    "/api/screening/rules/" + ruleId + "/disable",
                    pnr,
                    "{\"reason\":\"too many hits on families\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            JSON.readTree(get("/api/screening/rules", pnr).body())
                .get("rules")
                .get(0)
                .get("enabled")
                .asBoolean())
        .isFalse();
  }

  @Test
  @Order(2)
  void thePnrUnitReviewsAWatchlistHitInChromium() {
    WebDriver driver = Chromium.start();
    try {
      String base = "http://127.0.0.1:" + server.port();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base + "/screening/flights?from=2013-05-01&to=2013-06-30");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("pnr");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flights")));
      assertThat(driver.findElement(By.cssSelector("#flights tr.flight .open-hits")).getText())
          .isEqualTo("1");
      driver.findElement(By.cssSelector("#flights a.flight-link")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("travellers")));
      assertThat(driver.findElement(By.id("travellers")).getText()).contains("VANDENBERG");
      driver.findElement(By.cssSelector("#travellers a.hit-link.severity-high")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("explanation")));
      String why = driver.findElement(By.id("explanation")).getText();
      assertThat(why).contains("national-alerts").contains("vandenberg").contains("date of birth");
      new Select(driver.findElement(By.id("disposition"))).selectByValue("false-positive");
      driver.findElement(By.id("comment")).sendKeys("different person: other middle name on file");
      driver.findElement(By.id("dispose")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hit-status")));
      assertThat(driver.findElement(By.id("hit-status")).getText()).isEqualTo("False positive");
      assertThat(driver.findElement(By.id("disposition-comment")).getText())
          .contains("other middle name");
      assertThat(audited("screening.hit.dispose")).isEqualTo(2);

      driver.findElement(By.id("traveller-link")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("intel-note")));
      assertThat(driver.findElements(By.cssSelector(".pnr-version"))).hasSize(2);
      // no name or document in a search link: its address would reach the audit log
      assertThat(driver.findElements(By.cssSelector("a[href*='/search']"))).isEmpty();
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(3)
  void thePnrUnitManagesReferenceListsAndImportsNamedWatchlistsThroughTheApi() throws Exception {
    String pnr = token("pnr");
    String officer = token("officer");
    String create = "{\"name\":\"source-countries\",\"kind\":\"countries\",\"description\":\"x\"}";
    assertThat(post("/api/screening/lists", officer, create).statusCode()).isEqualTo(403);
    HttpResponse<String> created = post("/api/screening/lists", pnr, create);
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(created.body()).get("version").asInt()).isEqualTo(1);
    assertThat(post("/api/screening/lists", pnr, create).statusCode()).isEqualTo(409);
    assertThat(
            post("/api/screening/lists", pnr, "{\"name\":\"bins\",\"kind\":\"bins\"}").statusCode())
        .isEqualTo(400);

    assertThat(post("/api/screening/lists/source-countries/entries", officer, "CO").statusCode())
        .isEqualTo(403);
    HttpResponse<String> imported =
        post(
            "/api/screening/lists/source-countries/entries",
            pnr,
            "value,note\nCO,coca\nXX,typo\nAU,test\n");
    assertThat(imported.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(imported.body());
    assertThat(report.get("added").asInt()).isEqualTo(2);
    assertThat(report.get("version").asInt()).isEqualTo(2);
    assertThat(report.get("problems").get(0).get("field").asText()).isEqualTo("line 3");

    HttpResponse<String> unknown =
        post(
            "/api/screening/rules",
            pnr,
            "{\"text\":\"criterion \\\"Source\\\" when via in list \\\"nowhere\\\" then"
                + " weight 5 because \\\"route through a source country\\\"\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).get("field").asText()).isEqualTo("line 1, column 37");
    HttpResponse<String> rule =
        post(
            "/api/screening/rules",
            pnr,
            "{\"text\":\"criterion \\\"Source\\\" when via in list \\\"source-countries\\\""
                + " then weight 5 because \\\"route through a source country\\\"\"}");
    assertThat(rule.statusCode()).isEqualTo(200);
    long id = JSON.readTree(rule.body()).get("id").asLong();
    JsonNode versions =
        JSON.readTree(get("/api/screening/rules/" + id + "/versions", pnr).body()).get("versions");
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).get("lists").get("source-countries").asInt()).isEqualTo(2);
    assertThat(get("/api/screening/lists/source-countries", pnr).body())
        .contains("\"value\":\"CO\"")
        .contains("coca");
    assertThat(get("/screening/rules", pnr).body()).contains("source-countries");

    String csv =
        "list,id,name,aliases,birth_dates,nationalities,documents\n"
            + "x,B1,Olga Petrova,,1975,ru,\n";
    HttpResponse<String> named =
        post("/api/screening/watchlists/border-alerts/import?format=csv&severity=medium", pnr, csv);
    assertThat(named.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(named.body()).get("version").asInt()).isEqualTo(1);
    HttpResponse<String> again =
        post("/api/screening/watchlists/border-alerts/import?format=csv&severity=medium", pnr, csv);
    assertThat(JSON.readTree(again.body()).get("unchanged").asBoolean()).isTrue();
    HttpResponse<String> empty =
        post("/api/screening/watchlists/border-alerts/import?format=csv&severity=medium", pnr, "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(empty.body()).get("error").asText()).isEqualTo("no-entries");
    assertThat(get("/api/screening/watchlists/border-alerts/versions", pnr).body())
        .contains("\"version\":1");
    assertThat(get("/screening/watchlists", pnr).body())
        .containsPattern("border-alerts</td><td[^>]*>v1<");
  }

  @Test
  @Order(5)
  void aFollowTheMoneyImportSaysWhichEntitiesItLeftOutPerSchemaAndWhy() throws Exception {
    String pnr = token("pnr");
    String ftm =
        "{\"id\":\"p-1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ivan Sidorov\"]}}\n"
            + "{\"id\":\"c-1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Sidorov"
            + " LLC\"]}}\n"
            + "{\"id\":\"v-1\",\"schema\":\"Vessel\",\"properties\":{\"name\":[\"SEA STAR\"]}}\n";
    HttpResponse<String> named =
        post("/api/screening/watchlists/ofac/import?format=ftm&severity=high", pnr, ftm);
    assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
    JsonNode r = JSON.readTree(named.body());
    assertThat(r.get("imported").asInt()).isEqualTo(1);
    assertThat(r.get("leftOut").findValuesAsText("schema")).containsExactly("Company", "Vessel");
    assertThat(r.get("leftOut").get(0).get("entities").asInt()).isEqualTo(1);
    assertThat(r.get("leftOut").get(0).get("code").asText()).isEqualTo("organisation");
    assertThat(r.get("leftOut").get(1).get("reason").asText()).contains("vessel");
    HttpResponse<String> merged =
        post("/api/screening/watchlists/ftm?list=ofac2&severity=high", pnr, ftm);
    assertThat(JSON.readTree(merged.body()).get("leftOut").findValuesAsText("schema"))
        .containsExactly("Company", "Vessel");
    String details =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details from platform.audit_log where action ="
                                + " 'screening.watchlist.import' and subject = 'watchlist:ofac'")
                        .mapTo(String.class)
                        .one());
    assertThat(details).contains("leftOut").contains("2");
  }

  @Test
  @Order(4)
  void aNulInOneRowOfAnImportRefusesThatRowByRowAndKeepsTheOthers() throws Exception {
    String pnr = token("pnr");
    String reason = Web.NUL_REASON;
    assertThat(StorableText.NUL_REASON).isEqualTo(reason);

    HttpResponse<String> csv =
        post(
            "/api/screening/watchlists/csv",
            pnr,
            "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
                + "nul-merge,M1,Good Merge,,,,,high\n"
                + "nul-merge,M2,Bad\u0000Merge,,,,,high\n");
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    JsonNode csvReport = JSON.readTree(csv.body());
    assertThat(csvReport.get("imported").asInt()).isEqualTo(1);
    assertThat(csvReport.get("problems")).hasSize(1);
    assertThat(csvReport.get("problems").get(0).get("field").asText()).isEqualTo("row 3 name");
    assertThat(csvReport.get("problems").get(0).get("message").asText())
        .isEqualTo("name " + reason);

    HttpResponse<String> ftm =
        post(
            "/api/screening/watchlists/ftm?list=nul-ftm",
            pnr,
            "{\"id\":\"F1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Good Ftm\"]}}\n"
                + "{\"id\":\"F2\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Bad\u0000\"]}}\n"
                + "{\"id\":\"F3\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Esc\\u0000\"]}}\n");
    assertThat(ftm.statusCode()).as(ftm.body()).isEqualTo(200);
    JsonNode ftmReport = JSON.readTree(ftm.body());
    assertThat(ftmReport.get("imported").asInt()).isEqualTo(1);
    assertThat(ftmReport.get("problems"))
        .extracting(p -> p.get("field").asText())
        .containsExactly("line 2", "line 3 properties.name[0]");

    HttpResponse<String> named =
        post(
            "/api/screening/watchlists/nul-named/import?format=csv&severity=high",
            pnr,
            "list,id,name\nx,N1,Good Named\nx,N2,Bad\u0000Named\n");
    assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
    JsonNode namedReport = JSON.readTree(named.body());
    assertThat(namedReport.get("version").asInt()).isEqualTo(1);
    assertThat(namedReport.get("imported").asInt()).isEqualTo(1);
    assertThat(namedReport.get("refused").asInt()).isEqualTo(1);
    assertThat(namedReport.get("problems").get(0).get("field").asText()).isEqualTo("row 3 name");

    java.util.List<String> stored =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select list_name || '/' || entry_id from passenger.watchlist_entry"
                                + " where list_name like 'nul-%' order by 1")
                        .mapTo(String.class)
                        .list());
    assertThat(stored).containsExactly("nul-ftm/F1", "nul-merge/M1", "nul-named/N1");

    assertThat(
            post(
                    "/api/screening/lists",
                    pnr,
                    "{\"name\":\"nul-countries\",\"kind\":\"countries\",\"description\":\"x\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> entries =
        post(
            "/api/screening/lists/nul-countries/entries",
            pnr,
            "value,note\nJP,good\nA\u0000U,bad\nKR,bad\u0000note\n");
    assertThat(entries.statusCode()).as(entries.body()).isEqualTo(200);
    JsonNode listReport = JSON.readTree(entries.body());
    assertThat(listReport.get("added").asInt()).isEqualTo(1);
    assertThat(listReport.get("problems"))
        .extracting(p -> p.get("field").asText() + ": " + p.get("message").asText())
        .containsExactly("line 3: the value " + reason, "line 4: the note " + reason);
    assertThat(get("/api/screening/lists/nul-countries", pnr).body())
        .contains("\"value\":\"JP\"")
        .doesNotContain("\"value\":\"KR\"");
  }

  private long audited(String action) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from platform.audit_log where action = :a")
                    .bind("a", action)
                    .mapTo(Long.class)
                    .one());
  }

  private String token(String user) throws Exception {
    return fixture.token(user);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
