package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/** Password guessing on the real sign-in routes is slowed down, refused with 429, and audited. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignInThrottleWebTest {
  private final TestServer t;
  private final int auditBefore;

  SignInThrottleWebTest(Database db) {
    this.t = new TestServer(db, r -> {});
    this.auditBefore = t.audit().size();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<TestServer.Entry> newAudit(String action) {
    return t.audit().stream().skip(auditBefore).filter(e -> e.action().equals(action)).toList();
  }

  @Test
  void thirtyWrongPasswordsThenTheRightOneDoesNotSignInUntilTheDelayHasPassed() {
    for (int i = 1; i <= 30; i++) {
      TestServer.Answer a = t.apiLogin("kato", "guess-" + i);
      if (i <= 5) {
        assertThat(a.status()).as("guess %d", i).isEqualTo(401);
      } else {
        assertThat(a.status()).as("guess %d", i).isEqualTo(429);
        assertThat(a.header("Retry-After")).contains("1");
        assertThat(a.json().path("error").asText()).isEqualTo("too-many-attempts");
        assertThat(a.json().path("message").asText()).contains("try again in 1 s");
      }
    }
    TestServer.Answer right = t.apiLogin("kato", TestServer.PASSWORD);
    assertThat(right.status()).as("the right password, still within the delay").isEqualTo(429);
    assertThat(right.json().has("token")).isFalse();

    t.clock.advance(Duration.ofSeconds(1));
    TestServer.Answer later = t.apiLogin("kato", TestServer.PASSWORD);
    assertThat(later.status()).as(later.body()).isEqualTo(200);
    assertThat(later.json().path("token").asText()).startsWith("sk_");

    assertThat(newAudit("login.failed")).hasSize(5);
    List<TestServer.Entry> refused = newAudit("login.refused");
    assertThat(refused).hasSize(26);
    assertThat(refused.getFirst().subject()).isEqualTo("account:kato");
    assertThat(refused.getFirst().details().path("channel").asText()).isEqualTo("api");
    assertThat(refused.getFirst().details().path("retryAfterSeconds").asText()).isEqualTo("1");
    assertThat(refused.getFirst().details().path("ip").asText()).isNotEmpty();
    assertThat(newAudit("login")).hasSize(1);
  }

  @Test
  void theDelayDoublesWithEveryFailureAfterIt() {
    for (int i = 0; i < 5; i++) {
      assertThat(t.apiLogin("kato", "wrong").status()).isEqualTo(401);
    }
    t.clock.advance(Duration.ofSeconds(1));
    assertThat(t.apiLogin("kato", "wrong").status()).isEqualTo(401);
    TestServer.Answer a = t.apiLogin("kato", TestServer.PASSWORD);
    assertThat(a.status()).isEqualTo(429);
    assertThat(a.header("Retry-After")).contains("2");
  }

  @Test
  void aSuccessfulSignInStartsTheCountAfresh() {
    for (int i = 0; i < 4; i++) {
      assertThat(t.apiLogin("kato", "wrong").status()).isEqualTo(401);
    }
    assertThat(t.apiLogin("kato", TestServer.PASSWORD).status()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(t.apiLogin("kato", "wrong").status()).as("guess %d", i).isEqualTo(401);
    }
  }

  @Test
  void theSignInFormIsThrottledTooAndSaysWhenToTryAgain() {
    TestServer.Answer page = t.send("GET", "/login", Map.of("Accept", "text/html"), null);
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    String csrf = m.group(1);
    Map<String, String> headers =
        Map.of(
            "Content-Type", "application/x-www-form-urlencoded",
            "Accept", "text/html",
            "Cookie", WebServer.LOGIN_CSRF_COOKIE + "=" + csrf);
    for (int i = 1; i <= 6; i++) {
      String form =
          "_csrf="
              + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
              + "&username=sato&password=wrong"
              + i;
      TestServer.Answer a =
          t.send("POST", "/login", headers, form.getBytes(StandardCharsets.UTF_8));
      if (i <= 5) {
        assertThat(a.status()).as("attempt %d", i).isEqualTo(401);
      } else {
        assertThat(a.status()).as("attempt %d", i).isEqualTo(429);
        assertThat(a.header("Retry-After")).contains("1");
        assertThat(a.body()).contains("Try again in 1 s.");
      }
    }
    List<TestServer.Entry> refused = newAudit("login.refused");
    assertThat(refused).hasSize(1);
    assertThat(refused.getFirst().details().path("channel").asText()).isEqualTo("web");
  }

  @Test
  void failuresOnTheFormAndOnTheApiShareOneCount() {
    for (int i = 0; i < 5; i++) {
      assertThat(t.apiLogin("sato", "wrong").status()).isEqualTo(401);
    }
    TestServer.Answer page = t.send("GET", "/login", Map.of("Accept", "text/html"), null);
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).isTrue();
    String form =
        "_csrf="
            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)
            + "&username=sato&password=x";
    TestServer.Answer a =
        t.send(
            "POST",
            "/login",
            Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html",
                "Cookie", WebServer.LOGIN_CSRF_COOKIE + "=" + m.group(1)),
            form.getBytes(StandardCharsets.UTF_8));
    assertThat(a.status()).isEqualTo(429);
  }

  @Test
  void aNameNoAccountHasIsNotKeptInTheAuditLogForItMayBeAPassword() {
    String typedInTheWrongField = "Kato-PassPhrase-2026!";
    for (int i = 0; i < 6; i++) {
      t.apiLogin(typedInTheWrongField, "x");
    }
    List<TestServer.Entry> failed = newAudit("login.failed");
    List<TestServer.Entry> refused = newAudit("login.refused");
    assertThat(failed).hasSize(5);
    assertThat(refused).hasSize(1);
    assertThat(failed.getFirst().subject()).isEqualTo("account:(unknown)");
    assertThat(failed.getFirst().details().path("reason").asText()).isEqualTo("unknown-account");
    assertThat(refused.getFirst().subject()).isEqualTo("account:(unknown)");
    assertThat(t.audit().stream().skip(auditBefore))
        .noneMatch(e -> (e.subject() + e.details()).contains(typedInTheWrongField));

    t.clock.advance(Duration.ofMinutes(1)); // past the delay this address earned
    assertThat(t.apiLogin("kato", "wrong").status()).isEqualTo(401);
    assertThat(newAudit("login.failed").getLast().subject()).isEqualTo("account:kato");
    assertThat(newAudit("login.failed").getLast().details().path("reason").asText())
        .isEqualTo("wrong-password");
  }
}
