package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The targeting routes that take no fields (a criterion version's release, a model version's
 * approval, release and restoration) refuse a body that holds one, naming it, in the reader's
 * language, before anything is done: a tool sending a {@code comment} with its approval would
 * otherwise believe it was kept. No body, or an empty object, is still the request.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BodilessRoutesRefuseFieldsTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final Messages JA = new Messages(Locale.JAPANESE, List.of("i18n.targeting"));

  private TargetingServer server;
  private WebApi api;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir, TargetingServer.MODEL, PASSWORD, "JPTYO");
    api = server.api();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static JsonNode refused(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode n = WebApi.JSON.readTree(r.body());
    assertThat(n.get("error").asText()).isEqualTo("invalid-field");
    assertThat(n.get("field").asText()).isEqualTo(field);
    return n;
  }

  @Test
  void aCriterionReleaseHoldingAFieldIsRefusedByNameAndNothingIsReleased() throws Exception {
    JsonNode saved =
        api.saveCriterion(
            server.analyst(),
            "criterion \"Bodiless\" when hs starts with \"0102\" then weight 5 because \"a test criterion\"");
    String release = WebApi.releasePath(saved);
    JsonNode en =
        refused(
            api.send("POST", release, server.admin(), "{\"comment\":\"four eyes done\"}"),
            "comment");
    assertThat(en.get("message").asText())
        .isEqualTo("unknown field \"comment\"; this route takes no fields");
    JsonNode ja =
        refused(
            api.send("POST", release + "?lang=ja", server.admin(), "{\"coment\":\"確認済み\"}"),
            "coment");
    assertThat(ja.get("message").asText())
        .isEqualTo(JA.get("targeting.problem.json-unknown-none", "coment"));
    assertThat(
            api.ok(api.send("GET", "/api/targeting/criteria", server.admin(), null))
                .findValuesAsText("status"))
        .doesNotContain("released");
    // an empty object asks nothing more than no body does
    assertThat(api.ok(api.send("POST", release, server.admin(), "{}")).get("status").asText())
        .isEqualTo("released");
  }

  @Test
  void aModelStepHoldingAFieldIsRefusedByNameBeforeTheStepIsTried() throws Exception {
    for (String step : List.of("approve", "release", "restore")) {
      String path = "/api/targeting/models/1/" + step;
      JsonNode en = refused(api.send("POST", path, server.admin(), "{\"note\":\"ok\"}"), "note");
      assertThat(en.get("message").asText())
          .as(step)
          .isEqualTo("unknown field \"note\"; this route takes no fields");
      refused(api.send("POST", path + "?lang=ja", server.admin(), "{\"note\":\"ok\"}"), "note");
      // no body: the step itself answers (no version 1 registered here)
      assertThat(api.send("POST", path, server.admin(), null).statusCode())
          .as(step)
          .isNotEqualTo(400);
    }
  }
}
