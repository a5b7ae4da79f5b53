package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
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
 * A worklist row shows its first reasons and says how many more its item has, linking to it, in
 * English and Japanese: an analyst never takes the reasons shown for all there are.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorklistRowReasonsTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final Messages JA = new Messages(Locale.JAPANESE, List.of("i18n.targeting"));
  private static final Messages EN = new Messages(Locale.ENGLISH, List.of("i18n.targeting"));

  private TargetingServer server;
  private WebApi api;

  /** Nothing selected at random or topped up: each lane is its criteria's. */
  private static final String SELECTIVITY =
      """
      default.red.expected=0
      default.red.random=0
      default.yellow.expected=0
      default.yellow.random=0
      default.blue.expected=0
      default.blue.random=0
      """;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("targeting"));
    Files.writeString(dir.resolve("targeting/selectivity.properties"), SELECTIVITY);
    server = TargetingServer.start(db, dir, TargetingServer.MODEL, PASSWORD, "JPYOK");
    api = server.api();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void released(String name, String because) throws Exception {
    released(name, "0901", because);
  }

  /** Saves and releases a criterion sending records of HS {@code hs}… to yellow. */
  private void released(String name, String hs, String because) throws Exception {
    JsonNode saved =
        api.saveCriterion(
            server.analyst(),
            "criterion \""
                + name
                + "\" when hs starts with \""
                + hs
                + "\" then lane yellow weight 5 because \""
                + because
                + "\"");
    api.ok(api.send("POST", WebApi.releasePath(saved), server.admin(), null));
  }

  private String rowOf(String query, String record) throws Exception {
    var r = api.send("GET", "/targeting/worklist/rows?" + query, server.analyst(), null);
    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body();
    int at = html.indexOf("data-record=\"" + record + "\"");
    assertThat(at).as("row of %s in %s", record, html).isNotNegative();
    return html.substring(at, html.indexOf("</tr>", at));
  }

  @Test
  void aRowSaysHowManyMoreReasonsItsItemHasBeyondThoseShown() throws Exception {
    released("Coffee one", "first reason");
    released("Coffee two", "second reason");
    released("Coffee three", "third reason");
    released("Coffee four", "fourth reason");
    JsonNode many =
        api.ok(
            api.send(
                "POST",
                "/api/assess",
                server.analyst(),
                "{\"declarationId\":\"WR-1\",\"date\":\"2026-11-28\",\"office\":\"JPYOK\","
                    + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\"}]}"));
    long id = many.get("id").asLong();
    int reasons = many.get("reasons").size();
    assertThat(reasons).isGreaterThanOrEqualTo(4);

    String en = rowOf("office=JPYOK", "declaration:WR-1");
    assertThat(en.split("<li", -1)).hasSize(1 + 3 + 1);
    assertThat(en)
        .contains(EN.get("targeting.reasons.more", reasons - 3))
        .contains("href=\"/targeting/assessments/" + id + "\" class=\"more-reasons\"");
    String ja = rowOf("office=JPYOK&lang=ja", "declaration:WR-1");
    assertThat(ja).contains(JA.get("targeting.reasons.more", reasons - 3));
    assertThat(JA.get("targeting.reasons.more", reasons - 3))
        .isNotEqualTo(EN.get("targeting.reasons.more", reasons - 3))
        .contains(Integer.toString(reasons - 3));

    // three reasons or fewer: all shown, nothing said of more
    released("Tea", "0902", "tea under watch");
    JsonNode one =
        api.ok(
            api.send(
                "POST",
                "/api/assess",
                server.analyst(),
                "{\"declarationId\":\"WR-2\",\"date\":\"2026-11-28\",\"office\":\"JPYOK\","
                    + "\"items\":[{\"hsCode\":\"090210\",\"origin\":\"TH\"}]}"));
    assertThat(one.get("reasons")).hasSize(1);
    String row = rowOf("office=JPYOK", "declaration:WR-2");
    assertThat(row).contains("Tea: tea under watch").doesNotContain("more-reasons");
    assertThat(row.split("<li", -1)).hasSize(1 + 1);
  }
}
