package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * The selectivity page and API on the real server over embedded PostgreSQL: analysts see each
 * office's rates beside the shares it took; an administrator's change is checked line by line, kept
 * in the data directory, audited and in force for the next record; a change made on an older
 * version is refused with 409.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SelectivityWebTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final String OFFICE = "JPTYO-AIR";

  /** The server's session cookie ({@code WebServer.SESSION_COOKIE}, package-private there). */
  private static final String SESSION_COOKIE = "sekisho_session";

  /** No random selection and no top-up anywhere: every record without a criterion goes green. */
  private static final String QUIET =
      """
      # nothing selected but by criteria
      seed=7
      default.red.expected=0
      default.red.random=0
      office.JPTYO-AIR.yellow.expected=0
      """;

  private final HttpClient http = HttpClient.newHttpClient();
  private WebApi api;
  private WebServer web;
  private String base;
  private String analyst;
  private String admin;
  private Accounts accounts;
  private Database db;
  private Path settingsFile;
  private int sent;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    Clock clock = Clock.systemUTC();
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    AuditLog audit = new AuditLog(db.jdbi());
    accounts = new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "analyst", "Aiko Analyst", PASSWORD, EnumSet.of(Role.ANALYST), "customs-jp", OFFICE);
    accounts.upsert("admin", "Ada Admin", PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "");
    accounts.upsert("ben", "Ben Admin", PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "");
    settingsFile = dir.resolve("targeting/selectivity.properties");
    Files.createDirectories(settingsFile.getParent());
    Files.writeString(settingsFile, QUIET);
    TargetingContext ctx = new TargetingContext(db, audit, clock, dir, RiskScorer.NONE);
    ctx.start();
    web = WebApi.start(ctx, accounts, audit, clock);
    base = "http://127.0.0.1:" + web.port();
    api = new WebApi(base);
    analyst = api.login("analyst", PASSWORD);
    admin = api.login("admin", PASSWORD);
  }

  @AfterAll
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  /** Assesses a new declaration of {@link #OFFICE} and answers its lane and basis. */
  private JsonNode assessOne() throws Exception {
    String id = "SEL-" + (++sent);
    return api.ok(
        api.send(
            "POST",
            "/api/assess",
            analyst,
            TargetingWebTest.declaration(id, "IMP-" + id, "TH", "1000", "10")));
  }

  private JsonNode settings(String token) throws Exception {
    return api.ok(api.send("GET", "/api/targeting/selectivity", token, null));
  }

  /** PUTs a settings text as properties, naming {@code version} in If-Match (none when null). */
  private HttpResponse<String> put(String token, String text, String version) throws Exception {
    return put(token, text, version, "");
  }

  /** {@link #put(String, String, String)} with a query ({@code ?lang=ja}). */
  private HttpResponse<String> put(String token, String text, String version, String query)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/api/targeting/selectivity" + query))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "text/plain; charset=utf-8")
            .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    if (version != null) {
      b.header("If-Match", "\"" + version + "\"");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** POSTs the page's form as {@code user}, signed in with a session cookie and its CSRF token. */
  private HttpResponse<String> postForm(String user, Map<String, String> fields, boolean csrf)
      throws Exception {
    Accounts.Session s = accounts.openSession(accounts.authenticate(user, PASSWORD).orElseThrow());
    StringBuilder body = new StringBuilder(csrf ? "_csrf=" + s.csrfToken() : "_csrf=wrong");
    fields.forEach((k, v) -> body.append('&').append(k).append('=').append(enc(v)));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/targeting/selectivity"))
            .header("Cookie", SESSION_COOKIE + "=" + s.token())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode office(JsonNode settings, String code) {
    for (JsonNode o : settings.get("offices")) {
      if (o.get("office").asText().equals(code)) {
        return o;
      }
    }
    throw new AssertionError(code + " not in " + settings.get("offices"));
  }

  @Test
  @Order(1)
  void anAnalystSeesEachOfficesRatesBesideTheSharesItsRecentRecordsTook() throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(assessOne().get("lane").asText()).isEqualTo("green");
    }
    JsonNode s = settings(analyst);
    assertThat(s.get("version").asText()).hasSize(64);
    assertThat(s.get("text").asText()).isEqualTo(QUIET);
    assertThat(s.get("seed").asLong()).isEqualTo(7);
    assertThat(s.get("window").asInt()).isEqualTo(1000);
    assertThat(s.get("defaults").get("red").get("expected").asDouble()).isZero();
    JsonNode tokyo = office(s, OFFICE);
    assertThat(tokyo.get("configured").asBoolean()).isTrue();
    assertThat(tokyo.get("windowSize").asInt()).isEqualTo(4);
    assertThat(tokyo.get("lanes").get("red").get("share").asDouble()).isZero();
    assertThat(tokyo.get("greenShare").asDouble()).isEqualTo(1.0);
    assertThat(tokyo.get("lanes").get("yellow").get("maxHitsWithoutSelection").asInt()).isZero();
    assertThat(s.get("labels").get("red").asText()).isEqualTo("red (examination)");

    HttpResponse<String> page = api.send("GET", "/targeting/selectivity", analyst, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "selectivity-table", "data-office=\"" + OFFICE + "\"", "<td class=\"window\">4</td>")
        // an analyst reads the settings; only administrators get the form
        .doesNotContain("selectivity-form");
    // the worklist of the office shows its shares against its rates, and links here
    HttpResponse<String> worklist =
        api.send("GET", "/targeting/worklist?office=" + OFFICE, analyst, null);
    assertThat(worklist.body())
        .contains("worklist-selectivity", "data-window=\"4\"", "/targeting/selectivity");
  }

  @Test
  @Order(2)
  void anAdministratorsChangeIsKeptAuditedAndSelectsTheNextRecord() throws Exception {
    String version = settings(admin).get("version").asText();
    String text = QUIET + "office.JPTYO-AIR.red.random=100\n";
    HttpResponse<String> r = put(admin, text, version);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode after = WebApi.JSON.readTree(r.body());
    assertThat(after.get("changed").asBoolean()).isTrue();
    assertThat(after.get("version").asText()).isNotEqualTo(version);
    assertThat(r.headers().firstValue("ETag"))
        .hasValue("\"" + after.get("version").asText() + "\"");
    assertThat(office(after, OFFICE).get("lanes").get("red").get("random").asDouble())
        .isEqualTo(1.0);
    // the window survives the change
    assertThat(office(after, OFFICE).get("windowSize").asInt()).isEqualTo(4);
    assertThat(Files.readString(settingsFile)).isEqualTo(text);
    try (var left = Files.list(settingsFile.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    // in force for the next record, without a restart
    JsonNode next = assessOne();
    assertThat(next.get("lane").asText()).isEqualTo("red");
    assertThat(next.get("basis").asText()).isEqualTo("random");
    String audited =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select actor || ' ' || details from platform.audit_log where action"
                                + " = 'targeting.selectivity.change' order by seq desc limit 1")
                        .mapTo(String.class)
                        .one());
    assertThat(audited)
        .startsWith("admin ")
        .contains(version, after.get("version").asText(), "red.random=100");
  }

  @Test
  @Order(3)
  void aTextWithProblemsIsRefusedNamingEachLineAndNothingChanges() throws Exception {
    JsonNode before = settings(admin);
    String text =
        """
        seed=7
        office.JPTYO-AIR.red.expected=120
        default.red.expeted=5
        office.JPOSA.yellow.expected=2
        office.JPOSA.yellow.random=4
        colour=blue
        office.JPTYO-AIR.red.max-hits=three
        """;
    HttpResponse<String> r = put(admin, text, before.get("version").asText());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode problems = WebApi.JSON.readTree(r.body()).get("problems");
    assertThat(problems.findValuesAsText("line")).containsExactly("2", "3", "4", "6", "7");
    assertThat(problems.findValuesAsText("key"))
        .containsExactly(
            "office.JPTYO-AIR.red.expected",
            "default.red.expeted",
            "office.JPOSA.yellow.expected",
            "colour",
            "office.JPTYO-AIR.red.max-hits");
    assertThat(problems.get(0).get("message").asText())
        .contains("expected a percentage from 0 to 100, got '120'");
    assertThat(problems.get(2).get("message").asText()).contains("below its random rate (4 %)");
    assertThat(problems.get(3).get("message").asText()).contains("unknown setting");
    assertThat(settings(admin).get("version").asText()).isEqualTo(before.get("version").asText());
    assertThat(Files.readString(settingsFile)).isEqualTo(before.get("text").asText());
    // the form shows the same problems in the page, with the text as typed
    HttpResponse<String> form =
        postForm("admin", Map.of("text", text, "version", before.get("version").asText()), true);
    assertThat(form.statusCode()).isEqualTo(400);
    assertThat(form.body()).contains("selectivity-problems", "line 3: default.red.expeted");
  }

  @Test
  @Order(4)
  void onlyAnAdministratorChangesTheSettings() throws Exception {
    String version = settings(analyst).get("version").asText();
    assertThat(put(analyst, QUIET, version).statusCode()).isEqualTo(403);
    assertThat(postForm("analyst", Map.of("text", QUIET, "version", version), true).statusCode())
        .isEqualTo(403);
    // a form without its CSRF token is refused too
    assertThat(postForm("admin", Map.of("text", QUIET, "version", version), false).statusCode())
        .isEqualTo(403);
    assertThat(settings(analyst).get("version").asText()).isEqualTo(version);
  }

  @Test
  @Order(5)
  void aChangeMadeOnAnOlderVersionIsRefusedWith409() throws Exception {
    String seen = settings(admin).get("version").asText();
    String ben = api.login("ben", PASSWORD);
    HttpResponse<String> first = put(ben, QUIET, seen);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    HttpResponse<String> second = put(admin, QUIET + "default.yellow.expected=3\n", seen);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(WebApi.JSON.readTree(second.body()).get("message").asText()).contains("by ben");
    assertThat(Files.readString(settingsFile)).isEqualTo(QUIET);
    // no version at all is no way round it: the precondition is missing (428), naming If-Match
    HttpResponse<String> none = put(admin, QUIET, null);
    assertThat(none.statusCode()).as(none.body()).isEqualTo(428);
    JsonNode missing = WebApi.JSON.readTree(none.body());
    assertThat(missing.get("error").asText()).isEqualTo("precondition-required");
    assertThat(missing.get("field").asText()).isEqualTo("If-Match");
    assertThat(missing.get("message").asText()).contains("If-Match", "?version=");
    assertThat(missing.get("version").asText()).isEqualTo(settings(admin).get("version").asText());
    assertThat(put(admin, QUIET, "").statusCode()).isEqualTo(428);
    // the page refuses the same way, keeping what was typed and naming who came first
    HttpResponse<String> form =
        postForm("admin", Map.of("text", QUIET + "# mine\n", "version", seen), true);
    assertThat(form.statusCode()).isEqualTo(409);
    assertThat(form.body()).contains("ben", "# mine");
  }

  @Test
  @Order(6)
  void japaneseLabelsAndPageAreShownInJapanese() throws Exception {
    String version = settings(admin).get("version").asText();
    HttpResponse<String> form =
        postForm("admin", Map.of("text", QUIET + "labels=japan\n", "version", version), true);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(303);
    JsonNode s = settings(analyst);
    assertThat(s.get("labels").get("red").asText()).isEqualTo("区分3 (検査)");
    HttpResponse<String> ja = api.send("GET", "/targeting/selectivity?lang=ja", analyst, null);
    assertThat(ja.body()).contains("セレクティビティ", "目標率", "無作為率", "区分3 (検査)", "区分2 (書類審査)");
    HttpResponse<String> en = api.send("GET", "/targeting/selectivity?lang=en", analyst, null);
    assertThat(en.body()).contains("Expected", "区分3 (検査)");
    // with colour labels the reader's language names the lanes
    version = s.get("version").asText();
    assertThat(put(admin, QUIET, version).statusCode()).isEqualTo(200);
    assertThat(api.send("GET", "/targeting/selectivity?lang=ja", analyst, null).body())
        .contains("赤（検査）");
  }

  @Test
  @Order(7)
  void theApisRefusalsAreSaidInTheReadersLanguageWithCodeAndFieldAsInEnglish() throws Exception {
    String version = settings(admin).get("version").asText();
    // no version named: the precondition (428)
    HttpResponse<String> none = put(admin, QUIET, null, "?lang=ja");
    assertThat(none.statusCode()).as(none.body()).isEqualTo(428);
    JsonNode missing = WebApi.JSON.readTree(none.body());
    assertThat(missing.get("message").asText())
        .isEqualTo(
            "変更のもとにした設定の版を If-Match (GET /api/targeting/selectivity の ETag) か ?version= で指定してください");
    assertThat(missing.get("error").asText()).isEqualTo("precondition-required");
    assertThat(missing.get("field").asText()).isEqualTo("If-Match");
    // in English, as before, byte for byte
    assertThat(WebApi.JSON.readTree(put(admin, QUIET, null, "?lang=en").body()).get("message"))
        .hasToString(
            "\"send If-Match with the version of the settings the change was made on (the ETag of"
                + " GET /api/targeting/selectivity), or ?version=\"");
    // a change made on an older version (409), naming who changed it since
    HttpResponse<String> stale = put(admin, QUIET, "0123456789abcdef", "?lang=ja");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    JsonNode conflict = WebApi.JSON.readTree(stale.body());
    assertThat(conflict.get("error").asText()).isEqualTo("conflict");
    assertThat(conflict.get("field").asText()).isEqualTo("version");
    assertThat(conflict.get("message").asText())
        .isEqualTo(
            "版 0123456789ab を読み込んだ後に設定が変更されました (admin による変更)。現在は版 "
                + version.substring(0, 12)
                + " です。再読み込みしてから変更し直してください");
    // a text with problems (400): each line's problem in Japanese, its line and key as they were
    HttpResponse<String> bad =
        put(admin, "seed=7\noffice.JPTYO-AIR.red.expected=120\n", version, "?lang=ja");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    JsonNode refused = WebApi.JSON.readTree(bad.body());
    String percent = "office.JPTYO-AIR.red.expected: 0 から 100 までの百分率を指定してください (指定値: 「120」)";
    assertThat(refused.get("message").asText()).isEqualTo(percent);
    assertThat(refused.get("field").asText()).isEqualTo("line 2");
    JsonNode first = refused.get("problems").get(0);
    assertThat(first.get("message").asText()).isEqualTo(percent);
    assertThat(first.get("line").asInt()).isEqualTo(2);
    assertThat(first.get("key").asText()).isEqualTo("office.JPTYO-AIR.red.expected");
    assertThat(first.get("code").asText()).isEqualTo("invalid-setting");
    assertThat(settings(admin).get("version").asText()).isEqualTo(version);
  }

  @Test
  @Order(8)
  void openApiDescribesTheSettingsAsPlainTextAndTheParametersTaken() throws Exception {
    HttpResponse<String> r = api.send("GET", "/openapi.json", analyst, null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode path = WebApi.JSON.readTree(r.body()).get("paths").get("/api/targeting/selectivity");
    JsonNode content = path.get("put").get("requestBody").get("content");
    assertThat(content.has("text/plain")).as(content.toString()).isTrue();
    assertThat(content.has("application/json")).as(content.toString()).isFalse();
    assertThat(path.get("put").get("parameters").toString()).contains("\"version\"", "\"query\"");
    assertThat(path.get("get").has("x-other-query-parameters")).isTrue();
    // a misspelt version is refused, not read as a change without one
    HttpResponse<String> typo =
        api.send("PUT", "/api/targeting/selectivity?verison=x", admin, QUIET);
    assertThat(typo.statusCode()).as(typo.body()).isEqualTo(400);
    assertThat(WebApi.JSON.readTree(typo.body()).get("message").asText())
        .isEqualTo("PUT /api/targeting/selectivity takes version; there is no parameter 'verison'");
  }
}
