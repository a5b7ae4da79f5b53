package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A record sent to {@code POST /api/assess} that is no JSON object (nothing, not JSON, an array) is
 * refused in the reader's language ({@code Accept-Language}, {@code ?lang=}), with the parser's
 * account of what went wrong and the form expected; code and field unchanged, the English as
 * before. (A body that starts as JSON and is cut off is refused by the platform's input check
 * before the route reads it.)
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MalformedJsonInReadersLanguageTest {
  private TargetingServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The refusal of {@code body}: its status checked, the answer. */
  private JsonNode refused(String path, String body, String lang) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.web().port() + path))
                .header("Authorization", "Bearer " + server.analyst())
                .header("Accept-Language", lang)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode b = WebApi.JSON.readTree(r.body());
    assertThat(b.get("error").asText()).isEqualTo("invalid-json");
    assertThat(b.get("field").asText()).isEmpty();
    // the list of problems says the same as the first
    assertThat(b.get("problems").get(0).get("message").asText())
        .isEqualTo(b.get("message").asText());
    return b;
  }

  private String message(String path, String body, String lang) throws Exception {
    return refused(path, body, lang).get("message").asText();
  }

  @Test
  void aRecordThatIsNoJsonObjectIsRefusedInTheReadersLanguage() throws Exception {
    // English as it was, byte for byte
    assertThat(message("/api/assess", "", "en")).isEqualTo("expected a JSON object, got nothing");
    assertThat(message("/api/assess", "[1]", "en")).isEqualTo("expected a JSON object");
    assertThat(message("/api/assess", "not json", "en"))
        .isEqualTo(
            "not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array,"
                + " Object or token 'null', 'true' or 'false')");

    assertThat(message("/api/assess", "", "ja")).isEqualTo("本文が空です。記録を JSON オブジェクトで送ってください");
    assertThat(message("/api/assess?kind=postal-item", "[1]", "ja"))
        .isEqualTo("JSON オブジェクトを送ってください");
    assertThat(message("/api/assess", "not json", "ja"))
        .isEqualTo(
            "本文が JSON として読めません（Unrecognized token 'not': was expecting (JSON String, Number,"
                + " Array, Object or token 'null', 'true' or 'false')）。記録を JSON オブジェクトで送ってください");
    assertThat(message("/api/assess?lang=ja", "\n  declarationId: D-1", "en"))
        .startsWith("本文が JSON として読めません（Unrecognized token 'declarationId'");
  }
}
