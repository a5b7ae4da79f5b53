package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.Routes.RouteSpec;
import org.sekisho.platform.web.WebServer;

/**
 * Every page of the real server, opened in Chromium by every demo account it admits, runs under the
 * site-wide Content-Security-Policy without a violation: no page relies on an inline script, an
 * event-handler attribute or {@code eval}, which the policy blocks.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ContentSecurityPolicyTest {
  // kept to the password rules, as the demo's accounts are: "test" and "password" run together
  // are a common password once the hex holds no letter
  private static final String PASSWORD = "test-pw-" + Long.toHexString(System.nanoTime());

  // runs in every document before its own scripts (DevTools, not the page, so the policy does not
  // apply to it) and keeps what the browser reports as blocked
  private static final String LISTENER =
      "window.__csp = [];"
          + "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
          + "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at '"
          + " + e.sourceFile + ':' + e.lineNumber));";

  private WebServer web;
  private String base;
  private long record;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    Sekisho sekisho = new Sekisho(db, dir, Clock.systemUTC());
    DemoAccounts.registerAgencies(sekisho.agencies());
    String data =
        "{\"declarationId\":\"CSP1\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\","
            + "\"importer\":{\"kind\":\"company\",\"name\":\"Sakura Bussan KK\","
            + "\"phone\":\"+81 3 1234 5678\",\"country\":\"JP\"},"
            + "\"items\":[{\"hsCode\":\"090121\",\"description\":\"roasted coffee\","
            + "\"origin\":\"BR\"}]}\n";
    sekisho
        .ingest()
        .ingest(
            RecordKind.DECLARATION,
            "json",
            "test",
            new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)),
            new Actor("system:test", "customs-jp", true))
        .orElseThrow();
    DemoAccounts.install(sekisho.accounts(), PASSWORD);
    web = sekisho.serve("127.0.0.1", 0);
    base = "http://127.0.0.1:" + web.port();
    record =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from intel.record where source_id = 'CSP1'")
                        .mapTo(Long.class)
                        .one());
  }

  @AfterAll
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  @Test
  void pagesApiAnswersAndErrorsAllCarryThePolicy() throws Exception {
    for (String path : List.of("/login", "/health", "/api/me", "/no-such-page", "/declaration")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(path + " (" + r.statusCode() + ")")
          .hasValueSatisfying(
              v -> assertThat(v).contains("script-src 'self';").contains("object-src 'none'"));
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void everyPageRunsWithoutAPolicyViolationForEveryAccountItAdmits() {
    List<String> violations = new ArrayList<>();
    int opened = 0;
    boolean detectionChecked = false;
    java.util.Set<java.util.Set<org.sekisho.platform.auth.Role>> tried = new java.util.HashSet<>();
    for (DemoAccounts.Demo account : DemoAccounts.ALL) {
      List<String> pages = pagesFor(account);
      // one account per set of roles: the same pages would show the same markup
      if (pages.isEmpty() || !tried.add(account.roles())) {
        continue;
      }
      WebDriver driver = Chromium.start();
      try {
        ((ChromeDriver) driver)
            .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
        signIn(driver, account.username());
        for (String page : pages) {
          driver.get(base + page);
          new WebDriverWait(driver, Duration.ofSeconds(20))
              .until(
                  d ->
                      "complete"
                          .equals(
                              ((JavascriptExecutor) d)
                                  .executeScript("return document.readyState")));
          if (!detectionChecked) {
            // the listener does hear the policy: an inline script added now is blocked and heard
            ((JavascriptExecutor) driver)
                .executeScript(
                    "const s = document.createElement('script');"
                        + " s.textContent = 'window.__ran = true';"
                        + " document.body.appendChild(s);");
            Object heard =
                new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(
                        d ->
                            ((JavascriptExecutor) d)
                                .executeScript("return window.__csp.length > 0 ? 1 : null"));
            assertThat(heard).isNotNull();
            assertThat(((JavascriptExecutor) driver).executeScript("return window.__ran")).isNull();
            ((JavascriptExecutor) driver).executeScript("window.__csp = []");
            detectionChecked = true;
          }
          @SuppressWarnings("unchecked")
          List<Object> seen =
              (List<Object>)
                  ((JavascriptExecutor) driver).executeScript("return window.__csp || []");
          for (Object v : seen) {
            violations.add(account.username() + " " + page + ": " + v);
          }
          opened++;
        }
      } finally {
        driver.quit();
      }
    }
    assertThat(detectionChecked).isTrue();
    assertThat(opened).isGreaterThan(20);
    assertThat(violations).isEmpty();
  }

  /** The pages (GET routes answered in HTML) the account's roles admit, with a real record id. */
  private List<String> pagesFor(DemoAccounts.Demo account) {
    List<String> out = new ArrayList<>();
    for (RouteSpec spec : web.routes()) {
      String path = spec.path();
      if (!spec.method().equals("GET")
          || path.startsWith("/api/")
          || path.equals("/logout")
          || path.equals("/login")
          || path.equals("/health")
          || path.equals("/metrics")
          || path.endsWith(".json")
          || path.endsWith(".csv")
          || !(spec.access() instanceof Access.AnyOf any)
          || account.roles().stream().noneMatch(any.roles()::contains)) {
        continue;
      }
      if (path.equals("/records/{id}")) {
        out.add("/records/" + record);
      } else if (!path.contains("{")) {
        out.add(path);
      }
    }
    return out;
  }

  private void signIn(WebDriver driver, String username) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(base + "/login");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.id("login-submit")).click();
    // the start page differs by role (the kiosk's has no user menu): wait to leave the form
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
  }
}
