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

/**
 * A page that refuses what an analyst typed shows it again as typed, the refusal beside it in the
 * reader's language, with a 4xx: a list import's file and mode, the worklist's filter.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RefusedFormsKeepWhatWasTypedTest {
  private TargetingServer server;
  private WebApi api;
  private String analyst;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir);
    api = server.api();
    analyst = server.analyst();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static final String REFUSED_REPLACEMENT =
      "value,note\n0311112222,x\n+44 20 7946 0958,uk\nabc,bad\n";

  @Test
  void aRefusedReplacementComesBackAsAReplacementWith400AndTheListUnchanged() throws Exception {
    api.ok(
        api.send(
            "POST", "/api/targeting/lists", analyst, "{\"name\":\"kept\",\"kind\":\"phones\"}"));
    api.ok(api.send("POST", "/api/targeting/lists/kept/entries", analyst, "0399998888,old\n"));
    for (String lang : new String[] {"en", "ja"}) {
      HttpResponse<String> page =
          api.form(
              "/targeting/lists/kept/import?lang=" + lang,
              analyst,
              Map.of("csv", REFUSED_REPLACEMENT, "mode", "replace"));
      assertThat(page.statusCode()).as(lang).isEqualTo(400);
      assertThat(page.body())
          .as(lang)
          .contains(lang.equals("ja") ? "4 行目" : "line 4")
          // the file and the mode as typed: submitted again once corrected, it replaces
          .contains(">" + REFUSED_REPLACEMENT + "</textarea>")
          .containsPattern("<option value=\"replace\" selected")
          .doesNotContainPattern("<option value=\"add\" selected");
    }
    JsonNode list = api.ok(api.send("GET", "/api/targeting/lists/kept", analyst, null));
    assertThat(list.get("size").asInt()).isEqualTo(1);
    // a list page read afresh offers adding, the default
    HttpResponse<String> fresh = api.send("GET", "/targeting/lists/kept", analyst, null);
    assertThat(fresh.body())
        .containsPattern("<option value=\"add\" selected")
        .doesNotContainPattern("<option value=\"replace\" selected");
  }

  @Test
  void aMalformedWorklistFilterIsSaidBesideItsFieldOnTheWorklistPageWith400() throws Exception {
    String office = java.net.URLEncoder.encode("東京", java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> ja =
        api.send("GET", "/targeting/worklist?lang=ja&office=" + office, analyst, null);
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(ja.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(ja.body())
        // the filter form as typed, the problem beside the office field, in Japanese
        .contains("class=\"filters\"", "value=\"東京\"", "id=\"office-problem\"")
        .contains("「東京」は官署コードではありません")
        .doesNotContain("is no office code")
        // nothing is listed (or polled) for a filter that names no office
        .doesNotContain("id=\"work-rows\"");
    HttpResponse<String> en =
        api.send("GET", "/targeting/worklist?lang=en&office=" + office, analyst, null);
    assertThat(en.statusCode()).isEqualTo(400);
    assertThat(en.body()).contains("id=\"office-problem\"", "is no office code", "value=\"東京\"");

    // asked for as curl asks (no Accept: text/html), the page still answers the page
    HttpResponse<String> kind = api.send("GET", "/targeting/worklist?kind=bogus", analyst, null);
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(kind.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(kind.body())
        .contains("id=\"kind-problem\"", "expected declaration, postal-item or transport-document")
        .contains("class=\"filters\"");
    HttpResponse<String> status =
        api.send("GET", "/targeting/worklist?lang=ja&status=nope&office=NOPE", analyst, null);
    assertThat(status.statusCode()).isEqualTo(400);
    assertThat(status.body())
        .contains("id=\"status-problem\"", "open、referred、released、closed、superseded のいずれか")
        .contains("id=\"office-problem\"", "「NOPE」は官署コードではありません", "value=\"NOPE\"");

    HttpResponse<String> good = api.send("GET", "/targeting/worklist?office=JPYOK", analyst, null);
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(good.body()).contains("id=\"work-rows\"").doesNotContain("class=\"error\"");
  }

  /** The API's refusal of {@code body} at {@code path}, asked in {@code lang}. */
  private JsonNode refused(String path, String lang, String body, int status) throws Exception {
    HttpResponse<String> r = api.send("POST", path + "?lang=" + lang, analyst, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return WebApi.JSON.readTree(r.body());
  }

  @Test
  void theApisRefusalsOfAFieldOrAMissingVersionAreJapaneseWhenAskedAndEnglishAsBefore()
      throws Exception {
    String source =
        "{\"source\":\"criterion \\\"T\\\" when hs starts with \\\"0902\\\" then lane red"
            + " because \\\"t\\\"\",";
    String dryRun = "/api/targeting/criteria/dry-run";
    String save = "/api/targeting/criteria";
    record Case(String path, String body, String field, String english, String japanese) {}
    List<Case> cases =
        List.of(
            new Case(
                dryRun,
                source + "\"days\":0}",
                "days",
                "expected a whole JSON number from 1 to 366, got 0",
                "1 から 366 までの整数 (JSON の数値) を指定してください (指定値: 0)"),
            new Case(
                dryRun,
                source + "\"days\":\"7\"}",
                "days",
                "expected a whole JSON number from 1 to 366, got a string",
                "1 から 366 までの整数 (JSON の数値) を指定してください (指定されたのは文字列)"),
            new Case(
                save,
                source + "\"offices\":\"JPTYO\"}",
                "offices",
                "expected an array of strings, e.g. [\"JPYOK\"], got a string",
                "[\"JPYOK\"] のような文字列の配列を指定してください (指定されたのは文字列)"),
            new Case(
                save,
                source + "\"offices\":[5]}",
                "offices[0]",
                "expected a string, got a number",
                "文字列を指定してください (指定されたのは数値)"),
            new Case(
                save,
                "{\"source\":5}",
                "source",
                "expected a string, got a number",
                "文字列を指定してください (指定されたのは数値)"),
            new Case(
                save,
                "{\"foo\":1}",
                "foo",
                "unknown field \"foo\"; this route takes id, source, offices, effectiveFrom,"
                    + " effectiveTo",
                "項目「foo」はありません。この API が受け付ける項目: id, source, offices, effectiveFrom,"
                    + " effectiveTo"),
            new Case(
                save,
                "{\"soruce\":\"x\"}",
                "soruce",
                "unknown field \"soruce\"; did you mean \"source\"? This route takes id, source,"
                    + " offices, effectiveFrom, effectiveTo",
                "項目「soruce」はありません。「source」のことですか? この API が受け付ける項目: id, source,"
                    + " offices, effectiveFrom, effectiveTo"),
            new Case(save, "[1]", "", "expected a JSON object", "JSON オブジェクトを送ってください"));
    for (Case c : cases) {
      JsonNode en = refused(c.path(), "en", c.body(), 400);
      JsonNode ja = refused(c.path(), "ja", c.body(), 400);
      assertThat(en.get("message").asText()).as(c.body()).isEqualTo(c.english());
      assertThat(ja.get("message").asText()).as(c.body()).isEqualTo(c.japanese());
      for (JsonNode b : List.of(en, ja)) {
        assertThat(b.get("error").asText())
            .as(c.body())
            .isEqualTo(c.field().isEmpty() ? "invalid-json" : "invalid-field");
        // a refusal of the body as a whole names no field (null, as the platform writes it)
        String field = b.hasNonNull("field") ? b.get("field").asText() : "";
        assertThat(field).as(c.body()).isEqualTo(c.field());
      }
    }

    long id =
        api.ok(
                api.send(
                    "POST",
                    "/api/assess",
                    analyst,
                    TargetingWebTest.declaration("D-VER-1", "IMP-VER-1", "TH", "800", "10")))
            .get("id")
            .asLong();
    String lane = "/api/targeting/assessments/" + id + "/lane";
    String decision = "{\"lane\":\"red\",\"comment\":\"look\"}";
    JsonNode en = refused(lane, "en", decision, 428);
    JsonNode ja = refused(lane, "ja", decision, 428);
    assertThat(en.get("message").asText())
        .isEqualTo(
            "name the version of the item the decision was taken on (expectedVersion: the item's"
                + " version, from GET /api/targeting/assessments/{id}), so that it cannot undo"
                + " another analyst's decision taken meanwhile");
    assertThat(ja.get("message").asText())
        .isEqualTo(
            "判断のもとにした項目の版を指定してください (expectedVersion: GET"
                + " /api/targeting/assessments/{id} で読んだ項目の版)。その間に他の分析官がした判断を取り消さないためです");
    for (JsonNode b : List.of(en, ja)) {
      assertThat(b.get("error").asText()).isEqualTo("precondition-required");
      assertThat(b.get("field").asText()).isEqualTo("expectedVersion");
    }
    // a worklist filter over the API, and a list import's mode
    JsonNode office =
        WebApi.JSON.readTree(
            api.send("GET", "/api/targeting/worklist?lang=ja&office=NOPE", analyst, null).body());
    assertThat(office.get("message").asText()).startsWith("「NOPE」は官署コードではありません");
    assertThat(office.get("field").asText()).isEqualTo("office");
  }
}
