package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.passenger.PassengerServer;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * In Chromium: a second member of the PNR unit refuses a request to unmask a masked booking version
 * with a reason; the request leaves the pending list for the history, and the member who asked
 * finds who refused it, when and why among their own requests, with nothing left to approve; a
 * member asks from the traveller page (a reason too short is refused and kept), a second approves,
 * and the one who asked reads the data from the link beside the request.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class UnmaskingBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REFUSAL = "no court order on file for case 2026/88";
  private static Database db;
  private static final String PASSWORD = PassengerServer.PASSWORD;
  private static PassengerServer fixture;
  private static WebServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) {
    db = database;
    fixture =
        PassengerServer.start(db, Clock.systemUTC(), "unmasking-browser-test", "JP")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq")
            .account("pnr2", "Ren Abe", Role.PNR_UNIT, "customs", "hq");
    server = fixture.web();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static String token(String user) throws Exception {
    return fixture.token(user);
  }

  private static HttpResponse<String> post(String path, String token, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void signIn(WebDriver driver, WebDriverWait wait, String user, String next) {
    driver.manage().deleteAllCookies();
    driver.get(base() + "/login?next=" + next);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.id("login-submit")).click();
  }

  private static WebElement row(WebDriver driver, String table, long id) {
    return driver.findElement(By.cssSelector("#" + table + " tr[data-id='" + id + "']"));
  }

  @Test
  void aSecondMemberRefusesWithAReasonAndTheRequesterSeesWhoRefusedWhenAndWhy() throws Exception {
    String pnr = token("pnr");
    assertThat(post("/api/pnr", pnr, Corpus.text("loader-pnr/pnr4.txt")).statusCode())
        .isEqualTo(200);
    new JdbcPnrStore(db.jdbi()).maskReceivedBefore(Instant.now().plusSeconds(60));
    HttpResponse<String> asked =
        post("/api/pnr/UA/0995F0/1/unmask", pnr, "case 2026/88 currency smuggling");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    long id = JSON.readTree(asked.body()).get("requestId").asLong();

    WebDriver driver = Chromium.start("--window-size=1400,1400");
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      signIn(driver, wait, "pnr2", "/screening/unmasking");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unmask-requests")));
      WebElement pending = row(driver, "unmask-requests", id);
      assertThat(pending.getText()).contains("case 2026/88 currency smuggling").contains("pnr");
      pending.findElement(By.cssSelector("input.refusal-reason")).sendKeys(REFUSAL);
      pending.findElement(By.cssSelector("button.refuse-unmask")).click();
      wait.ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  !d.findElements(By.cssSelector("#unmask-history tr[data-id='" + id + "']"))
                      .isEmpty());
      assertThat(driver.findElements(By.cssSelector("#unmask-requests tr[data-id='" + id + "']")))
          .isEmpty();
      WebElement decided = row(driver, "unmask-history", id);
      assertThat(decided.findElement(By.cssSelector(".unmask-status")).getText())
          .isEqualTo("Refused");
      assertThat(decided.findElement(By.cssSelector(".decided-by")).getText()).startsWith("pnr2");
      assertThat(decided.findElement(By.cssSelector(".refusal-reason-text")).getText())
          .isEqualTo(REFUSAL);

      // the one who asked: their request, refused, by whom, when and why; nothing to approve
      signIn(driver, wait, "pnr", "/screening/unmasking?lang=ja");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-unmask-requests")));
      WebElement mine = row(driver, "my-unmask-requests", id);
      assertThat(mine.getAttribute("class")).contains("unmask-refused");
      assertThat(mine.findElement(By.cssSelector(".unmask-status")).getText()).isEqualTo("却下");
      assertThat(mine.findElement(By.cssSelector(".decided-by")).getText()).startsWith("pnr2 · ");
      assertThat(mine.findElement(By.cssSelector(".refusal-reason-text")).getText())
          .isEqualTo(REFUSAL);
      assertThat(driver.findElements(By.cssSelector("button.approve-unmask"))).isEmpty();
    } finally {
      driver.quit();
    }
    HttpResponse<String> approve = post("/api/pnr-unmask/" + id + "/approve", token("pnr2"), "");
    assertThat(approve.statusCode()).isEqualTo(409);
    long refusals =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action ="
                                + " 'pnr.unmask.refuse' and actor = 'pnr2' and details like"
                                + " '%refused%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(refusals).isEqualTo(1);
  }

  @Test
  void aMemberAsksFromTheTravellerPageWithAReasonASecondApprovesAndTheAskerReadsTheData()
      throws Exception {
    String pnr = token("pnr");
    // pnr1.txt (DL/MFN4TI) moved to December 2027: its version is masked (received before the
    // cut-off) while its flight, leaving after it, keeps its travellers and their page
    assertThat(
            post("/api/pnr", pnr, Corpus.text("loader-pnr/pnr1.txt").replace("1210", "1227"))
                .statusCode())
        .isEqualTo(200);
    new JdbcPnrStore(db.jdbi()).maskReceivedBefore(Instant.now().plusSeconds(60));
    JsonNode flight = null;
    for (JsonNode f :
        JSON.readTree(get("/api/screening/flights?from=2027-12-12&to=2027-12-12", pnr).body())
            .get("flights")) {
      if (f.get("flight").asText().equals("DL0324")) {
        flight = f;
      }
    }
    assertThat(flight).isNotNull();
    long flightId = flight.get("id").asLong();
    String key = null;
    for (JsonNode t :
        JSON.readTree(get("/api/screening/flights/" + flightId, pnr).body()).get("travellers")) {
      if (t.get("booking").asText().equals("DL/MFN4TI") && t.get("source").asText().equals("PNR")) {
        key = t.get("key").asText();
      }
    }
    assertThat(key).as(get("/api/screening/flights/" + flightId, pnr).body()).isNotNull();
    String page =
        "/screening/flights/"
            + flightId
            + "/traveller?key="
            + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);

    WebDriver driver = Chromium.start("--window-size=1400,1400");
    long id;
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      signIn(driver, wait, "pnr", page);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unmask-1")));
      assertThat(driver.findElement(By.id("booking-details")).getText()).contains("***");
      // the server refuses a reason too short (the browser would, too: its check is lifted here)
      ((org.openqa.selenium.JavascriptExecutor) driver)
          .executeScript(
              "document.querySelectorAll('input.unmask-reason').forEach(i => {"
                  + " i.removeAttribute('required'); i.removeAttribute('minlength'); })");
      driver.findElement(By.cssSelector("#unmask-1 input.unmask-reason")).sendKeys("case 1");
      driver.findElement(By.cssSelector("#unmask-1 button.ask-unmask")).click();
      wait.ignoring(StaleElementReferenceException.class)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("ask-unmask-error")));
      assertThat(driver.findElement(By.id("ask-unmask-error")).getText())
          .contains("at least 10 characters");
      WebElement reason = driver.findElement(By.cssSelector("#unmask-1 input.unmask-reason"));
      assertThat(reason.getAttribute("value")).isEqualTo("case 1");
      reason.sendKeys(" of 2026/120, prosecutor order");
      driver.findElement(By.cssSelector("#unmask-1 button.ask-unmask")).click();
      wait.ignoring(StaleElementReferenceException.class)
          .until(d -> !d.findElements(By.cssSelector("#unmask-1 .my-unmask-request")).isEmpty());
      WebElement asked = driver.findElement(By.cssSelector("#unmask-1 .my-unmask-request"));
      assertThat(asked.getAttribute("class")).contains("unmask-pending");
      id = Long.parseLong(asked.getAttribute("data-id"));
      // one request at a time: no second form while it awaits a decision
      assertThat(driver.findElements(By.cssSelector("#unmask-1 form.ask-unmask-form"))).isEmpty();

      signIn(driver, wait, "pnr2", "/screening/unmasking");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unmask-requests")));
      WebElement pending = row(driver, "unmask-requests", id);
      assertThat(pending.getText()).contains("case 1 of 2026/120, prosecutor order");
      pending.findElement(By.cssSelector("button.approve-unmask")).click();
      wait.ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  !d.findElements(By.cssSelector("#unmask-history tr[data-id='" + id + "']"))
                      .isEmpty());

      signIn(driver, wait, "pnr", page);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unmask-1")));
      assertThat(
              driver
                  .findElement(By.cssSelector("#unmask-1 .my-unmask-request"))
                  .getAttribute("class"))
          .contains("unmask-approved");
      driver.findElement(By.cssSelector("#unmask-1 a.read-unmasked")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unmasked-data")));
      assertThat(driver.findElement(By.cssSelector(".unmasked-names")).getText())
          .contains("SMITHJR");
      assertThat(driver.findElement(By.id("unmasked-request")).getText())
          .contains("DL/MFN4TI")
          .contains("pnr2");
    } finally {
      driver.quit();
    }
    // only the one who asked reads it
    assertThat(get("/screening/unmasking/" + id, token("pnr2")).statusCode()).isEqualTo(403);
    List<String> audited =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select action || ' ' || actor || ' ' || details from"
                                + " platform.audit_log where action in ('pnr.unmask.request',"
                                + " 'pnr.unmask.read') and subject in (:booking, :request)"
                                + " order by seq")
                        .bind("booking", "DL/MFN4TI/1")
                        .bind("request", "request " + id)
                        .mapTo(String.class)
                        .list());
    assertThat(audited).hasSize(4);
    assertThat(audited.get(0)).startsWith("pnr.unmask.request pnr ").contains("reason-required");
    assertThat(audited.get(1)).startsWith("pnr.unmask.request pnr ").contains("pending");
    assertThat(audited.get(2)).startsWith("pnr.unmask.read pnr ").contains("shown");
    assertThat(audited.get(3)).startsWith("pnr.unmask.read pnr2 ").contains("forbidden");
    assertThat(String.join(" ", audited)).doesNotContain("prosecutor");
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
