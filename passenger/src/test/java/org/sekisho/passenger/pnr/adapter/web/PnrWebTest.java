package org.sekisho.passenger.pnr.adapter.web;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.passenger.pnr.adapter.PnrContext;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebServer;

/** The PNR HTTP API on the real server: PNR unit only, pushes versioned, reads audited. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PnrWebTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Database db;
  private static WebServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private static List<org.sekisho.platform.web.NavItem> nav;

  @BeforeAll
  static void start(Database database) {
    db = database;
    Clock clock = Clock.systemUTC();
    PnrContext context =
        new PnrContext(
            db, new AuditLog(db.jdbi()), clock, Path.of("target", "pnr-web-test"), "customs");
    db.migrate(
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(Migrations.of("platform")),
                context.migrations().stream())
            .toList());
    AuditLog audit = new AuditLog(db.jdbi());
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "pnr", "PNR analyst", "pnr-secret-123", EnumSet.of(Role.PNR_UNIT), "customs", "hq");
    accounts.upsert(
        "pnr2", "PNR supervisor", "pnr2-secret-123", EnumSet.of(Role.PNR_UNIT), "customs", "hq");
    accounts.upsert(
        "officer", "Officer", "officer-secret-123", EnumSet.of(Role.OFFICER), "customs", "port");
    // a partner agency's account that an administrator gave the PNR unit's roles by mistake
    accounts.upsert(
        "police-pnr",
        "Police liaison",
        "police-secret-123",
        EnumSet.of(Role.PNR_UNIT, Role.OFFICER),
        "police-jp",
        "hq");
    nav = context.nav();
    server =
        WebServer.start(
            new WebServer.Config(
                "127.0.0.1", 0, false, List.of("i18n.platform"), context.nav(), "test"),
            accounts,
            audit,
            clock,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            context.webModules());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private String token(String user, String password) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri("/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).get("token").asText();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token, String type, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePnrUnitPushesAndReadsVersionsAndOthersAreRefused() throws Exception {
    String pnr = token("pnr", "pnr-secret-123");
    String officer = token("officer", "officer-secret-123");
    String text = Corpus.text("parsers-pnr/pnrMessagePg77.txt");

    assertThat(post("/api/pnr", officer, text).statusCode()).isEqualTo(403);

    HttpResponse<String> first = post("/api/pnr", pnr, text);
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(first.body());
    assertThat(body.get("status").asText()).isEqualTo("accepted");
    assertThat(body.get("bookings").get(0).get("recordLocator").asText()).isEqualTo("W9TEND");
    assertThat(body.get("warnings").get(0).get("line").asInt()).isPositive();

    HttpResponse<String> again = post("/api/pnr", pnr, text.replace("KEVINMICHAELMR", "KEVINMR"));
    JsonNode v2 = JSON.readTree(again.body()).get("bookings").get(0);
    assertThat(v2.get("version").asInt()).isEqualTo(2);
    assertThat(v2.get("changes").toString()).contains("VANDENBERG/KEVINMR");

    HttpResponse<String> read = get("/api/pnr/TZ/W9TEND", pnr);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).get("versions")).hasSize(2);
    assertThat(get("/api/pnr/TZ/W9TEND", officer).statusCode()).isEqualTo(403);
    assertThat(get("/api/pnr/TZ/NOPE00", pnr).statusCode()).isEqualTo(404);

    long audited =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action in ('pnr.receive', 'pnr.read')")
                        .mapTo(Long.class)
                        .one());
    assertThat(audited).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aPnrUnitAccountOfAnotherAgencyIsRefusedEveryPnrScreeningAndUnmaskingRouteAndAudited()
      throws Exception {
    String pnr = token("pnr", "pnr-secret-123");
    String police = token("police-pnr", "police-secret-123");
    HttpResponse<String> pushed = post("/api/pnr", pnr, Corpus.text("loader-pnr/pnr2.txt"));
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
    JsonNode booking = JSON.readTree(pushed.body()).get("bookings").get(0);
    new org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore(db.jdbi())
        .maskReceivedBefore(java.time.Instant.now().plusSeconds(60));
    String path = booking.get("carrier").asText() + "/" + booking.get("recordLocator").asText();
    HttpResponse<String> asked = post("/api/pnr/" + path + "/1/unmask", pnr, "case 2026/77 fraud");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    long id = JSON.readTree(asked.body()).get("requestId").asLong();
    // the administration's own PNR unit still reads all of it
    assertThat(get("/api/pnr/" + path, pnr).statusCode()).isEqualTo(200);
    assertThat(get("/screening/flights", pnr).statusCode()).isEqualTo(200);

    long deniedBefore = denied();
    Map<String, HttpResponse<String>> refused = new LinkedHashMap<>();
    refused.put("flights page", get("/screening/flights", police));
    refused.put("flights API", get("/api/screening/flights", police));
    refused.put("queue page", get("/screening/queue", police));
    refused.put("queue API", get("/api/screening/queue", police));
    refused.put("referrals page", get("/screening/referrals", police));
    refused.put("referrals API", get("/api/screening/referrals?airport=NRT", police));
    refused.put("PNR API", get("/api/pnr/" + path, police));
    refused.put("PNR push", post("/api/pnr", police, Corpus.text("loader-pnr/pnr2.txt")));
    refused.put("API push", post("/api/api", police, Corpus.text("parsers-apis/apisMessage.txt")));
    refused.put("unmasking page", get("/screening/unmasking", police));
    refused.put("unmasking list", get("/api/pnr-unmask", police));
    refused.put("ask to unmask", post("/api/pnr/" + path + "/1/unmask", police, "case 2026/78"));
    refused.put("approve", post("/api/pnr-unmask/" + id + "/approve", police, ""));
    refused.put("refuse", post("/api/pnr-unmask/" + id + "/refuse", police, "no basis at all"));
    refused.put("read", get("/api/pnr-unmask/" + id, police));
    for (var e : refused.entrySet()) {
      assertThat(e.getValue().statusCode())
          .as(e.getKey() + ": " + e.getValue().body())
          .isEqualTo(403);
      assertThat(e.getValue().body())
          .as(e.getKey())
          .contains("belong to customs")
          .contains("agency police-jp may not");
    }
    // the request was neither decided nor read by the other agency
    JsonNode pending =
        JSON.readTree(get("/api/pnr-unmask", token("pnr2", "pnr2-secret-123")).body());
    assertThat(pending.get("requests").findValuesAsText("requestId")).contains(String.valueOf(id));
    // each refusal is audited under the agency rule
    assertThat(denied() - deniedBefore).isEqualTo(refused.size());
    Principal policeUnit =
        new Principal("police-pnr", "Police liaison", EnumSet.of(Role.PNR_UNIT), "police-jp", "hq");
    assertThat(nav).isNotEmpty().noneMatch(n -> n.offeredTo(policeUnit));
  }

  private long denied() {
    Long n =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action ="
                                + " 'access.denied' and actor = 'police-pnr' and cast(details as"
                                + " text) like '%pnr-administration%'")
                        .mapTo(Long.class)
                        .one());
    return n;
  }

  @Test
  void aPushAnswersAndAuditsHowManyPassengersItsBookingsHold() throws Exception {
    String pnr = token("pnr", "pnr-secret-123");
    // one booking of two passengers (WAYNE and COOPER); the name change keeps the text new
    HttpResponse<String> pushed =
        post(
            "/api/pnr",
            pnr,
            Corpus.text("loader-pnr/pnr2.txt").replace("COOPER+GARYMR", "COOPER+GARYDR"));
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(pushed.body());
    assertThat(body.get("travellers").asInt()).as(body.toString()).isEqualTo(2);
    String details =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details from platform.audit_log where action ="
                                + " 'pnr.receive' and details like :m")
                        .bind("m", "%\"message\":\"" + body.get("messageId").asLong() + "\"%")
                        .mapTo(String.class)
                        .one());
    assertThat(details).contains("\"travellers\":\"2\"");
  }

  @Test
  void aMessageThatCannotBeUsedIsABadRequestWithTheReason() throws Exception {
    String pnr = token("pnr", "pnr-secret-123");
    HttpResponse<String> r = post("/api/pnr", pnr, "hello");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("no-message");
    HttpResponse<String> api = post("/api/api", pnr, Corpus.text("parsers-apis/apisMessage.txt"));
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(api.body()).get("travellers").asInt()).isEqualTo(2);
  }

  @Test
  void aMaskedVersionIsUnmaskedOnlyWithAReasonAndASecondApprover() throws Exception {
    String pnr = token("pnr", "pnr-secret-123");
    String pnr2 = token("pnr2", "pnr2-secret-123");
    assertThat(post("/api/pnr", pnr, Corpus.text("loader-pnr/pnr4.txt")).statusCode())
        .isEqualTo(200);
    new org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore(db.jdbi())
        .maskReceivedBefore(java.time.Instant.now().plusSeconds(60));
    JsonNode masked = JSON.readTree(get("/api/pnr/UA/0995F0", pnr).body()).get("versions").get(0);
    assertThat(masked.get("masked").asBoolean()).isTrue();
    assertThat(masked.get("names").get(0).asText()).isEqualTo("***");

    assertThat(post("/api/pnr/UA/0995F0/1/unmask", pnr, "why").statusCode()).isEqualTo(400);
    HttpResponse<String> asked =
        post("/api/pnr/UA/0995F0/1/unmask", pnr, "case 2026/7 prosecutor approval");
    assertThat(asked.statusCode()).isEqualTo(200);
    long id = JSON.readTree(asked.body()).get("requestId").asLong();
    // the second member finds it, with who asked, why and for which booking
    JsonNode pending = JSON.readTree(get("/api/pnr-unmask", pnr2).body()).get("requests");
    assertThat(pending.findValuesAsText("requestId")).contains(String.valueOf(id));
    JsonNode mine = pending.get(pending.findValuesAsText("requestId").indexOf(String.valueOf(id)));
    assertThat(mine.get("booking").asText()).isEqualTo("UA/0995F0");
    assertThat(mine.get("reason").asText()).isEqualTo("case 2026/7 prosecutor approval");
    assertThat(mine.get("requestedBy").asText()).isEqualTo("pnr");
    assertThat(mine.get("canApprove").asBoolean()).isTrue();
    assertThat(get("/screening/unmasking", pnr2).body())
        .contains("case 2026/7 prosecutor approval")
        .contains("/screening/unmasking/" + id + "/approve");
    // the one who asked may not approve: 403, as every second-person rule answers
    HttpResponse<String> own = post("/api/pnr-unmask/" + id + "/approve", pnr, "");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
    JsonNode ownBody = JSON.readTree(own.body());
    assertThat(ownBody.get("error").asText()).isEqualTo("second-approver-required");
    assertThat(ownBody.get("field").asText()).isEqualTo("approver");
    assertThat(ownBody.get("message").asText()).contains("second member");
    assertThat(get("/api/pnr-unmask/" + id, pnr).statusCode()).isEqualTo(409);
    assertThat(post("/api/pnr-unmask/" + id + "/approve", pnr2, "").statusCode()).isEqualTo(200);
    assertThat(get("/api/pnr-unmask/" + id, pnr2).statusCode()).isEqualTo(403);
    assertThat(
            JSON.readTree(get("/api/pnr-unmask", pnr2).body())
                .get("requests")
                .findValuesAsText("requestId"))
        .doesNotContain(String.valueOf(id));
    HttpResponse<String> shown = get("/api/pnr-unmask/" + id, pnr);
    assertThat(shown.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(shown.body());
    assertThat(body.get("names").get(0).asText()).isEqualTo("RAVAL/CHRISTOPHER");
    assertThat(body.get("record").get("recordLocator").asText()).isEqualTo("0995F0");
  }

  @Test
  void aSecondMemberRefusesARequestWithAReasonTheRequesterReadsAndItCanNoLongerBeApproved()
      throws Exception {
    String pnr = token("pnr", "pnr-secret-123");
    String pnr2 = token("pnr2", "pnr2-secret-123");
    assertThat(post("/api/pnr", pnr, Corpus.text("loader-pnr/pnr1.txt")).statusCode())
        .isEqualTo(200);
    new org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore(db.jdbi())
        .maskReceivedBefore(java.time.Instant.now().plusSeconds(60));
    HttpResponse<String> asked =
        post("/api/pnr/DL/MFN4TI/1/unmask", pnr, "case 2026/31 smuggling network");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    long id = JSON.readTree(asked.body()).get("requestId").asLong();
    String refuse = "/api/pnr-unmask/" + id + "/refuse";

    // not by the one who asked, not without a reason, not by anyone outside the PNR unit
    HttpResponse<String> own = post(refuse, pnr, "I changed my mind about it");
    assertThat(own.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(own.body()).get("error").asText()).isEqualTo("second-person-required");
    HttpResponse<String> noReason = post(refuse, pnr2, "no");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noReason.body()).get("field").asText()).isEqualTo("reason");
    assertThat(
            post(refuse, token("officer", "officer-secret-123"), "not mine to decide at all")
                .statusCode())
        .isEqualTo(403);
    assertThat(post("/api/pnr-unmask/987654/refuse", pnr2, "no legal basis given").statusCode())
        .isEqualTo(404);

    HttpResponse<String> refused = post(refuse, pnr2, "no court order attached to case 2026/31");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
    JsonNode r = JSON.readTree(refused.body());
    assertThat(r.get("status").asText()).isEqualTo("refused");
    assertThat(r.get("decidedBy").asText()).isEqualTo("pnr2");
    assertThat(r.get("decidedAt").asText()).isNotEmpty();
    assertThat(r.get("refusalReason").asText())
        .isEqualTo("no court order attached to case 2026/31");

    // final: no approval, no second refusal
    HttpResponse<String> approve = post("/api/pnr-unmask/" + id + "/approve", pnr2, "");
    assertThat(approve.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(approve.body()).get("message").asText()).contains("refused by pnr2");
    assertThat(post(refuse, pnr2, "and refused a second time").statusCode()).isEqualTo(409);

    // the requester reads who refused, when and why, and never the data
    HttpResponse<String> read = get("/api/pnr-unmask/" + id, pnr);
    assertThat(read.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(read.body()).get("message").asText())
        .contains("refused by pnr2")
        .contains("no court order attached")
        .doesNotContain("SMITHJR");
    JsonNode list = JSON.readTree(get("/api/pnr-unmask", pnr).body());
    assertThat(list.get("requests").findValuesAsText("requestId"))
        .doesNotContain(String.valueOf(id));
    JsonNode mine = null;
    for (JsonNode m : list.get("mine")) {
      if (m.get("requestId").asLong() == id) {
        mine = m;
      }
    }
    assertThat(mine).as(list.toString()).isNotNull();
    assertThat(mine.get("status").asText()).isEqualTo("refused");
    assertThat(mine.get("decidedBy").asText()).isEqualTo("pnr2");
    assertThat(mine.get("refusalReason").asText()).contains("no court order");
    assertThat(JSON.readTree(get("/api/pnr-unmask", pnr2).body()).get("mine").toString())
        .doesNotContain("no court order");
    assertThat(list.get("history").get(0).get("requestId").asLong()).isEqualTo(id);
    assertThat(get("/screening/unmasking", pnr).body())
        .contains("no court order attached to case 2026/31");

    // audited by id and outcome; the reason, which may name people, stays with the request
    List<String> details =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select cast(details as text) from platform.audit_log where action ="
                                + " 'pnr.unmask.refuse' and subject = :s order by seq")
                        .bind("s", "request " + id)
                        .mapTo(String.class)
                        .list());
    assertThat(details).hasSize(4);
    assertThat(details).anyMatch(d -> d.contains("refused"));
    assertThat(details).anyMatch(d -> d.contains("second-person-required"));
    assertThat(String.join(" ", details)).doesNotContain("court order");
  }

  @Test
  void aReasonSentAsJsonIsTheReasonItselfAndASecondPendingAskBySomeoneIsAConflict()
      throws Exception {
    String pnr = token("pnr", "pnr-secret-123");
    String pnr2 = token("pnr2", "pnr2-secret-123");
    // a booking of its own, so that no other test's request is pending on it
    assertThat(
            post("/api/pnr", pnr, Corpus.text("loader-pnr/pnr3.txt").replace("52865E", "JSN042"))
                .statusCode())
        .isEqualTo(200);
    new org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore(db.jdbi())
        .maskReceivedBefore(java.time.Instant.now().plusSeconds(60));
    String ask = "/api/pnr/UA/JSN042/1/unmask";
    String json = "application/json";

    HttpResponse<String> asked =
        post(ask, pnr, json, "{\"reason\":\"Case 2026-TK-0042 prosecutor order\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    long id = JSON.readTree(asked.body()).get("requestId").asLong();
    JsonNode mine = null;
    for (JsonNode m : JSON.readTree(get("/api/pnr-unmask", pnr).body()).get("mine")) {
      if (m.get("requestId").asLong() == id) {
        mine = m;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("reason").asText()).isEqualTo("Case 2026-TK-0042 prosecutor order");

    // the same person again for the same version, while the first waits: 409 naming it
    HttpResponse<String> again =
        post(ask, pnr, json, "{\"reason\":\"Case 2026-TK-0042 asked once more\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("message").asText()).contains("request " + id);
    assertThat(post(ask, pnr, "text/plain", "Case 2026-TK-0042 as text").statusCode())
        .isEqualTo(409);
    // another member may ask for it too
    HttpResponse<String> other = post(ask, pnr2, "text/plain", "Case 2026-TK-0043 of my own");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    long otherId = JSON.readTree(other.body()).get("requestId").asLong();

    // the length rule applies to the reason, not to the JSON around it
    String refuse = "/api/pnr-unmask/" + id + "/refuse";
    HttpResponse<String> dup = post(refuse, pnr2, json, "{\"reason\":\"dup\"}");
    assertThat(dup.statusCode()).as(dup.body()).isEqualTo(400);
    assertThat(JSON.readTree(dup.body()).get("field").asText()).isEqualTo("reason");
    HttpResponse<String> extra =
        post(refuse, pnr2, json, "{\"reason\":\"no court order attached\",\"note\":1}");
    assertThat(extra.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(extra.body()).get("error").asText()).isEqualTo("unknown-field");
    assertThat(JSON.readTree(extra.body()).get("field").asText()).isEqualTo("note");
    HttpResponse<String> array = post(refuse, pnr2, json, "[\"no court order attached\"]");
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(array.body()).get("error").asText()).isEqualTo("invalid-json");
    HttpResponse<String> number = post(refuse, pnr2, json, "{\"reason\":1234567890123}");
    assertThat(number.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(number.body()).get("field").asText()).isEqualTo("reason");
    HttpResponse<String> form =
        post(refuse, pnr2, "application/x-www-form-urlencoded", "reason=no+court+order+given");
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(form.body()).get("message").asText())
        .contains("application/json")
        .contains("text/plain");
    assertThat(post(ask, pnr, "application/xml", "<reason>Case 2026</reason>").statusCode())
        .isEqualTo(415);

    HttpResponse<String> refused =
        post(refuse, pnr2, json, "{\"reason\":\"no court order attached to 2026-TK-0042\"}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
    assertThat(JSON.readTree(refused.body()).get("refusalReason").asText())
        .isEqualTo("no court order attached to 2026-TK-0042");
    assertThat(get("/screening/unmasking", pnr).body())
        .contains("no court order attached to 2026-TK-0042")
        .doesNotContain("{&#34;reason")
        .doesNotContain("{\"reason");

    // once decided, the same person may ask anew
    HttpResponse<String> anew =
        post(ask, pnr, json, "{\"reason\":\"Case 2026-TK-0042 court order attached\"}");
    assertThat(anew.statusCode()).as(anew.body()).isEqualTo(200);
    assertThat(JSON.readTree(anew.body()).get("requestId").asLong()).isNotIn(id, otherId);
  }

  @Test
  void aNulInAPushLeavesThatValueOutWithItsPositionAndTheRestIsStoredAndArchived()
      throws Exception {
    String pnr = token("pnr", "pnr-secret-123");
    String text = Corpus.text("loader-pnr/pnr3.txt");
    assertThat(text).contains("TIF+WOO+FEN:A:3");
    String withNul = text.replace("TIF+WOO+FEN:A:3", "TIF+WOO+F\u0000EN:A:3");
    HttpResponse<String> r = post("/api/pnr", pnr, withNul);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("status").asText()).isEqualTo("accepted");
    JsonNode nul = null;
    for (JsonNode w : body.get("warnings")) {
      if (w.get("code").asText().equals("invalid-character")) {
        nul = w;
      }
    }
    assertThat(nul).as(body.get("warnings").toString()).isNotNull();
    assertThat(nul.get("tag").asText()).isEqualTo("TIF");
    assertThat(nul.get("line").asInt()).isPositive();
    assertThat(nul.get("message").asText())
        .contains("element 2 component 1 " + Web.NUL_REASON)
        .contains("left out");
    String names =
        JSON.readTree(get("/api/pnr/UA/52865E", pnr).body())
            .get("versions")
            .get(0)
            .get("names")
            .toString();
    assertThat(names)
        .contains("DOOLIN/PETER", "CHISOLM/MERLE", "FENWICK/ABBY")
        .doesNotContain("WOO/FEN");
    long archived =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from passenger.message where status = 'accepted'"
                                + " and raw like '%TIF+WOO+FEN:A:3%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(archived).isEqualTo(1);

    String api =
        Corpus.text("parsers-apis/apisMessage.txt").replace("CLARK:CHERYL", "CLARK:CH\u0000ERYL");
    HttpResponse<String> list = post("/api/api", pnr, api);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode listBody = JSON.readTree(list.body());
    assertThat(listBody.get("travellers").asInt()).isEqualTo(2);
    assertThat(listBody.get("warnings").toString()).contains("invalid-character").contains("NAD");
  }
}
