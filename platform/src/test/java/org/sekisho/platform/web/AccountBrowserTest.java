package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.AccountAdministration;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * An administrator creates an account on the accounts page in Chromium, and its user signs in with
 * the temporary password shown once and chooses their own.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AccountBrowserTest {
  private static final String PASSWORD = TestServer.PASSWORD;

  @Test
  void anAdministratorCreatesAnAccountAndItsUserSignsInAndChoosesTheirPassword(Database db) {
    try (TestServer t =
        TestServer.over(
            db,
            AccountWeb.nav("customs-jp"),
            accounts -> {
              AuditLog audit = new AuditLog(db.jdbi());
              Agencies agencies = new Agencies(db.jdbi(), java.time.Clock.systemUTC(), audit);
              agencies.register("customs-jp", "Japan Customs", "test", "customs-jp");
              return new AccountWeb(
                  new AccountAdministration(accounts, agencies, "customs-jp"), "customs-jp");
            })) {
      t.accounts.upsert(
          "chief", "Chief Admin", PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "", "test");
      String base = "http://127.0.0.1:" + t.server.port();
      WebDriver driver = Chromium.start();
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // a form's answer replaces the page: an element found just before is gone, look again
        wait.ignoring(StaleElementReferenceException.class);
        driver.get(base + "/admin/accounts");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("chief");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-table")));
        assertThat(driver.findElement(By.cssSelector("header nav")).getText())
            .contains("Accounts", "My account");

        driver.findElement(By.id("create-username")).sendKeys("web-user");
        driver.findElement(By.id("create-displayName")).sendKeys("Web User");
        driver.findElement(By.id("create-office")).sendKeys("nrt");
        new Select(driver.findElement(By.id("create-agency"))).selectByValue("customs-jp");
        driver.findElement(By.id("create-role-officer")).click();
        driver.findElement(By.id("create-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("generated-password")));
        String temporary = driver.findElement(By.id("generated-password")).getText().strip();
        assertThat(temporary).hasSize(19);
        assertThat(driver.findElement(By.id("account-roles")).getText()).contains("Officer");
        // the list shows the new account, its password change pending
        driver.findElement(By.id("back")).click();
        By row = By.cssSelector("#accounts-table tr[data-username='web-user']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(driver.findElement(row).getText()).contains("Web User", "NRT", "new password");

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
        driver.get(base + "/login?next=/account");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("web-user");
        driver.findElement(By.id("password")).sendKeys(temporary);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("must-change")));
        assertThat(driver.findElement(By.id("current-user")).getText()).contains("Web User");
        assertThat(driver.findElement(By.id("me-office")).getText()).isEqualTo("NRT");
        driver.findElement(By.id("current-password")).sendKeys(temporary);
        driver.findElement(By.id("new-password")).sendKeys("lantern bridge at dusk");
        driver.findElement(By.id("repeat-password")).sendKeys("lantern bridge at dusk");
        driver.findElement(By.id("password-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-notice")));
        assertThat(driver.findElements(By.id("must-change"))).isEmpty();

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
        driver.get(base + "/login?next=/account");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("web-user");
        driver.findElement(By.id("password")).sendKeys("lantern bridge at dusk");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("me-username")));
        assertThat(driver.findElement(By.id("me-username")).getText()).isEqualTo("web-user");
        assertThat(driver.findElements(By.id("must-change"))).isEmpty();
        // an officer is offered their own account, not the administration's page
        assertThat(driver.findElement(By.cssSelector("header nav")).getText())
            .contains("My account")
            .doesNotContain("Accounts");
      } finally {
        driver.quit();
      }
    }
  }

  @Test
  void theCreateFormShowsEveryProblemBesideItsFieldAndKeepsWhatWasTypedButThePassword(Database db) {
    try (TestServer t =
        TestServer.over(
            db,
            AccountWeb.nav("customs-jp"),
            accounts -> {
              AuditLog audit = new AuditLog(db.jdbi());
              Agencies agencies = new Agencies(db.jdbi(), java.time.Clock.systemUTC(), audit);
              agencies.register("customs-jp", "Japan Customs", "test", "customs-jp");
              return new AccountWeb(
                  new AccountAdministration(accounts, agencies, "customs-jp"), "customs-jp");
            })) {
      t.accounts.upsert(
          "chief2", "Chief Admin", PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "", "test");
      String base = "http://127.0.0.1:" + t.server.port();
      WebDriver driver = Chromium.start();
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        driver.get(base + "/admin/accounts?lang=ja");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("chief2");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-form")));

        driver.findElement(By.id("create-username")).sendKeys("Not A Name");
        driver.findElement(By.id("create-displayName")).sendKeys("Kept Display Name");
        driver.findElement(By.id("create-office")).sendKeys("N R T");
        driver.findElement(By.id("create-password")).sendKeys("qwertyuiop12");
        // no role ticked
        driver.findElement(By.id("create-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-error")));

        for (String field : java.util.List.of("username", "office", "password", "roles")) {
          assertThat(driver.findElement(By.id("create-error-" + field)).getText())
              .as(field)
              .isNotBlank();
          assertThat(
                  driver
                      .findElement(By.cssSelector("#create-error li[data-field='" + field + "']"))
                      .getText())
              .as(field)
              .isNotBlank();
        }
        assertThat(driver.findElements(By.id("create-error-displayName"))).isEmpty();
        // in the reader's language: the password's rule named in Japanese
        assertThat(driver.findElement(By.id("create-error-password")).getText()).contains("キーボード");
        assertThat(driver.findElement(By.id("create-username")).getAttribute("value"))
            .isEqualTo("Not A Name");
        assertThat(driver.findElement(By.id("create-displayName")).getAttribute("value"))
            .isEqualTo("Kept Display Name");
        assertThat(driver.findElement(By.id("create-office")).getAttribute("value"))
            .isEqualTo("N R T");
        assertThat(driver.findElement(By.id("create-password")).getAttribute("value")).isEmpty();
        assertThat(driver.findElement(By.id("create-office")).getAttribute("aria-invalid"))
            .isEqualTo("true");
      } finally {
        driver.quit();
      }
    }
  }
}
