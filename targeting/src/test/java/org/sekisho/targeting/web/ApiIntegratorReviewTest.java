package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
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
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * An API integrator's review: numbers in a body are whole JSON numbers in a stated range, never
 * strings read as numbers; the worklist's office is an office code; a query parameter a route does
 * not take is refused naming it and those it takes (pages stay lenient); a list hit says the note
 * of the entry behind it (which seizure named the trader) to those who read the lists.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ApiIntegratorReviewTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final String OFFICE = "JPYOK";
  private static final String SOURCE =
      "criterion \"Coffee\"\n  when hs starts with \"0901\"\n  then lane red weight 10\n"
          + "  because \"coffee from Thailand\"\n";

  private WebServer web;
  private WebApi api;
  private String analyst;
  private String inspector;
  private String admin;

  private TargetingServer server;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir, RiskScorer.NONE, PASSWORD, OFFICE);
    web = server.web();
    api = server.api();
    analyst = server.analyst();
    inspector = server.inspector();
    admin = server.admin();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String declaration(String id, String importerId) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"office\":\""
        + OFFICE
        + "\",\"importer\":{\"name\":\"Sakura\",\"id\":\""
        + importerId
        + "\"},\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\",\"netMassKg\":\"10\","
        + "\"customsValue\":\"5000\",\"currency\":\"JPY\"}]}";
  }

  /** A 400 naming {@code field}; its message. */
  private static String refused(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode b = WebApi.JSON.readTree(r.body());
    assertThat(b.get("field").asText()).as(r.body()).isEqualTo(field);
    return b.get("message").asText();
  }

  private HttpResponse<String> dryRun(String days) throws Exception {
    String source = WebApi.JSON.writeValueAsString(SOURCE);
    return api.send(
        "POST",
        "/api/targeting/criteria/dry-run",
        analyst,
        "{\"source\":" + source + (days == null ? "" : ",\"days\":" + days) + "}");
  }

  @Test
  void aDryRunsDaysIsAWholeJsonNumberFrom1To366() throws Exception {
    for (String bad : List.of("99999999999999999999", "\"7\"", "7.5", "7.0", "0", "367", "1e400")) {
      assertThat(refused(dryRun(bad), "days"))
          .as(bad)
          .contains("whole JSON number from 1 to 366")
          .doesNotContain("12500.50");
    }
    assertThat(refused(dryRun("\"7\""), "days")).endsWith("got a string");
    assertThat(api.ok(dryRun("7")).get("days").asInt()).isEqualTo(7);
    assertThat(api.ok(dryRun("366")).get("days").asInt()).isEqualTo(366);
    assertThat(api.ok(dryRun(null)).get("days").asInt()).as("when not given").isEqualTo(30);
  }

  @Test
  void aLaneDecisionsExpectedVersionSaysItsRange() throws Exception {
    long a =
        api.ok(api.send("POST", "/api/assess", analyst, declaration("D-REV-LANE", "IMP-LANE")))
            .get("id")
            .asLong();
    for (String bad : List.of("1e400", "\"0\"", "-1", "2147483648")) {
      assertThat(
              refused(
                  api.send(
                      "POST",
                      "/api/targeting/assessments/" + a + "/lane",
                      analyst,
                      "{\"lane\":\"red\",\"comment\":\"refer\",\"expectedVersion\":" + bad + "}"),
                  "expectedVersion"))
          .as(bad)
          .contains("from 0 to 2147483647");
    }
    // nothing was decided
    assertThat(
            api.ok(api.send("GET", "/api/targeting/assessments/" + a, analyst, null))
                .get("version")
                .asInt())
        .isZero();
  }

  @Test
  void theWorklistsOfficeIsAnOfficeCode() throws Exception {
    for (String bad : List.of("XXYOK", "NOT-AN-OFFICE", "J%20P")) {
      assertThat(
              refused(
                  api.send("GET", "/api/targeting/worklist?office=" + bad, analyst, null),
                  "office"))
          .as(bad)
          .contains("no office code");
    }
    // a well-formed office with nothing open is an empty list; empty is every office
    assertThat(api.ok(api.send("GET", "/api/targeting/worklist?office=JPNGO", analyst, null)))
        .isEmpty();
    assertThat(api.send("GET", "/api/targeting/worklist?office=", analyst, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aQueryParameterARouteDoesNotTakeIsRefusedNamingThoseItTakes() throws Exception {
    String m =
        refused(api.send("GET", "/api/targeting/worklist?offset=100", analyst, null), "offset");
    assertThat(m).contains("office, status, kind, limit, after").contains("'offset'");
    assertThat(refused(api.send("GET", "/api/targeting/lists/none?page=2", analyst, null), "page"))
        .contains("q, offset, limit");
    assertThat(refused(api.send("GET", "/api/targeting/lists?all=1", analyst, null), "all"))
        .contains("takes no query parameters");
    assertThat(refused(api.send("GET", "/api/targeting/criteria?x=1", admin, null), "x"))
        .contains("takes no query parameters");
    assertThat(
            refused(api.send("GET", "/api/targeting/assessments/1?full=1", analyst, null), "full"))
        .contains("takes no query parameters");
    assertThat(refused(api.send("GET", "/api/targeting/selectivity?o=1", admin, null), "o"))
        .contains("takes no query parameters");
    assertThat(refused(api.send("GET", "/api/targeting/models?v=1", admin, null), "v"))
        .contains("takes no query parameters");
    // a misspelt kind would otherwise assess a postal item as a declaration
    assertThat(
            refused(
                api.send(
                    "POST",
                    "/api/assess?knd=postal-item",
                    analyst,
                    declaration("D-REV-KND", "IMP-K")),
                "knd"))
        .contains("takes kind");
    // the parameters a route takes, and lang, are read as before; pages stay lenient
    assertThat(
            api.send(
                    "GET",
                    "/api/targeting/worklist?office=JPYOK&status=open&limit=5&lang=ja",
                    analyst,
                    null)
                .statusCode())
        .isEqualTo(200);
    assertThat(api.send("GET", "/api/targeting/criteria?lang=ja", admin, null).statusCode())
        .isEqualTo(200);
    assertThat(
            api.send("GET", "/targeting/worklist?offset=100&lang=ja", analyst, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aListHitSaysTheNoteOfItsEntryToThoseWhoReadTheLists() throws Exception {
    api.ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            "{\"name\":\"seized-parties\",\"kind\":\"parties\",\"description\":\"test\"}"));
    api.ok(
        api.send(
            "POST",
            "/api/targeting/lists/seized-parties/entries",
            analyst,
            "value,note\nIMP-NOTED,seizure S-2026-0042\nIMP-BARE,\n株式会社サクラ物産,seizure S-2026-0043\n"));
    JsonNode saved =
        api.saveCriterion(
            analyst,
            "criterion \"Seized party\" when importer in list \"seized-parties\" then lane red"
                + " because \"A party to this record was named in an earlier seizure\"");
    api.ok(api.send("POST", WebApi.releasePath(saved), admin, null));
    long noted =
        api.ok(api.send("POST", "/api/assess", analyst, declaration("D-REV-NOTE", "IMP-NOTED")))
            .get("id")
            .asLong();
    long bare =
        api.ok(api.send("POST", "/api/assess", analyst, declaration("D-REV-BARE", "IMP-BARE")))
            .get("id")
            .asLong();

    // a name written another way hits its entry by key: the note is that entry's
    long variant =
        api.ok(
                api.send(
                    "POST",
                    "/api/assess",
                    analyst,
                    declaration("D-REV-KEY", "IMP-OTHER").replace("Sakura", "サクラ物産株式会社")))
            .get("id")
            .asLong();
    JsonNode byKey =
        api.ok(api.send("GET", "/api/targeting/assessments/" + variant, analyst, null))
            .get("listHits");
    assertThat(byKey).as(byKey.toString()).hasSize(1);
    assertThat(byKey.get(0).get("note").asText()).isEqualTo("seizure S-2026-0043");

    JsonNode hits =
        api.ok(api.send("GET", "/api/targeting/assessments/" + noted, analyst, null))
            .get("listHits");
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("list").asText()).isEqualTo("seized-parties");
    assertThat(hits.get(0).get("field").asText()).isEqualTo("importer");
    assertThat(hits.get(0).get("value").asText()).isEqualTo("IMP-NOTED");
    assertThat(hits.get(0).get("note").asText()).isEqualTo("seizure S-2026-0042");
    assertThat(
            api.ok(api.send("GET", "/api/targeting/assessments/" + bare, analyst, null))
                .get("listHits")
                .get(0)
                .get("note")
                .asText())
        .isEmpty();

    String en =
        api.send("GET", "/targeting/assessments/" + noted + "?lang=en", analyst, null).body();
    assertThat(en).contains("importer IMP-NOTED (entry note: seizure S-2026-0042)");
    String ja =
        api.send("GET", "/targeting/assessments/" + noted + "?lang=ja", analyst, null).body();
    assertThat(ja).contains("輸入者 IMP-NOTED（登録メモ: seizure S-2026-0042）");
    String bareEn =
        api.send("GET", "/targeting/assessments/" + bare + "?lang=en", analyst, null).body();
    assertThat(bareEn).contains("importer IMP-BARE").doesNotContain("entry note");

    // an inspector reads the assessment but not the lists: the hit, not the note
    JsonNode asInspector =
        api.ok(api.send("GET", "/api/targeting/assessments/" + noted, inspector, null));
    assertThat(asInspector.has("listHits")).isFalse();
    String inspectorPage =
        api.send("GET", "/targeting/assessments/" + noted + "?lang=en", inspector, null).body();
    assertThat(inspectorPage).contains("importer IMP-NOTED").doesNotContain("S-2026-0042");
  }
}
