package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * Decisions are recorded once and say what they rest on: an infraction needs a note (and every
 * problem of an outcome is named at once), the audit keeps amounts as stored; disabling a disabled
 * criterion or releasing a released version is a conflict naming who did it and when, not a second
 * record; a list entry leaves the audit log by id, never by value.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordedDecisionsTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final String OFFICE = "JPYOK";

  private Database db;
  private WebServer web;
  private WebApi api;
  private String analyst;
  private String inspector;
  private String admin;

  private TargetingContext ctx;
  private TargetingServer server;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = TargetingServer.start(db, dir, RiskScorer.NONE, PASSWORD, OFFICE);
    ctx = server.targeting();
    web = server.web();
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

  private JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return WebApi.JSON.readTree(r.body());
  }

  private List<String> audited(String action) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select subject || ' ' || details from platform.audit_log where action ="
                            + " :a order by seq")
                    .bind("a", action)
                    .mapTo(String.class)
                    .list());
  }

  private static String declaration(String id) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"office\":\""
        + OFFICE
        + "\",\"importer\":{\"name\":\"Sakura\",\"id\":\"IMP-O\"},"
        + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\",\"netMassKg\":\"10\","
        + "\"customsValue\":\"5000\",\"currency\":\"JPY\"}]}";
  }

  /** A declaration assessed and referred to the office's inspectors; its assessment id. */
  private long referred(String id) throws Exception {
    long a = ok(api.send("POST", "/api/assess", analyst, declaration(id))).get("id").asLong();
    JsonNode now = ok(api.send("GET", "/api/targeting/assessments/" + a, analyst, null));
    ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + a + "/lane",
            analyst,
            "{\"lane\":\"red\",\"comment\":\"refer for examination\",\"expectedVersion\":"
                + now.get("version").asInt()
                + "}"));
    return a;
  }

  @Test
  void aDeclarationSentAgainIsAnsweredWithTheLaneInForceNowAndTheAuditSaysSo() throws Exception {
    JsonNode first = ok(api.send("POST", "/api/assess", analyst, declaration("AGAIN-LANE-1")));
    String assessed = first.get("lane").asText();
    assertThat(first.get("finalLane").asText()).isEqualTo(assessed);
    assertThat(first.get("version").asInt()).isZero();
    assertThat(first.get("sentAgain").asBoolean()).isFalse();
    long id = first.get("id").asLong();
    // an analyst raises it (or, from red, lowers it) after it was answered
    String decided = assessed.equals("red") ? "green" : "red";
    ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + id + "/lane",
            analyst,
            "{\"lane\":\""
                + decided
                + "\",\"comment\":\"seen on the manifest\",\"expectedVersion\":0}"));
    // the sender's system retries: it must act on the lane in force, not the one first given
    JsonNode again = ok(api.send("POST", "/api/assess", analyst, declaration("AGAIN-LANE-1")));
    assertThat(again.get("id").asLong()).isEqualTo(id);
    assertThat(again.get("lane").asText()).isEqualTo(assessed);
    assertThat(again.get("finalLane").asText()).isEqualTo(decided);
    assertThat(again.get("version").asInt()).isEqualTo(1);
    assertThat(again.get("sentAgain").asBoolean()).isTrue();
    assertThat(audited("targeting.assess"))
        .filteredOn(e -> e.contains("AGAIN-LANE-1"))
        .satisfiesExactly(
            e ->
                assertThat(e).contains("\"lane\":\"" + assessed + "\"").doesNotContain("sentAgain"),
            e ->
                assertThat(e)
                    .contains("\"lane\":\"" + decided + "\"")
                    .contains("\"assessment\":\"assessment:" + id + "\"")
                    .contains("\"sentAgain\":\"true\""));
  }

  @Test
  void theWorklistPageRefusesAnOfficeThatIsNoOfficeCodeAsTheApiDoes() throws Exception {
    for (String path :
        List.of("/targeting/worklist?office=XXXXX", "/api/targeting/worklist?office=XXXXX")) {
      HttpResponse<String> r = api.send("GET", path, analyst, null);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.body()).as(path).contains("is no office code");
    }
    assertThat(api.send("GET", "/targeting/worklist?office=JPNGO", analyst, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aSupersededAssessmentsPageSaysSoOnceAndOffersNoDecision() throws Exception {
    long lone =
        ok(api.send("POST", "/api/assess", analyst, declaration("SUPER-PAGE-1")))
            .get("id")
            .asLong();
    String page = api.send("GET", "/targeting/assessments/" + lone, analyst, null).body();
    assertThat(page).contains("id=\"record-alone\"", "id=\"lane-form\"");
    // stored by the intelligence database with other content: assessed anew
    ctx.assessRecords()
        .assessAll(
            List.of(
                new org.sekisho.targeting.assessment.application.AssessmentRequests.Request(
                    "declaration",
                    "x",
                    declaration("SUPER-PAGE-1").replace("\"5000\"", "\"9000\""))));
    String superseded = api.send("GET", "/targeting/assessments/" + lone, analyst, null).body();
    assertThat(superseded)
        .contains("id=\"superseded\"")
        // not also "the intelligence database holds no record of it", and nothing to decide
        .doesNotContain("id=\"record-alone\"")
        .doesNotContain("id=\"lane-form\"");
  }

  @Test
  void anInfractionWithoutANoteIsRefusedNamingEveryProblemAndTheAuditKeepsTheStoredAmount()
      throws Exception {
    long a = referred("D-OUT-1");
    String path = "/api/targeting/assessments/" + a + "/outcome";
    HttpResponse<String> empty =
        api.send("POST", path, inspector, "{\"result\":\"infraction\",\"note\":\" \"}");
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
    assertThat(WebApi.JSON.readTree(empty.body()).get("field").asText()).isEqualTo("note");
    // every problem at once: a bad amount and a missing note
    HttpResponse<String> two =
        api.send("POST", path, inspector, "{\"result\":\"infraction\",\"revenue\":\"12,50O\"}");
    assertThat(two.statusCode()).isEqualTo(400);
    assertThat(WebApi.JSON.readTree(two.body()).get("problems").findValuesAsText("field"))
        .containsExactly("revenue", "note");
    JsonNode still = ok(api.send("GET", "/api/targeting/assessments/" + a, analyst, null));
    assertThat(still.get("status").asText()).isEqualTo("referred");

    ok(
        api.send(
            "POST",
            path,
            inspector,
            "{\"result\":\"infraction\",\"revenue\":\"125,000.50\",\"note\":\"undervalued\"}"));
    assertThat(audited("targeting.outcome.record"))
        .singleElement()
        .satisfies(d -> assertThat(d).contains("125000.50").doesNotContain("125,000.50"));
  }

  @Test
  void disablingADisabledCriterionOrReleasingAReleasedVersionIsAConflictNamingWhoAndWhen()
      throws Exception {
    long c =
        ok(api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                "{\"source\":\"criterion \\\"Coffee\\\" when hs starts with \\\"0901\\\" then"
                    + " weight 5 because \\\"coffee is watched this month\\\"\"}"))
            .get("id")
            .asLong();
    String release = "/api/targeting/criteria/" + c + "/versions/1/release";
    ok(api.send("POST", release, admin, null));
    HttpResponse<String> again = api.send("POST", release, admin, null);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(WebApi.JSON.readTree(again.body()).get("message").asText())
        .contains("in force already", "released by admin at 20");
    assertThat(audited("targeting.criterion.release"))
        .filteredOn(d -> d.startsWith("criterion:c" + c + "v1 "))
        .hasSize(1);

    String disable = "/api/targeting/criteria/" + c + "/disable";
    ok(api.send("POST", disable, analyst, "{\"reason\":\"too many hits on coffee\"}"));
    HttpResponse<String> twice =
        api.send("POST", disable, admin, "{\"reason\":\"another reason entirely\"}");
    assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
    assertThat(WebApi.JSON.readTree(twice.body()).get("message").asText())
        .contains("disabled already", "by analyst at 20", "too many hits on coffee");
    JsonNode listed = ok(api.send("GET", "/api/targeting/criteria", analyst, null));
    for (JsonNode n : listed) {
      if (n.get("id").asLong() == c) {
        assertThat(n.get("criterion").get("disabledBy").asText()).isEqualTo("analyst");
        assertThat(n.get("criterion").get("reason").asText()).isEqualTo("too many hits on coffee");
      }
    }
    assertThat(audited("targeting.criterion.disable"))
        // filed under the version it took out of force, as its release is
        .filteredOn(d -> d.startsWith("criterion:c" + c + "v1 "))
        .hasSize(1);
  }

  @Test
  void aPhoneListEntryIsAuditedByIdVersionAndItsValueMaskedNeverInClear() throws Exception {
    ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            "{\"name\":\"watched-phones\",\"kind\":\"phones\",\"description\":\"test\"}"));
    ok(
        api.send(
            "POST",
            "/api/targeting/lists/watched-phones/entries",
            analyst,
            "value,note\n+81 90 1111 2222,courier\n+81 90 3333 4444,other\n"));
    JsonNode removed =
        ok(
            api.send(
                "DELETE",
                "/api/targeting/lists/watched-phones/entries/%2B81%2090%201111%202222"
                    + "?reason=courier+cleared",
                analyst,
                null));
    assertThat(removed.get("removed").asBoolean()).isTrue();
    // without a reason, or a value the list does not hold: refused, naming why
    HttpResponse<String> noReason =
        api.send(
            "DELETE",
            "/api/targeting/lists/watched-phones/entries/%2B81%2090%203333%204444",
            analyst,
            null);
    assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("\"field\":\"reason\"");
    HttpResponse<String> absent =
        api.send(
            "DELETE",
            "/api/targeting/lists/watched-phones/entries/%2B81%2090%205555%206666?reason=not+there",
            analyst,
            null);
    assertThat(absent.statusCode()).as(absent.body()).isEqualTo(404);
    List<String> all =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details from platform.audit_log where action like"
                                + " 'targeting.list.%'")
                        .mapTo(String.class)
                        .list());
    assertThat(all).isNotEmpty().noneMatch(d -> d.contains("1111") || d.contains("3333"));
    Long entry =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select id from targeting.list_entry where list_name ="
                                + " 'watched-phones' and removed_version is not null")
                        .mapTo(Long.class)
                        .one());
    assertThat(audited("targeting.list.remove"))
        // the removal that happened (the refused attempts above are audited as well)
        .filteredOn(d -> d.startsWith("list:watched-phones ") && d.contains("\"entry\""))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .startsWith("list:watched-phones ")
                    .contains(
                        "\"entry\":\"" + entry + "\"",
                        "\"version\":\"3\"",
                        "\"value\":\"************2222\""));
  }

  @Test
  void aRemovedPersonsNameIsMaskedWholeInTheAuditLog() throws Exception {
    ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            "{\"name\":\"watched-names\",\"kind\":\"parties\",\"description\":\"test\"}"));
    ok(
        api.send(
            "POST",
            "/api/targeting/lists/watched-names/entries",
            analyst,
            "value,note\n鈴木 美咲,courier\n"));
    ok(
        api.send(
            "DELETE",
            "/api/targeting/lists/watched-names/entries/"
                + java.net.URLEncoder.encode("鈴木 美咲", java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20")
                + "?reason=cleared+by+review",
            analyst,
            null));
    assertThat(audited("targeting.list.remove"))
        .filteredOn(d -> d.startsWith("list:watched-names "))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .doesNotContain("美咲")
                    .doesNotContain("木")
                    .contains("cleared by review"));
  }

  @Test
  void removingAListEntryFromThePageAsksForConfirmationAndAReasonAndTheAuditNamesWhatWent()
      throws Exception {
    ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            "{\"name\":\"watched-origins\",\"kind\":\"countries\",\"description\":\"test\"}"));
    ok(
        api.send(
            "POST",
            "/api/targeting/lists/watched-origins/entries",
            analyst,
            "value,note\nKP,sanctions\nIR,sanctions\n"));
    String remove = "/targeting/lists/watched-origins/remove";
    // the first click asks: the value, the list, and a reason; nothing is removed yet
    HttpResponse<String> asked = api.form(remove, analyst, Map.of("value", "KP"));
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("id=\"remove-confirm\"", "KP", "watched-origins", "reason");
    assertThat(audited("targeting.list.remove"))
        .noneMatch(d -> d.startsWith("list:watched-origins"));
    assertThat(api.send("GET", "/api/targeting/lists/watched-origins", analyst, null).body())
        .contains("KP");
    // confirmed without a reason: asked again, still nothing removed
    HttpResponse<String> noReason =
        api.form(remove, analyst, Map.of("value", "KP", "confirm", "yes", "reason", ""));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("id=\"remove-confirm\"");
    assertThat(audited("targeting.list.remove"))
        .noneMatch(d -> d.startsWith("list:watched-origins"));
    HttpResponse<String> done =
        api.form(
            remove, analyst, Map.of("value", "KP", "confirm", "yes", "reason", "sanctions lifted"));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(api.send("GET", "/api/targeting/lists/watched-origins", analyst, null).body())
        .doesNotContain("\"KP\"");
    List<String> actors =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select actor from platform.audit_log where action ="
                                + " 'targeting.list.remove' and subject = 'list:watched-origins'")
                        .mapTo(String.class)
                        .list());
    assertThat(actors).containsExactly("analyst");
    assertThat(audited("targeting.list.remove"))
        .filteredOn(d -> d.startsWith("list:watched-origins"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .startsWith("list:watched-origins ")
                    .contains("\"value\":\"KP\"", "\"reason\":\"sanctions lifted\""));
  }

  @Test
  void loweringAConsignmentAuditsHowItsDeclarationsStandSince() throws Exception {
    JsonNode bill =
        ok(
            api.send(
                "POST",
                "/api/assess?kind=transport-document",
                analyst,
                "{\"number\":\"HDMU-FOLLOW-1\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\","
                    + "\"office\":\""
                    + OFFICE
                    + "\",\"consignee\":{\"name\":\"Sakura\"},\"portOfLoading\":\"THBKK\","
                    + "\"hsCode\":\"090121\",\"grossMassKg\":\"1200\",\"packages\":\"40\"}"));
    long b = bill.get("id").asLong();
    JsonNode now = ok(api.send("GET", "/api/targeting/assessments/" + b, analyst, null));
    ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + b + "/lane",
            analyst,
            WebApi.JSON.writeValueAsString(
                Map.of(
                    "lane",
                    "red",
                    "comment",
                    "consignee unknown",
                    "expectedVersion",
                    now.get("version").asInt()))));
    String d = declaration("D-FOLLOW-1");
    d = "{\"transportDocument\":\"HDMU-FOLLOW-1\"," + d.substring(1);
    long a = ok(api.send("POST", "/api/assess", analyst, d)).get("id").asLong();
    ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + b + "/lane",
            analyst,
            WebApi.JSON.writeValueAsString(
                Map.of("lane", "green", "comment", "papers in order", "expectedVersion", 1))));
    JsonNode declared = ok(api.send("GET", "/api/targeting/assessments/" + a, analyst, null));
    assertThat(audited("targeting.lane.follow"))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x)
                    .startsWith("assessment:" + b + " ")
                    .contains(
                        "\"record\":\"transport-document:HDMU-FOLLOW-1\"",
                        "\"to\":\"green\"",
                        a
                            + " "
                            + declared.get("finalLane").asText()
                            + " "
                            + declared.get("basis").asText()));
  }

  @Test
  void theAssessmentPageNamesTheRecordVersionsAndListHitsInTheReadersLanguage() throws Exception {
    ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            "{\"name\":\"seized-traders\",\"kind\":\"parties\",\"description\":\"test\"}"));
    ok(
        api.send(
            "POST",
            "/api/targeting/lists/seized-traders/entries",
            analyst,
            "value,note\nIMP-SEIZED,seizure 2026\n"));
    long c =
        ok(api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                "{\"source\":\"criterion \\\"Seized\\\" when importer in list"
                    + " \\\"seized-traders\\\" then lane red because \\\"named in a"
                    + " seizure\\\"\"}"))
            .get("id")
            .asLong();
    ok(api.send("POST", "/api/targeting/criteria/" + c + "/versions/1/release", admin, null));
    long a =
        ok(api.send(
                "POST",
                "/api/assess",
                analyst,
                declaration("DRVW13-0003").replace("IMP-O", "IMP-SEIZED")))
            .get("id")
            .asLong();
    String ja = api.send("GET", "/targeting/assessments/" + a + "?lang=ja", analyst, null).body();
    assertThat(ja)
        .contains("<title>申告 DRVW13-0003")
        .contains(">申告 DRVW13-0003</h1>")
        // a list's version is written as its reasons write it, not run into the list's name
        .contains("基準 c" + c + "v1／リスト ", "seized-traders 第2版", "／モデル なし")
        .doesNotContain("seized-tradersv2")
        .contains("リスト「seized-traders」第2版: 輸入者 IMP-SEIZED")
        .doesNotContain("criteria c" + c)
        .doesNotContain(": importer ");
    String en = api.send("GET", "/targeting/assessments/" + a + "?lang=en", analyst, null).body();
    assertThat(en)
        .contains(">Declaration DRVW13-0003</h1>")
        .contains("criteria c" + c + "v1; lists ", "seized-traders v2", "; model none")
        .doesNotContain("seized-tradersv2");
  }

  @Test
  void theWorklistApiIsReadAPageAtATimeFollowingItsNextLink() throws Exception {
    java.util.Set<Long> assessed = new java.util.HashSet<>();
    for (int i = 0; i < 5; i++) {
      assessed.add(
          ok(api.send(
                  "POST",
                  "/api/assess",
                  analyst,
                  declaration("D-PAGE-" + i).replace(OFFICE, "JPNGO")))
              .get("id")
              .asLong());
    }
    List<Long> read = new java.util.ArrayList<>();
    int pages = 0;
    int linked = 0;
    for (String status : List.of("open", "referred", "released", "closed", "superseded")) {
      String next = "/api/targeting/worklist?office=JPNGO&status=" + status + "&limit=2";
      while (next != null) {
        HttpResponse<String> r = api.send("GET", next, analyst, null);
        JsonNode page = ok(r);
        assertThat(page.size()).isLessThanOrEqualTo(2);
        page.forEach(n -> read.add(n.get("id").asLong()));
        // a list does not read an item's decisions: it claims no version, it points to the item
        page.forEach(
            n -> {
              assertThat(n.has("version")).isFalse();
              assertThat(n.get("item").asText())
                  .isEqualTo("/api/targeting/assessments/" + n.get("id").asLong());
            });
        pages++;
        next =
            r.headers()
                .firstValue("Link")
                .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                .orElse(null);
        assertThat(next == null || page.size() == 2).isTrue();
        linked += next == null ? 0 : 1;
      }
    }
    // every item once, whatever its lane, in pages of two
    assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(assessed);
    assertThat(pages).isGreaterThanOrEqualTo(3);
    assertThat(linked).as("a status with more than one page").isPositive();
    HttpResponse<String> bad =
        api.send("GET", "/api/targeting/worklist?status=open&after=first", analyst, null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(WebApi.JSON.readTree(bad.body()).get("field").asText()).isEqualTo("after");
  }

  @Test
  void aRecordedOutcomeIsCorrectedWithACommentOnTheVersionSeenKeepingTheOneBefore()
      throws Exception {
    long a = referred("D-FIX-1");
    ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + a + "/outcome",
            inspector,
            "{\"result\":\"infraction\",\"revenue\":\"1200\",\"note\":\"undervalued\"}"));
    String fix = "/api/targeting/assessments/" + a + "/outcome/correction";
    String toNothing = "{\"result\":\"nothing-found\",\"note\":\"invoice was right after all\"";
    HttpResponse<String> blind =
        api.send("POST", fix, inspector, toNothing + ",\"comment\":\"invoice re-checked\"}");
    assertThat(blind.statusCode()).as(blind.body()).isEqualTo(428);
    assertThat(WebApi.JSON.readTree(blind.body()).get("field").asText())
        .isEqualTo("expectedVersion");
    HttpResponse<String> noWhy =
        api.send("POST", fix, inspector, toNothing + ",\"expectedVersion\":0}");
    assertThat(noWhy.statusCode()).isEqualTo(400);
    assertThat(WebApi.JSON.readTree(noWhy.body()).get("field").asText()).isEqualTo("comment");
    assertThat(api.send("POST", fix, analyst, toNothing + ",\"expectedVersion\":0}").statusCode())
        .isEqualTo(403);

    JsonNode fixed =
        ok(
            api.send(
                "POST",
                fix,
                inspector,
                toNothing + ",\"comment\":\"invoice re-checked\",\"expectedVersion\":0}"));
    JsonNode outcome = fixed.get("outcome");
    assertThat(outcome.get("result").asText()).isEqualTo("nothing-found");
    assertThat(outcome.get("version").asInt()).isEqualTo(1);
    JsonNode before = outcome.get("corrections").get(0);
    assertThat(before.get("fromResult").asText()).isEqualTo("infraction");
    assertThat(before.get("fromRevenue").asText()).isEqualTo("1200.00");
    assertThat(before.get("comment").asText()).isEqualTo("invoice re-checked");
    // a second corrector on the version they saw is refused, naming who corrected it
    HttpResponse<String> stale =
        api.send(
            "POST",
            fix,
            inspector,
            "{\"result\":\"infraction\",\"note\":\"found after all\",\"comment\":\"second"
                + " look\",\"expectedVersion\":0}");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertThat(WebApi.JSON.readTree(stale.body()).get("message").asText()).contains("inspector");
    assertThat(audited("targeting.outcome.correct"))
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("assessment:" + a + " ").contains("infraction"));
    assertThat(api.send("GET", "/targeting/assessments/" + a + "?lang=ja", analyst, null).body())
        .contains("invoice re-checked", "訂正前: 違反あり");
  }
}
