package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
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
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * A list import whose header is not {@code value[,note]} is refused whole (400, naming the column
 * and the header's columns), over the API and on the list page; nothing of it is imported.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ListImportHeaderTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private TargetingServer server;

  private WebServer web;
  private TargetingContext targeting;
  private WebApi api;
  private String base;
  private String analyst;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir, RiskScorer.NONE, PASSWORD, "JPYOK");
    targeting = server.targeting();
    web = server.web();
    base = server.base();
    api = server.api();
    analyst = server.analyst();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aFileWithAnUnknownHeaderIsRefusedWholeAndTheDocumentedFormsAreImported() throws Exception {
    api.ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            "{\"name\":\"watched\",\"kind\":\"parties\"}"));
    String entries = "/api/targeting/lists/watched/entries";
    HttpResponse<String> r =
        api.send("POST", entries, analyst, "nmae,value\nYamada Taro,seized 2026\n");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode b = WebApi.JSON.readTree(r.body());
    assertThat(b.get("error").asText()).isEqualTo("invalid-header");
    assertThat(b.get("field").asText()).isEqualTo("line 1, column 1");
    assertThat(b.get("message").asText()).contains("'nmae'", "value or value,note");
    JsonNode list = api.ok(api.send("GET", "/api/targeting/lists/watched", analyst, null));
    assertThat(list.get("size").asInt()).isZero();
    assertThat(list.get("version").asInt()).isEqualTo(1);
    // the header as documented, and none at all
    assertThat(
            api.ok(api.send("POST", entries, analyst, "value,note\nYamada Taro,seized\n"))
                .get("added")
                .asInt())
        .isEqualTo(1);
    assertThat(
            api.ok(api.send("POST", entries, analyst, "Suzuki Hanako,seized\n"))
                .get("added")
                .asInt())
        .isEqualTo(1);

    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/targeting/lists/watched/import?lang=ja"))
                    .header("Authorization", "Bearer " + analyst)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "mode=replace&csv="
                                + URLEncoder.encode(
                                    "name,note\nTanaka Ichiro,x\n", StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("1 行 1 列: 見出し行の 1 列目が「name」ですが、ここは「value」です")
        // the file comes back as typed, to be corrected
        .contains(">name,note\nTanaka Ichiro,x\n</textarea>");
    assertThat(
            api.ok(api.send("GET", "/api/targeting/lists/watched", analyst, null))
                .get("size")
                .asInt())
        .isEqualTo(2);
  }
}
