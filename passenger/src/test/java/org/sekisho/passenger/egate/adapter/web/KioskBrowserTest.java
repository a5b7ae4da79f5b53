package org.sekisho.passenger.egate.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.passenger.egate.Travellers;
import org.sekisho.passenger.egate.adapter.qr.ZxingQrImages;
import org.sekisho.passenger.egate.domain.declaration.DeclarationForm;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * In Chromium: a traveller makes the QR on the declaration page; the kiosk reads it from a fake
 * camera stream (a y4m file showing the QR) and passes them; an altered QR shown the same way sends
 * the traveller to secondary inspection with the reason.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KioskBrowserTest {
  private EgateServer server;
  private Path dir;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.dir = dir;
    server = new EgateServer(db, dir.resolve("data"), Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static WebDriver chromium(Path fakeVideo) {
    if (fakeVideo == null) {
      return Chromium.start("--window-size=1200,1600");
    }
    return Chromium.start(
        "--window-size=1200,1600",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--use-file-for-fake-video-capture=" + fakeVideo.toAbsolutePath());
  }

  /** Fills the declaration page as a traveller would; returns the QR PNG and its text. */
  private record Issued(byte[] png, String text) {}

  private Issued declare() {
    WebDriver d = chromium(null);
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
      d.get(server.base + "/declaration?lang=en");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("declaration-form")));
      var form = EgateWebTest.form(server.traveller);
      for (var e : form.entrySet()) {
        if (DeclarationForm.QUESTIONS.contains(e.getKey())) {
          d.findElement(By.id(e.getKey() + "-" + e.getValue())).click();
        } else if (e.getKey().equals("arrival") || e.getKey().equals("birthDate")) {
          ((JavascriptExecutor) d)
              .executeScript(
                  "document.getElementById(arguments[0]).value = arguments[1];",
                  e.getKey(),
                  e.getValue());
        } else {
          d.findElement(By.id(e.getKey())).sendKeys(e.getValue());
        }
      }
      d.findElement(By.id("declaration-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("declaration-qr")));
      String src = d.findElement(By.id("declaration-qr")).getAttribute("src");
      String text = d.findElement(By.id("qr-text")).getAttribute("value");
      return new Issued(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)), text);
    } finally {
      d.quit();
    }
  }

  /**
   * What one kiosk run showed: the decision, the whole result screen as the traveller saw it, the
   * QR status line, the staff elements found on the kiosk page, and the form as the next traveller
   * finds it.
   */
  private record KioskRun(
      String decision, String screen, String qrStatus, int staffElements, String nextForm) {}

  /**
   * Runs the kiosk flow with the camera showing {@code qrPng}. The traveller answers yes to two
   * immigration questions and chooses business for 90 days. Then, with {@code pressNext}, the next
   * traveller button is pressed; otherwise the screen is left to clear itself (after 2 s here).
   */
  private KioskRun kiosk(byte[] qrPng, String name, boolean pressNext) throws IOException {
    return kiosk(qrPng, name, pressNext, "90", "");
  }

  /**
   * The same with the stay typed as {@code stay} on the kiosk page in {@code lang} ("" for the
   * default); a stay the server refuses ends the run at the face step, the screen being the face
   * step's status line.
   */
  private KioskRun kiosk(byte[] qrPng, String name, boolean pressNext, String stay, String lang)
      throws IOException {
    Path video = dir.resolve(name + ".y4m");
    writeY4m(ImageIO.read(new ByteArrayInputStream(qrPng)), video);
    Path chip = dir.resolve(name + "-chip.json");
    Files.writeString(chip, server.traveller.chipJson(), StandardCharsets.UTF_8);
    Path face = dir.resolve(name + "-face.jpg");
    Files.write(face, server.traveller.portrait());
    WebDriver d = chromium(video);
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      d.get(server.base + "/kiosk" + (lang.isEmpty() ? "" : "?lang=" + lang));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      d.findElement(By.id("username")).sendKeys("kiosk-hnd-01");
      d.findElement(By.id("password")).sendKeys(EgateServer.PASSWORD);
      d.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mrz")));
      int staff =
          d.findElements(By.cssSelector("a[href='/search'], a[href='/'], #current-user, #logout"))
              .size();
      ((JavascriptExecutor) d)
          .executeScript("document.getElementById('kiosk').dataset.clearAfter = '2';");
      d.findElement(By.id("mrz")).sendKeys(String.join("\n", server.traveller.mrz()));
      d.findElement(By.id("chip-file")).sendKeys(chip.toString());
      d.findElement(By.id("deportation-history")).click();
      d.findElement(By.id("criminal-conviction")).click();
      new org.openqa.selenium.support.ui.Select(d.findElement(By.id("purpose-of-visit")))
          .selectByValue("business");
      d.findElement(By.id("intended-stay")).clear();
      d.findElement(By.id("intended-stay")).sendKeys(stay);
      d.findElement(By.id("passport-next")).click();
      // The QR step reads the fake camera by itself and moves on to the face step.
      try {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("face-capture")));
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError(
            "kiosk stayed on step "
                + d.findElement(By.id("kiosk")).getAttribute("data-step")
                + " with QR status '"
                + d.findElement(By.id("qr-status")).getAttribute("textContent")
                + "'",
            e);
      }
      String qrStatus = d.findElement(By.id("qr-status")).getAttribute("textContent");
      d.findElement(By.id("face-file")).sendKeys(face.toString());
      if (!stay.equals("90")) {
        wait.until(d2 -> !d2.findElement(By.id("face-status")).getText().isBlank());
        return new KioskRun("", d.findElement(By.id("face-status")).getText(), qrStatus, staff, "");
      }
      wait.until(
          ExpectedConditions.attributeToBeNotEmpty(
              d.findElement(By.id("result")), "data-decision"));
      String decision = d.findElement(By.id("result")).getAttribute("data-decision");
      String screen = d.findElement(By.tagName("body")).getText();
      if (pressNext) {
        d.findElement(By.id("next-traveller")).click();
      }
      wait.until(ExpectedConditions.attributeToBe(By.id("kiosk"), "data-step", "passport"));
      String next =
          (String)
              ((JavascriptExecutor) d)
                  .executeScript(
                      "const v = (id) => document.getElementById(id);"
                          + " return [v('mrz').value, v('deportation-history').checked,"
                          + " v('criminal-conviction').checked, v('prohibited-items').checked,"
                          + " v('purpose-of-visit').value, v('intended-stay').value,"
                          + " v('result').dataset.decision].join('|');");
      return new KioskRun(decision, screen, qrStatus, staff, next);
    } finally {
      d.quit();
    }
  }

  @Test
  void theJapanesePageShowsEachErrorInJapaneseBesideItsFieldAndInTheListAtTheTop() {
    WebDriver d = chromium(null);
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
      d.get(server.base + "/declaration?lang=ja");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("declaration-form")));
      var form = EgateWebTest.form(server.traveller);
      form.put("surname", "山田");
      form.put("address", "Hotel\u202Eevil");
      for (var e : form.entrySet()) {
        if (DeclarationForm.QUESTIONS.contains(e.getKey())) {
          if (!e.getKey().equals("cash")) { // left unanswered
            d.findElement(By.id(e.getKey() + "-" + e.getValue())).click();
          }
        } else if (e.getKey().equals("arrival") || e.getKey().equals("birthDate")) {
          ((JavascriptExecutor) d)
              .executeScript(
                  "document.getElementById(arguments[0]).value = arguments[1];",
                  e.getKey(),
                  e.getKey().equals("arrival") ? "2026-02-30" : e.getValue());
        } else {
          d.findElement(By.id(e.getKey())).sendKeys(e.getValue());
        }
      }
      // The browser would stop an unanswered required radio and an impossible date itself;
      // the server must refuse them too.
      ((JavascriptExecutor) d)
          .executeScript(
              "const f = document.getElementById('declaration-form'); f.noValidate = true;"
                  + " document.getElementById('arrival').type = 'text';"
                  + " document.getElementById('arrival').value = '2026-02-30';");
      d.findElement(By.id("declaration-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
      for (String field : List.of("arrival", "surname", "address", "cash")) {
        WebElement input = d.findElement(By.id(field));
        assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).as(field).isEqualTo(field + "-error");
        WebElement beside = d.findElement(By.id(field + "-error"));
        assertThat(beside.isDisplayed()).as(field).isTrue();
        String summary =
            d.findElement(By.cssSelector("#form-errors li[data-field='" + field + "']")).getText();
        assertThat(summary).as(field).contains(beside.getText());
      }
      assertThat(d.findElement(By.id("arrival-error")).getText())
          .isEqualTo("2026-02-30は暦に存在しない日付です");
      assertThat(d.findElement(By.id("surname-error")).getText()).contains("ローマ字");
      assertThat(d.findElement(By.id("address-error")).getText()).contains("見えない書式文字");
      assertThat(d.findElement(By.id("cash-error")).getText()).isEqualTo("「はい」か「いいえ」を選んでください");
      assertThat(d.findElement(By.id("form-errors")).getText())
          .doesNotContainPattern("required|expected|Latin|not allowed");
      assertThat(d.findElement(By.id("flight")).getAttribute("aria-invalid")).isNull();
      // The traveller is taken to the first mistake.
      assertThat(d.switchTo().activeElement().getAttribute("id")).isEqualTo("arrival");
    } finally {
      d.quit();
    }
  }

  @Test
  void aQrMadeOnTheDeclarationPagePassesTheKioskAndAnAlteredOneIsReferred() throws IOException {
    Issued issued = declare();
    assertThat(issued.text()).startsWith("SKD1:");

    KioskRun good = kiosk(issued.png(), "good", true);
    assertThat(good.decision()).as("decision; screen: %s", good.screen()).isEqualTo("pass");
    assertThat(good.qrStatus()).isEqualTo("Declaration QR read.");

    byte[] alteredPng = new ZxingQrImages().png(Travellers.altered(issued.text()));
    KioskRun altered = kiosk(alteredPng, "altered", false);
    assertThat(altered.decision()).isEqualTo("secondary-inspection");
    assertThat(altered.screen()).contains("Please go to a customs officer");
    assertThat(altered.qrStatus()).startsWith("This QR code was refused:");
    assertThat(altered.qrStatus()).doesNotContain("signature");
    // The reasons, scores and model are for the officer, never on the traveller's screen.
    assertThat(altered.screen())
        .doesNotContain("qr-signature-invalid")
        .doesNotContain("The declaration QR code was refused")
        .doesNotContain("similarity")
        .doesNotContain("threshold")
        .doesNotContain("tiny test projection");
  }

  @Test
  void aStayTheServerRefusesIsExplainedToTheTravellerInTheKiosksLanguage() throws IOException {
    byte[] png = new ZxingQrImages().png(declare().text());
    KioskRun refused = kiosk(png, "long-stay", false, "400", "ja");
    // worded for the traveller, not the API's English text for integrators
    assertThat(refused.screen())
        .contains("日本での滞在予定日数を 0 から 365 の数字で入力してください")
        .doesNotContain("expected");
  }

  @Test
  void theKioskIsATravellerScreenWithoutStaffNavigationAndClearsEveryAnswerForTheNextTraveller()
      throws IOException {
    byte[] png = new ZxingQrImages().png(declare().text());
    KioskRun pressed = kiosk(png, "pressed", true);
    assertThat(pressed.staffElements()).isZero();
    assertThat(pressed.nextForm()).isEqualTo("|false|false|false|tourism|7|");
    // Left alone, the result clears itself and the next traveller finds an empty form.
    KioskRun leftAlone = kiosk(png, "left", false);
    assertThat(leftAlone.nextForm()).isEqualTo("|false|false|false|tourism|7|");
  }

  /**
   * Signs the kiosk in with a camera showing no QR (the traveller has none in front of it), fills
   * the passport step as traveller A and goes on to the QR step; {@code idleSeconds} shortens the
   * kiosk's idle time.
   */
  private WebDriver atTheQrStep(String name, String lang, String idleSeconds) throws IOException {
    Path video = dir.resolve(name + ".y4m");
    writeY4m(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), video);
    Path chip = dir.resolve(name + "-chip.json");
    Files.writeString(chip, server.traveller.chipJson(), StandardCharsets.UTF_8);
    WebDriver d = chromium(video);
    WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
    d.get(server.base + "/kiosk?lang=" + lang);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    d.findElement(By.id("username")).sendKeys("kiosk-hnd-01");
    d.findElement(By.id("password")).sendKeys(EgateServer.PASSWORD);
    d.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mrz")));
    // the first step has nothing to cancel
    assertThat(d.findElements(By.cssSelector("#step-passport button.restart"))).isEmpty();
    d.findElement(By.id("mrz")).sendKeys(String.join("\n", server.traveller.mrz()));
    d.findElement(By.id("chip-file")).sendKeys(chip.toString());
    d.findElement(By.id("deportation-history")).click();
    d.findElement(By.id("passport-next")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("kiosk"), "data-step", "qr"));
    if (!idleSeconds.isEmpty()) {
      // shortened once traveller A is at the QR step, their last touch counted from now
      ((JavascriptExecutor) d)
          .executeScript(
              "document.getElementById('kiosk').dataset.idleAfter = arguments[0];"
                  + " document.dispatchEvent(new Event('pointerdown'));",
              idleSeconds);
    }
    return d;
  }

  /** The passport step as the next traveller finds it (the fields traveller A filled). */
  private static String passportStep(WebDriver d) {
    return (String)
        ((JavascriptExecutor) d)
            .executeScript(
                "const v = (id) => document.getElementById(id);"
                    + " return [v('kiosk').dataset.step, v('mrz').value, v('chip-file').value,"
                    + " v('deportation-history').checked, v('qr-status').textContent,"
                    + " v('face-note').textContent].join('|');");
  }

  @Test
  void aTravellerWhoWalksAwayAtTheQrStepIsClearedAfterTheIdleTimeForTheNextPerson()
      throws IOException {
    WebDriver d = atTheQrStep("walked-away", "en", "2");
    try {
      // nobody touches the kiosk: it goes back to the start with nothing of traveller A kept
      new WebDriverWait(d, Duration.ofSeconds(20))
          .until(ExpectedConditions.attributeToBe(By.id("kiosk"), "data-step", "passport"));
      assertThat(passportStep(d)).isEqualTo("passport|||false||");
      assertThat(d.findElement(By.id("step-qr")).isDisplayed()).isFalse();
      // traveller B shows a QR without passport: nothing is decided on A's passport, the kiosk
      // waits for B's passport first
      d.findElement(By.id("passport-next")).click();
      assertThat(d.findElement(By.id("kiosk")).getAttribute("data-step")).isEqualTo("passport");
    } finally {
      d.quit();
    }
  }

  @Test
  void everyStepAfterTheFirstHasCancelAndStartAgainInTheKiosksLanguage() throws IOException {
    Messages ja = new Messages(java.util.Locale.JAPANESE, List.of("i18n.egate", "i18n.platform"));
    WebDriver d = atTheQrStep("cancel", "ja", "");
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
      WebElement cancelQr = d.findElement(By.id("restart-qr"));
      // the page's own idle time (this test leaves it as served)
      assertThat(d.findElement(By.id("kiosk")).getAttribute("data-idle-after")).isEqualTo("60");
      assertThat(cancelQr.isDisplayed()).isTrue();
      // no CJK font on the test machine: the text is read from the DOM
      assertThat(cancelQr.getAttribute("textContent")).isEqualTo(ja.get("kiosk.restart"));
      assertThat(d.findElement(By.id("no-qr")).getAttribute("textContent"))
          .isEqualTo(ja.get("kiosk.qr.none"));
      cancelQr.click();
      wait.until(ExpectedConditions.attributeToBe(By.id("kiosk"), "data-step", "passport"));
      assertThat(passportStep(d)).isEqualTo("passport|||false||");
    } finally {
      d.quit();
    }
    WebDriver e = atTheQrStep("cancel-face", "en", "");
    try {
      WebDriverWait wait = new WebDriverWait(e, Duration.ofSeconds(20));
      e.findElement(By.id("no-qr")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("kiosk"), "data-step", "face"));
      WebElement cancelFace = e.findElement(By.id("restart-face"));
      assertThat(cancelFace.isDisplayed()).isTrue();
      assertThat(cancelFace.getText()).isEqualTo("Cancel / start again");
      cancelFace.click();
      wait.until(ExpectedConditions.attributeToBe(By.id("kiosk"), "data-step", "passport"));
      assertThat(passportStep(e)).isEqualTo("passport|||false||");
    } finally {
      e.quit();
    }
  }

  @Test
  void aTravellerWithoutADeclarationQrGoesOnAndIsSentToAnOfficerWhoTakesTheDeclaration()
      throws Exception {
    Path face = dir.resolve("no-qr-face.jpg");
    Files.write(face, server.traveller.portrait());
    WebDriver d = atTheQrStep("no-qr", "en", "");
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      d.findElement(By.id("no-qr")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("kiosk"), "data-step", "face"));
      assertThat(d.findElement(By.id("face-note")).getText())
          .contains("Without a declaration QR code")
          .contains("customs officer");
      d.findElement(By.id("face-file")).sendKeys(face.toString());
      wait.until(
          ExpectedConditions.attributeToBeNotEmpty(
              d.findElement(By.id("result")), "data-decision"));
      assertThat(d.findElement(By.id("result")).getAttribute("data-decision"))
          .isEqualTo("secondary-inspection");
      String captureId = d.findElement(By.id("result-records")).getText().strip();
      // decided without a QR: the officer sees why
      String arrival =
          server
              .send(
                  "GET",
                  "/api/egate/arrivals/" + captureId + "?lang=en",
                  server.token("officer"),
                  null,
                  null)
              .body();
      assertThat(arrival).contains("\"reason\":\"DECLARATION_INVALID\"").contains("qr-missing");
    } finally {
      d.quit();
    }
  }

  /** A 640x480 YUV4MPEG2 (4:2:0) file of a few identical frames showing the image centred. */
  static void writeY4m(BufferedImage img, Path file) throws IOException {
    int w = 640;
    int h = 480;
    BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = frame.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, w, h);
    int s = Math.min(Math.min(img.getWidth(), img.getHeight()), 440);
    g.drawImage(img, (w - s) / 2, (h - s) / 2, s, s, null);
    g.dispose();
    byte[] y = new byte[w * h];
    byte[] u = new byte[w * h / 4];
    byte[] v = new byte[w * h / 4];
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        int p = frame.getRGB(i, j);
        int r = (p >> 16) & 0xFF;
        int gr = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        y[j * w + i] = (byte) clamp(0.299 * r + 0.587 * gr + 0.114 * b);
        if (j % 2 == 0 && i % 2 == 0) {
          int k = (j / 2) * (w / 2) + i / 2;
          u[k] = (byte) clamp(-0.169 * r - 0.331 * gr + 0.5 * b + 128);
          v[k] = (byte) clamp(0.5 * r - 0.419 * gr - 0.081 * b + 128);
        }
      }
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(
          ("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1 C420jpeg\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (int f = 0; f < 3; f++) {
        out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        out.write(y);
        out.write(u);
        out.write(v);
      }
    }
  }

  private static int clamp(double x) {
    return (int) Math.max(0, Math.min(255, Math.round(x)));
  }
}
