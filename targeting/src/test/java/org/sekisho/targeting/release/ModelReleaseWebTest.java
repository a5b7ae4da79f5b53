package org.sekisho.targeting.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.release.application.ModelLifecycle;
import org.sekisho.targeting.web.WebApi;

/**
 * The registry over HTTP on the real server: analysts see the models but only administrators act,
 * the registrar cannot approve, a release switches {@code POST /api/assess} to the new model at
 * once, and the admin page lists the figures with CSRF-protected buttons.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ModelReleaseWebTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebApi api;
  private TargetingContext targeting;
  private WebServer web;
  private String base;
  private String analyst;
  private String ada;
  private String ben;
  private String modelId;
  private Path second;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    Path model = TestModels.train(dir.resolve("m"), 3);
    second = TestModels.train(dir.resolve("m2"), 4);
    modelId = JSON.readTree(model.resolve("manifest.json").toFile()).get("versionId").asText();
    Clock clock = Clock.systemUTC();
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    AuditLog audit = new AuditLog(db.jdbi());
    Accounts accounts = WebApi.analystAndTwoAdmins(db, clock, PASSWORD, "X");
    targeting = new TargetingContext(db, audit, clock, dir.resolve("data"), RiskScorer.NONE);
    targeting.start();
    WebApi.registerByAda(targeting, model, 0.9);
    web = WebApi.start(targeting, accounts, audit, clock);
    base = "http://127.0.0.1:" + web.port();
    api = new WebApi(base);
    analyst = login("analyst");
    ada = login("ada");
    ben = login("ben");
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

  private String login(String user) throws Exception {
    return api.login(user, PASSWORD);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }

  @Test
  @Order(1)
  void analystsSeeTheModelsButOnlyAdministratorsAct() throws Exception {
    HttpResponse<String> list = send("GET", "/api/targeting/models", analyst, null);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode m = JSON.readTree(list.body()).get(0);
    assertThat(m.get("version").asInt()).isEqualTo(1);
    assertThat(m.get("status").asText()).isEqualTo("evaluated");
    assertThat(m.at("/figures/precision/5").asDouble()).isEqualTo(0.9);
    assertThat(m.get("inUse").asBoolean()).isFalse();
    assertThat(send("POST", "/api/targeting/models/1/approve", analyst, null).statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/targeting/models/1/release", analyst, null).statusCode())
        .isEqualTo(403);
    assertThat(send("GET", "/targeting/models", analyst, null).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/targeting/models", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void theRegistrarCannotApproveAndNothingIsReleasedBeforeApproval() throws Exception {
    HttpResponse<String> self = send("POST", "/api/targeting/models/1/approve", ada, null);
    assertThat(self.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(self.body()).get("message").asText())
        .contains("another administrator");
    HttpResponse<String> early = send("POST", "/api/targeting/models/1/release", ben, null);
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(send("POST", "/api/targeting/models/9/approve", ben, null).statusCode())
        .isEqualTo(404);
    // the models page says each refusal in the reader's language; the API keeps the English
    var ja =
        new org.sekisho.platform.i18n.Messages(
            java.util.Locale.JAPANESE, java.util.List.of("i18n.targeting"));
    var en =
        new org.sekisho.platform.i18n.Messages(
            java.util.Locale.ENGLISH, java.util.List.of("i18n.targeting"));
    // each refusal as the use case gives it (with the wording a page says it by, which the API
    // does not answer): asked again, it refuses again, as the API answered
    var models = targeting.modelLifecycle();
    var asAda = new org.sekisho.targeting.release.application.ModelLifecycle.Actor("ada", "X");
    var asBen = new org.sekisho.targeting.release.application.ModelLifecycle.Actor("ben", "X");
    Map<HttpResponse<String>, org.sekisho.core.Outcome<?>> refusals =
        new java.util.LinkedHashMap<>();
    refusals.put(self, models.approve(1, asAda));
    refusals.put(early, models.release(1, asBen));
    refusals.put(
        send("POST", "/api/targeting/models/9/approve", ben, null), models.approve(9, asBen));
    refusals.put(
        send("POST", "/api/targeting/models/1/restore", ben, null), models.restore(1, asBen));
    for (var refusal : refusals.entrySet()) {
      JsonNode b = JSON.readTree(refusal.getKey().body());
      org.sekisho.core.Problem p = refusal.getValue().problems().getFirst();
      assertThat(List.of(p.code(), p.field(), p.message()))
          .isEqualTo(
              List.of(
                  b.get("error").asText(),
                  b.get("field").isNull() ? "" : b.get("field").asText(),
                  b.get("message").asText()));
      assertThat(org.sekisho.targeting.adapter.web.PageProblems.message(ja, p))
          .as(p.toString())
          .hasValueSatisfying(
              m -> assertThat(m).doesNotContain(p.message()).doesNotContain("targeting."));
      assertThat(org.sekisho.targeting.adapter.web.PageProblems.message(en, p))
          .hasValue(p.message());
    }
    HttpResponse<String> page =
        api.form("/targeting/models/1/approve?lang=ja", ada, java.util.Map.of());
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("ada がモデル版 1 を登録しました。承認は別の管理者が行います");
    // the API says them in the reader's language too, code and field as in English
    Map<String, List<String>> japanese = new java.util.LinkedHashMap<>();
    japanese.put("1/approve", List.of("ada", "403", "ada がモデル版 1 を登録しました。承認は別の管理者が行います"));
    japanese.put("9/approve", List.of("ben", "404", "モデル版 9 はありません"));
    japanese.put("x/release", List.of("ben", "400", "整数を入力してください"));
    for (var j : japanese.entrySet()) {
      String token = j.getValue().get(0).equals("ada") ? ada : ben;
      String path = "/api/targeting/models/" + j.getKey();
      HttpResponse<String> inEnglish = send("POST", path + "?lang=en", token, null);
      HttpResponse<String> inJapanese = send("POST", path + "?lang=ja", token, null);
      assertThat(inJapanese.statusCode())
          .as(inJapanese.body())
          .isEqualTo(Integer.parseInt(j.getValue().get(1)))
          .isEqualTo(inEnglish.statusCode());
      JsonNode jb = JSON.readTree(inJapanese.body());
      JsonNode eb = JSON.readTree(inEnglish.body());
      assertThat(jb.get("message").asText()).isEqualTo(j.getValue().get(2));
      assertThat(jb.get("error")).isEqualTo(eb.get("error"));
      assertThat(jb.get("field")).isEqualTo(eb.get("field"));
      assertThat(eb.get("message").asText()).doesNotContain(j.getValue().get(2));
    }
  }

  @Test
  @Order(3)
  void aReleaseSwitchesTheAssessmentApiToTheModelAtOnce() throws Exception {
    String decl =
        "{\"declarationId\":\"W-%s\",\"date\":\"2021-01-04\",\"office\":\"30\","
            + "\"importer\":{\"id\":\"IMP9\"},\"countryOfDeparture\":\"CN\",\"items\":[{\"hsCode\":"
            + "\"854231\",\"origin\":\"CN\",\"netMassKg\":\"12.5\",\"customsValue\":\"4100\"}]}";
    JsonNode before = JSON.readTree(send("POST", "/api/assess", ada, decl.formatted("1")).body());
    assertThat(before.at("/versions/model").asText()).isEmpty();
    HttpResponse<String> ok = send("POST", "/api/targeting/models/1/approve", ben, null);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("approvedBy").asText()).isEqualTo("ben");
    // approved is not in use: nothing is released yet
    assertThat(JSON.readTree(ok.body()).get("inUse").asBoolean()).isFalse();
    HttpResponse<String> rel = send("POST", "/api/targeting/models/1/release", ada, null);
    assertThat(rel.statusCode()).as(rel.body()).isEqualTo(200);
    assertThat(JSON.readTree(rel.body()).get("status").asText()).isEqualTo("released");
    assertThat(JSON.readTree(rel.body()).get("inUse").asBoolean()).isTrue();
    JsonNode after = JSON.readTree(send("POST", "/api/assess", ada, decl.formatted("2")).body());
    assertThat(after.at("/versions/model").asText()).isEqualTo(modelId);
    assertThat(after.get("modelProbability").asDouble()).isGreaterThan(0);
    JsonNode listed = JSON.readTree(send("GET", "/api/targeting/models", analyst, null).body());
    assertThat(listed.get(0).get("inUse").asBoolean()).isTrue();
  }

  @Test
  @Order(4)
  void anAdministratorApprovesReleasesAndRestoresWithThePageButtonsInChromium() throws Exception {
    targeting
        .modelLifecycle()
        .register(
            second,
            new RankingFigures(1000, 200, java.util.Map.of(5, 0.95), java.util.Map.of(5, 0.2), 0.8),
            // as risk register names the file: with its full sha256, which must not widen the page
            "valid-1000.csv (sha256 " + "0123456789abcdef".repeat(4) + ", 1000 rows)",
            new ModelLifecycle.Actor("ben", "jc"))
        .orElseThrow();
    HttpResponse<String> page = send("GET", "/targeting/models", ada, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("models-table", modelId, "0.900", "0.950", "_csrf");
    // the figures risk train measured before any refit, labelled as such, beside the registered
    assertThat(page.body())
        .contains("class=\"early-stopping\"", "early stopping on valid-1000.csv");
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base + "/targeting/models");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("ada");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      // at 1400 px the whole table fits: the hash wraps or is shortened, the buttons are in view
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
      wait.until(ExpectedConditions.elementToBeClickable(By.id("approve-2")));
      var js = (org.openqa.selenium.JavascriptExecutor) driver;
      assertThat(
              ((Number)
                      js.executeScript(
                          "return document.documentElement.scrollWidth - window.innerWidth"))
                  .longValue())
          .as("page wider than the window")
          .isLessThanOrEqualTo(0);
      assertThat(
              ((Number)
                      js.executeScript(
                          "return document.getElementById('approve-2').getBoundingClientRect()"
                              + ".right - window.innerWidth"))
                  .doubleValue())
          .isLessThanOrEqualTo(0);
      assertThat(
              driver
                  .findElement(By.cssSelector("tr.model[data-version='2'] .model-status"))
                  .getSize()
                  .getWidth())
          .as("status column")
          .isGreaterThan(40);
      wait.until(ExpectedConditions.elementToBeClickable(By.id("approve-2"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("release-2"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("restore-1")));
      assertThat(targeting.releasedModel().running().version()).isEqualTo(2);
      driver.findElement(By.id("restore-1")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("restore-2")));
      assertThat(
              driver
                  .findElement(By.cssSelector("tr.model[data-version='1'] .model-status"))
                  .getText())
          .contains("released", "in use");
      // approved and released when, as registered: the administration's time, not a UTC instant
      String times = driver.findElement(By.cssSelector("tr.model[data-version='2']")).getText();
      assertThat(times).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:");
      assertThat(times.split("JST", -1)).hasSizeGreaterThanOrEqualTo(4);
    } finally {
      driver.quit();
    }
    assertThat(targeting.releasedModel().running().version()).isEqualTo(1);
  }
}
