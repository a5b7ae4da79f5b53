package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.audit.AuditVerification;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.Routes.RouteSpec;
import org.sekisho.platform.web.WebServer;

/**
 * The real server on a free loopback port, over embedded PostgreSQL, driven over HTTP and in
 * Chromium.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServerTest {
  // kept to the password rules, as the demo's accounts are: "test" and "password" run together
  // are a common password once the hex holds no letter
  private static final String PASSWORD = "test-pw-" + Long.toHexString(System.nanoTime());
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sekisho sekisho;
  private WebServer web;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private long sharedRecord;
  private long policeRecord;
  private long sharedEntity;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    sekisho = new Sekisho(db, dir, Clock.systemUTC());
    DemoAccounts.registerAgencies(sekisho.agencies());
    // D1 goes to the police as it is ingested: under an agreement, as any sharing
    sekisho
        .sharing()
        .addAgreement(
            "police-jp",
            java.util.List.of("declarations"),
            "MoU for the test",
            java.time.LocalDate.of(2024, 1, 1),
            java.util.Optional.empty(),
            new Actor("system:test", "customs-jp", true))
        .orElseThrow();
    String data =
        "{\"declarationId\":\"D1\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"sharedWith\":[\"police-jp\"],"
            + "\"importer\":{\"kind\":\"company\",\"name\":\"株式会社サクラ物産\",\"phone\":\"03-1234-5678\",\"country\":\"JP\"},"
            + "\"items\":[{\"hsCode\":\"090121\",\"description\":\"roasted coffee\",\"origin\":\"BR\"}]}\n"
            + "{\"declarationId\":\"D2\",\"date\":\"2026-11-27\",\"office\":\"JPOSA\","
            + "\"importer\":{\"kind\":\"company\",\"name\":\"Sakura Bussan KK\",\"phone\":\"+81 3 1234 5678\",\"country\":\"JP\"},"
            + "\"items\":[{\"hsCode\":\"847130\",\"description\":\"laptop\",\"origin\":\"CN\","
            // A float artefact as in the Korea Customs file: stored, so it must be assessed too.
            + "\"netMassKg\":\"12.5\",\"customsValue\":\"241.58000000000004\"}]}\n";
    sekisho
        .ingest()
        .ingest(
            RecordKind.DECLARATION,
            "json",
            "test",
            new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)),
            new Actor("system:test", "customs-jp", true))
        .orElseThrow();
    String seizure =
        "{\"seizureId\":\"P1\",\"date\":\"2026-11-27\",\"commodity\":\"cocaine\",\"agency\":\"police-jp\"}\n";
    sekisho
        .ingest()
        .ingest(
            RecordKind.SEIZURE,
            "json",
            "test",
            new ByteArrayInputStream(seizure.getBytes(StandardCharsets.UTF_8)),
            new Actor("system:test", "customs-jp", true))
        .orElseThrow();
    DemoAccounts.install(sekisho.accounts(), PASSWORD);
    web = sekisho.serve("127.0.0.1", 0);
    base = "http://127.0.0.1:" + web.port();
    for (DemoAccounts.Demo d : DemoAccounts.ALL) {
      JsonNode r =
          JSON.readTree(
              send(
                      "POST",
                      "/api/login",
                      null,
                      "{\"username\":\"" + d.username() + "\",\"password\":\"" + PASSWORD + "\"}")
                  .body());
      tokens.putIfAbsent(d.roles().iterator().next(), r.get("token").asText());
    }
    sharedRecord =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from intel.record where source_id = 'D1'")
                        .mapTo(Long.class)
                        .one());
    policeRecord =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from intel.record where source_id = 'P1'")
                        .mapTo(Long.class)
                        .one());
    sharedEntity =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select re.entity_id from intel.record_entity re join intel.entity e on e.id = re.entity_id where re.record_id = :r and e.type = 'phone'")
                        .bind("r", sharedRecord)
                        .mapTo(Long.class)
                        .one());
  }

  @AfterAll
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void recordsAreSharedOnlyWithRegisteredAgenciesWhichAnAdministratorRegisters() throws Exception {
    String seizure =
        "{\"seizureId\":\"SH-JCG-1\",\"date\":\"2026-11-27\",\"commodity\":\"gold\","
            + "\"sharedWith\":[\"coastguard-jp\"]}\n";
    HttpResponse<String> refused =
        send("POST", "/api/ingest/seizures?format=json", tokens.get(Role.OFFICER), seizure);
    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode report = JSON.readTree(refused.body());
    assertThat(report.get("stored").asInt()).isZero();
    assertThat(report.toString())
        .contains("unknown-agency")
        .contains("sharedWith[0]")
        .contains("'coastguard-jp'");

    // only an administrator registers an agency; everyone signed in sees the registry
    String jcg = "{\"code\":\"coastguard-jp\",\"name\":\"Japan Coast Guard\"}";
    assertThat(send("POST", "/api/agencies", tokens.get(Role.OFFICER), jcg).statusCode())
        .isEqualTo(403);
    HttpResponse<String> bad =
        send("POST", "/api/agencies", tokens.get(Role.ADMIN), "{\"code\":\"Coast Guard\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("code");
    assertThat(send("POST", "/api/agencies", tokens.get(Role.ADMIN), jcg).statusCode())
        .isEqualTo(201);
    assertThat(send("POST", "/api/agencies", tokens.get(Role.ADMIN), jcg).statusCode())
        .isEqualTo(200);
    JsonNode listed =
        JSON.readTree(send("GET", "/api/agencies", tokens.get(Role.LIAISON), null).body());
    assertThat(listed.get("agencies").toString())
        .contains("{\"code\":\"coastguard-jp\",\"name\":\"Japan Coast Guard\"}")
        .contains("police-jp");
    // a partner agency sees itself and the administration, not the administration's other partners
    JsonNode partner =
        JSON.readTree(send("GET", "/api/agencies", tokens.get(Role.PARTNER), null).body());
    assertThat(partner.get("agencies").findValuesAsText("code"))
        .containsExactlyInAnyOrder("customs-jp", "police-jp");
    long registrations =
        sekisho
            .db()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action ="
                                + " 'agency.registered' and subject = 'agency:coastguard-jp' and"
                                + " actor = 'admin'")
                        .mapTo(Long.class)
                        .one());
    assertThat(registrations).isEqualTo(1);

    // a second registration under another name does not rename silently; a rename does, audited
    HttpResponse<String> other =
        send(
            "POST",
            "/api/agencies",
            tokens.get(Role.ADMIN),
            "{\"code\":\"coastguard-jp\",\"name\":\"JCG\"}");
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(other.body()).get("message").asText())
        .isEqualTo(
            "agency coastguard-jp is registered as 'Japan Coast Guard'; rename it with PUT"
                + " /api/agencies/coastguard-jp");
    String renamed = "{\"name\":\"Japan Coast Guard (JCG)\"}";
    assertThat(
            send("PUT", "/api/agencies/coastguard-jp", tokens.get(Role.OFFICER), renamed)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send("PUT", "/api/agencies/nowhere-jp", tokens.get(Role.ADMIN), renamed).statusCode())
        .isEqualTo(404);
    HttpResponse<String> codeToo =
        send(
            "PUT",
            "/api/agencies/coastguard-jp",
            tokens.get(Role.ADMIN),
            "{\"code\":\"jcg\",\"name\":\"x\"}");
    assertThat(codeToo.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(codeToo.body()).get("field").asText()).isEqualTo("code");
    JsonNode rename =
        JSON.readTree(
            send("PUT", "/api/agencies/coastguard-jp", tokens.get(Role.ADMIN), renamed).body());
    assertThat(rename.get("previous").asText()).isEqualTo("Japan Coast Guard");
    assertThat(rename.get("name").asText()).isEqualTo("Japan Coast Guard (JCG)");
    String renameAudit =
        sekisho
            .db()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details::text from platform.audit_log where action ="
                                + " 'agency.renamed' and subject = 'agency:coastguard-jp'")
                        .mapTo(String.class)
                        .one());
    assertThat(renameAudit).contains("Japan Coast Guard (JCG)").contains("\"from\"");

    // registered is not yet agreed: a sharing needs an agreement in force for the kind
    JsonNode unagreed =
        JSON.readTree(
            send("POST", "/api/ingest/seizures?format=json", tokens.get(Role.OFFICER), seizure)
                .body());
    assertThat(unagreed.get("stored").asInt()).isZero();
    assertThat(unagreed.toString()).contains("no-agreement");
    String agreement =
        "{\"agency\":\"coastguard-jp\",\"kinds\":[\"seizures\"],\"reference\":\"JCG"
            + " agreement\",\"validFrom\":\"2025-04-01\"}";
    assertThat(
            send("POST", "/api/sharing/agreements", tokens.get(Role.ADMIN), agreement).statusCode())
        .isEqualTo(201);
    JsonNode stored =
        JSON.readTree(
            send("POST", "/api/ingest/seizures?format=json", tokens.get(Role.OFFICER), seizure)
                .body());
    assertThat(stored.get("stored").asInt()).isEqualTo(1);
  }

  @Test
  void anUnauthenticatedApiCallGets401WithTheStableErrorShape() throws Exception {
    HttpResponse<String> r = send("GET", "/api/search?q=coffee", null, null);
    assertThat(r.statusCode()).isEqualTo(401);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("error").asText()).isEqualTo("unauthenticated");
    assertThat(body.has("message")).isTrue();
    assertThat(body.has("field")).isTrue();
    assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
    assertThat(
            JSON.readTree(send("GET", "/openapi.json", null, null).body())
                .get("paths")
                .has("/api/search"))
        .isTrue();
  }

  @Test
  void aUserOfOneAgencyGets403OnARecordScopedToAnotherAndTheAuditLogShowsIt() throws Exception {
    assertThat(
            send("GET", "/api/records/" + policeRecord, tokens.get(Role.ANALYST), null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send("GET", "/api/records/" + policeRecord, tokens.get(Role.PARTNER), null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send("GET", "/api/records/" + sharedRecord, tokens.get(Role.PARTNER), null)
                .statusCode())
        .isEqualTo(200);
    // an id nobody holds gets the same answer, so that the 403 tells nothing about what exists
    HttpResponse<String> unknown =
        send("GET", "/api/records/999999", tokens.get(Role.ANALYST), null);
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/records/" + policeRecord, tokens.get(Role.ANALYST), null).body())
        .isEqualTo(unknown.body().replace("999999", Long.toString(policeRecord)));
    var actions =
        sekisho
            .db()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select action || ' ' || subject from platform.audit_log")
                        .mapTo(String.class)
                        .list());
    assertThat(actions)
        .contains(
            "record.read.denied record:" + policeRecord,
            "record.read record:" + policeRecord,
            "record.read record:" + sharedRecord);
    assertThat(sekisho.audit().verify()).isInstanceOf(AuditVerification.Ok.class);
  }

  @Test
  void twoSpellingsOfOneImporterAreLinkedThroughTheirSharedPhone() throws Exception {
    JsonNode r =
        JSON.readTree(
            send(
                    "GET",
                    "/api/search?q=" + java.net.URLEncoder.encode("サクラ物産", StandardCharsets.UTF_8),
                    tokens.get(Role.OFFICER),
                    null)
                .body());
    // the katakana spelling finds its own record and, by its reading (SAKURA BUSSAN), the romaji
    // spelling's
    java.util.List<String> found = new java.util.ArrayList<>();
    r.get("hits").forEach(h -> found.add(h.get("sourceId").asText()));
    assertThat(found).containsExactlyInAnyOrder("D1", "D2");
    JsonNode entity =
        JSON.readTree(
            send("GET", "/api/entities/" + sharedEntity, tokens.get(Role.OFFICER), null).body());
    assertThat(entity.get("recordCount").asLong()).isEqualTo(2);
    JsonNode graph =
        JSON.readTree(
            send(
                    "GET",
                    "/api/entities/" + sharedEntity + "/graph?hops=2",
                    tokens.get(Role.OFFICER),
                    null)
                .body());
    assertThat(graph.get("nodes").size()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aRecordIsFoundByKindAndSourceIdAsTargetingLinksToIt() throws Exception {
    String analyst = tokens.get(Role.ANALYST);
    HttpResponse<String> found = send("GET", "/records/declaration/D1", analyst, null);
    assertThat(found.statusCode()).isEqualTo(303);
    assertThat(found.headers().firstValue("Location")).contains("/records/" + sharedRecord);
    assertThat(send("GET", "/records/declaration/NO-SUCH", analyst, null).statusCode())
        .isEqualTo(403);
    assertThat(send("GET", "/records/cargo/D1", analyst, null).statusCode()).isEqualTo(400);
    assertThat(send("GET", "/records/declaration/D1", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void metricsCountTheRecordsTheAssessmentCatchUpFound() throws Exception {
    HttpResponse<String> m = send("GET", "/metrics", tokens.get(Role.ADMIN), null);
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.body())
        .contains(
            "sekisho_assessment_catch_up_records_total{feed=\"intel.declarations\",outcome=\"assessed\"}")
        .contains("feed=\"intel.transport-documents\",outcome=\"refused\"");
  }

  @Test
  void everyIngestedDeclarationIsAssessedByTargeting() throws Exception {
    long assessed = 0;
    for (int i = 0; i < 100 && assessed < 2; i++) {
      assessed =
          sekisho
              .db()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from targeting.assessment where record_key like '%D1' or record_key like '%D2'")
                          .mapTo(Long.class)
                          .one());
      if (assessed < 2) {
        Thread.sleep(100);
      }
    }
    assertThat(assessed).isEqualTo(2);
  }

  @Test
  void everyApiRouteOfEveryModuleDeclaresTheQueryParametersItTakes() {
    // an undeclared route would answer a misspelt filter as if it had been read
    java.util.List<String> undeclared =
        web.routes().stream()
            .filter(RouteSpec::api)
            .filter(spec -> spec.query().isEmpty())
            .map(spec -> spec.method() + " " + spec.path())
            .toList();
    assertThat(undeclared).isEmpty();
    assertThat(web.routes().stream().filter(RouteSpec::api).count()).isGreaterThan(100);
  }

  @Test
  void everyRouteAdmitsExactlyTheRolesItDeclares() throws Exception {
    // the audit log viewer is served, so the walk below covers it
    assertThat(web.routes().stream().map(s -> s.method() + " " + s.path()))
        .contains(
            "GET /admin/audit",
            "POST /admin/audit/verify",
            "GET /api/audit",
            "POST /api/audit/verify");
    int checked = 0;
    for (RouteSpec spec : web.routes()) {
      if (!(spec.access() instanceof org.sekisho.platform.auth.Access.AnyOf any)) {
        continue;
      }
      String path =
          spec.path()
              .replace("/entities/{id}", "/entities/" + sharedEntity)
              .replace("/records/{id}", "/records/" + sharedRecord)
              .replace("/merges/{id}", "/merges/999999")
              // a record by kind (in the plural, as ingest names it) and source id: the shared one,
              // since an unknown one is refused with 403 like another agency's
              .replace("/records/{kind}/{sourceId}", "/records/declarations/D1")
              .replace("{kind}", "declarations")
              // any other path parameter (vessel MMSI, ids of other contexts): a value that exists
              // nowhere
              .replaceAll("\\{[^}]+}", "123456789");
      if (path.equals("/logout") || path.equals("/api/logout")) {
        // signing out ends the token the walk goes on with (platform's SignOutTest covers them)
        continue;
      }
      for (Role role : Role.values()) {
        String body = spec.method().equals("GET") ? null : "{}";
        var response = send(spec.method(), path, tokens.get(role), body);
        int status = response.statusCode();
        if (any.roles().contains(role)
            && status == 403
            && role == Role.PARTNER
            && path.contains("maritime")) {
          // admitted by role, refused by agency: the maritime picture is shared only with the
          // partner agencies the administration lists (SEKISHO_MARITIME_PARTNERS), not police-jp
          assertThat(response.body())
              .as(role + " " + spec.method() + " " + path)
              .contains("agency police-jp");
        } else if (any.roles().contains(role)
            && status == 403
            && role == Role.PARTNER
            && path.startsWith("/api/sharing/records/")) {
          // admitted by role, refused by agency: with whom a record is shared is its owner's to
          // know, and the police partner reads customs' record only because it is shared
          assertThat(response.body())
              .as(role + " " + spec.method() + " " + path)
              .contains("which owns the record");
        } else if (any.roles().contains(role)
            && status == 403
            && role == Role.INVESTIGATOR
            && path.equals("/api/ingest/declarations")) {
          // admitted by role for seizures, refused for the kinds customs systems and partners send
          assertThat(response.body())
              .as(role + " " + spec.method() + " " + path)
              .contains("an investigator ingests seizures only");
        } else if (any.roles().contains(role)) {
          assertThat(status).as(role + " " + spec.method() + " " + path).isNotIn(401, 403);
        } else {
          assertThat(status).as(role + " " + spec.method() + " " + path).isEqualTo(403);
          // the refusal says which role the route needs
          assertThat(response.body())
              .as(role + " " + spec.method() + " " + path)
              .contains("needs the role");
        }
        checked++;
      }
      assertThat(
              send(spec.method(), path, null, spec.method().equals("GET") ? null : "{}")
                  .statusCode())
          .as("anonymous " + path)
          .isEqualTo(401);
    }
    assertThat(checked).isGreaterThan(80);
  }

  @Test
  void theAdministrationsAdministratorListsAccountsAndEveryPersonSeesTheirOwn() throws Exception {
    HttpResponse<String> kiosks =
        send("GET", "/api/admin/accounts?role=kiosk", tokens.get(Role.ADMIN), null);
    assertThat(kiosks.statusCode()).as(kiosks.body()).isEqualTo(200);
    assertThat(JSON.readTree(kiosks.body()).get("accounts").findValuesAsText("username"))
        .containsExactly("kiosk");
    // the police partner's account page is its own; a kiosk device has none
    assertThat(send("GET", "/account", tokens.get(Role.PARTNER), null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/account", tokens.get(Role.KIOSK), null).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/admin/accounts", tokens.get(Role.PARTNER), null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anAlteredAuditEntryIsReportedByVerify() {
    String original =
        sekisho
            .db()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select subject from platform.audit_log where seq = 2")
                        .mapTo(String.class)
                        .one());
    setSubject(2, "forged");
    try {
      assertThat(sekisho.audit().verify())
          .isEqualTo(
              new AuditVerification.Broken(
                  2, "entry 2 was altered: its content no longer matches its hash"));
    } finally {
      setSubject(2, original);
    }
    assertThat(sekisho.audit().verify()).isInstanceOf(AuditVerification.Ok.class);
  }

  private void setSubject(long seq, String subject) {
    sekisho
        .db()
        .jdbi()
        .useHandle(
            h -> {
              h.execute("alter table platform.audit_log disable trigger audit_log_no_update");
              h.createUpdate("update platform.audit_log set subject = :s where seq = :q")
                  .bind("s", subject)
                  .bind("q", seq)
                  .execute();
              h.execute("alter table platform.audit_log enable trigger audit_log_no_update");
            });
  }

  @Test
  void aLiaisonOfficerSharesADeclarationWithThePoliceAndRevokesItInChromium() throws Exception {
    long d2 =
        sekisho
            .db()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from intel.record where source_id = 'D2'")
                        .mapTo(Long.class)
                        .one());
    String mou =
        "{\"agency\":\"police-jp\",\"kinds\":[\"declarations\"],\"reference\":\"MoU"
            + " trade fraud 2025\",\"validFrom\":\"2025-01-01\"}";
    assertThat(send("POST", "/api/sharing/agreements", tokens.get(Role.ADMIN), mou).statusCode())
        .isEqualTo(201);
    // not shared yet: refused as an unknown id is, so that a partner cannot count customs' records
    assertThat(send("GET", "/api/records/" + d2, tokens.get(Role.PARTNER), null).statusCode())
        .isEqualTo(403);
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      // a form's answer replaces the page: an element found just before is gone, look again
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
      driver.get(base + "/records/" + d2);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("liaison");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("share-form")));
      assertThat(driver.findElement(By.id("no-shares")).getText()).isNotBlank();
      driver
          .findElement(By.cssSelector("#share-form input[name=purpose]"))
          .sendKeys("joint investigation of undervalued laptops");
      driver.findElement(By.id("share-button")).click();
      // re-found at each step: the page is replaced as the form's answer arrives
      By row = By.cssSelector("#record-shares tr.share");
      wait.until(ExpectedConditions.attributeToBe(row, "data-state", "in-force"));
      wait.until(ExpectedConditions.attributeToBe(row, "data-agency", "police-jp"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "MoU trade fraud 2025"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "undervalued laptops"));
      // the police read it now
      assertThat(send("GET", "/api/records/" + d2, tokens.get(Role.PARTNER), null).statusCode())
          .isEqualTo(200);
      driver
          .findElement(By.cssSelector("#record-shares tr.share input[name=reason]"))
          .sendKeys("investigation closed");
      driver.findElement(By.cssSelector("#record-shares tr.share button.revoke-button")).click();
      wait.until(
          ExpectedConditions.attributeToBe(
              By.cssSelector("#record-shares tr.share"), "data-state", "revoked"));
      assertThat(send("GET", "/api/records/" + d2, tokens.get(Role.PARTNER), null).statusCode())
          .isEqualTo(403);
    } finally {
      driver.quit();
    }
  }

  @Test
  void anAnalystSignsInSearchesAndFollowsALinkToTheEntityGraphInChromium() {
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base + "/search?q=coffee");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("analyst");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
      assertThat(driver.findElement(By.id("current-user")).getText()).contains("Aiko Tanaka");
      assertThat(driver.findElements(By.cssSelector("#results a.record-link"))).hasSize(1);
      driver.findElement(By.cssSelector("#results a.record-link")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("record-entities")));
      assertThat(driver.findElement(By.id("source-id")).getText()).isEqualTo("D1");
      driver.findElement(By.cssSelector("#record-entities a.entity-link")).click();
      wait.until(
          ExpectedConditions.attributeToBeNotEmpty(
              driver.findElement(By.id("graph")), "data-nodes"));
      assertThat(Integer.parseInt(driver.findElement(By.id("graph")).getAttribute("data-nodes")))
          .isGreaterThanOrEqualTo(2);
      driver.get(base + "/?lang=ja");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("volumes")));
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains("取扱量");
      // the header names the demo analyst and her role in the reader's language, nothing English
      assertThat(driver.findElement(By.id("current-user")).getText())
          .contains("Aiko Tanaka")
          .contains("分析官")
          .doesNotContain("analyst");
    } finally {
      driver.quit();
    }
  }
}
