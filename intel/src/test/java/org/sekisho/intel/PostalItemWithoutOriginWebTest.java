package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A postal item whose sender is in China but which names no originCountry is found by a search for
 * CN, and its title has no empty places.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostalItemWithoutOriginWebTest {
  private IntelServer server;
  private String token;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    server = IntelServer.start(db, dir);
    token = server.token("analyst", "Aiko Tanaka", Set.of(Role.ANALYST), "customs-jp", "");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aSearchForTheSendersCountryFindsTheItemAndItsTitleHasNoEmptyPlaces() throws Exception {
    server.ingest(
        token,
        "postal-items",
        "{\"itemId\":\"RR900000019JP\",\"date\":\"2026-11-20\",\"contents\":\"tea\","
            + "\"sender\":{\"name\":\"Li Wei\",\"country\":\"CN\"},"
            + "\"addressee\":{\"name\":\"Taro Yamada\",\"country\":\"JP\"}}\n");
    HttpResponse<String> r =
        server.json(token, "GET", "/api/search?kind=postal-item&country=CN", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode hits = IntelServer.JSON.readTree(r.body()).get("hits");
    assertThat(hits).as(r.body()).hasSize(1);
    assertThat(hits.get(0).get("sourceId").asText()).isEqualTo("RR900000019JP");
    assertThat(hits.get(0).get("title").asText())
        .isEqualTo("Postal item RR900000019JP · CN → JP · tea");
  }
}
