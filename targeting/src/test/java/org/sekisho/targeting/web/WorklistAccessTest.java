package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
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
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * The worklist page admits whom its API admits: analysts every office, inspectors their own; an
 * analyst asking for the referrals page is sent to the worklist's referred items.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorklistAccessTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private TargetingServer server;
  private WebServer web;
  private WebApi api;
  private String analyst;
  private String inspector;
  private String admin;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir, RiskScorer.NONE, PASSWORD, "JPYOK");
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

  private int status(String path, String token) throws Exception {
    return api.send("GET", path, token, null).statusCode();
  }

  @Test
  void anInspectorReadsTheWorklistOfTheirOfficeOnThePageAsThroughTheApi() throws Exception {
    for (String path :
        List.of("/targeting/worklist", "/targeting/worklist/rows", "/api/targeting/worklist")) {
      assertThat(status(path, inspector)).as(path).isEqualTo(200);
      assertThat(status(path + "?office=JPYOK", inspector)).as(path).isEqualTo(200);
      assertThat(status(path + "?office=JPOSA", inspector)).as(path).isEqualTo(403);
      assertThat(status(path + "?office=JPOSA", analyst)).as(path).isEqualTo(200);
      assertThat(status(path, admin)).as(path).isEqualTo(403);
    }
    String page = api.send("GET", "/targeting/worklist", inspector, null).body();
    // their office, and no link to the analysts' selectivity page
    assertThat(page).contains("value=\"JPYOK\"").doesNotContain("selectivity-link");
  }

  @Test
  void anAnalystAskingForReferralsIsSentToTheWorklistsReferredItems() throws Exception {
    HttpResponse<String> r = api.send("GET", "/targeting/referrals", analyst, null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/targeting/worklist?status=referred");
    assertThat(status("/targeting/referrals", inspector)).isEqualTo(200);
    assertThat(status("/targeting/referrals", admin)).isEqualTo(403);
    assertThat(status("/targeting/referrals/rows", admin)).isEqualTo(403);
  }

  @Test
  void theApisRefusalsFollowTheReadersLanguageAndEnglishKeepsItsWords() throws Exception {
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    com.fasterxml.jackson.databind.JsonNode a =
        api.ok(
            api.send(
                "POST",
                "/api/assess",
                analyst,
                ("{\"declarationId\":\"LANG-1\",\"type\":\"IM\",\"date\":\"%s\","
                        + "\"office\":\"JPYOK\",\"importer\":{\"name\":\"Sakura\"},"
                        + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\","
                        + "\"netMassKg\":\"10\",\"customsValue\":\"5000\","
                        + "\"currency\":\"JPY\"}]}")
                    .formatted(today)));
    String lane = "/api/targeting/assessments/" + a.get("id").asLong() + "/lane";
    String purple = "{\"lane\":\"purple\",\"comment\":\"looks wrong\",\"expectedVersion\":0}";
    String terse = "{\"lane\":\"red\",\"comment\":\"x\",\"expectedVersion\":0}";
    java.util.Map<String, String[]> expected =
        java.util.Map.of(
            purple,
            new String[] {
              "invalid-lane", "lane", "expected red, yellow, blue or green", "区分を選んでください"
            },
            terse,
            new String[] {"comment-required", "comment", "", "文字以上のコメント"});
    for (var e : expected.entrySet()) {
      String[] x = e.getValue();
      com.fasterxml.jackson.databind.JsonNode en =
          WebApi.JSON.readTree(api.send("POST", lane, analyst, e.getKey()).body());
      com.fasterxml.jackson.databind.JsonNode enAsked =
          WebApi.JSON.readTree(api.send("POST", lane + "?lang=en", analyst, e.getKey()).body());
      HttpResponse<String> jaAnswer = api.send("POST", lane + "?lang=ja", analyst, e.getKey());
      assertThat(jaAnswer.statusCode()).isEqualTo(400);
      com.fasterxml.jackson.databind.JsonNode ja = WebApi.JSON.readTree(jaAnswer.body());
      assertThat(en.get("error").asText()).isEqualTo(x[0]);
      assertThat(en.get("field").asText()).isEqualTo(x[1]);
      assertThat(en.get("message").asText()).contains(x[2]).doesNotContain(x[3]);
      // English asked for is English as before, word for word
      assertThat(enAsked).isEqualTo(en);
      assertThat(ja.get("error").asText()).isEqualTo(x[0]);
      assertThat(ja.get("field").asText()).isEqualTo(x[1]);
      assertThat(ja.get("message").asText()).contains(x[3]);
      assertThat(ja.get("problems").get(0).get("message").asText()).contains(x[3]);
    }
    // a refusal thrown by the web module: an assessment not found
    com.fasterxml.jackson.databind.JsonNode missing =
        WebApi.JSON.readTree(
            api.send("GET", "/api/targeting/assessments/987654?lang=ja", analyst, null).body());
    assertThat(missing.get("message").asText()).contains("審査 987654 は見つかりません");
    com.fasterxml.jackson.databind.JsonNode missingEn =
        WebApi.JSON.readTree(
            api.send("GET", "/api/targeting/assessments/987654", analyst, null).body());
    assertThat(missingEn.get("message").asText()).doesNotContain("審査");
    assertThat(missingEn.get("error")).isEqualTo(missing.get("error"));
  }
}
