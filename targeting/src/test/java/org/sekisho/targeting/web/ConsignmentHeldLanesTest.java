package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
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
 * A declaration held at a lane by its consignment: one whose own lane was drawn at random is not
 * lowered below that draw while the consignment holds it higher (refused, audited, nothing
 * written), and one raised by its consignment after its own assessment says in the worklist which
 * consignment holds it and why, in the API and on the page, in English and Japanese.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsignmentHeldLanesTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final Messages JA = new Messages(Locale.JAPANESE, List.of("i18n.targeting"));
  private static final Messages EN = new Messages(Locale.ENGLISH, List.of("i18n.targeting"));

  /**
   * Every declaration at JPNGO is drawn blue at random and every consignment at JPTYO red; nothing
   * else is selected at random.
   */
  private static final String SELECTIVITY =
      """
      default.red.expected=0
      default.red.random=0
      default.yellow.expected=0
      default.yellow.random=0
      default.blue.expected=0
      default.blue.random=0
      office.JPNGO.blue.random=100
      office.JPTYO/transport-document.red.random=100
      """;

  private Database db;
  private TargetingServer server;
  private WebApi api;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
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

  /** A bill at {@code office}, as /api/assess answers it. */
  private JsonNode bill(String number, String office) throws Exception {
    return api.ok(
        api.send(
            "POST",
            "/api/assess?kind=transport-document",
            server.analyst(),
            "{\"number\":\""
                + number
                + "\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\",\"office\":\""
                + office
                + "\",\"consignee\":{\"name\":\"Sakura Trading\"},"
                + "\"portOfLoading\":\"THBKK\",\"hsCode\":\"090121\","
                + "\"grossMassKg\":\"1200\",\"packages\":\"40\"}"));
  }

  /** A declaration at {@code office} of the goods of {@code bill}, as /api/assess answers it. */
  private JsonNode declared(String id, String office, String bill) throws Exception {
    return api.ok(
        api.send(
            "POST",
            "/api/assess",
            server.analyst(),
            "{\"declarationId\":\""
                + id
                + "\",\"date\":\"2026-11-28\",\"office\":\""
                + office
                + "\",\"transportDocument\":\""
                + bill
                + "\",\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\"}]}"));
  }

  private HttpResponse<String> decide(long id, String lane, int version, String lang)
      throws Exception {
    return api.send(
        "POST",
        "/api/targeting/assessments/" + id + "/lane" + lang,
        server.analyst(),
        WebApi.JSON.writeValueAsString(
            Map.of("lane", lane, "comment", "papers in order", "expectedVersion", version)));
  }

  private JsonNode item(long id) throws Exception {
    return api.ok(api.send("GET", "/api/targeting/assessments/" + id, server.analyst(), null));
  }

  private List<String> audited(String action, long id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select details from platform.audit_log where action = :a and subject ="
                            + " :s order by seq")
                    .bind("a", action)
                    .bind("s", "assessment:" + id)
                    .mapTo(String.class)
                    .list());
  }

  private String page(String path, String token) throws Exception {
    var r = api.send("GET", path, token, null);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  /** The worklist table's row of {@code record}. */
  private static String rowOf(String html, String record) {
    int at = html.indexOf("data-record=\"" + record + "\"");
    assertThat(at).as("row of %s in %s", record, html).isNotNegative();
    return html.substring(at, html.indexOf("</tr>", at));
  }

  /** The worklist API's row of {@code record}. */
  private JsonNode listed(String query, String record) throws Exception {
    JsonNode rows =
        api.ok(api.send("GET", "/api/targeting/worklist?" + query, server.analyst(), null));
    for (JsonNode r : rows) {
      if (r.get("record").asText().equals(record)) {
        return r;
      }
    }
    throw new AssertionError(record + " not in " + rows);
  }

  @Test
  void aDeclarationDrawnAtRandomIsNotLoweredBelowItsDrawWhileItsConsignmentHoldsItHigher()
      throws Exception {
    // a bill at JPOSA (not selected at random) raised to red by the analyst; its goods declared at
    // JPNGO, where every declaration is drawn blue at random: red by the bill, blue on its own
    long bill = bill("HR-RED", "JPOSA").get("id").asLong();
    assertThat(decide(bill, "red", 0, "").statusCode()).isEqualTo(200);
    long d = declared("HR-D1", "JPNGO", "HR-RED").get("id").asLong();
    JsonNode before = item(d);
    assertThat(before.get("finalLane").asText()).isEqualTo("red");
    assertThat(before.get("basis").asText()).isEqualTo("consignment");
    // its worklist row says it is a random selection all the same, with the lane drawn
    String row =
        rowOf(page("/targeting/worklist/rows?office=JPNGO", server.analyst()), "declaration:HR-D1");
    assertThat(row)
        .contains(
            "<span class=\"tag random-own\">"
                + EN.get("targeting.random.own", EN.get("targeting.lane.blue"))
                + "</span>");
    String rowJa =
        rowOf(
            page("/targeting/worklist/rows?office=JPNGO&lang=ja", server.analyst()),
            "declaration:HR-D1");
    assertThat(rowJa)
        .contains(
            "<span class=\"tag random-own\">"
                + JA.get("targeting.random.own", JA.get("targeting.lane.blue"))
                + "</span>");

    // released as if the bill's lane were all it had: refused, its random blue is its own
    HttpResponse<String> refused = decide(d, "green", 0, "");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode r = WebApi.JSON.readTree(refused.body());
    assertThat(r.get("error").asText()).isEqualTo("random-selection");
    assertThat(r.get("field").asText()).isEqualTo("lane");
    assertThat(r.get("message").asText())
        .isEqualTo(
            "drawn blue at random on its own, it is not lowered below blue whatever its"
                + " consignment holds: a random selection measures the true infraction rate;"
                + " record what its control finds instead");
    HttpResponse<String> ja = decide(d, "green", 0, "?lang=ja");
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(WebApi.JSON.readTree(ja.body()).get("message").asText())
        .isEqualTo(
            JA.get(
                "targeting.problem.random-selection-own",
                JA.get("targeting.problem.lane-name.blue")))
        .contains("青");

    // nothing written: the same lane, version and no decision
    JsonNode after = item(d);
    assertThat(after.get("finalLane").asText()).isEqualTo("red");
    assertThat(after.get("status").asText()).isEqualTo("open");
    assertThat(after.get("version").asInt()).isZero();
    assertThat(after.get("decisions")).isEmpty();
    assertThat(audited("targeting.lane.decide", d)).isEmpty();
    // each attempt audited with what was asked and why it was refused
    List<String> attempts = audited("targeting.lane.decide.refused", d);
    assertThat(attempts).hasSize(2);
    JsonNode attempt = WebApi.JSON.readTree(attempts.get(0));
    assertThat(attempt.get("record").asText()).isEqualTo("declaration:HR-D1");
    assertThat(attempt.get("from").asText()).isEqualTo("red");
    assertThat(attempt.get("asked").asText()).isEqualTo("green");
    assertThat(attempt.get("reason").asText()).isEqualTo("random-selection");

    // lowered from the bill's red, it stops at its draw: the analyst's decision, examined as drawn
    HttpResponse<String> toBlue = decide(d, "blue", 0, "");
    assertThat(toBlue.statusCode()).as(toBlue.body()).isEqualTo(200);
    assertThat(item(d).get("finalLane").asText()).isEqualTo("blue");
    assertThat(audited("targeting.lane.decide", d)).hasSize(1);
    assertThat(decide(d, "green", 1, "").statusCode()).isEqualTo(400);
    assertThat(item(d).get("finalLane").asText()).isEqualTo("blue");
  }

  @Test
  void aDeclarationRaisedLaterByItsConsignmentSaysWhichHoldsItAndWhy() throws Exception {
    // declared first at JPOSA, green on their own
    long d1 = declared("HL-D1", "JPOSA", "HL-RANDOM").get("id").asLong();
    long d2 = declared("HL-D2", "JPOSA", "HL-RAISED").get("id").asLong();
    assertThat(item(d1).get("finalLane").asText()).isEqualTo("green");
    assertThat(item(d1).get("reasons")).isEmpty();

    // HL-RANDOM's manifest is selected red at random (JPTYO); HL-RAISED's, at JPOSA, is raised to
    // yellow by the analyst: each declaration follows its bill up
    long random = bill("HL-RANDOM", "JPTYO").get("id").asLong();
    long raised = bill("HL-RAISED", "JPOSA").get("id").asLong();
    assertThat(
            api.send(
                    "POST",
                    "/api/targeting/assessments/" + raised + "/lane",
                    server.analyst(),
                    "{\"lane\":\"yellow\",\"comment\":\"consignee on a watch list\","
                        + "\"expectedVersion\":0}")
                .statusCode())
        .isEqualTo(200);

    String heldRandom =
        "held red by its consignment HL-RANDOM (assessment "
            + random
            + "): random selection (measures the true infraction rate)";
    String heldRaised =
        "held yellow by its consignment HL-RAISED (assessment "
            + raised
            + "): decided yellow by analyst: consignee on a watch list";
    // the worklist's JSON: why first, in English as the other reasons, and in the reader's
    // language with the consignment named
    JsonNode row1 = listed("office=JPOSA&status=open", "declaration:HL-D1");
    assertThat(row1.get("finalLane").asText()).isEqualTo("red");
    assertThat(row1.get("reasons").get(0).asText()).isEqualTo(heldRandom);
    assertThat(row1.get("heldBy").get("record").asText()).isEqualTo("transport-document:HL-RANDOM");
    assertThat(row1.get("heldBy").get("assessment").asLong()).isEqualTo(random);
    assertThat(row1.get("heldBy").get("lane").asText()).isEqualTo("red");
    assertThat(row1.get("heldBy").get("reason").asText())
        .isEqualTo(
            EN.get(
                "targeting.reason.held-by-why",
                EN.get("targeting.lane.red"),
                "HL-RANDOM",
                random,
                EN.get("targeting.reason.random")));
    JsonNode row2 = listed("office=JPOSA&status=open", "declaration:HL-D2");
    assertThat(row2.get("reasons").get(0).asText()).isEqualTo(heldRaised);
    assertThat(row2.get("heldBy").get("decision").get("by").asText()).isEqualTo("analyst");
    JsonNode ja = listed("office=JPOSA&status=open&lang=ja", "declaration:HL-D1");
    String heldJa =
        JA.get(
            "targeting.reason.held-by-why",
            JA.get("targeting.lane.red"),
            "HL-RANDOM",
            random,
            JA.get("targeting.reason.random"));
    assertThat(ja.get("heldBy").get("reason").asText()).isEqualTo(heldJa).contains("HL-RANDOM");
    // the item as the API gives it says the same
    assertThat(item(d2).get("reasons").get(0).asText()).isEqualTo(heldRaised);

    // the worklist page's rows, in both languages
    String en =
        rowOf(page("/targeting/worklist/rows?office=JPOSA", server.analyst()), "declaration:HL-D2");
    assertThat(en)
        .contains(
            EN.get(
                "targeting.reason.held-by-why",
                EN.get("targeting.lane.yellow"),
                "HL-RAISED",
                raised,
                EN.get(
                    "targeting.reason.decided",
                    EN.get("targeting.lane.yellow"),
                    "analyst",
                    "consignee on a watch list")));
    String jaRow =
        rowOf(
            page("/targeting/worklist/rows?office=JPOSA&lang=ja", server.analyst()),
            "declaration:HL-D1");
    assertThat(jaRow).contains(heldJa);

    // confirmed at its bill's red by the analyst, referred: still held by the bill, and says so
    assertThat(decide(d1, "red", 1, "").statusCode()).isEqualTo(200);
    JsonNode confirmed = item(d1);
    assertThat(confirmed.get("status").asText()).isEqualTo("referred");
    assertThat(confirmed.get("reasons").get(0).asText()).isEqualTo(heldRandom);
    assertThat(listed("office=JPOSA&status=referred", "declaration:HL-D1").get("heldBy"))
        .isNotNull();

    // the raised bill lowered to green: its declaration falls back to its own green, held by
    // nothing
    assertThat(decide(raised, "green", 1, "").statusCode()).isEqualTo(200);
    JsonNode released = item(d2);
    assertThat(released.get("finalLane").asText()).isEqualTo("green");
    assertThat(released.has("heldBy")).isFalse();
    assertThat(released.get("reasons")).isEmpty();
  }
}
