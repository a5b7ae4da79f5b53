package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.passenger.pnr.adapter.PnrContext;
import org.sekisho.passenger.pnr.application.PnrRetention;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * The passenger API after the review: one JSON object reader for the screening API and the PNR
 * unit's unmasking reasons, and who may import the screening watchlists.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PassengerApiPolishTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "pnr-secret-123";
  private static final String WATCHLIST =
      "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
          + "national-alerts,A1,Kevin Vandenberg,,1980-07-04,us,,high\n";
  private static Database db;
  private static WebServer server;
  private static long hitId;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) throws Exception {
    db = database;
    Clock clock = Clock.systemUTC();
    AuditLog audit = new AuditLog(db.jdbi());
    PnrContext context =
        new PnrContext(
            db,
            audit,
            clock,
            Path.of("target", "passenger-api-polish-test"),
            PnrRetention.MASK_AFTER,
            PnrRetention.DELETE_AFTER,
            "AU",
            "customs");
    db.migrate(
        Stream.concat(Stream.of(Migrations.of("platform")), context.migrations().stream())
            .toList());
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert("pnr", "Hana Mori", PASSWORD, EnumSet.of(Role.PNR_UNIT), "customs", "hq");
    accounts.upsert("pnr2", "Ken Ito", PASSWORD, EnumSet.of(Role.PNR_UNIT), "customs", "hq");
    accounts.upsert("admin", "Admin", PASSWORD, EnumSet.of(Role.ADMIN), "customs", "hq");
    server =
        WebServer.start(
            new WebServer.Config(
                "127.0.0.1",
                0,
                false,
                Stream.concat(Stream.of("i18n.platform"), context.messageBundles().stream())
                    .toList(),
                context.nav(),
                "test"),
            accounts,
            audit,
            clock,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            context.webModules());
    PassengerApiPolishTest t = new PassengerApiPolishTest();
    String pnr = t.token("pnr");
    assertThat(t.post("/api/screening/watchlists/csv", pnr, "text/csv", WATCHLIST).statusCode())
        .isEqualTo(200);
    HttpResponse<String> rule =
        t.post(
            "/api/screening/rules",
            pnr,
            "{\"text\":\"criterion \\\"Cash, alone\\\" when payment = \\\"CA\\\" and"
                + " travelling_alone = \\\"yes\\\" then severity medium weight 20 because \\\"paid"
                + " cash, travelling alone\\\"\"}");
    assertThat(rule.statusCode()).as(rule.body()).isEqualTo(200);
    assertThat(
            t.post("/api/pnr", pnr, "text/plain", Corpus.text("parsers-pnr/pnrMessagePg77.txt"))
                .statusCode())
        .isEqualTo(200);
    JsonNode flights =
        JSON.readTree(t.get("/api/screening/flights?from=2013-05-28&to=2013-05-28", pnr).body())
            .get("flights");
    long flightId = flights.get(0).get("id").asLong();
    JsonNode hits = JSON.readTree(t.get("/api/screening/flights/" + flightId, pnr).body());
    hitId = hits.get("hits").get(0).get("id").asLong();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theScreeningApiAndTheUnmaskingReasonReadTheirJsonObjectAlikeNamingTheObjectExpected()
      throws Exception {
    String pnr = token("pnr");
    HttpResponse<String> array =
        post("/api/screening/hits/" + hitId + "/disposition", pnr, "[\"no-match\"]");
    assertThat(array.statusCode()).as(array.body()).isEqualTo(400);
    JsonNode a = JSON.readTree(array.body());
    assertThat(a.get("error").asText()).isEqualTo("invalid-json");
    assertThat(a.get("field").asText()).isEqualTo("body");
    // the object expected, as the unmasking reason always said it
    assertThat(a.get("message").asText())
        .isEqualTo("expected a JSON object: {\"disposition\": …, \"comment\": …}");

    HttpResponse<String> reason =
        post("/api/pnr-unmask/1/refuse", pnr, "application/json", "\"no court order\"");
    assertThat(reason.statusCode()).as(reason.body()).isEqualTo(400);
    JsonNode r = JSON.readTree(reason.body());
    assertThat(r.get("error").asText()).isEqualTo("invalid-json");
    assertThat(r.get("field").asText()).isEqualTo("body");
    assertThat(r.get("message").asText()).isEqualTo("expected a JSON object: {\"reason\": …}");

    // an unknown field is refused in the same words by both
    HttpResponse<String> note =
        post(
            "/api/pnr-unmask/1/refuse",
            pnr,
            "application/json",
            "{\"reason\":\"no court order attached\",\"note\":1}");
    assertThat(note.statusCode()).isEqualTo(400);
    JsonNode n = JSON.readTree(note.body());
    assertThat(n.get("error").asText()).isEqualTo("unknown-field");
    assertThat(n.get("field").asText()).isEqualTo("note");
    assertThat(n.get("message").asText())
        .isEqualTo("field \"note\" is not taken here; this route takes reason");
    HttpResponse<String> extra =
        post(
            "/api/screening/hits/" + hitId + "/correction",
            pnr,
            "{\"disposition\":\"no-match\",\"comment\":\"other person\",\"expectedVersion\":1}");
    assertThat(extra.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(extra.body()).get("message").asText())
        .isEqualTo(
            "field \"expectedVersion\" is not taken here; this route takes disposition, comment,"
                + " version");
  }

  @Test
  void onlyThePnrUnitManagesScreeningWatchlistsAndAnAdministratorIsRefused() throws Exception {
    String admin = token("admin");
    String csv = WATCHLIST.replace("national-alerts", "admin-list");
    HttpResponse<String> imported = post("/api/screening/watchlists/csv", admin, "text/csv", csv);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(403);
    assertThat(JSON.readTree(imported.body()).get("message").asText()).contains("pnr");
    assertThat(
            post("/api/screening/watchlists/admin-list/import?format=csv", admin, "text/csv", csv)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post("/api/screening/watchlists/ftm?list=admin-list", admin, "{\"id\":\"x\"}\n")
                .statusCode())
        .isEqualTo(403);
    assertThat(get("/api/screening/watchlists", admin).statusCode()).isEqualTo(403);
    assertThat(get("/api/screening/watchlists/national-alerts/versions", admin).statusCode())
        .isEqualTo(403);
    assertThat(get("/screening/watchlists", admin).statusCode()).isEqualTo(403);
    // nothing was imported under the administrator's name
    Integer entries =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from passenger.watchlist_entry where list_name ="
                                + " 'admin-list'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(entries).isZero();
    // the PNR unit still does
    String pnr = token("pnr");
    assertThat(get("/api/screening/watchlists/national-alerts/versions", pnr).statusCode())
        .isEqualTo(200);
    assertThat(get("/screening/watchlists", pnr).statusCode()).isEqualTo(200);
  }

  String token(String user) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri("/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).get("token").asText();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> post(String path, String token, String body) throws Exception {
    return post(path, token, "application/json", body);
  }

  HttpResponse<String> post(String path, String token, String type, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
