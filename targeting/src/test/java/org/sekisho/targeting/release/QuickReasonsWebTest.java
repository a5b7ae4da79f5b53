package org.sekisho.targeting.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.web.WebApi;

/**
 * The server as the application wires it (exact reasons on the background worker) with a released
 * model: a referral is answered with the model's quick reasons at once, and the exact SHAP reasons
 * replace them in the stored assessment moments later.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class QuickReasonsWebTest {
  private static final ObjectMapper JSON = WebApi.JSON;
  private static final String PASSWORD = "quick-reasons-pass-1";
  private TargetingContext targeting;
  private WebServer web;
  private WebApi api;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    Path model = TestModels.train(dir.resolve("m"), 3);
    Clock clock = Clock.systemUTC();
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    AuditLog audit = new AuditLog(db.jdbi());
    Accounts accounts = WebApi.analystAndTwoAdmins(db, clock, PASSWORD, "30");
    // the application's constructor: referrals' exact reasons are computed by the worker
    targeting = new TargetingContext(db, audit, clock, dir.resolve("data"));
    targeting.start();
    WebApi.registerByAda(targeting, model, 0.9);
    web = WebApi.start(targeting, accounts, audit, clock);
    api = new WebApi("http://127.0.0.1:" + web.port());
  }

  @AfterAll
  void stop() {
    if (web != null) {
      web.close();
    }
    if (targeting != null) {
      targeting.close();
    }
  }

  @Test
  void aReferralIsAnsweredWithQuickReasonsAndTheExactOnesReplaceThem() throws Exception {
    String analyst = login("analyst");
    String ada = login("ada");
    String ben = login("ben");
    assertThat(send("POST", "/api/targeting/models/1/approve", ben, null).statusCode())
        .isEqualTo(200);
    assertThat(send("POST", "/api/targeting/models/1/release", ada, null).statusCode())
        .isEqualTo(200);
    // every declaration is referred, so the model's reasons are asked for
    JsonNode saved =
        api.saveCriterion(
            analyst, "criterion \"All\" when items > 0 then lane red because \"every one\"");
    ok(send("POST", WebApi.releasePath(saved), ada, null));

    JsonNode a =
        ok(
            send(
                "POST",
                "/api/assess",
                analyst,
                "{\"declarationId\":\"Q-1\",\"date\":\"2021-01-04\",\"office\":\"30\","
                    + "\"importer\":{\"id\":\"IMP9\"},\"countryOfDeparture\":\"CN\",\"items\":"
                    + "[{\"hsCode\":\"854231\",\"origin\":\"CN\",\"netMassKg\":\"12.5\","
                    + "\"customsValue\":\"4100\"}]}"));
    assertThat(a.get("lane").asText()).as(a.toString()).isEqualTo("red");
    assertThat(a.get("modelReasons")).as(a.toString()).isNotEmpty();
    a.get("modelReasons").forEach(r -> assertThat(r.asText()).endsWith(", path contributions)"));
    assertThat(a.get("modelReasonsPending").asBoolean()).isTrue();

    // the worker replaces them with exact SHAP reasons in the stored assessment
    String path = "/api/targeting/assessments/" + a.get("id").asLong();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonNode stored = ok(send("GET", path, analyst, null));
    while (!stored.get("reasons").toString().contains("exact SHAP") && System.nanoTime() < until) {
      Thread.sleep(100);
      stored = ok(send("GET", path, analyst, null));
    }
    assertThat(stored.get("reasons").toString())
        .as(stored.toString())
        .contains("exact SHAP")
        .doesNotContain("path contributions")
        .contains("every one");
    assertThat(stored.get("modelReasonsPending").asBoolean()).as(stored.toString()).isFalse();
  }

  private String login(String user) throws Exception {
    return api.login(user, PASSWORD);
  }

  private JsonNode ok(HttpResponse<String> r) throws Exception {
    return api.ok(r);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }
}
