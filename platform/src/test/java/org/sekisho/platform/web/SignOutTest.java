package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * An API client signs out by ending its bearer token, which is refused from then on; a refusal for
 * want of credentials says how to authenticate; the sign-in answer says when a password must be
 * chosen first.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignOutTest {
  private final TestServer t;

  SignOutTest(Database db) {
    this.t = new TestServer(db, r -> {});
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private TestServer.Answer me(String token) {
    return t.get("/api/me", token);
  }

  @Test
  void signingOutThroughTheApiEndsTheBearerTokenAtOnce() {
    String token = t.apiLogin("kato", TestServer.PASSWORD).json().get("token").asText();
    String other = t.apiLogin("kato", TestServer.PASSWORD).json().get("token").asText();
    assertThat(me(token).status()).isEqualTo(200); // remembered now

    TestServer.Answer out = t.post("/api/logout", token, "application/json", "");
    assertThat(out.status()).isEqualTo(204);
    TestServer.Answer after = me(token);
    assertThat(after.status()).as("not from memory either").isEqualTo(401);
    assertThat(after.header("WWW-Authenticate")).contains("Bearer realm=\"sekisho\"");
    assertThat(me(other).status()).as("the account's other token stays").isEqualTo(200);

    // the sign-out form's route ends a bearer token too, rather than recording a sign-out that
    // did not happen
    assertThat(t.post("/logout", other, "application/json", "").status()).isEqualTo(302);
    assertThat(me(other).status()).isEqualTo(401);
    List<TestServer.Entry> logouts = t.audit("logout");
    assertThat(logouts).hasSize(2);
    assertThat(logouts).allMatch(e -> e.details().path("channel").asText().equals("api"));
  }

  @Test
  void theSignInAnswerSaysWhetherAPasswordMustBeChosenFirst() {
    assertThat(t.apiLogin("sato", TestServer.PASSWORD).json().get("mustChangePassword").asBoolean())
        .isFalse();
    TestServer.Answer none = t.send("GET", "/api/me", Map.of(), null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isPresent();
  }
}
