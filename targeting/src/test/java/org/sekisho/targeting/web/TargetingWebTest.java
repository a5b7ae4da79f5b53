package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * The targeting web module on the real server over embedded PostgreSQL: criteria with errors are
 * refused with line and column, lists import from CSV, declarations are assessed, analysts decide
 * lanes with a comment, inspectors record outcomes that become history — over HTTP and in Chromium.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TargetingWebTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final String OFFICE = "JPTYO-AIR";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TargetingServer server;
  private WebApi api;
  private String base;
  private String analyst;
  private String inspector;
  private String admin;
  private Database db;
  private TargetingContext targeting;

  /** A stand-in model: riskier the more the first item is worth per kg below 1000. */
  private static final RiskScorer MODEL =
      new RiskScorer() {
        @Override
        public ModelScore score(DeclarationView d) {
          double vpk = d.items().isEmpty() ? Double.NaN : d.items().get(0).valuePerKg();
          return new ModelScore(Double.isNaN(vpk) ? 0.1 : Math.max(0, 1 - vpk / 1000), "test-1");
        }

        @Override
        public List<String> explain(DeclarationView d, int max) {
          return List.of("value per kg: low");
        }
      };

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = TargetingServer.start(db, dir, MODEL, PASSWORD, OFFICE);
    // a second analyst of the office, and an inspector of another office
    server.signIn("analyst2", "Ren Analyst", Role.ANALYST, OFFICE);
    server.signIn("osaka", "Osaka Inspector", Role.INSPECTOR, "JPOSA");
    targeting = server.targeting();
    base = server.base();
    api = server.api();
    analyst = server.analyst();
    inspector = server.inspector();
    admin = server.admin();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String login(String user) throws Exception {
    return api.login(user, PASSWORD);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }

  private JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return JSON.readTree(r.body());
  }

  /** POSTs, expects 400, and returns the field the refusal names. */
  private String refusedField(String path, String token, String body) throws Exception {
    HttpResponse<String> r = send("POST", path, token, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return JSON.readTree(r.body()).get("field").asText();
  }

  /** A record as the intelligence database's ingest hands it to targeting once stored. */
  private void stored(String id, String json) {
    targeting
        .assessmentRequests()
        .assessAll(
            List.of(
                new org.sekisho.targeting.assessment.application.AssessmentRequests.Request(
                    "declaration", id, json)));
  }

  private JsonNode dryRun(java.util.Map<String, Object> request) throws Exception {
    return ok(send("POST", "/api/targeting/criteria/dry-run", analyst, json(request)));
  }

  private static String json(Object o) throws Exception {
    return JSON.writeValueAsString(o);
  }

  static String declaration(String id, String importerId, String origin, String value, String kg) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27T08:12:00+09:00\",\"office\":\""
        + OFFICE
        + "\",\"modeOfTransport\":\"4\",\"importer\":{\"kind\":\"company\",\"name\":\"株式会社サクラ物産\",\"id\":\""
        + importerId
        + "\",\"country\":\"JP\"},\"exporter\":{\"name\":\"Golden Lotus Trading\",\"country\":\"TH\"},"
        + "\"countryOfDeparture\":\"TH\",\"items\":[{\"hsCode\":\"090121\",\"description\":\"roasted coffee\","
        + "\"origin\":\""
        + origin
        + "\",\"netMassKg\":\""
        + kg
        + "\",\"customsValue\":\""
        + value
        + "\",\"currency\":\"JPY\"}]}";
  }

  private static final String COFFEE =
      "criterion \"Coffee from high-risk origin\"\n"
          + "  when hs starts with \"0901\" and origin in list \"high-risk-origins\" and value_per_kg < 200\n"
          + "  then lane red weight 40\n"
          + "  because \"Coffee declared far below market price from origins with recent seizures\"\n";

  @Test
  @Order(1)
  void listsAreCreatedAndImportedFromCsvKeepingGoodRowsAndNamingBadOnes() throws Exception {
    ok(
        send(
            "POST",
            "/api/targeting/lists",
            analyst,
            "{\"name\":\"high-risk-origins\",\"kind\":\"countries\",\"description\":\"test\"}"));
    JsonNode im =
        ok(
            send(
                "POST",
                "/api/targeting/lists/high-risk-origins/entries",
                analyst,
                "value,note\nCO,cocaine route\nth,\"recent seizures, 2026\"\nXYZ,bad\n"));
    assertThat(im.get("added").asInt()).isEqualTo(2);
    assertThat(im.get("refused").get(0).get("field").asText()).isEqualTo("line 4");
    assertThat(im.get("refused").get(0).get("message").asText()).contains("ISO 3166-1");
    JsonNode list = ok(send("GET", "/api/targeting/lists/high-risk-origins", analyst, null));
    assertThat(list.get("entries").findValuesAsText("value")).containsExactly("CO", "TH");
    assertThat(send("POST", "/api/targeting/lists", inspector, "{}").statusCode()).isEqualTo(403);
  }

  @Test
  @Order(2)
  void aCriterionWithErrorsIsRefusedWithLineAndColumnAndAGoodOneIsSavedThenReleasedByAnAdmin()
      throws Exception {
    String broken = COFFEE.replace("value_per_kg < 200", "value_per_kg < \"cheap\"");
    HttpResponse<String> r =
        send("POST", "/api/targeting/criteria", analyst, json(java.util.Map.of("source", broken)));
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("problems").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(p.get("problems").get(0).get("column").asInt()).isEqualTo(88);
    assertThat(p.get("message").asText())
        .contains("line 2, column 88")
        .contains("expected a number");
    assertThat(ok(send("GET", "/api/targeting/criteria", analyst, null))).isEmpty();

    JsonNode saved = api.saveCriterion(analyst, COFFEE);
    assertThat(saved.get("status").asText()).isEqualTo("draft");
    String release = WebApi.releasePath(saved);
    assertThat(send("POST", release, analyst, null).statusCode()).isEqualTo(403);
    assertThat(ok(send("POST", release, admin, null)).get("status").asText()).isEqualTo("released");
  }

  @Test
  @Order(3)
  void anAssessedDeclarationCarriesScoreLaneReasonsAndVersionsAndReplaysTheSame() throws Exception {
    JsonNode a =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                declaration("D-API-1", "IMP-1", "TH", "1000", "10")));
    assertThat(a.get("lane").asText()).isEqualTo("red");
    assertThat(a.get("basis").asText()).isEqualTo("criteria");
    assertThat(a.get("score").asDouble())
        .isEqualTo(90 + 40, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(a.get("reasons").toString())
        .contains("Coffee from high-risk origin")
        .contains("list \\\"high-risk-origins\\\" v2: origin TH")
        .contains("value per kg: low");
    // a list hit, worded in Japanese around the list's name and the value as written
    assertThat(
            send(
                    "GET",
                    "/targeting/assessments/" + a.get("id").asLong() + "?lang=ja",
                    analyst,
                    null)
                .body())
        .contains("リスト「high-risk-origins」第2版: 原産国 TH");
    assertThat(a.get("versions").get("criteria").asText()).isEqualTo("c1v1");
    assertThat(a.get("versions").get("lists").asText()).isEqualTo("high-risk-originsv2");
    assertThat(a.get("versions").get("model").asText()).isEqualTo("test-1");
    // the list changes after the assessment; the replay still uses version 2
    ok(
        send(
            "DELETE",
            "/api/targeting/lists/high-risk-origins/entries/TH?reason=no+longer+a+risk",
            analyst,
            null));
    JsonNode replay =
        ok(
            send(
                "GET",
                "/api/targeting/assessments/" + a.get("id").asLong() + "/replay",
                analyst,
                null));
    assertThat(replay.get("same").asBoolean()).as(replay.toString()).isTrue();
    ok(send("POST", "/api/targeting/lists/high-risk-origins/entries", analyst, "TH,back again"));
    // assessing the same record again gives the stored assessment
    JsonNode again =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                declaration("D-API-1", "IMP-1", "TH", "1000", "10")));
    assertThat(again.get("id").asLong()).isEqualTo(a.get("id").asLong());
    HttpResponse<String> bad =
        send(
            "POST",
            "/api/assess",
            analyst,
            "{\"declarationId\":\"X\",\"date\":\"27/11/2026\",\"items\":[]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"date\"");
  }

  @Test
  @Order(6)
  void aConsignmentIsAssessedBeforeArrivalAndTheWorklistCanBeKeptToOneKind() throws Exception {
    JsonNode bill =
        ok(
            send(
                "POST",
                "/api/assess?kind=transport-document",
                analyst,
                "{\"number\":\"HDMU-WEB-1\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\","
                    + "\"office\":\""
                    + OFFICE
                    + "\",\"consignee\":{\"name\":\"株式会社サクラ物産\"},"
                    + "\"portOfLoading\":\"THBKK\",\"goodsDescription\":\"coffee\","
                    + "\"hsCode\":\"090121\",\"grossMassKg\":\"1200\",\"packages\":\"40\"}"));
    assertThat(bill.get("record").asText()).isEqualTo("transport-document:HDMU-WEB-1");
    List<String> bills = new ArrayList<>();
    for (String status : List.of("open", "released")) {
      bills.addAll(
          ok(send(
                  "GET",
                  "/api/targeting/worklist?office="
                      + OFFICE
                      + "&status="
                      + status
                      + "&kind=transport-document",
                  analyst,
                  null))
              .findValuesAsText("record"));
    }
    assertThat(bills).containsExactly("transport-document:HDMU-WEB-1");
    JsonNode declarations =
        ok(
            send(
                "GET",
                "/api/targeting/worklist?office=" + OFFICE + "&status=open&kind=declaration",
                analyst,
                null));
    assertThat(declarations.findValuesAsText("record"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r).startsWith("declaration:"));
    // the analyst sends the consignment to red before its goods are declared
    ok(
        send(
            "POST",
            "/api/targeting/assessments/" + bill.get("id").asLong() + "/lane",
            analyst,
            json(
                java.util.Map.of(
                    "lane", "red", "comment", "consignee unknown to us", "expectedVersion", 0))));
    // the declaration of the same goods, lodged later, shows the consignment's lane
    JsonNode declared =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                "{\"declarationId\":\"D-BL-1\",\"date\":\"2026-11-28\",\"office\":\""
                    + OFFICE
                    + "\",\"transportDocument\":\"HDMU-WEB-1\","
                    + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\"}]}"));
    HttpResponse<String> page =
        send("GET", "/targeting/assessments/" + declared.get("id").asLong(), analyst, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"consignment\"")
        .contains("/targeting/assessments/" + bill.get("id").asLong())
        .contains("transport-document:HDMU-WEB-1");
    // the declaration is given at least the consignment's lane, and says so, in Japanese too
    assertThat(declared.get("lane").asText()).isEqualTo("red");
    assertThat(declared.get("basis").asText()).isEqualTo("consignment");
    assertThat(declared.at("/consignment/assessment").asLong()).isEqualTo(bill.get("id").asLong());
    assertThat(declared.get("reasons").get(0).asText())
        .startsWith("consignment HDMU-WEB-1 was selected red before arrival");
    assertThat(
            send(
                    "GET",
                    "/targeting/assessments/" + declared.get("id").asLong() + "?lang=ja",
                    analyst,
                    null)
                .body())
        .contains("貨物 HDMU-WEB-1 は到着前に 赤（検査） に選定済み");

    // goods declared before their consignment is selected follow it, with a lane change saying so
    JsonNode early =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                "{\"declarationId\":\"D-BL-2\",\"date\":\"2026-11-28\",\"office\":\""
                    + OFFICE
                    + "\",\"transportDocument\":\"HDMU-WEB-2\","
                    + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\"}]}"));
    JsonNode late =
        ok(
            send(
                "POST",
                "/api/assess?kind=transport-document",
                analyst,
                "{\"number\":\"HDMU-WEB-2\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\","
                    + "\"office\":\""
                    + OFFICE
                    + "\",\"portOfLoading\":\"THBKK\",\"hsCode\":\"090121\"}"));
    ok(
        send(
            "POST",
            "/api/targeting/assessments/" + late.get("id").asLong() + "/lane",
            analyst,
            json(
                java.util.Map.of(
                    "lane", "red", "comment", "tip-off from the port", "expectedVersion", 0))));
    assertThat(
            send(
                    "GET",
                    "/targeting/assessments/" + early.get("id").asLong() + "?lang=ja",
                    analyst,
                    null)
                .body())
        .contains("この申告の審査後に、貨物 HDMU-WEB-2 が 赤（検査） に選定されました");
    // the consignment released after all: the declaration falls back to its own lane, and is
    // released with it
    ok(
        send(
            "POST",
            "/api/targeting/assessments/" + late.get("id").asLong() + "/lane",
            analyst,
            json(
                java.util.Map.of(
                    "lane", "green", "comment", "the tip was wrong", "expectedVersion", 1))));
    JsonNode fellBack =
        ok(send("GET", "/api/targeting/assessments/" + early.get("id").asLong(), analyst, null));
    assertThat(fellBack.get("finalLane").asText()).isEqualTo(early.get("lane").asText());
    assertThat(
            send(
                    "GET",
                    "/targeting/assessments/" + early.get("id").asLong() + "?lang=ja",
                    analyst,
                    null)
                .body())
        .contains("貨物 HDMU-WEB-2 が 緑（許可） に引き下げられました");
    // the consignment's page lists the declarations of its goods
    HttpResponse<String> withoutConsignment =
        send("GET", "/targeting/assessments/" + bill.get("id").asLong(), analyst, null);
    assertThat(withoutConsignment.body()).doesNotContain("id=\"consignment\"");
    assertThat(withoutConsignment.body())
        .contains("id=\"declarations\"")
        .contains("/targeting/assessments/" + declared.get("id").asLong());
    HttpResponse<String> bad =
        send("GET", "/api/targeting/worklist?office=" + OFFICE + "&kind=parcel", analyst, null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"kind\"");
  }

  @Test
  @Order(7)
  void fieldsOfTheWrongTypeAreRefusedAndTheCriterionInForceIsAlwaysListed() throws Exception {
    String rule =
        "criterion \"Gold\" when hs starts with \"7108\" then lane red weight 20"
            + " because \"gold bars\"";
    // a scope given as a string instead of a list would otherwise apply the criterion everywhere
    assertThat(
            refusedField(
                "/api/targeting/criteria",
                analyst,
                json(java.util.Map.of("source", rule, "offices", "JPYOK"))))
        .isEqualTo("offices");
    assertThat(
            refusedField(
                "/api/targeting/criteria",
                analyst,
                json(java.util.Map.of("source", rule, "id", "abc"))))
        .isEqualTo("id");
    JsonNode a =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                declaration("D-TYPES-1", "IMP-9", "CN", "50000", "10")));
    assertThat(
            refusedField(
                "/api/targeting/assessments/" + a.get("id").asLong() + "/outcome",
                inspector,
                "{\"result\":\"infraction\",\"seizure\":\"yes\"}"))
        .isEqualTo("seizure");
    // sent again: the same record gets its assessment back; an amended one is not answered with it
    JsonNode again =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                declaration("D-TYPES-1", "IMP-9", "CN", "50000", "10").replace(",", ", ")));
    assertThat(again.get("id").asLong()).isEqualTo(a.get("id").asLong());
    HttpResponse<String> amended =
        send(
            "POST", "/api/assess", analyst, declaration("D-TYPES-1", "IMP-9", "CN", "60000", "10"));
    assertThat(amended.statusCode()).isEqualTo(409);
    // lanes are named in the reader's language when the administration kept the colours
    assertThat(
            send(
                    "GET",
                    "/targeting/assessments/" + a.get("id").asLong() + "?lang=ja",
                    analyst,
                    null)
                .body())
        .contains("赤（検査）", "緑（許可）")
        .doesNotContain("red (examination)");
    assertThat(amended.body()).contains("assessment " + a.get("id").asLong());

    // released, then v2 released, then v1 again: the list shows v1 in force and v2 beside it
    long c =
        ok(send("POST", "/api/targeting/criteria", analyst, json(java.util.Map.of("source", rule))))
            .get("id")
            .asLong();
    ok(send("POST", "/api/targeting/criteria/" + c + "/versions/1/release", admin, null));
    ok(
        send(
            "POST",
            "/api/targeting/criteria",
            analyst,
            json(java.util.Map.of("source", rule.replace("20", "30"), "id", c))));
    ok(send("POST", "/api/targeting/criteria/" + c + "/versions/2/release", admin, null));
    ok(send("POST", "/api/targeting/criteria/" + c + "/versions/1/release", admin, null));
    List<String> listed = new ArrayList<>();
    for (JsonNode n : ok(send("GET", "/api/targeting/criteria", analyst, null))) {
      if (n.get("id").asLong() == c) {
        listed.add(n.get("version").asInt() + " " + n.get("status").asText());
      }
    }
    assertThat(listed).containsExactly("2 superseded", "1 released");
    HttpResponse<String> page = send("GET", "/targeting/criteria", analyst, null);
    assertThat(page.body()).contains("data-key=\"c" + c + "v1\"");

    // a dry run is limited to the offices the criterion would be (and to declared records: one
    // the intelligence database stored)
    stored("D-DRY-1", declaration("D-DRY-1", "IMP-D", "TH", "900", "2"));
    String any =
        "criterion \"Any\" when value_per_kg >= 0 then weight 1 because \"every declaration\"";
    JsonNode everywhere = dryRun(java.util.Map.of("source", any, "days", 7));
    JsonNode elsewhere =
        dryRun(java.util.Map.of("source", any, "days", 7, "offices", List.of("JPOSA")));
    JsonNode here = dryRun(java.util.Map.of("source", any, "days", 7, "offices", List.of(OFFICE)));
    assertThat(everywhere.get("examined").asInt()).isPositive();
    assertThat(elsewhere.get("examined").asInt()).isZero();
    assertThat(here.get("hitsByOffice").size()).isEqualTo(1);
    assertThat(here.get("hitsByOffice").has(OFFICE)).isTrue();

    // an analyst works every office by default, and any status
    JsonNode osaka =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                declaration("D-OSA-1", "IMP-9", "CN", "50000", "10")
                    .replace("\"office\":\"" + OFFICE, "\"office\":\"JPOSA")));
    assertThat(osaka.get("office").asText()).isEqualTo("JPOSA");
    List<String> everywhereRows = new ArrayList<>();
    for (String st : List.of("open", "released", "referred", "closed")) {
      everywhereRows.add(
          send("GET", "/targeting/worklist/rows?status=" + st, analyst, null).body());
    }
    assertThat(String.join("", everywhereRows))
        .contains("data-record=\"declaration:D-OSA-1\"")
        .contains("data-record=\"declaration:D-TYPES-1\"");
    assertThat(send("GET", "/targeting/worklist/rows?status=closed", analyst, null).body())
        .contains("data-record=\"declaration:D-API-2\"")
        .doesNotContain("D-OSA-1");
    assertThat(send("GET", "/targeting/worklist/rows?status=shut", analyst, null).statusCode())
        .isEqualTo(400);
    // left empty (a form's default) or in capitals, as a person writes it
    assertThat(send("GET", "/targeting/worklist/rows?status=", analyst, null).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/targeting/worklist/rows?status=CLOSED", analyst, null).body())
        .contains("data-record=\"declaration:D-API-2\"");
    assertThat(send("GET", "/targeting/worklist", analyst, null).body())
        .contains("id=\"status-filter\"");

    // the live page's polls of the same view are audited once
    String count =
        "select count(*) from platform.audit_log where action = 'targeting.worklist.read'";
    int before = db.jdbi().withHandle(h -> h.createQuery(count).mapTo(Integer.class).one());
    for (int i = 0; i < 3; i++) {
      send("GET", "/targeting/worklist/rows?status=closed&kind=declaration", analyst, null);
    }
    int after = db.jdbi().withHandle(h -> h.createQuery(count).mapTo(Integer.class).one());
    assertThat(after - before).isEqualTo(1);

    // a list import keeps its good rows when one holds a NUL
    ok(
        send(
            "POST",
            "/api/targeting/lists",
            analyst,
            json(java.util.Map.of("name", "nul-rows", "kind", "parties"))));
    JsonNode imported =
        ok(
            send(
                "POST",
                "/api/targeting/lists/nul-rows/entries",
                analyst,
                "value,note\nGOOD TRADER,ok\n\"BAD\u0000TRADER\",x\n"));
    assertThat(imported.get("added").asInt()).isEqualTo(1);
    assertThat(imported.get("refused").get(0).get("field").asText()).isEqualTo("line 3");
    assertThat(imported.get("refused").get(0).get("message").asText()).contains("NUL");
    // list kinds and criterion statuses in the reader's language
    assertThat(send("GET", "/targeting/lists?lang=ja", analyst, null).body())
        .contains("関係者（業者・名称）");
    assertThat(send("GET", "/targeting/criteria?lang=ja", analyst, null).body())
        .contains("適用中", "旧版");
  }

  @Test
  @Order(4)
  void laneDecisionsNeedACommentAndOutcomesBecomeTheImportersHistory() throws Exception {
    JsonNode a =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                declaration("D-API-2", "IMP-2", "CO", "500", "10")));
    long id = a.get("id").asLong();
    HttpResponse<String> noComment =
        send(
            "POST",
            "/api/targeting/assessments/" + id + "/lane",
            analyst,
            "{\"lane\":\"red\",\"comment\":\" \",\"expectedVersion\":0}");
    assertThat(noComment.statusCode()).isEqualTo(400);
    assertThat(noComment.body()).contains("\"field\":\"comment\"");
    JsonNode decided =
        ok(
            send(
                "POST",
                "/api/targeting/assessments/" + id + "/lane",
                analyst,
                "{\"lane\":\"red\",\"comment\":\"confirmed: supplier under investigation\","
                    + "\"expectedVersion\":0}"));
    assertThat(decided.get("status").asText()).isEqualTo("referred");
    String osaka = login("osaka");
    assertThat(
            send(
                    "POST",
                    "/api/targeting/assessments/" + id + "/outcome",
                    osaka,
                    "{\"result\":\"infraction\"}")
                .statusCode())
        .isEqualTo(403);
    JsonNode closed =
        ok(
            send(
                "POST",
                "/api/targeting/assessments/" + id + "/outcome",
                inspector,
                "{\"result\":\"infraction\",\"revenue\":\"125000\",\"seizure\":false,\"note\":\"undervalued\"}"));
    assertThat(closed.get("status").asText()).isEqualTo("closed");
    assertThat(closed.get("outcome").get("result").asText()).isEqualTo("infraction");
    // the intelligence database stores the declaration as it was sent: from then on it, and the
    // infraction found, are the importer's history (a record sent alone is no declaration yet)
    stored("D-API-2", declaration("D-API-2", "IMP-2", "CO", "500", "10"));
    // a criterion on history now sees the importer's infraction
    String history =
        "criterion \"Repeat offender\" when importer_infractions >= 1 then lane yellow weight 10"
            + " because \"importer had an infraction before\"";
    JsonNode dry =
        ok(
            send(
                "POST",
                "/api/targeting/criteria/dry-run",
                analyst,
                json(java.util.Map.of("source", history, "days", 7))));
    assertThat(dry.get("examined").asInt()).isEqualTo(1); // D-API-2, the one stored
    assertThat(dry.get("hits").asInt()).as("history counts only earlier declarations").isZero();
    JsonNode s =
        ok(
            send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json(java.util.Map.of("source", history))));
    ok(
        send(
            "POST",
            "/api/targeting/criteria/" + s.get("id").asLong() + "/versions/1/release",
            admin,
            null));
    JsonNode next =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                declaration("D-API-3", "IMP-2", "BR", "50000", "10")));
    assertThat(next.get("hits").findValuesAsText("name")).containsExactly("Repeat offender");
    assertThat(next.get("lane").asText()).isEqualTo("yellow");
    int audits =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action like 'targeting.%'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(audits).isGreaterThan(5);
  }

  @Test
  @Order(6)
  void aLaneDecisionTakenOnAnItemThatChangedMeanwhileIsRefusedAsAConflict() throws Exception {
    long id =
        ok(send("POST", "/api/assess", analyst, declaration("D-RACE-1", "IMP-R", "TH", "900", "2")))
            .get("id")
            .asLong();
    String path = "/api/targeting/assessments/" + id + "/lane";
    JsonNode seen = ok(send("GET", "/api/targeting/assessments/" + id, analyst, null));
    assertThat(seen.get("version").asInt()).isZero();
    String shownLane = seen.get("finalLane").asText();
    String otherLane = shownLane.equals("blue") ? "yellow" : "blue";
    JsonNode other =
        ok(
            send(
                "POST",
                path,
                login("analyst2"),
                "{\"lane\":\""
                    + otherLane
                    + "\",\"comment\":\"known importer, papers fine\",\"expectedVersion\":0}"));
    assertThat(other.get("version").asInt()).isEqualTo(1);
    // the first analyst decides on what they saw: refused, naming who changed it
    for (String expected :
        List.of(
            "\"expectedVersion\":0",
            "\"expectedLane\":\"" + shownLane + "\",\"expectedVersion\":1",
            "\"expectedLane\":\"" + otherLane + "\",\"expectedVersion\":0")) {
      HttpResponse<String> late =
          send(
              "POST",
              path,
              analyst,
              "{\"lane\":\"red\",\"comment\":\"supplier under investigation\"," + expected + "}");
      assertThat(late.statusCode()).as(expected + ": " + late.body()).isEqualTo(409);
      JsonNode err = JSON.readTree(late.body());
      assertThat(err.get("error").asText()).isEqualTo("conflict");
      assertThat(err.get("field").asText()).isEqualTo("expectedVersion");
      assertThat(err.get("message").asText()).contains("reload").contains("analyst2");
    }
    JsonNode now = ok(send("GET", "/api/targeting/assessments/" + id, analyst, null));
    assertThat(now.get("finalLane").asText()).isEqualTo(otherLane);
    assertThat(now.get("decisions")).hasSize(1);
    assertThat(
            refusedField(
                path,
                analyst,
                "{\"lane\":\"red\",\"comment\":\"supplier under investigation\","
                    + "\"expectedVersion\":\"one\"}"))
        .isEqualTo("expectedVersion");
    assertThat(
            refusedField(
                path,
                analyst,
                "{\"lane\":\"red\",\"comment\":\"supplier under investigation\","
                    + "\"expectedLane\":\"purple\",\"expectedVersion\":1}"))
        .isEqualTo("expectedLane");
    // naming no version, the decision is not applied: the caller must say what it decided on
    HttpResponse<String> blind =
        send(
            "POST",
            path,
            analyst,
            "{\"lane\":\"red\",\"comment\":\"supplier under investigation\"}");
    assertThat(blind.statusCode()).as(blind.body()).isEqualTo(428);
    JsonNode required = JSON.readTree(blind.body());
    assertThat(required.get("error").asText()).isEqualTo("precondition-required");
    assertThat(required.get("field").asText()).isEqualTo("expectedVersion");
    assertThat(required.get("version").asInt()).isEqualTo(1);
    assertThat(
            ok(send("GET", "/api/targeting/assessments/" + id, analyst, null))
                .get("finalLane")
                .asText())
        .isEqualTo(otherLane);
    // on the version it now has, the decision applies
    assertThat(
            ok(send(
                    "POST",
                    path,
                    analyst,
                    "{\"lane\":\"red\",\"comment\":\"supplier under investigation\","
                        + "\"expectedLane\":\""
                        + otherLane
                        + "\",\"expectedVersion\":1}"))
                .get("version")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  @Order(7)
  void malformedNumbersAndDeeplyNestedCriteriaAreRefusedWith400NamingTheFieldNever500()
      throws Exception {
    long id =
        ok(send("POST", "/api/assess", analyst, declaration("D-BAD-1", "IMP-B", "TH", "900", "2")))
            .get("id")
            .asLong();
    String outcome = "/api/targeting/assessments/" + id + "/outcome";
    for (String revenue :
        List.of("1e400", "-1e400", "1e-400", "1e999999999", "123456789012345678901")) {
      assertThat(
              refusedField(
                  outcome, inspector, "{\"result\":\"infraction\",\"revenue\":" + revenue + "}"))
          .as(revenue)
          .isEqualTo("revenue");
    }
    // an exponent beyond what any number parser reads is no JSON number at all
    HttpResponse<String> huge =
        send("POST", outcome, inspector, "{\"result\":\"infraction\",\"revenue\":1e9999999999}");
    assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
    assertThat(JSON.readTree(huge.body()).get("error").asText()).isEqualTo("invalid-json");
    for (String days : List.of("1e400", "7.5", "-3", "1e-400")) {
      assertThat(
              refusedField(
                  "/api/targeting/criteria/dry-run",
                  analyst,
                  "{\"source\":" + json(COFFEE) + ",\"days\":" + days + "}"))
          .as(days)
          .isEqualTo("days");
    }
    assertThat(dryRun(java.util.Map.of("source", COFFEE, "days", 7)).get("days").asInt())
        .isEqualTo(7);
    // 5,000 nested parentheses: a problem at a line and column, not an overflowed stack
    String deep =
        "criterion \"Deep\" when "
            + "(".repeat(5000)
            + "hs = \"0901\""
            + ")".repeat(5000)
            + " then lane red because \"deeply nested text\"";
    JsonNode checked =
        ok(
            send(
                "POST",
                "/api/targeting/criteria/check",
                analyst,
                json(java.util.Map.of("source", deep))));
    assertThat(checked.get("ok").asBoolean()).isFalse();
    assertThat(checked.get("problems").get(0).get("message").asText())
        .contains("nested too deeply");
    assertThat(checked.get("problems").get(0).get("column").asInt()).isEqualTo(73);
    HttpResponse<String> saved =
        send("POST", "/api/targeting/criteria", analyst, json(java.util.Map.of("source", deep)));
    assertThat(saved.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(saved.body()).get("field").asText()).isEqualTo("line 1, column 73");
  }

  @Test
  @Order(8)
  void aRecordSentAloneMeetsTheRulesIngestAppliesAndIsLinkedOnlyOnceTheIntelligenceDatabaseHoldsIt()
      throws Exception {
    String good = declaration("D-RULES-1", "IMP-R1", "TH", "900", "2");
    java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put(good.replace("\"office\":\"" + OFFICE + "\",", ""), "office");
    refused.put(good.replace("2026-11-27T08:12:00+09:00", "9999-12-31"), "date");
    refused.put(good.replace("2026-11-27T08:12:00+09:00", "1949-12-31"), "date");
    refused.put(
        good.replace(
            "\"importer\":{\"kind\":\"company\",\"name\":\"株式会社サクラ物産\",\"id\":\"IMP-R1\",\"country\":\"JP\"}",
            "\"importer\":\"株式会社サクラ物産\""),
        "importer");
    refused.put(
        good.replace("\"countryOfDeparture\":\"TH\"", "\"countryOfDeparture\":\"XX\""),
        "countryOfDeparture");
    refused.put(
        good.replace("\"origin\":\"TH\"", "\"origin\":{\"country\":\"TH\"}"), "items[0].origin");
    for (var e : refused.entrySet()) {
      assertThat(e.getKey()).isNotEqualTo(good);
      assertThat(refusedField("/api/assess", analyst, e.getKey()))
          .as(e.getValue())
          .isEqualTo(e.getValue());
    }
    assertThat(
            refusedField(
                "/api/assess?kind=postal-item",
                analyst,
                "{\"itemId\":\"EE123456789JP\",\"date\":\"2026-11-27\",\"office\":\"JPKWS-MAIL\"}"))
        .isEqualTo("itemId");
    assertThat(
            refusedField(
                "/api/assess?kind=transport-document",
                analyst,
                "{\"number\":\"MSCU1234567\",\"date\":\"2026-11-27\",\"portOfLoading\":\"XXABC\"}"))
        .isEqualTo("portOfLoading");
    // the same records written correctly are assessed, an office in any case as ingest stores it
    ok(
        send(
            "POST",
            "/api/assess?kind=postal-item",
            analyst,
            "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"office\":\"JPKWS-MAIL\"}"));
    ok(
        send(
            "POST",
            "/api/assess?kind=transport-document",
            analyst,
            "{\"number\":\"MSCU1234567\",\"date\":\"2026-11-27\",\"portOfLoading\":\"CNSHA\"}"));
    JsonNode alone =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                good.replace(OFFICE, OFFICE.toLowerCase(java.util.Locale.ROOT))));
    assertThat(alone.get("office").asText()).isEqualTo(OFFICE);
    long id = alone.get("id").asLong();
    String page = send("GET", "/targeting/assessments/" + id, analyst, null).body();
    assertThat(page).contains("record-alone").doesNotContain("record-link");
    // the intelligence database stores it later: its page is linked from then on
    targeting
        .assessmentRequests()
        .assess(
            "declaration",
            "D-RULES-1",
            good.replace(OFFICE, OFFICE.toLowerCase(java.util.Locale.ROOT)));
    page = send("GET", "/targeting/assessments/" + id, analyst, null).body();
    assertThat(page).contains("record-link", "/records/declaration/D-RULES-1");
    // one the intelligence database stored from the start is linked at once
    targeting
        .assessmentRequests()
        .assessAll(
            List.of(
                new org.sekisho.targeting.assessment.application.AssessmentRequests.Request(
                    "declaration",
                    "D-RULES-2",
                    declaration("D-RULES-2", "IMP-R2", "TH", "900", "2"))));
    JsonNode stored =
        ok(send("GET", "/api/targeting/worklist?status=released&limit=1000", analyst, null));
    JsonNode open =
        ok(send("GET", "/api/targeting/worklist?status=open&limit=1000", analyst, null));
    long second = -1;
    for (JsonNode list : List.of(stored, open)) {
      for (JsonNode n : list) {
        if (n.get("record").asText().equals("declaration:D-RULES-2")) {
          second = n.get("id").asLong();
        }
      }
    }
    assertThat(second).isPositive();
    assertThat(send("GET", "/targeting/assessments/" + second, analyst, null).body())
        .contains("record-link");
  }

  @Test
  @Order(9)
  void aDisabledCriterionShowsWhoDisabledItWhenAndWhyAndAdminsReviewAVersionBeforeReleasing()
      throws Exception {
    String rule =
        "criterion \"Sugar\" when hs starts with \"1701\" then lane yellow weight 5 because"
            + " \"sugar quota checks\"";
    // an office scope names real offices
    JsonNode nope =
        JSON.readTree(
            send(
                    "POST",
                    "/api/targeting/criteria",
                    analyst,
                    json(java.util.Map.of("source", rule, "offices", List.of("NOPE-XYZ"))))
                .body());
    assertThat(nope.get("error").asText()).isEqualTo("invalid-office");
    assertThat(nope.get("field").asText()).isEqualTo("offices");
    long c =
        ok(send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json(java.util.Map.of("source", rule, "offices", List.of("jpnrt-mail", "30")))))
            .get("id")
            .asLong();
    ok(
        send(
            "POST",
            "/api/targeting/criteria",
            analyst,
            json(java.util.Map.of("source", rule.replace("5", "6"), "id", c))));
    // an administrator reads a version's text, offices and dry run before releasing it
    String version = send("GET", "/targeting/criteria/" + c + "/versions/1", admin, null).body();
    assertThat(version)
        .contains("id=\"version-source\"", "sugar quota checks", "30 JPNRT-MAIL")
        .contains("data-key=\"c" + c + "v2\"", "id=\"release\"");
    assertThat(send("GET", "/targeting/criteria/" + c + "/versions/9", admin, null).statusCode())
        .isEqualTo(404);
    // and its dry run, over the offices it is limited to
    HttpResponse<String> dry =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            base + "/targeting/criteria/" + c + "/versions/1/dry-run"))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("days=7"))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
    assertThat(dry.body()).contains("id=\"dry-run-summary\"");
    ok(send("POST", "/api/targeting/criteria/" + c + "/versions/1/release", admin, null));
    ok(send("POST", "/api/targeting/criteria/" + c + "/versions/2/release", admin, null));
    ok(send("POST", "/api/targeting/criteria/" + c + "/versions/1/release", admin, null));
    // disabling says why; without a reason it is refused
    String disable = "/api/targeting/criteria/" + c + "/disable";
    assertThat(refusedField(disable, admin, "{}")).isEqualTo("reason");
    assertThat(refusedField(disable, admin, "{\"reason\":\"  no \"}")).isEqualTo("reason");
    ok(send("POST", disable, admin, "{\"reason\":\"quota lifted on 1 December\"}"));
    JsonNode listed = null;
    for (JsonNode n : ok(send("GET", "/api/targeting/criteria", analyst, null))) {
      if (n.get("id").asLong() == c) {
        listed = n;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("key").asText()).isEqualTo("c" + c + "v2");
    assertThat(listed.get("status").asText()).isEqualTo("superseded");
    assertThat(listed.at("/criterion/state").asText()).isEqualTo("disabled");
    assertThat(listed.at("/criterion/disabledBy").asText()).isEqualTo("admin");
    assertThat(listed.at("/criterion/reason").asText()).isEqualTo("quota lifted on 1 December");
    assertThat(listed.at("/criterion/disabledAt").asText()).isNotEmpty();
    String page = send("GET", "/targeting/criteria", admin, null).body();
    assertThat(page)
        .contains("data-criterion=\"" + c + "\" data-state=\"disabled\"")
        .contains("quota lifted on 1 December");
    int audited =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action ="
                                + " 'targeting.criterion.disable' and subject = :t and details"
                                + " like '%quota lifted%'")
                        // filed under the version it took out of force (v1, rolled back to)
                        .bind("t", "criterion:c" + c + "v1")
                        .mapTo(Integer.class)
                        .one());
    assertThat(audited).isEqualTo(1);
    // the editor shows the criterion's state and every version with its status
    String editor = send("GET", "/targeting/criteria/edit?id=" + c, analyst, null).body();
    assertThat(editor)
        .contains("id=\"criterion-state\" data-state=\"disabled\"")
        .contains("data-key=\"c" + c + "v1\" data-status=\"disabled\"")
        .contains("data-key=\"c" + c + "v2\" data-status=\"superseded\"");
    // released again, it is in force again
    ok(send("POST", "/api/targeting/criteria/" + c + "/versions/2/release", admin, null));
    assertThat(send("GET", "/targeting/criteria", analyst, null).body())
        .contains("data-criterion=\"" + c + "\" data-state=\"in-force\"");
  }

  @Test
  @Order(10)
  void aBigListIsReadAPageAtATimeSearchedAndReplacedAsANewVersion() throws Exception {
    ok(
        send(
            "POST",
            "/api/targeting/lists",
            analyst,
            json(java.util.Map.of("name", "rv-parties", "kind", "parties"))));
    StringBuilder csv = new StringBuilder("value,note\n");
    for (int i = 0; i < 12_345; i++) {
      csv.append(
          String.format(java.util.Locale.ROOT, "TRADER %05d,%s%n", i, i % 1000 == 7 ? "hub" : ""));
    }
    JsonNode im =
        ok(send("POST", "/api/targeting/lists/rv-parties/entries", analyst, csv.toString()));
    assertThat(im.get("added").asInt()).isEqualTo(12_345);
    String path = "/api/targeting/lists/rv-parties";
    JsonNode first = ok(send("GET", path, analyst, null));
    assertThat(first.get("size").asInt()).isEqualTo(12_345);
    assertThat(first.get("total").asInt()).isEqualTo(12_345);
    assertThat(first.get("entries")).hasSize(1000);
    assertThat(first.get("next").asText()).contains("offset=1000");
    // following next to the end reads every entry once
    java.util.Set<String> seen = new java.util.HashSet<>();
    String next = path + "?limit=5000";
    int pages = 0;
    while (next != null) {
      JsonNode page = ok(send("GET", next, analyst, null));
      page.get("entries").forEach(e -> seen.add(e.get("value").asText()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(12_345);
    assertThat(send("GET", path + "?limit=10001", analyst, null).statusCode()).isEqualTo(400);
    // searched by value or note, any case
    JsonNode hubs = ok(send("GET", path + "?q=HUB", analyst, null));
    assertThat(hubs.get("total").asInt()).isEqualTo(13);
    assertThat(ok(send("GET", path + "?q=trader%2001234", analyst, null)).get("entries"))
        .hasSize(1);
    // the page shows a hundred, the total, and links on
    String page = send("GET", "/targeting/lists/rv-parties?q=trader%200", analyst, null).body();
    assertThat(page).contains("data-total=\"10000\"", "id=\"entries-next\"", "id=\"list-search\"");
    assertThat(page.split("<tr>", -1).length - 2).isEqualTo(100);
    // replaced: exactly the file's entries, in one new version; the old version still replays
    int before = first.get("version").asInt();
    JsonNode replaced =
        ok(
            send(
                "POST",
                "/api/targeting/lists/rv-parties/entries?mode=replace",
                analyst,
                "value,note\nTRADER 00007,still a hub\nNEW TRADER,added\n"));
    assertThat(replaced.get("added").asInt()).isEqualTo(1);
    assertThat(replaced.get("removed").asInt()).isEqualTo(12_344);
    JsonNode after = ok(send("GET", path, analyst, null));
    assertThat(after.get("version").asInt()).isEqualTo(before + 1);
    assertThat(after.get("entries").findValuesAsText("value"))
        .containsExactly("NEW TRADER", "TRADER 00007");
    assertThat(after.get("entries").findValuesAsText("note"))
        .containsExactly("added", "still a hub");
    // a replacement with a refused row changes nothing, and says which row
    HttpResponse<String> bad =
        send(
            "POST",
            "/api/targeting/lists/high-risk-origins/entries?mode=replace",
            analyst,
            "value\nCO\nNOT A COUNTRY\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("refused").get(0).get("field").asText())
        .isEqualTo("line 3");
    assertThat(
            ok(send("GET", "/api/targeting/lists/high-risk-origins", analyst, null))
                .get("entries")
                .findValuesAsText("value"))
        .contains("TH");
    assertThat(
            send("POST", "/api/targeting/lists/rv-parties/entries?mode=swap", analyst, "value\nX\n")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(11)
  void theEditorNamesTheCheckersProblemsInJapaneseWithLineAndColumn() throws Exception {
    String broken =
        "criterion \"Cheap\"\n  when value_per_kg < \"cheap\"\n  then lane red\n  because \"cheap coffee\"";
    HttpResponse<String> page =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/targeting/criteria/save?lang=ja"))
                    .header("Authorization", "Bearer " + analyst)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "source=" + URLEncoder.encode(broken, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("2 行 23 列: 数値が必要ですが、文字列 \"cheap\"があります")
        .doesNotContain("expected a number");
  }

  /**
   * Clicks a worklist row's link. The list refreshes itself every few seconds, replacing its rows,
   * so a row found just before a refresh is gone when clicked: find it again and retry.
   */
  private static void clickPolledRow(WebDriverWait wait, By link) {
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(link).click();
              return true;
            });
  }

  @Test
  @Order(5)
  void anAnalystSeesANewReferralAppearWithoutReloadAndAnInspectorRecordsTheOutcomeInChromium()
      throws Exception {
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      signIn(driver, wait, "/targeting/worklist?office=" + OFFICE, "analyst");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("work-rows")));
      // a declaration arrives while the page is open
      ok(send("POST", "/api/assess", analyst, declaration("D-WEB-1", "IMP-9", "TH", "800", "10")));
      By row = By.cssSelector("tr.work-item[data-record='declaration:D-WEB-1'] a.work-link");
      wait.until(ExpectedConditions.presenceOfElementLocated(row));
      // named as its page names it, not by its record key
      wait.until(ExpectedConditions.textToBe(row, "Declaration D-WEB-1"));
      // a keyboard user on a row keeps it while the list refreshes around it: focus the link, let
      // the rows be replaced at least once, and it (its successor) still has the focus
      JavascriptExecutor js = (JavascriptExecutor) driver;
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              d -> {
                js.executeScript(
                    "arguments[0].focus(); document.getElementById('work-table').dataset.seen ="
                        + " 'yes';",
                    d.findElement(row));
                return true;
              });
      wait.until(
          d ->
              js.executeScript(
                  "const t = document.getElementById('work-table'); return t && !t.dataset.seen;"));
      assertThat(
              js.executeScript(
                  "const a = document.activeElement; return a.matches('a.work-link') &&"
                      + " a.closest('tr').dataset.record;"))
          .isEqualTo("declaration:D-WEB-1");
      clickPolledRow(wait, row);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lane-form")));
      assertThat(driver.findElement(By.id("reasons")).getText())
          .contains("Coffee from high-risk origin");
      // sent to /api/assess alone: the intelligence database has no page of it to link to
      assertThat(driver.findElements(By.id("record-link"))).isEmpty();
      assertThat(driver.findElement(By.id("record-alone")).getText()).contains("/api/assess");
      // what the analyst decides on: the declaration as submitted
      assertThat(driver.findElement(By.id("parties")).getText())
          .contains("株式会社サクラ物産", "IMP-9", "Golden Lotus Trading");
      assertThat(driver.findElement(By.id("goods")).getText())
          .contains("090121", "roasted coffee", "TH", "800", "JPY");
      // a second analyst decides while the page is open: the first is told, not overwritten
      long opened =
          Long.parseLong(
              driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1));
      ok(
          send(
              "POST",
              "/api/targeting/assessments/" + opened + "/lane",
              login("analyst2"),
              "{\"lane\":\"blue\",\"comment\":\"papers checked at the desk\","
                  + "\"expectedVersion\":0}"));
      new Select(driver.findElement(By.id("lane"))).selectByValue("yellow");
      driver.findElement(By.id("comment")).sendKeys("documents first: known importer");
      driver.findElement(By.id("lane-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
      assertThat(driver.findElement(By.id("form-error")).getText()).contains("analyst2");
      assertThat(driver.findElement(By.id("final-lane")).getAttribute("data-lane"))
          .isEqualTo("blue");
      assertThat(driver.findElement(By.id("comment")).getAttribute("value"))
          .isEqualTo("documents first: known importer");
      // having seen it, the analyst submits again: now it applies
      driver.findElement(By.id("lane-submit")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("final-lane"), "data-lane", "yellow"));
      assertThat(driver.findElement(By.id("changes")).getText()).contains("documents first");
      driver.manage().deleteAllCookies();

      signIn(driver, wait, "/targeting/referrals", "inspector");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#work-table")));
      By ref = By.cssSelector("tr.work-item[data-record='declaration:D-WEB-1'] a.work-link");
      wait.until(ExpectedConditions.presenceOfElementLocated(ref));
      clickPolledRow(wait, ref);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-form")));
      new Select(driver.findElement(By.id("result"))).selectByValue("infraction");
      driver.findElement(By.id("revenue")).sendKeys("48,00O");
      driver.findElement(By.id("seizure")).click();
      driver.findElement(By.id("note")).sendKeys("mis-declared origin");
      driver.findElement(By.id("outcome-submit")).click();
      // refused: the reason, and what was typed, to correct
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
      assertThat(driver.findElement(By.id("form-error")).getText()).contains("revenue");
      assertThat(driver.findElement(By.id("note")).getAttribute("value"))
          .isEqualTo("mis-declared origin");
      assertThat(driver.findElement(By.id("seizure")).isSelected()).isTrue();
      assertThat(new Select(driver.findElement(By.id("result"))).getFirstSelectedOption().getText())
          .isEqualTo(driver.findElement(By.cssSelector("option[value=infraction]")).getText());
      driver.findElement(By.id("revenue")).clear();
      // thousands written with a comma, as amounts usually are
      driver.findElement(By.id("revenue")).sendKeys("48,000");
      driver.findElement(By.id("outcome-submit")).click();
      wait.until(ExpectedConditions.urlContains("/targeting/referrals"));
      wait.until(
          d ->
              d.findElements(By.cssSelector("tr.work-item[data-record='declaration:D-WEB-1']"))
                      .isEmpty()
                  && !d.findElements(By.cssSelector("#work-empty, #work-table")).isEmpty());
    } finally {
      driver.quit();
    }
    List<String> statuses = new ArrayList<>();
    for (JsonNode n :
        ok(
            send(
                "GET",
                "/api/targeting/worklist?office="
                    + URLEncoder.encode(OFFICE, StandardCharsets.UTF_8)
                    + "&status=closed",
                analyst,
                null))) {
      if (n.get("record").asText().equals("declaration:D-WEB-1")) {
        JsonNode one =
            ok(send("GET", "/api/targeting/assessments/" + n.get("id").asLong(), inspector, null));
        statuses.add(
            one.get("outcome").get("result").asText()
                + " "
                + one.get("outcome").get("revenue").asText()
                + " "
                + one.get("decisions").get(0).get("to").asText()
                + " "
                + one.get("decisions").get(1).get("to").asText());
      }
    }
    assertThat(statuses).containsExactly("infraction 48000.00 blue yellow");
  }

  private void signIn(WebDriver driver, WebDriverWait wait, String path, String user) {
    driver.get(base + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    WebElement submit = driver.findElement(By.id("login-submit"));
    submit.click();
  }
}
