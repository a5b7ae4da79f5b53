package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/** {@code POST /api/login} names what is wrong with its body, and never repeats a password. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ApiLoginInputTest {
  private final TestServer t;

  ApiLoginInputTest(Database db) {
    this.t = new TestServer(db, r -> {});
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private TestServer.Answer login(String body) {
    return t.send(
        "POST",
        "/api/login",
        java.util.Map.of("Content-Type", "application/json"),
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void eachMissingOrMistypedFieldIsNamed() {
    TestServer.Answer noPassword = login("{\"username\":\"kato\"}");
    assertThat(noPassword.status()).isEqualTo(400);
    assertThat(noPassword.json().get("field").asText()).isEqualTo("password");
    assertThat(noPassword.json().get("message").asText()).startsWith("password is missing");

    TestServer.Answer noName = login("{\"password\":\"correct horse battery\"}");
    assertThat(noName.json().get("field").asText()).isEqualTo("username");

    TestServer.Answer notAnObject = login("[1]");
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.json().get("error").asText()).isEqualTo("invalid-json");
    assertThat(notAnObject.json().get("message").asText()).contains("expected a JSON object");

    TestServer.Answer number = login("{\"username\":\"kato\",\"password\":987654321987}");
    assertThat(number.status()).isEqualTo(400);
    assertThat(number.json().get("field").asText()).isEqualTo("password");
    assertThat(number.json().get("message").asText())
        .isEqualTo("password: expected a JSON string, not number");
    assertThat(number.body()).doesNotContain("987654321987");
  }
}
