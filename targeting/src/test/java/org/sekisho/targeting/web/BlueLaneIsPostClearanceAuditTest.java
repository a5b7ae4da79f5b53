package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.sekisho.targeting.criteria.Declarations;

/**
 * Blue is ASYCUDA's post-clearance audit lane: the goods are released and their documents audited
 * later, by auditors, not examined at the border. A declaration an analyst sends blue is therefore
 * not in the inspectors' queue of referrals (red: physical examination, yellow: documentary check),
 * and its page says it is released for a post-clearance audit, not "referred for inspection"; the
 * audit's outcome is still recorded on it, a label for the model like any control's.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BlueLaneIsPostClearanceAuditTest {
  /** Nothing selected by itself: each record lands where the analyst decides. */
  private static final String SELECTIVITY =
      """
      default.red.expected=0
      default.red.random=0
      default.yellow.expected=0
      default.yellow.random=0
      default.blue.expected=0
      default.blue.random=0
      """;

  private TargetingServer server;
  private WebApi api;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("targeting"));
    Files.writeString(dir.resolve("targeting/selectivity.properties"), SELECTIVITY);
    server = TargetingServer.start(db, dir);
    api = server.api();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A declaration lodged at the inspectors' office, sent to {@code lane} by the analyst. */
  private long decided(String id, String lane) throws Exception {
    long a =
        api.ok(
                api.send(
                    "POST",
                    "/api/assess",
                    server.analyst(),
                    Declarations.json(id, "IMP-" + id, "BRK-" + id, "800")
                        .replace("\"office\":\"JPTYO\"", "\"office\":\"JPYOK\"")))
            .get("id")
            .asLong();
    JsonNode item =
        api.ok(api.send("GET", "/api/targeting/assessments/" + a, server.analyst(), null));
    api.ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + a + "/lane",
            server.analyst(),
            "{\"lane\":\""
                + lane
                + "\",\"comment\":\"decided for this test\",\"expectedVersion\":"
                + item.get("version").asInt()
                + "}"));
    return a;
  }

  private String page(String path) throws Exception {
    HttpResponse<String> r = api.send("GET", path, server.inspector(), null);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void aBlueDeclarationIsNoInspectionWaitingButAPostClearanceAudit() throws Exception {
    long red = decided("D-RED-1", "red");
    long yellow = decided("D-YELLOW-1", "yellow");
    long blue = decided("D-BLUE-1", "blue");
    assertThat(
            api.ok(api.send("GET", "/api/targeting/assessments/" + blue, server.analyst(), null))
                .get("status")
                .asText())
        .isEqualTo("referred");

    String queue = page("/targeting/referrals/rows");
    assertThat(queue).contains("D-RED-1", "D-YELLOW-1").doesNotContain("D-BLUE-1");
    assertThat(queue).contains("data-total=\"2\"");

    String en = page("/targeting/assessments/" + blue + "?lang=en");
    assertThat(en)
        .contains(
            "id=\"status\">released; documents to be audited after release (post-clearance"
                + " audit)</td>")
        .doesNotContain("referred for inspection");
    String ja = page("/targeting/assessments/" + blue + "?lang=ja");
    assertThat(ja).contains("id=\"status\">許可済み (許可後に書類を事後調査)</td>").doesNotContain("検査指示済み");
    // red and yellow goods wait at the border, as before
    assertThat(page("/targeting/assessments/" + red + "?lang=en"))
        .contains("id=\"status\">referred for inspection</td>");
    assertThat(page("/targeting/assessments/" + yellow + "?lang=ja"))
        .contains("id=\"status\">検査指示済み</td>");

    // the audit's finding is recorded on it all the same
    JsonNode audited =
        api.ok(
            api.send(
                "POST",
                "/api/targeting/assessments/" + blue + "/outcome",
                server.inspector(),
                "{\"result\":\"infraction\",\"revenue\":\"12000\",\"note\":\"undervalued invoice\"}"));
    assertThat(audited.get("status").asText()).isEqualTo("closed");
  }
}
