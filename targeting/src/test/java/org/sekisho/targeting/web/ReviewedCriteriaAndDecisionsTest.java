package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * What a review of the running demo found in criteria, lists and decisions: a criterion's state is
 * told by today's date in the administration's zone (released for later, in force, ended), and a
 * version whose period is over is neither saved nor released nor listed among the versions an
 * assessment used; a second criterion of a taken name is refused; an unknown field in a decision
 * body is refused by name; a version that never existed is said to be one; revenue names its
 * maximum; a list import refuses a value given twice and counts changed notes; the audit log files
 * a criterion under one subject and an outcome's note by its length.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReviewedCriteriaAndDecisionsTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final String OFFICE = "JPYOK";

  /** 16:00 UTC on 28 November is 01:00 on the 29th in Tokyo, the administration's zone. */
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T16:00:00Z"));

  private final HttpClient http = HttpClient.newHttpClient();
  private Database db;
  private TargetingServer server;
  private WebApi api;
  private String base;
  private String analyst;
  private String inspector;
  private String admin;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    // sessions of 30 days: the clock is moved on by days
    server =
        TargetingServer.start(
            db, dir, RiskScorer.NONE, PASSWORD, OFFICE, clock, Duration.ofDays(30));
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

  private JsonNode ok(HttpResponse<String> r) throws Exception {
    return api.ok(r);
  }

  private static String json(Object... keysAndValues) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return WebApi.JSON.writeValueAsString(m);
  }

  /** A refusal's status, error, field and message, checked at once. */
  private JsonNode refused(HttpResponse<String> r, int status, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode err = WebApi.JSON.readTree(r.body());
    assertThat(err.get("field").asText()).as(r.body()).isEqualTo(field);
    return err;
  }

  private HttpResponse<String> form(String path, String token, Map<String, String> fields)
      throws Exception {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String criterion(String name, String hs) {
    return "criterion \""
        + name
        + "\" when hs starts with \""
        + hs
        + "\" then weight 5 because \"reviewed\"";
  }

  private static String declaration(String id, String date, String hs) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\""
        + date
        + "\",\"office\":\""
        + OFFICE
        + "\",\"importer\":{\"name\":\"Sakura\",\"id\":\"IMP-R\"},"
        + "\"items\":[{\"hsCode\":\""
        + hs
        + "\",\"origin\":\"TH\",\"netMassKg\":\"10\","
        + "\"customsValue\":\"5000\",\"currency\":\"JPY\"}]}";
  }

  private JsonNode state(long id) throws Exception {
    for (JsonNode n : ok(api.send("GET", "/api/targeting/criteria", analyst, null))) {
      if (n.get("id").asLong() == id) {
        return n.get("criterion");
      }
    }
    throw new AssertionError("criterion " + id + " not listed");
  }

  private List<String> audited(String subjectLike) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select action || ' ' || subject || ' ' || details from"
                            + " platform.audit_log where subject like :s order by seq")
                    .bind("s", subjectLike)
                    .mapTo(String.class)
                    .list());
  }

  /** A declaration assessed and referred to the office's inspectors; its assessment id. */
  private long referred(String id) throws Exception {
    long a =
        ok(api.send("POST", "/api/assess", analyst, declaration(id, "2026-11-29", "090121")))
            .get("id")
            .asLong();
    ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + a + "/lane",
            analyst,
            json("lane", "red", "comment", "refer for examination", "expectedVersion", 0)));
    return a;
  }

  @Test
  @Order(1)
  void aCriterionsStateFollowsTodaysDateInTheAdministrationsZoneAndAnEndedPeriodIsNeverInForce()
      throws Exception {
    // the 28th is over in Tokyo (01:00 on the 29th) though not in UTC
    JsonNode ended =
        refused(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json(
                    "source",
                    criterion("Over already", "8504"),
                    "effectiveFrom",
                    "2020-01-01",
                    "effectiveTo",
                    "2026-11-28")),
            400,
            "effectiveTo");
    assertThat(ended.get("message").asText()).contains("2026-11-28", "today is 2026-11-29");
    HttpResponse<String> endedPage =
        form(
            "/targeting/criteria/save?lang=ja",
            analyst,
            Map.of("source", criterion("Over already", "8504"), "effectiveTo", "2026-11-28"));
    assertThat(endedPage.statusCode()).isEqualTo(400);
    assertThat(endedPage.body()).contains("適用期間は 2026-11-28 に終了しています (本日は 2026-11-29)");

    JsonNode today =
        ok(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json("source", criterion("Ends today", "0901"), "effectiveTo", "2026-11-29")));
    JsonNode later =
        ok(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json("source", criterion("Starts later", "0902"), "effectiveFrom", "2026-12-01")));
    JsonNode draft =
        ok(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json("source", criterion("Short draft", "0903"), "effectiveTo", "2026-11-29")));
    ok(api.send("POST", WebApi.releasePath(today), admin, null));
    ok(api.send("POST", WebApi.releasePath(later), admin, null));
    long todayId = today.get("id").asLong();
    long laterId = later.get("id").asLong();
    assertThat(state(todayId).get("state").asText()).isEqualTo("in-force");
    JsonNode scheduled = state(laterId);
    assertThat(scheduled.get("state").asText()).isEqualTo("scheduled");
    assertThat(scheduled.get("inForceFrom").asText()).isEqualTo("2026-12-01");
    assertThat(send("/targeting/criteria?lang=en"))
        .contains("data-criterion=\"" + laterId + "\" data-state=\"scheduled\"")
        .contains("released, in force from 2026-12-01");
    assertThat(send("/targeting/criteria?lang=ja")).contains("公開済み (2026-12-01 から適用)");
    String used =
        ok(api.send("POST", "/api/assess", analyst, declaration("D-EFF-1", "2026-11-29", "0901")))
            .get("versions")
            .get("criteria")
            .asText();
    assertThat(used).contains(today.get("key").asText()).doesNotContain(later.get("key").asText());

    // a day later in Tokyo the first has ended
    clock.advance(Duration.ofDays(1));
    // signed-in sessions do not last a day
    analyst = api.login("analyst", PASSWORD);
    inspector = api.login("inspector", PASSWORD);
    admin = api.login("admin", PASSWORD);
    JsonNode over = state(todayId);
    assertThat(over.get("state").asText()).isEqualTo("ended");
    assertThat(over.get("endedOn").asText()).isEqualTo("2026-11-29");
    assertThat(send("/targeting/criteria?lang=en"))
        .contains("data-criterion=\"" + todayId + "\" data-state=\"ended\"")
        .contains("ended 2026-11-29");
    assertThat(send("/targeting/criteria?lang=ja")).contains("2026-11-29 で適用終了");
    assertThat(send("/targeting/criteria/edit?id=" + todayId + "&lang=ja"))
        .contains("data-state=\"ended\"");
    JsonNode late =
        refused(api.send("POST", WebApi.releasePath(draft), admin, null), 409, "effectiveTo");
    assertThat(late.get("message").asText()).contains("2026-11-29", "today is 2026-11-30");
    HttpResponse<String> latePage =
        form(
            "/targeting/criteria/" + draft.get("id").asLong() + "/release?lang=en",
            admin,
            Map.of("version", "1"));
    assertThat(latePage.statusCode()).isEqualTo(409);
    assertThat(latePage.body())
        .contains("The effective period ended on 2026-11-29 (today is 2026-11-30)");
    assertThat(state(draft.get("id").asLong()).get("state").asText()).isEqualTo("not-in-force");
    String usedNow =
        ok(api.send("POST", "/api/assess", analyst, declaration("D-EFF-2", "2026-11-30", "0901")))
            .get("versions")
            .get("criteria")
            .asText();
    assertThat(usedNow).doesNotContain(today.get("key").asText());
  }

  private String send(String path) throws Exception {
    HttpResponse<String> r = api.send("GET", path, analyst, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  @Order(2)
  void aNewCriterionUnderATakenNameIsRefusedNamingTheOneThatHasIt() throws Exception {
    String source = criterion("RV15 marker trader", "6109");
    JsonNode first = api.saveCriterion(analyst, source);
    long id = first.get("id").asLong();
    JsonNode taken =
        refused(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json("source", source.replace("RV15 marker", "rv15  Marker"))),
            409,
            "name");
    assertThat(taken.get("message").asText())
        .contains("\"RV15 marker trader\"", "c" + id, "send its id (" + id + ")");
    // with its id, a new version of the same criterion
    JsonNode second =
        ok(api.send("POST", "/api/targeting/criteria", analyst, json("id", id, "source", source)));
    assertThat(second.get("id").asLong()).isEqualTo(id);
    assertThat(second.get("version").asInt()).isEqualTo(2);
    // the editor says so beside the text, which is kept as typed
    String typed = source.replace("6109", "6110");
    HttpResponse<String> page =
        form("/targeting/criteria/save?lang=ja", analyst, Map.of("source", typed));
    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body())
        .contains("id=\"name-taken\" data-criterion=\"" + id + "\"")
        .contains("「RV15 marker trader」という名前の基準は既にあります (c" + id + "v2)")
        .contains("/targeting/criteria/edit?id=" + id)
        .contains("6110");
    long criteria =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(distinct criterion_id) from targeting.criterion_version"
                                + " where name = 'RV15 marker trader'")
                        .mapTo(Long.class)
                        .one());
    assertThat(criteria).isEqualTo(1);
    // a disabled criterion's name may be taken again
    ok(
        api.send(
            "POST",
            "/api/targeting/criteria/" + id + "/disable",
            analyst,
            json("reason", "replaced by a new rule")));
    assertThat(api.saveCriterion(analyst, source).get("id").asLong()).isNotEqualTo(id);
  }

  @Test
  @Order(2)
  void aNewVersionRenamingItsCriterionToAnothersNameIsRefusedAndItsOwnNameStaysFree()
      throws Exception {
    long alpha =
        api.saveCriterion(analyst, criterion("RV15 rename alpha", "6201")).get("id").asLong();
    String beta = criterion("RV15 rename beta", "6202");
    long betaId = api.saveCriterion(analyst, beta).get("id").asLong();
    JsonNode taken =
        refused(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json(
                    "id",
                    betaId,
                    "source",
                    beta.replace("RV15 rename beta", "rv15 Rename  ALPHA"))),
            409,
            "name");
    assertThat(taken.get("message").asText())
        .contains("\"RV15 rename alpha\"", "c" + alpha, "this version of c" + betaId);
    // the editor says so for a version, not as for a new criterion ("open it and save a new
    // version of it" would be the wrong advice)
    HttpResponse<String> page =
        form(
            "/targeting/criteria/save?lang=ja",
            analyst,
            Map.of(
                "id",
                Long.toString(betaId),
                "source",
                beta.replace("RV15 rename beta", "RV15 rename alpha")));
    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body())
        .contains("id=\"name-taken\" data-criterion=\"" + alpha + "\"")
        .contains("「RV15 rename alpha」という名前は既に別の基準で使われています")
        .doesNotContain("新しい版として保存してください");
    // nothing saved: beta has its one version
    Long versions =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from targeting.criterion_version where criterion_id ="
                                + " :id")
                        .bind("id", betaId)
                        .mapTo(Long.class)
                        .one());
    assertThat(versions).isEqualTo(1);
    // its own name, or a new one, is no conflict
    JsonNode same =
        ok(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json("id", betaId, "source", beta.replace("6202", "6203"))));
    assertThat(same.get("version").asInt()).isEqualTo(2);
    JsonNode renamed =
        ok(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json(
                    "id",
                    betaId,
                    "source",
                    beta.replace("RV15 rename beta", "RV15 rename gamma"))));
    assertThat(renamed.get("version").asInt()).isEqualTo(3);
  }

  @Test
  @Order(2)
  void aNameStaysTakenWhileItsVersionIsInForceAndADisabledCriterionCannotReturnUnderATakenName()
      throws Exception {
    // alpha in force, then a draft renaming it: "RV15 held alpha" is still a rule in force
    JsonNode alpha = api.saveCriterion(analyst, criterion("RV15 held alpha", "6301"));
    long alphaId = alpha.get("id").asLong();
    ok(api.send("POST", WebApi.releasePath(alpha), admin, null));
    ok(
        api.send(
            "POST",
            "/api/targeting/criteria",
            analyst,
            json("id", alphaId, "source", criterion("RV15 held gamma", "6301"))));
    JsonNode other = api.saveCriterion(analyst, criterion("RV15 held other", "6302"));
    long otherId = other.get("id").asLong();
    JsonNode taken =
        refused(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                json("id", otherId, "source", criterion("RV15 held alpha", "6302"))),
            409,
            "name");
    assertThat(taken.get("message").asText()).contains("c" + alphaId);

    // a disabled criterion's name is free; once another has it, the disabled one cannot be put
    // back in force under it
    JsonNode old = api.saveCriterion(analyst, criterion("RV15 held beta", "6303"));
    long oldId = old.get("id").asLong();
    ok(api.send("POST", WebApi.releasePath(old), admin, null));
    ok(
        api.send(
            "POST",
            "/api/targeting/criteria/" + oldId + "/disable",
            analyst,
            json("reason", "replaced by a new rule")));
    JsonNode successor = api.saveCriterion(analyst, criterion("RV15 held beta", "6304"));
    ok(api.send("POST", WebApi.releasePath(successor), admin, null));
    JsonNode back = refused(api.send("POST", WebApi.releasePath(old), admin, null), 409, "name");
    assertThat(back.get("message").asText())
        .contains("c" + successor.get("id").asLong(), "under another name");
  }

  @Test
  @Order(3)
  void anUnknownFieldInAnyTargetingBodyIsRefusedByNameAndNothingIsDecided() throws Exception {
    long a = referred("D-FIELD-1");
    String lane = "/api/targeting/assessments/" + a + "/lane";
    JsonNode foo =
        refused(
            api.send(
                "POST",
                lane,
                analyst,
                json(
                    "lane",
                    "yellow",
                    "comment",
                    "papers in order",
                    "expectedVersion",
                    1,
                    "foo",
                    "bar")),
            400,
            "foo");
    assertThat(foo.get("error").asText()).isEqualTo("invalid-field");
    assertThat(foo.get("message").asText()).contains("expectedLane").doesNotContain("did you mean");
    JsonNode misspelt =
        refused(
            api.send(
                "POST",
                lane,
                analyst,
                json(
                    "lane",
                    "yellow",
                    "comment",
                    "papers in order",
                    "expectedVersion",
                    1,
                    "expectedLnae",
                    "red")),
            400,
            "expectedLnae");
    assertThat(misspelt.get("message").asText()).contains("did you mean \"expectedLane\"?");
    JsonNode still = ok(api.send("GET", "/api/targeting/assessments/" + a, analyst, null));
    assertThat(still.get("version").asInt()).isEqualTo(1);
    assertThat(still.get("finalLane").asText()).isEqualTo("red");

    JsonNode seizure =
        refused(
            api.send(
                "POST",
                "/api/targeting/assessments/" + a + "/outcome",
                inspector,
                json("result", "infraction", "note", "undervalued goods", "siezure", true)),
            400,
            "siezure");
    assertThat(seizure.get("message").asText()).contains("did you mean \"seizure\"?");
    assertThat(
            ok(api.send("GET", "/api/targeting/assessments/" + a, analyst, null))
                .get("status")
                .asText())
        .isEqualTo("referred");

    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("/api/targeting/criteria", json("source", criterion("Foo", "0101"), "foo", 1));
    bodies.put("/api/targeting/criteria/check", json("source", criterion("Foo", "0101"), "foo", 1));
    bodies.put(
        "/api/targeting/criteria/dry-run", json("source", criterion("Foo", "0101"), "foo", 1));
    bodies.put("/api/targeting/lists", json("name", "foo-list", "kind", "hs-codes", "foo", 1));
    bodies.put("/api/targeting/criteria/1/disable", json("reason", "not wanted now", "foo", 1));
    for (var e : bodies.entrySet()) {
      assertThat(refused(api.send("POST", e.getKey(), analyst, e.getValue()), 400, "foo"))
          .as(e.getKey())
          .isNotNull();
    }
    assertThat(api.send("GET", "/api/targeting/lists/foo-list", analyst, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  @Order(4)
  void aVersionThatNeverExistedIsSaidToBeOneNeverAChangeByNobody() throws Exception {
    long a = referred("D-AHEAD-1");
    JsonNode lane =
        refused(
            api.send(
                "POST",
                "/api/targeting/assessments/" + a + "/lane",
                analyst,
                json("lane", "green", "comment", "papers in order", "expectedVersion", 5)),
            409,
            "expectedVersion");
    assertThat(lane.get("message").asText())
        .contains("version 5 of the item does not exist; the current version is 1")
        .doesNotContain("meanwhile");
    HttpResponse<String> page =
        form(
            "/targeting/assessments/" + a + "/lane?lang=ja",
            analyst,
            Map.of("lane", "green", "comment", "papers in order", "expectedVersion", "5"));
    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body()).contains("フォームの版 5 はこの審査には存在しません。現在は版 1").doesNotContain("最終変更者: )");
    String en =
        form(
                "/targeting/assessments/" + a + "/lane?lang=en",
                analyst,
                Map.of("lane", "green", "comment", "papers in order", "expectedVersion", "5"))
            .body();
    assertThat(en).contains("names version 5 of this item, which it never had");

    ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + a + "/outcome",
            inspector,
            json("result", "infraction", "note", "undervalued goods")));
    JsonNode fix =
        refused(
            api.send(
                "POST",
                "/api/targeting/assessments/" + a + "/outcome/correction",
                inspector,
                json(
                    "result",
                    "nothing-found",
                    "note",
                    "",
                    "comment",
                    "invoice re-checked",
                    "expectedVersion",
                    5)),
            409,
            "expectedVersion");
    assertThat(fix.get("message").asText())
        .contains("version 5 of the outcome does not exist; the current version is 0")
        .doesNotContain("meanwhile");
  }

  @Test
  @Order(5)
  void revenueAboveTheLimitIsRefusedNamingTheLimit() throws Exception {
    long a = referred("D-REV-1");
    String path = "/api/targeting/assessments/" + a + "/outcome";
    for (String revenue : List.of("1000000000000000", "1e20")) {
      JsonNode err =
          refused(
              api.send(
                  "POST",
                  path,
                  inspector,
                  "{\"result\":\"infraction\",\"note\":\"undervalued\",\"revenue\":"
                      + revenue
                      + "}"),
              400,
              "revenue");
      assertThat(err.get("message").asText()).as(revenue).contains("999999999999999.99");
    }
    // the limit itself is taken
    JsonNode done =
        ok(
            api.send(
                "POST",
                path,
                inspector,
                "{\"result\":\"infraction\",\"note\":\"undervalued\",\"revenue\":999999999999999.99}"));
    assertThat(done.get("outcome").get("revenue").asText()).isEqualTo("999999999999999.99");
  }

  @Test
  @Order(6)
  void aValueGivenTwiceInOneImportIsRefusedNamingBothLinesAndChangedNotesAreCounted()
      throws Exception {
    ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            json("name", "marked-hs", "kind", "hs-codes", "description", "review")));
    String entries = "/api/targeting/lists/marked-hs/entries";
    ok(api.send("POST", entries, analyst, "value,note\n6109,first\n"));
    JsonNode twice =
        WebApi.JSON.readTree(
            api.send(
                    "POST",
                    entries + "?mode=replace",
                    analyst,
                    "value,note\n8504.40,dotted\n 6109 ,spaces\n6109,dup\n")
                .body());
    assertThat(twice.get("refused")).hasSize(1);
    assertThat(twice.get("refused").get(0).get("field").asText()).isEqualTo("line 4");
    assertThat(twice.get("refused").get(0).get("message").asText())
        .contains("6109 is on line 3 already");
    assertThat(twice.get("added").asInt()).isZero();

    JsonNode replaced =
        ok(
            api.send(
                "POST",
                entries + "?mode=replace",
                analyst,
                "value,note\n8504.40,dotted\n 6109 ,spaces\n"));
    assertThat(replaced.get("read").asInt()).isEqualTo(2);
    assertThat(replaced.get("added").asInt()).isEqualTo(1);
    assertThat(replaced.get("removed").asInt()).isZero();
    assertThat(replaced.get("changed").asInt()).isEqualTo(1);
    JsonNode added =
        ok(api.send("POST", entries, analyst, "value,note\n6109,third\n0101,new\n0101,again\n"));
    assertThat(added.get("added").asInt()).isEqualTo(1);
    assertThat(added.get("changed").asInt()).isEqualTo(1);
    assertThat(added.get("refused").get(0).get("field").asText()).isEqualTo("line 4");
    JsonNode list = ok(api.send("GET", "/api/targeting/lists/marked-hs", analyst, null));
    assertThat(list.get("entries").findValuesAsText("note"))
        .containsExactlyInAnyOrder("new", "third", "dotted");
    assertThat(
            form(
                    "/targeting/lists/marked-hs/import?lang=en",
                    analyst,
                    Map.of("csv", "value,note\n6109,fourth\n"))
                .body())
        .contains("Added 0 entries, changed the note of 1; 0 rows refused.");
  }

  @Test
  @Order(7)
  void oneCriterionsAuditEntriesShareOneSubjectAndAnOutcomesNoteIsAuditedByItsLength()
      throws Exception {
    JsonNode saved = api.saveCriterion(analyst, criterion("Audited together", "7108"));
    long c = saved.get("id").asLong();
    ok(api.send("POST", WebApi.releasePath(saved), admin, null));
    ok(
        api.send(
            "POST",
            "/api/targeting/criteria/" + c + "/disable",
            analyst,
            json("reason", "no longer needed")));
    assertThat(audited("criterion:c" + c + "v%"))
        .extracting(e -> e.substring(0, e.indexOf(' ')))
        .contains(
            "targeting.criterion.save",
            "targeting.criterion.release",
            "targeting.criterion.disable");

    long a = referred("D-NOTE-1");
    ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + a + "/outcome",
            inspector,
            json("result", "infraction", "note", "Yamada Taro carried it")));
    ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + a + "/outcome/correction",
            inspector,
            json(
                "result",
                "infraction",
                "note",
                "Suzuki Hanako carried it",
                "comment",
                "wrong courier named",
                "expectedVersion",
                0)));
    List<String> outcome = audited("assessment:" + a);
    assertThat(outcome)
        .filteredOn(e -> e.startsWith("targeting.outcome.record "))
        .singleElement()
        .satisfies(e -> assertThat(e).contains("\"noteChars\":\"22\""));
    assertThat(outcome)
        .filteredOn(e -> e.startsWith("targeting.outcome.correct "))
        .singleElement()
        .satisfies(e -> assertThat(e).contains("\"noteChanged\":\"true\"", "\"noteChars\":\"24\""));
    assertThat(outcome).noneMatch(e -> e.contains("Yamada") || e.contains("Suzuki"));
  }

  @Test
  @Order(8)
  void aListHitNamesThePartyAsTheRecordCallsItAConsignmentsImporterIsItsConsignee()
      throws Exception {
    ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            json("name", "watched-parties", "kind", "parties", "description", "review")));
    ok(
        api.send(
            "POST",
            "/api/targeting/lists/watched-parties/entries",
            analyst,
            "value,note\nJP-CONS-1,watched\n"));
    JsonNode saved =
        api.saveCriterion(
            analyst,
            "criterion \"Watched party\" when importer in list \"watched-parties\" then lane red"
                + " because \"the party is watched\"");
    ok(api.send("POST", WebApi.releasePath(saved), admin, null));
    long bill =
        ok(api.send(
                "POST",
                "/api/assess?kind=transport-document",
                analyst,
                "{\"number\":\"HDMU-ROLE-1\",\"documentType\":\"MBL\",\"date\":\"2026-11-29\","
                    + "\"office\":\""
                    + OFFICE
                    + "\",\"consignee\":{\"name\":\"Sakura\",\"id\":\"JP-CONS-1\"},"
                    + "\"portOfLoading\":\"THBKK\",\"hsCode\":\"090121\","
                    + "\"grossMassKg\":\"1200\",\"packages\":\"40\"}"))
            .get("id")
            .asLong();
    assertThat(send("/targeting/assessments/" + bill + "?lang=en"))
        .contains("consignee JP-CONS-1")
        .doesNotContain("importer JP-CONS-1");
    assertThat(send("/targeting/assessments/" + bill + "?lang=ja"))
        .contains("荷受人 JP-CONS-1")
        .doesNotContain("輸入者 JP-CONS-1");
    // a declaration's importer keeps its name
    long declared =
        ok(api.send(
                "POST",
                "/api/assess",
                analyst,
                declaration("D-ROLE-1", "2026-11-29", "090121").replace("IMP-R", "JP-CONS-1")))
            .get("id")
            .asLong();
    assertThat(send("/targeting/assessments/" + declared + "?lang=en"))
        .contains("importer JP-CONS-1");
  }
}
