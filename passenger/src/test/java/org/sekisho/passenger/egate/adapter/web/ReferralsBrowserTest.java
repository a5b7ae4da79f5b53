package org.sekisho.passenger.egate.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * In Chromium: an officer at the gate finds the day's referrals from the top navigation, reads the
 * reasons in Japanese, looks a traveller up by the capture id the kiosk showed and records the
 * outcome; a comment left out is refused beside the field, and an outcome recorded meanwhile by an
 * inspector is shown instead of being overwritten.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReferralsBrowserTest {
  private EgateServer server;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = new EgateServer(db, dir, Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A traveller with only the passport page at the kiosk: referred (no chip, no declaration). */
  private String referral() throws Exception {
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/egate/decisions",
            server.token("kiosk-hnd-01"),
            "application/json",
            ("{\"mrz\":[\""
                    + server.traveller.mrz().get(0)
                    + "\",\""
                    + server.traveller.mrz().get(1)
                    + "\"]}")
                .getBytes(StandardCharsets.UTF_8));
    Matcher m = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    assertThat(r.body()).contains("secondary-inspection");
    return m.group(1);
  }

  @Test
  void anOfficerFindsTheReferralLooksItUpByCaptureIdAndRecordsTheOutcome() throws Exception {
    String id = referral();
    WebDriver d = Chromium.start("--window-size=1200,1600");
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
      d.get(server.base + "/declaration?lang=ja");
      d.get(server.base + "/login?next=/egate/referrals");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      d.findElement(By.id("username")).sendKeys("officer");
      d.findElement(By.id("password")).sendKeys(EgateServer.PASSWORD);
      d.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("referrals")));
      // Reached from the top navigation too.
      d.findElement(By.cssSelector("nav a[href='/egate/referrals']")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("referrals")));
      String row =
          d.findElement(By.cssSelector("tr.referral[data-capture='" + id + "']")).getText();
      assertThat(row).contains("ERIKSSON").contains("顔を旅券の写真と照合できませんでした");
      assertThat(d.findElements(By.tagName("img"))).isEmpty();

      d.findElement(By.id("capture")).sendKeys(id.toUpperCase());
      d.findElement(By.id("lookup-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-form")));
      assertThat(d.findElement(By.id("capture-id")).getText()).isEqualTo(id);
      assertThat(d.findElement(By.id("no-outcome")).getText()).isEqualTo("結果未記録");

      // The browser would stop an empty comment; the server must refuse it too, beside the field.
      ((JavascriptExecutor) d)
          .executeScript("document.getElementById('comment').removeAttribute('required');");
      new Select(d.findElement(By.id("outcome"))).selectByValue("duty-paid");
      d.findElement(By.id("outcome-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-errors")));
      assertThat(d.findElement(By.id("outcome-errors")).getText()).contains("コメント");
      assertThat(d.findElement(By.id("comment")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(new Select(d.findElement(By.id("outcome"))).getFirstSelectedOption().getText())
          .isEqualTo("申告・納税済み");

      d.findElement(By.id("comment")).sendKeys("ウイスキー4本を申告、納税済み");
      d.findElement(By.id("outcome-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcomes")));
      assertThat(d.findElement(By.cssSelector("#outcomes li[data-version='1']")).getText())
          .contains("申告・納税済み")
          .contains("ウイスキー4本を申告、納税済み")
          .contains("officer");
      assertThat(d.findElement(By.cssSelector("#outcome-form legend")).getText())
          .isEqualTo("結果を訂正");

      // An inspector corrects it while this page is open: the officer's correction is refused
      // and the page shows the inspector's outcome.
      HttpResponse<String> inspector =
          server.send(
              "POST",
              "/api/egate/arrivals/" + id + "/outcome",
              server.token("inspector"),
              "application/json",
              "{\"outcome\":\"examination\",\"comment\":\"X線検査へ\",\"version\":1}"
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(inspector.statusCode()).isEqualTo(201);
      new Select(d.findElement(By.id("outcome"))).selectByValue("released");
      d.findElement(By.id("comment")).sendKeys("訂正");
      d.findElement(By.id("outcome-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-errors")));
      assertThat(d.findElement(By.id("outcome-errors")).getText())
          .contains("このページを開いた後に結果が記録されました");
      assertThat(d.findElement(By.cssSelector("#outcomes li[data-version='2']")).getText())
          .contains("検査へ回付")
          .contains("第1版の訂正")
          .contains("inspector");
      assertThat(d.findElements(By.cssSelector("#outcomes li"))).hasSize(2);
    } finally {
      d.quit();
    }
  }
}
