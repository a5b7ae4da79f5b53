package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.adapter.db.JdbcAssessments;
import org.sekisho.targeting.adapter.web.PageProblems;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;
import org.sekisho.targeting.criteria.application.ReferenceLists;
import org.sekisho.targeting.selectivity.adapter.SelectivityProperties;
import org.sekisho.targeting.worklist.application.Worklist;

/**
 * A Japanese reader's targeting pages say their refusals in Japanese: the lane decision form, the
 * outcome form, the criterion editor and the list pages, with the field named as the page names it;
 * in English they read word for word as the use cases wrote them (which the API answers).
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PagesInJapaneseTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final String OFFICE = "JPTYO-AIR";

  // in the administration's zone, as the server words pages: a time quoted reads as pages write it
  private static final Messages EN =
      new Messages(Locale.ENGLISH, List.of("i18n.targeting"), java.time.ZoneId.of("Asia/Tokyo"));
  private static final Messages JA =
      new Messages(Locale.JAPANESE, List.of("i18n.targeting"), java.time.ZoneId.of("Asia/Tokyo"));

  private WebApi api;
  private WebServer web;
  private String base;
  private String analyst;
  private String inspector;
  private String admin;
  private TargetingContext targeting;
  private TargetingServer server;
  private Worklist worklist;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir, TargetingServer.MODEL, PASSWORD, OFFICE);
    targeting = server.targeting();
    worklist =
        new Worklist(
            new JdbcAssessments(db.jdbi(), new DeclarationJson()), java.time.Clock.systemUTC());
    web = server.web();
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

  private long assessed(String id) throws Exception {
    return api.ok(
            api.send(
                "POST",
                "/api/assess",
                analyst,
                TargetingWebTest.declaration(id, "IMP-" + id, "TH", "800", "10")))
        .get("id")
        .asLong();
  }

  /** Refers an assessment for inspection (red), as an analyst decides it. */
  private void refer(long id) throws Exception {
    JsonNode item = api.ok(api.send("GET", "/api/targeting/assessments/" + id, analyst, null));
    api.ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + id + "/lane",
            analyst,
            WebApi.JSON.writeValueAsString(
                Map.of(
                    "lane",
                    "red",
                    "comment",
                    "examine the goods",
                    "expectedVersion",
                    item.get("version").asInt()))));
  }

  /**
   * The problems of a refused API call, as the use case worded them: {@code same} asks the use case
   * itself what the call asked (a refusal changes nothing, so it refuses again), which must be what
   * the API answered, in English; its problems carry the wording a page says them by, which the API
   * does not answer.
   */
  private List<Problem> refused(
      String method, String path, String token, Object body, Supplier<List<Problem>> same)
      throws Exception {
    List<Problem> answered = refused(method, path, token, body);
    List<Problem> worded = same.get();
    assertThat(worded)
        .extracting(Problem::code, Problem::field, Problem::message)
        .as(path)
        .containsExactlyElementsOf(
            answered.stream().map(p -> tuple(p.code(), p.field(), p.message())).toList());
    return worded;
  }

  /** The problems of a refused API call, as the API answers them (in English, without wording). */
  private List<Problem> refused(String method, String path, String token, Object body)
      throws Exception {
    HttpResponse<String> r =
        api.send(
            method,
            path,
            token,
            body instanceof String s ? s : WebApi.JSON.writeValueAsString(body));
    assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
    JsonNode n = WebApi.JSON.readTree(r.body());
    List<Problem> out = new ArrayList<>();
    JsonNode all = n.has("problems") ? n.get("problems") : n.get("refused");
    if (all != null && all.isArray() && !all.isEmpty()) {
      for (JsonNode p : all) {
        out.add(
            Problem.of(p.get("code").asText(), p.get("field").asText(), p.get("message").asText()));
      }
    } else {
      out.add(
          Problem.of(
              n.get("error").asText(),
              n.get("field").isNull() ? "" : n.get("field").asText(),
              n.get("message").asText()));
    }
    return out;
  }

  /** A draft of {@code source}; a date as typed, null when left out. */
  private static CriteriaCatalogue.Draft draft(
      Optional<Long> id, String source, Set<String> offices, String from, String to) {
    return new CriteriaCatalogue.Draft(
        id,
        source,
        offices,
        Optional.ofNullable(from).map(LocalDate::parse),
        Optional.ofNullable(to).map(LocalDate::parse));
  }

  /** What replacing {@code name}'s entries with {@code csv} refuses: the file or its rows. */
  private static List<Problem> replaced(ReferenceLists lists, String name, String csv) {
    Outcome<ReferenceLists.Imported> o =
        lists.importCsv(name, csv, "analyst", ReferenceLists.Mode.REPLACE);
    return o.isAccepted() ? o.orElseThrow().refused() : o.problems();
  }

  private HttpResponse<String> form(String path, String token, Map<String, String> fields)
      throws Exception {
    StringBuilder body = new StringBuilder();
    for (var e : fields.entrySet()) {
      body.append(body.isEmpty() ? "" : "&")
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void everyRefusalOfTheDecisionOutcomeCriteriaAndListFormsHasJapaneseWordsAndTheUseCasesEnglish()
      throws Exception {
    long open = assessed("D-JA-1");
    long referred = assessed("D-JA-2");
    refer(referred);
    String lane = "/api/targeting/assessments/" + open + "/lane";
    String outcome = "/api/targeting/assessments/" + referred + "/outcome";
    List<Problem> all = new ArrayList<>();
    all.addAll(
        refused(
            "POST",
            lane,
            analyst,
            Map.of("lane", "purple", "comment", "because", "expectedVersion", 0),
            () -> worklist.decide(open, "purple", "because", "analyst").problems()));
    all.addAll(
        refused(
            "POST",
            lane,
            analyst,
            Map.of("lane", "red", "comment", "ab", "expectedVersion", 0),
            () -> worklist.decide(open, "red", "ab", "analyst").problems()));
    all.addAll(
        refused(
            "POST",
            lane,
            analyst,
            Map.of("lane", "red", "comment", "x".repeat(2001), "expectedVersion", 0),
            () -> worklist.decide(open, "red", "x".repeat(2001), "analyst").problems()));
    all.addAll(
        refused(
            "POST",
            outcome,
            inspector,
            Map.of("result", "maybe", "revenue", "-3"),
            () ->
                worklist
                    .recordOutcome(referred, "maybe", "-3", false, "", "inspector")
                    .problems()));
    all.addAll(
        refused(
            "POST",
            outcome,
            inspector,
            Map.of("result", "nothing-found", "revenue", "5"),
            () ->
                worklist
                    .recordOutcome(referred, "nothing-found", "5", false, "", "inspector")
                    .problems()));
    all.addAll(
        refused(
            "POST",
            outcome,
            inspector,
            Map.of("result", "infraction"),
            () ->
                worklist
                    .recordOutcome(referred, "infraction", "", false, "", "inspector")
                    .problems()));
    // recorded, the item is closed: it takes no second outcome and no lane decision
    api.ok(api.send("POST", outcome, inspector, "{\"result\":\"nothing-found\"}"));
    all.addAll(
        refused(
            "POST",
            outcome,
            inspector,
            Map.of("result", "nothing-found"),
            () ->
                worklist
                    .recordOutcome(referred, "nothing-found", "", false, "", "inspector")
                    .problems()));
    JsonNode closed =
        api.ok(api.send("GET", "/api/targeting/assessments/" + referred, analyst, null));
    all.addAll(
        refused(
            "POST",
            "/api/targeting/assessments/" + referred + "/lane",
            analyst,
            Map.of(
                "lane",
                "green",
                "comment",
                "cleared",
                "expectedVersion",
                closed.get("version").asInt()),
            () -> worklist.decide(referred, "green", "cleared", "analyst").problems()));
    String ok =
        "criterion \"Coffee\" when hs starts with \"0901\" then lane red weight 10 because \"cheap"
            + " coffee\"";
    String criteria = "/api/targeting/criteria";
    CriteriaCatalogue catalogue = targeting.criteriaCatalogue();
    all.addAll(
        refused(
            "POST",
            criteria,
            analyst,
            Map.of("source", ok, "offices", List.of("NOWHERE")),
            () ->
                catalogue
                    .save(draft(Optional.empty(), ok, Set.of("NOWHERE"), null, null), "analyst")
                    .problems()));
    all.addAll(
        refused(
            "POST",
            criteria,
            analyst,
            Map.of("source", ok, "effectiveFrom", "2099-02-01", "effectiveTo", "2099-01-01"),
            () ->
                catalogue
                    .save(
                        draft(Optional.empty(), ok, Set.of(), "2099-02-01", "2099-01-01"),
                        "analyst")
                    .problems()));
    all.addAll(
        refused(
            "POST",
            criteria,
            analyst,
            Map.of("source", ok, "effectiveTo", "2020-01-01"),
            () ->
                catalogue
                    .save(draft(Optional.empty(), ok, Set.of(), null, "2020-01-01"), "analyst")
                    .problems()));
    JsonNode saved = api.saveCriterion(analyst, ok);
    long savedId = saved.get("id").asLong();
    int savedVersion = saved.get("version").asInt();
    all.addAll(
        refused(
            "POST",
            criteria,
            analyst,
            Map.of("source", ok),
            () ->
                catalogue
                    .save(draft(Optional.empty(), ok, Set.of(), null, null), "analyst")
                    .problems()));
    all.addAll(
        refused(
            "POST",
            criteria,
            analyst,
            Map.of("id", 999999, "source", ok),
            () ->
                catalogue
                    .save(draft(Optional.of(999999L), ok, Set.of(), null, null), "analyst")
                    .problems()));
    all.addAll(
        refused(
            "POST",
            "/api/targeting/criteria/" + savedId + "/disable",
            analyst,
            Map.of("reason", "no"),
            () -> catalogue.disable(savedId, "analyst", "no").problems()));
    all.addAll(
        refused(
            "POST",
            "/api/targeting/criteria/999999/versions/1/release",
            admin,
            Map.of(),
            () -> catalogue.release(999999, 1, "admin").problems()));
    api.ok(api.send("POST", WebApi.releasePath(saved), admin, null));
    all.addAll(
        refused(
            "POST",
            WebApi.releasePath(saved),
            admin,
            Map.of(),
            () -> catalogue.release(savedId, savedVersion, "admin").problems()));
    String lists = "/api/targeting/lists";
    ReferenceLists referenceLists = targeting.referenceLists();
    all.addAll(
        refused(
            "POST",
            lists,
            analyst,
            Map.of("name", "Bad Name", "kind", "countries"),
            () -> referenceLists.create("Bad Name", "countries", "", "analyst").problems()));
    all.addAll(
        refused(
            "POST",
            lists,
            analyst,
            Map.of("name", "origins", "kind", "colours"),
            () -> referenceLists.create("origins", "colours", "", "analyst").problems()));
    api.ok(api.send("POST", lists, analyst, "{\"name\":\"origins\",\"kind\":\"countries\"}"));
    all.addAll(
        refused(
            "POST",
            lists,
            analyst,
            Map.of("name", "origins", "kind", "countries"),
            () -> referenceLists.create("origins", "countries", "", "analyst").problems()));
    api.ok(api.send("POST", lists, analyst, "{\"name\":\"codes\",\"kind\":\"hs-codes\"}"));
    api.ok(api.send("POST", lists, analyst, "{\"name\":\"phones\",\"kind\":\"phones\"}"));
    String rows =
        "value,note\nTH,a\nXYZ,b\nth,again\nCO,a,b\nC\"N\n,empty\nBR,\""
            + "n".repeat(501)
            + "\"\n\"VN";
    all.addAll(
        refused(
            "POST",
            "/api/targeting/lists/origins/entries?mode=replace",
            analyst,
            rows,
            () -> replaced(referenceLists, "origins", rows)));
    all.addAll(
        refused(
            "POST",
            "/api/targeting/lists/codes/entries?mode=replace",
            analyst,
            "value\n09x\n",
            () -> replaced(referenceLists, "codes", "value\n09x\n")));
    all.addAll(
        refused(
            "POST",
            "/api/targeting/lists/phones/entries?mode=replace",
            analyst,
            "value\n12\n",
            () -> replaced(referenceLists, "phones", "value\n12\n")));
    all.addAll(
        refused(
            "POST",
            "/api/targeting/lists/phones/entries?mode=replace",
            analyst,
            "value\n",
            () -> replaced(referenceLists, "phones", "value\n")));

    // the selectivity settings page's refusals, one a line
    String settingsText =
        "seed=x\nlabels=pink\nlabel.purple=X\nlabel.red="
            + "r".repeat(100)
            + "\nbogus=1\ndefault.red.often=5\ndefault.green.expected=5\n"
            + "office.NOWHERE.red.expected=5\noffice.JPYOK/parcel.red.expected=5\n"
            + "default.red.max-hits=-1\ndefault.yellow.expected=150\nseed=3\n"
            + "office.JPYOK.red.expected=1\noffice.JPYOK.red.random=2\n"
            + "office.JPOSA.red.random=60\noffice.JPOSA.yellow.random=60\n"
            + "default.blue.random=70\ndefault.yellow.random=70\n";
    String version =
        api.ok(api.send("GET", "/api/targeting/selectivity", admin, null)).get("version").asText();
    HttpResponse<String> settings =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base + "/api/targeting/selectivity?version=" + version))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .PUT(HttpRequest.BodyPublishers.ofString(settingsText, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(settings.statusCode()).as(settings.body()).isEqualTo(400);
    List<Problem> answered = new ArrayList<>();
    for (JsonNode p : WebApi.JSON.readTree(settings.body()).get("problems")) {
      answered.add(
          Problem.of(p.get("code").asText(), p.get("field").asText(), p.get("message").asText()));
    }
    // the settings as read by the use case, worded, are the refusals the API answered in English
    List<Problem> lines = SelectivityProperties.parse(settingsText).problems();
    assertThat(lines)
        .extracting(Problem::code, Problem::field, Problem::message)
        .containsExactlyElementsOf(
            answered.stream().map(p -> tuple(p.code(), p.field(), p.message())).toList());
    assertThat(lines).hasSizeGreaterThanOrEqualTo(12);
    all.addAll(lines);
    HttpResponse<String> settingsPage =
        api.form(
            "/targeting/selectivity?lang=ja",
            admin,
            Map.of("text", "seed=1\nbogus=1\n", "version", version));
    assertThat(settingsPage.statusCode()).isEqualTo(400);
    assertThat(settingsPage.body()).contains("2 行目: bogus: この設定はありません");

    List<String> codes = all.stream().map(Problem::code).distinct().toList();
    assertThat(codes)
        .contains(
            "invalid-lane",
            "comment-required",
            "invalid-comment",
            "invalid-result",
            "invalid-revenue",
            "inconsistent-outcome",
            "note-required",
            "conflict",
            "invalid-office",
            "invalid-dates",
            "not-found",
            "reason-required",
            "invalid-name",
            "invalid-kind",
            "invalid-csv",
            "invalid-entry",
            "duplicate-entry",
            "empty-replacement");
    assertThat(all).hasSizeGreaterThan(25);
    for (Problem p : all) {
      String ja = PageProblems.line(JA, p);
      assertThat(ja)
          .as(p.toString())
          .doesNotContain(p.message())
          .doesNotContain("targeting.problem")
          .matches(s -> s.codePoints().anyMatch(c -> c >= 0x3040), "has Japanese words");
      if (!p.field().equals("effectiveTo") || !p.message().contains("today is")) {
        // a period that is over is said as the editor said it before, in both languages
        assertThat(PageProblems.line(EN, p))
            .as(p.toString())
            .isEqualTo(p.field().isEmpty() ? p.message() : p.field() + ": " + p.message());
      }
    }
  }

  @Test
  void theLaneFormTheEditorAndTheListPageSayTheirRefusalsInJapanese() throws Exception {
    long id = assessed("D-JA-3");
    JsonNode item = api.ok(api.send("GET", "/api/targeting/assessments/" + id, analyst, null));
    HttpResponse<String> decided =
        form(
            "/targeting/assessments/" + id + "/lane?lang=ja",
            analyst,
            Map.of(
                "lane",
                "red",
                "comment",
                "ab",
                "expectedVersion",
                item.get("version").asText(),
                "expectedLane",
                item.get("finalLane").asText()));
    assertThat(decided.statusCode()).isEqualTo(400);
    assertThat(decided.body())
        .contains("コメント: 理由を 5 文字以上のコメントで書いてください")
        .doesNotContain("say why in a comment");

    HttpResponse<String> editor =
        form(
            "/targeting/criteria/save?lang=ja",
            analyst,
            Map.of(
                "source",
                "criterion \"Tea\" when hs starts with \"0902\" then lane red because \"cheap tea\"",
                "offices",
                "NOWHERE"));
    assertThat(editor.statusCode()).isEqualTo(400);
    assertThat(editor.body())
        .contains("官署: 「NOWHERE」は官署コードではありません")
        .doesNotContain("is no office code")
        // the fields a criterion tests, with their meaning in Japanese
        .contains("品目の正味重量 1 kg あたりの課税価格", "数値")
        .doesNotContain("item customs value per kg");

    api.ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            "{\"name\":\"ja-origins\",\"kind\":\"countries\"}"));
    HttpResponse<String> imported =
        form(
            "/targeting/lists/ja-origins/import?lang=ja",
            analyst,
            Map.of("csv", "value,note\nTH,ok\nXYZ,bad\n", "mode", "add"));
    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.body())
        .contains("3 行目: ISO 3166-1 alpha-2 の国コード (ZZ: 不明) を入力してください (入力値: 「XYZ」)")
        .doesNotContain("expected an ISO 3166-1");
    // a dry run's examples say their list hits as the assessment's reasons do (it reads the
    // records the intelligence database stored)
    targeting
        .assessmentRequests()
        .assessAll(
            List.of(
                new org.sekisho.targeting.assessment.application.AssessmentRequests.Request(
                    "declaration",
                    "D-JA-5",
                    TargetingWebTest.declaration("D-JA-5", "IMP-JA5", "TH", "800", "10"))));
    HttpResponse<String> dry =
        form(
            "/targeting/criteria/dry-run?lang=ja",
            analyst,
            Map.of(
                "source",
                "criterion \"Listed\" when origin in list \"ja-origins\" then lane red because"
                    + " \"listed origin\"",
                "days",
                "30"));
    assertThat(dry.statusCode()).isEqualTo(200);
    assertThat(dry.body()).contains("リスト「ja-origins」第", "版: 原産国 TH");

    HttpResponse<String> other =
        api.send("GET", "/targeting/assessments/999999?lang=ja", analyst, null);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("審査 999999 は見つかりません");
  }

  @Test
  void theRefusalsOfThePagesThemselvesAreSaidInJapaneseWithTheValuesTheyConcern() throws Exception {
    Map<String, String> said =
        Map.of(
            "/targeting/criteria/edit?id=999999&lang=ja", "基準 999999 は見つかりません",
            "/targeting/criteria/999999/versions/3?lang=ja", "基準 c999999v3 は見つかりません",
            "/targeting/lists/no-such-list?lang=ja", "リスト no-such-list は見つかりません",
            "/targeting/assessments/abc?lang=ja", "整数を入力してください");
    for (var e : said.entrySet()) {
      HttpResponse<String> r = api.send("GET", e.getKey(), analyst, null);
      assertThat(r.statusCode()).as(e.getKey()).isBetween(400, 499);
      assertThat(r.body()).as(e.getKey()).contains(e.getValue()).doesNotContain("was not found");
    }
  }

  @Test
  void theCriteriaApiSaysTheCheckersProblemsInJapaneseWhenAskedAndInEnglishOtherwise()
      throws Exception {
    String broken =
        "criterion \"Cheap\"\n  when value_per_kg < \"cheap\"\n  then lane red\n  because \"cheap coffee\"";
    JsonNode ja =
        WebApi.JSON.readTree(
            api.send(
                    "POST",
                    "/api/targeting/criteria?lang=ja",
                    analyst,
                    WebApi.JSON.writeValueAsString(Map.of("source", broken)))
                .body());
    assertThat(ja.get("message").asText()).isEqualTo("2 行 23 列: 数値が必要ですが、文字列 \"cheap\"があります");
    assertThat(ja.get("problems").get(0).get("line").asInt()).isEqualTo(2);
    JsonNode en =
        WebApi.JSON.readTree(
            api.send(
                    "POST",
                    "/api/targeting/criteria",
                    analyst,
                    WebApi.JSON.writeValueAsString(Map.of("source", broken)))
                .body());
    assertThat(en.get("message").asText()).startsWith("line 2, column 23: expected a number");
    JsonNode check =
        api.ok(
            api.send(
                "POST",
                "/api/targeting/criteria/check?lang=ja",
                analyst,
                WebApi.JSON.writeValueAsString(Map.of("source", broken))));
    assertThat(check.get("problems").get(0).get("message").asText())
        .isEqualTo("数値が必要ですが、文字列 \"cheap\"があります");
  }

  /** The message of a refused API call asked in Japanese. */
  private String refusedInJapanese(String path, String token, Object body, int status)
      throws Exception {
    HttpResponse<String> r =
        api.send("POST", path + "?lang=ja", token, WebApi.JSON.writeValueAsString(body));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return WebApi.JSON.readTree(r.body()).get("message").asText();
  }

  @Test
  void theApisConflictsAndAmountAndCountryRefusalsAreSaidInJapaneseWhenAsked() throws Exception {
    long id = assessed("D-JA-6");
    String lane = "/api/targeting/assessments/" + id + "/lane";
    // never decided on: a decision naming another lane, or a version it never had
    assertThat(
            refusedInJapanese(
                lane,
                analyst,
                Map.of(
                    "lane",
                    "red",
                    "comment",
                    "examine it",
                    "expectedLane",
                    "yellow",
                    "expectedVersion",
                    0),
                409))
        .contains("版 0")
        .doesNotContain("the lane the decision names");
    assertThat(
            refusedInJapanese(
                lane,
                analyst,
                Map.of("lane", "red", "comment", "examine it", "expectedVersion", 4),
                409))
        .contains("版 4")
        .doesNotContain("does not exist");
    refer(id);
    // decided on since the analyst's page was loaded
    assertThat(
            refusedInJapanese(
                lane,
                analyst,
                Map.of("lane", "yellow", "comment", "papers only", "expectedVersion", 0),
                409))
        .contains("analyst", "版 1")
        .doesNotContain("changed meanwhile", "red");
    String outcome = "/api/targeting/assessments/" + id + "/outcome";
    // an amount far beyond any revenue, as a JSON number
    assertThat(
            refusedInJapanese(
                outcome,
                inspector,
                Map.of("result", "infraction", "revenue", 1e20, "note", "undeclared goods"),
                400))
        .doesNotContain("expected a number");
    api.ok(
        api.send(
            "POST",
            outcome,
            inspector,
            WebApi.JSON.writeValueAsString(
                Map.of("result", "infraction", "revenue", "12500", "note", "undeclared goods"))));
    Map<String, Object> correction =
        Map.of(
            "result", "infraction",
            "revenue", "13500",
            "note", "undeclared goods",
            "comment", "typo in the revenue",
            "expectedVersion", 0);
    api.ok(
        api.send(
            "POST",
            outcome + "/correction",
            inspector,
            WebApi.JSON.writeValueAsString(correction)));
    assertThat(refusedInJapanese(outcome + "/correction", inspector, correction, 409))
        .contains("inspector")
        .doesNotContain("corrected meanwhile");
    Map<String, Object> unsaid = new java.util.HashMap<>(correction);
    unsaid.put("comment", "x");
    unsaid.put("expectedVersion", 1);
    assertThat(refusedInJapanese(outcome + "/correction", inspector, unsaid, 400))
        .contains("2000")
        .doesNotContain("say why");
    long none = assessed("D-JA-7");
    refer(none);
    assertThat(
            refusedInJapanese(
                "/api/targeting/assessments/" + none + "/outcome/correction",
                inspector,
                correction,
                409))
        .contains(Long.toString(none))
        .doesNotContain("no outcome");
    Map<String, Object> beyond = new java.util.HashMap<>(correction);
    beyond.put("expectedVersion", 9);
    assertThat(refusedInJapanese(outcome + "/correction", inspector, beyond, 409))
        .contains("9")
        .doesNotContain("does not exist");
    // a country code the checker does not know
    JsonNode check =
        api.ok(
            api.send(
                "POST",
                "/api/targeting/criteria/check?lang=ja",
                analyst,
                WebApi.JSON.writeValueAsString(
                    Map.of(
                        "source",
                        "criterion \"Cable news\" when origin = \"CNN\" then lane red because"
                            + " \"test of the checker\""))));
    assertThat(check.get("problems").get(0).get("message").asText())
        .contains("CNN", "ISO 3166-1")
        .doesNotContain("is not an");
  }

  @Test
  void aRevenueTypedWithAJapaneseInputMethodIsReadAsTheAmountAndGarbageStillRefused()
      throws Exception {
    Map<String, String> read =
        Map.of(
            "１２，５００円", "12500.00",
            "12,500 JPY", "12500.00",
            "１２５００．５０", "12500.50",
            "￥12,500", "12500.00",
            "3000円", "3000.00");
    int n = 0;
    for (var e : read.entrySet()) {
      long id = assessed("D-JA-YEN-" + n++);
      refer(id);
      JsonNode done =
          api.ok(
              api.send(
                  "POST",
                  "/api/targeting/assessments/" + id + "/outcome",
                  inspector,
                  WebApi.JSON.writeValueAsString(
                      Map.of(
                          "result", "infraction", "revenue", e.getKey(), "note", "undeclared"))));
      assertThat(done.get("outcome").get("revenue").asText())
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
    long id = assessed("D-JA-YEN-X");
    refer(id);
    for (String garbage : List.of("１２，５０O円", "円", "12,50円", "12円500", "JPY")) {
      List<Problem> p =
          refused(
              "POST",
              "/api/targeting/assessments/" + id + "/outcome",
              inspector,
              Map.of("result", "infraction", "revenue", garbage, "note", "undeclared"));
      assertThat(p).as(garbage).extracting(Problem::field).contains("revenue");
    }
  }

  @Test
  void aDryRunsExamplesLinkToTheirRecordsNamedInTheReadersLanguage() throws Exception {
    // stored as ingest stores records (a record sent alone is left out of dry runs)
    targeting
        .assessRecords()
        .assessJson(
            "declaration", TargetingWebTest.declaration("D-JA-DRY", "IMP-DRY", "TH", "800", "10"))
        .orElseThrow();
    HttpResponse<String> r =
        form(
            "/targeting/criteria/dry-run?lang=ja",
            analyst,
            Map.of(
                "source",
                "criterion \"Any\" when items > 0 then lane red because \"every record\"",
                "days",
                "30"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .contains("href=\"/records/declaration/D-JA-DRY\"", ">申告 D-JA-DRY</a>")
        .doesNotContain("declaration:D-JA-DRY");
  }

  @Test
  void anInspectorReadsTheOutcomeFormsRefusalInJapaneseInChromium() throws Exception {
    long id = assessed("D-JA-4");
    refer(id);
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base + "/targeting/assessments/" + id + "?lang=ja");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("inspector");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-form")));
      new Select(driver.findElement(By.id("result"))).selectByValue("infraction");
      driver.findElement(By.id("revenue")).sendKeys("48,00O");
      driver.findElement(By.id("outcome-submit")).click();
      String error =
          wait.ignoring(StaleElementReferenceException.class)
              .until(d -> d.findElement(By.id("form-error")).getText());
      assertThat(error)
          .contains("追徴額: 0 以上", "備考: 見つかった内容を 5 文字以上の備考で書いてください")
          .doesNotContain("expected a non-negative amount", "say what was found");
    } finally {
      driver.quit();
    }
  }
}
