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
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * Targeting's audit entries say what was decided by ids and figures: an assessment its lane, score,
 * the criteria that hit and the versions used; a dry run the criterion it ran and the window it
 * read; a lane decision its number; never a party's name or an analyst's free text.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AuditDetailTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private TargetingServer server;
  private static final String OFFICE = "JPTYO-AIR";

  private WebApi api;
  private WebServer web;
  private TargetingContext targeting;
  private Database db;
  private String base;
  private String analyst;
  private String admin;

  private static final RiskScorer MODEL =
      new RiskScorer() {
        @Override
        public ModelScore score(DeclarationView d) {
          return new ModelScore(0.25, "model-7");
        }

        @Override
        public List<String> explain(DeclarationView d, int max) {
          return List.of();
        }
      };

  private static final String COFFEE =
      "criterion \"Cheap coffee\" when hs starts with \"0901\" and value_per_kg < 200 then lane red"
          + " weight 40 because \"coffee declared far below market price\"";

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = TargetingServer.start(db, dir, MODEL, PASSWORD, OFFICE);
    targeting = server.targeting();
    web = server.web();
    base = server.base();
    api = server.api();
    analyst = server.analyst();
    admin = server.admin();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private List<String> audited(String action) {
    List<String> out =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select subject || ' ' || details from platform.audit_log where"
                                + " action = :a order by seq")
                        .bind("a", action)
                        .mapTo(String.class)
                        .list());
    return out;
  }

  /** POSTs a page's form, signed in with a bearer token. */
  private HttpResponse<String> form(String path, String token, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void anAssessmentsEntryNamesItsLaneScoreCriteriaAndVersionsButNoParty() throws Exception {
    JsonNode saved = api.saveCriterion(analyst, COFFEE);
    api.ok(api.send("POST", WebApi.releasePath(saved), admin, null));
    String key = saved.get("key").asText();
    JsonNode a =
        api.ok(
            api.send(
                "POST",
                "/api/assess",
                analyst,
                TargetingWebTest.declaration("D-AUD-1", "IMP-AUD", "TH", "800", "10")));
    assertThat(a.get("hits").get(0).get("criterion").asText()).isEqualTo(key);
    String score = Double.toString(Math.round(a.get("score").asDouble() * 100) / 100.0);
    assertThat(audited("targeting.assess"))
        .filteredOn(e -> e.startsWith("declaration:D-AUD-1 "))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith("declaration:D-AUD-1 ")
                    .contains(
                        "\"lane\":\"" + a.get("lane").asText() + "\"",
                        "\"score\":\"" + score + "\"",
                        "\"hits\":\"" + key + "\"",
                        "\"criteria\":\"" + a.get("versions").get("criteria").asText() + "\"",
                        "\"model\":\"model-7\"",
                        "\"basis\":\"")
                    .doesNotContain("サクラ", "Golden Lotus", "IMP-AUD"));
    // sent again: the entry says the same, with the lane in force and the assessment answered
    api.ok(
        api.send(
            "POST",
            "/api/assess",
            analyst,
            TargetingWebTest.declaration("D-AUD-1", "IMP-AUD", "TH", "800", "10")));
    assertThat(audited("targeting.assess"))
        .filteredOn(e -> e.startsWith("declaration:D-AUD-1 "))
        .hasSize(2)
        .last()
        .satisfies(
            e ->
                assertThat(e)
                    .contains(
                        "\"score\":\"" + score + "\"",
                        "\"sentAgain\":\"true\"",
                        "\"assessment\":\"assessment:" + a.get("id").asLong() + "\""));
  }

  @Test
  void aDryRunsEntryNamesTheCriterionAndTheWindowItRead() throws Exception {
    JsonNode saved =
        api.saveCriterion(
            analyst,
            "criterion \"Tea\" when hs starts with \"0902\" then lane yellow because \"cheap tea\"");
    long id = saved.get("id").asLong();
    String tea =
        "criterion \"Tea\" when hs starts with \"0902\" then lane red because \"cheap tea\"";
    api.ok(
        api.send(
            "POST",
            "/api/targeting/criteria/dry-run",
            analyst,
            WebApi.JSON.writeValueAsString(Map.of("source", tea, "days", 7))));
    api.ok(
        api.send(
            "POST",
            "/api/targeting/criteria/dry-run",
            analyst,
            WebApi.JSON.writeValueAsString(
                Map.of(
                    "source",
                    "criterion \"Brand new\" when hs starts with \"01\" then lane red because"
                        + " \"live animals\"",
                    "offices",
                    List.of(OFFICE)))));
    assertThat(
            form(
                    "/targeting/criteria/dry-run",
                    analyst,
                    "id=" + id + "&days=3&source=" + URLEncoder.encode(tea, StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            form(
                    "/targeting/criteria/"
                        + id
                        + "/versions/"
                        + saved.get("version").asInt()
                        + "/dry-run",
                    admin,
                    "days=30")
                .statusCode())
        .isEqualTo(200);
    List<String> runs = audited("targeting.criterion.dry-run");
    assertThat(runs).hasSize(4);
    // the API's run of a new version of "Tea" is filed under Tea
    assertThat(runs.get(0))
        .startsWith("criterion:c" + id + " ")
        .contains("\"days\":\"7\"", "\"from\":\"", "\"to\":\"", "\"examined\":\"", "\"hits\":\"")
        .contains("\"offices\":\"all\"", "\"saved\":\"false\"");
    assertThat(runs.get(1))
        .startsWith("criterion:unsaved ")
        .contains("\"offices\":\"" + OFFICE + "\"", "\"from\":\"");
    assertThat(runs.get(2)).startsWith("criterion:c" + id + " ").contains("\"days\":\"3\"");
    assertThat(runs.get(3))
        .startsWith("criterion:" + saved.get("key").asText() + " ")
        .contains("\"days\":\"30\"", "\"from\":\"", "\"to\":\"");
    // the digest a run gives is the one the version saved from the same text is audited with
    String digest = runs.get(0).replaceAll(".*\"text\":\"([0-9a-f]+)\".*", "$1");
    assertThat(digest).hasSize(16);
    JsonNode teaV2 =
        api.ok(
            api.send(
                "POST",
                "/api/targeting/criteria",
                analyst,
                WebApi.JSON.writeValueAsString(Map.of("id", id, "source", tea))));
    assertThat(audited("targeting.criterion.save"))
        .filteredOn(e -> e.startsWith("criterion:" + teaV2.get("key").asText() + " "))
        .singleElement()
        .satisfies(e -> assertThat(e).contains("\"text\":\"" + digest + "\""));
  }

  @Test
  void aLaneDecisionsEntryNamesItsNumberAndNotTheCommentsWords() throws Exception {
    JsonNode a =
        api.ok(
            api.send(
                "POST",
                "/api/assess",
                analyst,
                TargetingWebTest.declaration("D-AUD-2", "IMP-AUD2", "TH", "9000", "10")));
    long id = a.get("id").asLong();
    api.ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + id + "/lane",
            analyst,
            "{\"lane\":\"red\",\"comment\":\"importer Taro Yamada is known\",\"expectedVersion\":0}"));
    assertThat(audited("targeting.lane.decide"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith("assessment:" + id + " ")
                    .contains("\"version\":\"1\"", "\"commentChars\":\"29\"", "\"to\":\"red\"")
                    .doesNotContain("Yamada"));
  }
}
