package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A declaration whose own lane was drawn at random says so (basis {@code random}, the random
 * selection's reason, the worklist's random tag) in the API, on its page, in the worklist and in an
 * inspector's referrals, in English and Japanese: while its consignment's lane seconds its own, and
 * once the consignment that raised it above its own lane was released.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RandomSelectionWordingTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final Messages JA = new Messages(Locale.JAPANESE, List.of("i18n.targeting"));
  private static final Messages EN = new Messages(Locale.ENGLISH, List.of("i18n.targeting"));

  /** Every declaration at JPNGO is drawn blue at random; nothing else is selected at random. */
  private static final String SELECTIVITY =
      """
      default.red.expected=0
      default.red.random=0
      default.yellow.expected=0
      default.yellow.random=0
      default.blue.expected=0
      default.blue.random=0
      office.JPNGO.blue.random=100
      """;

  private TargetingServer server;
  private WebApi api;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("targeting"));
    Files.writeString(dir.resolve("targeting/selectivity.properties"), SELECTIVITY);
    server = TargetingServer.start(db, dir, TargetingServer.MODEL, PASSWORD, "JPNGO");
    api = server.api();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A bill at JPOSA (not selected at random) that the analyst raises to {@code lane}. */
  private long billRaisedTo(String number, String lane) throws Exception {
    long id =
        api.ok(
                api.send(
                    "POST",
                    "/api/assess?kind=transport-document",
                    server.analyst(),
                    "{\"number\":\""
                        + number
                        + "\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\","
                        + "\"office\":\"JPOSA\",\"consignee\":{\"name\":\"Sakura Trading\"},"
                        + "\"portOfLoading\":\"THBKK\",\"hsCode\":\"090121\","
                        + "\"grossMassKg\":\"1200\",\"packages\":\"40\"}"))
            .get("id")
            .asLong();
    decide(id, lane, 0);
    return id;
  }

  private JsonNode decide(long id, String lane, int version) throws Exception {
    return api.ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + id + "/lane",
            server.analyst(),
            WebApi.JSON.writeValueAsString(
                Map.of("lane", lane, "comment", "decided by test", "expectedVersion", version))));
  }

  /** A declaration at JPNGO of the goods of {@code bill}, as /api/assess answers it. */
  private JsonNode declared(String id, String bill) throws Exception {
    return api.ok(
        api.send(
            "POST",
            "/api/assess",
            server.analyst(),
            "{\"declarationId\":\""
                + id
                + "\",\"date\":\"2026-11-28\",\"office\":\"JPNGO\",\"transportDocument\":\""
                + bill
                + "\",\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\"}]}"));
  }

  private String page(String path, String token) throws Exception {
    var r = api.send("GET", path, token, null);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  @Test
  void aRandomSelectionIsNamedAsOneWhetherItsConsignmentSecondsItOrWasReleased() throws Exception {
    long blueBill = billRaisedTo("RW-BLUE", "blue");
    long redBill = billRaisedTo("RW-RED", "red");

    // its consignment's blue is its own random blue too: /api/assess says random
    JsonNode seconded = declared("RW-D2", "RW-BLUE");
    assertThat(seconded.get("lane").asText()).isEqualTo("blue");
    assertThat(seconded.get("basis").asText()).isEqualTo("random");
    assertThat(seconded.get("random").asBoolean()).isTrue();
    assertThat(seconded.get("reasons")).hasSize(2);
    assertThat(seconded.get("reasons").get(0).asText())
        .isEqualTo(
            "consignment RW-BLUE was selected blue before arrival (assessment " + blueBill + ")");
    assertThat(seconded.get("reasons").get(1).asText())
        .isEqualTo("random selection (measures the true infraction rate)");

    // carried to red above its own random blue; the red bill is then released
    long d1 = declared("RW-D1", "RW-RED").get("id").asLong();
    assertThat(
            api.ok(api.send("GET", "/api/targeting/assessments/" + d1, server.analyst(), null))
                .get("basis")
                .asText())
        .isEqualTo("consignment");
    decide(redBill, "green", 1);

    JsonNode item =
        api.ok(api.send("GET", "/api/targeting/assessments/" + d1, server.analyst(), null));
    assertThat(item.get("lane").asText()).isEqualTo("blue");
    assertThat(item.get("basis").asText()).isEqualTo("random");
    assertThat(item.get("finalLane").asText()).isEqualTo("blue");
    assertThat(item.get("reasons").get(0).asText())
        .isEqualTo("random selection (measures the true infraction rate)");
    assertThat(item.get("reasons")).hasSize(1);

    // its page, in both languages: selected blue at random, for the random selection's reason
    String en = page("/targeting/assessments/" + d1, server.analyst());
    assertThat(en)
        .contains("data-basis=\"random\"")
        .contains("(" + EN.get("targeting.basis.random") + ")")
        .contains(EN.get("targeting.reason.random"))
        .doesNotContain(EN.get("targeting.basis.consignment"));
    String ja = page("/targeting/assessments/" + d1 + "?lang=ja", server.analyst());
    assertThat(ja)
        .contains("data-basis=\"random\"")
        .contains("(" + JA.get("targeting.basis.random") + ")")
        .contains(JA.get("targeting.reason.random"))
        .doesNotContain(JA.get("targeting.basis.consignment"));

    // the worklist's row carries the random tag and reason, in Japanese too
    String rows = page("/targeting/worklist/rows?office=JPNGO&lang=ja", server.analyst());
    String row = rowOf(rows, "declaration:RW-D1");
    assertThat(row)
        .contains("<span class=\"tag\">" + JA.get("targeting.random") + "</span>")
        .contains(JA.get("targeting.reason.random"));

    // confirmed by the analyst: the referred item says the same to the inspector (blue: released
    // for a post-clearance audit, it is in the office's referred items, not the inspection queue)
    decide(d1, "blue", 1);
    assertThat(page("/targeting/referrals/rows?lang=ja", server.inspector()))
        .doesNotContain("declaration:RW-D1");
    String referrals =
        page("/targeting/worklist/rows?office=JPNGO&status=referred&lang=ja", server.inspector());
    assertThat(rowOf(referrals, "declaration:RW-D1"))
        .contains("<span class=\"tag\">" + JA.get("targeting.random") + "</span>")
        .contains(JA.get("targeting.reason.random"))
        .doesNotContain("到着前");
  }

  /** The worklist table's row of {@code record}. */
  private static String rowOf(String html, String record) {
    int at = html.indexOf("data-record=\"" + record + "\"");
    assertThat(at).as("row of %s in %s", record, html).isNotNegative();
    return html.substring(at, html.indexOf("</tr>", at));
  }
}
