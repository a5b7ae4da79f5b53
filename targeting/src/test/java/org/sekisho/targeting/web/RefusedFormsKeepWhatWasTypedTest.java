package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
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
 * A page that refuses what an analyst typed shows it again as typed, the refusal beside it in the
 * reader's language, with a 4xx: a list import's file and mode, the worklist's filter.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RefusedFormsKeepWhatWasTypedTest {
  private WebApi.AnalystServer server;
  private WebApi api;
  private String analyst;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = WebApi.AnalystServer.start(db, dir);
    api = server.api();
    analyst = server.analyst();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static final String REFUSED_REPLACEMENT =
      "value,note\n0311112222,x\n+44 20 7946 0958,uk\nabc,bad\n";

  @Test
  void aRefusedReplacementComesBackAsAReplacementWith400AndTheListUnchanged() throws Exception {
    api.ok(
        api.send(
            "POST", "/api/targeting/lists", analyst, "{\"name\":\"kept\",\"kind\":\"phones\"}"));
    api.ok(api.send("POST", "/api/targeting/lists/kept/entries", analyst, "0399998888,old\n"));
    for (String lang : new String[] {"en", "ja"}) {
      HttpResponse<String> page =
          api.form(
              "/targeting/lists/kept/import?lang=" + lang,
              analyst,
              Map.of("csv", REFUSED_REPLACEMENT, "mode", "replace"));
      assertThat(page.statusCode()).as(lang).isEqualTo(400);
      assertThat(page.body())
          .as(lang)
          .contains(lang.equals("ja") ? "4 行目" : "line 4")
          // the file and the mode as typed: submitted again once corrected, it replaces
          .contains(">" + REFUSED_REPLACEMENT + "</textarea>")
          .containsPattern("<option value=\"replace\" selected")
          .doesNotContainPattern("<option value=\"add\" selected");
    }
    JsonNode list = api.ok(api.send("GET", "/api/targeting/lists/kept", analyst, null));
    assertThat(list.get("size").asInt()).isEqualTo(1);
    // a list page read afresh offers adding, the default
    HttpResponse<String> fresh = api.send("GET", "/targeting/lists/kept", analyst, null);
    assertThat(fresh.body())
        .containsPattern("<option value=\"add\" selected")
        .doesNotContainPattern("<option value=\"replace\" selected");
  }
}
