package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
 * What an entity stands for as the next investigator reads it: search counts the records naming an
 * entity (and those merged into it) once each, as its page does, within what the reader may read; a
 * merge's history says who undid it, when and why; a merged-away entity says where it went.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EntityCountsAndMergeHistoryWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  private Database db;
  private IntelServer server;
  private String token;
  private String police;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    this.db = db;
    server = IntelServer.start(db, dir);
    token = server.token("officer", "Jun Sato", Set.of(Role.OFFICER), "customs-jp", "");
    police =
        server.token("police", "Police", Set.of(Role.PARTNER, Role.INVESTIGATOR), "police-jp", "");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(String bearer, String method, String path, String body)
      throws Exception {
    return server.send(
        bearer,
        method,
        path,
        body,
        path.startsWith("/api/") ? "application/json" : "text/html",
        "application/json");
  }

  private JsonNode json(String bearer, String method, String path, String body) throws Exception {
    HttpResponse<String> r = send(bearer, method, path, body);
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 201);
    return JSON.readTree(r.body());
  }

  private static String party(String name, String address) {
    return "{\"name\":\"" + name + "\",\"address\":\"" + address + "\",\"country\":\"JP\"}";
  }

  private static String seizure(String id, String persons, String companies) {
    return "{\"seizureId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"commodity\":\"gold\","
        + "\"persons\":["
        + persons
        + "],\"companies\":["
        + companies
        + "]}\n";
  }

  private long address(String display) {
    Long id =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select id from intel.entity where type = 'address' and display = :d")
                        .bind("d", display)
                        .mapTo(Long.class)
                        .one());
    return id;
  }

  /** The records search counts for entity {@code id} when {@code bearer} searches {@code q}. */
  private long searchCount(String bearer, String q, long id) throws Exception {
    JsonNode hits =
        json(bearer, "GET", "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
    for (JsonNode e : hits.get("entities")) {
      if (e.get("id").asLong() == id) {
        return e.get("records").asLong();
      }
    }
    throw new AssertionError("entity " + id + " not among the hits of '" + q + "': " + hits);
  }

  @Test
  void searchCountsEachVisibleRecordOnceHoweverOftenItNamesTheEntityOrThoseMergedIntoIt()
      throws Exception {
    String x = "7-1 Nishi RV15 Shinjuku";
    String y = "7-1 Nishi RV15 Shinjuku Annex";
    json(
        token,
        "POST",
        "/api/ingest/seizures",
        // RV15-1 names x twice (suspect and company), RV15-3 x and y
        seizure("RV15-1", party("Taro Yamada", x), party("Nishi Trading", x))
            + seizure("RV15-2", party("Hanako Ito", x), "")
            + seizure("RV15-3", party("Jiro Sato", x), party("Annex Trading", y))
            + seizure("RV15-4", "", party("Annex Shoji", y)));
    // a partner's own record naming x twice, which customs does not read
    json(
        police,
        "POST",
        "/api/ingest/seizures",
        seizure("P-RV15-1", party("Goro Kato", x), party("Kato Holdings", x)));
    long ax = address(x);
    long ay = address(y);
    assertThat(searchCount(token, x, ax)).isEqualTo(3);
    assertThat(json(token, "GET", "/api/entities/" + ax, null).get("recordCount").asLong())
        .isEqualTo(3);
    assertThat(searchCount(police, x, ax)).isEqualTo(1);
    json(
        token,
        "POST",
        "/api/entities/" + ax + "/merge",
        "{\"mergedId\":" + ay + ",\"reason\":\"the annex is the same building\"}");
    // RV15-3 names both: counted once with the records of y
    assertThat(searchCount(token, x, ax)).isEqualTo(4);
    assertThat(searchCount(token, y, ax)).isEqualTo(4);
    assertThat(json(token, "GET", "/api/entities/" + ax, null).get("recordCount").asLong())
        .isEqualTo(4);
    assertThat(searchCount(police, x, ax)).isEqualTo(1);
  }

  private long company(String display) {
    Long id =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select id from intel.entity where type = 'company' and display = :d")
                        .bind("d", display)
                        .mapTo(Long.class)
                        .one());
    return id;
  }

  /** The details of the latest audit entry of {@code action}. */
  private JsonNode lastAudit(String action) throws Exception {
    String details =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details from platform.audit_log where action = :a order by seq"
                                + " desc limit 1")
                        .bind("a", action)
                        .mapTo(String.class)
                        .one());
    return JSON.readTree(details);
  }

  /** The row of the entity page's record list whose title names {@code sourceId}. */
  private static String recordRow(String page, String sourceId) {
    int table = page.indexOf("<table id=\"entity-records\">");
    String records = page.substring(table, page.indexOf("</table>", table));
    for (String row : records.split("<tr>")) {
      if (row.contains(sourceId)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + sourceId + " in " + records);
  }

  @Test
  void aMergedEntityIsNotOfferedItsSurvivorAsACandidateAgain() throws Exception {
    json(
        token,
        "POST",
        "/api/ingest/seizures",
        seizure("TSUKI-1", "", party("Tsukimi Boeki", "1-1 Tsuki Kita"))
            + seizure("TSUKI-2", "", party("Tsukimi Boeki Shoten", "2-2 Tsuki Minami")));
    long a = company("Tsukimi Boeki");
    long b = company("Tsukimi Boeki Shoten");
    assertThat(json(token, "GET", "/api/entities/" + b, null).get("candidates"))
        .as("alike names are offered before the merge")
        .extracting(c -> c.get("id").asLong())
        .contains(a);
    json(
        token,
        "POST",
        "/api/entities/" + a + "/merge",
        "{\"mergedId\":" + b + ",\"reason\":\"same firm, two spellings\"}");
    JsonNode merged = json(token, "GET", "/api/entities/" + b, null);
    assertThat(merged.get("mergedInto").asLong()).isEqualTo(a);
    assertThat(merged.get("candidates")).extracting(c -> c.get("id").asLong()).doesNotContain(a);
  }

  @Test
  void twoShipsWithDifferentImoNumbersAreNotMergedHoweverAlikeTheirNames() throws Exception {
    json(
        token,
        "POST",
        "/api/ingest/conveyance-movements",
        "{\"movementId\":\"IMO-MV-1\",\"mode\":\"sea\",\"direction\":\"arrival\","
            + "\"time\":\"2026-11-20T08:00:00Z\",\"conveyanceName\":\"SAKURA MARU\","
            + "\"imo\":\"9074729\",\"flag\":\"JP\",\"port\":\"JPYOK\"}\n"
            + "{\"movementId\":\"IMO-MV-2\",\"mode\":\"sea\",\"direction\":\"arrival\","
            + "\"time\":\"2026-11-21T08:00:00Z\",\"conveyanceName\":\"SAKURA MARU\","
            + "\"imo\":\"9321902\",\"flag\":\"MH\",\"port\":\"JPYOK\"}\n");
    long first = vessel("IMO9074729");
    long second = vessel("IMO9321902");
    String body = "{\"mergedId\":" + second + ",\"reason\":\"same name and operator\"}";
    HttpResponse<String> refused = send(token, "POST", "/api/entities/" + first + "/merge", body);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body())
        .contains("IMO 9074729")
        .contains("IMO 9321902")
        .contains("two ships and cannot be merged");
    HttpResponse<String> ja =
        send(token, "POST", "/api/entities/" + first + "/merge?lang=ja", body);
    assertThat(ja.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(ja.body()).get("message").asText())
        .contains("IMO 9321902")
        .contains("別の船舶");
    // nothing merged, nothing to undo
    assertThat(json(token, "GET", "/api/entities/" + second, null).get("mergedInto").isNull())
        .isTrue();
    // a ship known by name alone may still be merged into the one its IMO number keys
    json(
        token,
        "POST",
        "/api/ingest/seizures",
        "{\"seizureId\":\"IMO-S-1\",\"date\":\"2026-11-22\",\"commodity\":\"gold\","
            + "\"conveyance\":\"SAKURA MARU\"}\n");
    long byName = vessel("NAME:SAKURA MARU%");
    json(
        token,
        "POST",
        "/api/entities/" + first + "/merge",
        "{\"mergedId\":" + byName + ",\"reason\":\"the seizure's ship, by its port call\"}");
  }

  private long vessel(String key) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from intel.entity where type = 'vessel' and key like :k")
                    .bind("k", key)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void aMergesHistorySaysWhoUndidItWhenAndWhyAndAMergedAwayEntitySaysWhereItWent()
      throws Exception {
    json(
        token,
        "POST",
        "/api/ingest/seizures",
        seizure("HOSHI-1", "", party("Hoshi Trading", "1-1 Hoshi Chuo"))
            + seizure("HOSHI-2", "", party("Hoshi Shoji", "9-9 Hoshi Minami")));
    long a = company("Hoshi Trading");
    long b = company("Hoshi Shoji");
    long first =
        json(
                token,
                "POST",
                "/api/entities/" + a + "/merge",
                "{\"mergedId\":" + b + ",\"reason\":\"same owner\"}")
            .get("merge")
            .asLong();
    // decisions are audited as reads are: with the client's address
    assertThat(lastAudit("entity.merge").get("ip").asText()).isNotBlank();
    JsonNode graph = json(token, "GET", "/api/entities/" + b + "/graph", null);
    assertThat(graph.get("mergedInto").asLong()).isEqualTo(a);
    assertThat(json(token, "GET", "/api/entities/" + a + "/graph", null).get("mergedInto").isNull())
        .isTrue();
    String merged = send(token, "GET", "/entities/" + b + "?lang=en", null).body();
    // the survivor named, not only numbered
    assertThat(merged)
        .contains(
            "<dd id=\"entity-merged-into\"><a href=\"/entities/"
                + a
                + "\">Hoshi Trading</a> (#"
                + a
                + ")</dd>");
    assertThat(lastAudit("entity.read").get("survivor").asText()).isEqualTo("entity:" + a);
    // the survivor's page says which of its records came in through the merge, and by whom
    String survivor = send(token, "GET", "/entities/" + a + "?lang=en", null).body();
    String viaMerge = recordRow(survivor, "HOSHI-2");
    assertThat(viaMerge)
        .contains(
            "<span class=\"via-merge\" data-merged=\""
                + b
                + "\">through the merge of <a href=\"/entities/"
                + b
                + "\">Hoshi Shoji</a></span>");
    assertThat(recordRow(survivor, "HOSHI-1")).doesNotContain("via-merge");
    String inJapanese = send(token, "GET", "/entities/" + a + "?lang=ja", null).body();
    assertThat(recordRow(inJapanese, "HOSHI-2")).contains("Hoshi Shoji</a> との統合で加わった記録");

    json(
        token, "POST", "/api/merges/" + first + "/undo", "{\"reason\":\"wrong: different firms\"}");
    JsonNode undoAudit = lastAudit("entity.merge.undo");
    assertThat(undoAudit.get("ip").asText()).isNotBlank();
    assertThat(undoAudit.get("reason").asText()).isEqualTo("wrong: different firms");
    JsonNode history = json(token, "GET", "/api/entities/" + a, null).get("merges");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("undoneAt").asText()).isNotBlank();
    assertThat(history.get(0).get("undoneBy").asText()).isEqualTo("officer");
    assertThat(history.get(0).get("undoReason").asText()).isEqualTo("wrong: different firms");
    assertThat(json(token, "GET", "/api/entities/" + b + "/graph", null).get("mergedInto").isNull())
        .isTrue();
    String en = send(token, "GET", "/entities/" + a + "?lang=en", null).body();
    assertThat(en).contains("by officer").contains("because: wrong: different firms");
    String ja = send(token, "GET", "/entities/" + a + "?lang=ja", null).body();
    assertThat(ja).contains("取消し済み").contains("（officer）").contains("理由: wrong: different firms");
    // the merged-away side's page tells the same history
    assertThat(send(token, "GET", "/entities/" + b + "?lang=en", null).body())
        .contains("because: wrong: different firms");
  }

  @Test
  void migrationThirteenTakesTheReasonOfAnUndoneMergeFromItsAuditEntry() throws Exception {
    json(
        token,
        "POST",
        "/api/ingest/seizures",
        seizure("KUMO-1", "", party("Kumo Trading", "2-2 Kumo"))
            + seizure("KUMO-2", "", party("Kumo Shoji", "3-3 Kumo")));
    long a = company("Kumo Trading");
    long b = company("Kumo Shoji");
    long merge =
        json(
                token,
                "POST",
                "/api/entities/" + a + "/merge",
                "{\"mergedId\":" + b + ",\"reason\":\"same owner\"}")
            .get("merge")
            .asLong();
    json(token, "POST", "/api/merges/" + merge + "/undo", "{\"reason\":\"other registry\"}");
    // as a merge undone before the column existed
    db.jdbi()
        .useHandle(
            h -> h.execute("update intel.entity_merge set undo_reason = null where id = ?", merge));
    String v13;
    try (var in = getClass().getResourceAsStream("/db/intel/V13__merge_undo_reason.sql")) {
      v13 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    db.jdbi().useTransaction(h -> h.createScript(v13).execute());
    JsonNode history = json(token, "GET", "/api/entities/" + a, null).get("merges");
    assertThat(history.get(0).get("undoReason").asText()).isEqualTo("other registry");
  }

  @Test
  void aJapaneseMobileOfAForeignPartyIsFoundWrittenInternationally() throws Exception {
    json(
        token,
        "POST",
        "/api/ingest/seizures",
        seizure(
            "PHONE-HU-1",
            "{\"name\":\"Bence Kovacs\",\"phone\":\"090-7777-1515\",\"country\":\"HU\"}",
            ""));
    Long phones =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.entity where type = 'phone' and key ="
                                + " '+819077771515'")
                        .mapTo(Long.class)
                        .one());
    assertThat(phones).isEqualTo(1);
    for (String q : List.of("+81 90 7777 1515", "090-7777-1515")) {
      JsonNode hits =
          json(token, "GET", "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
      assertThat(hits.get("hits"))
          .as(q)
          .extracting(h -> h.get("sourceId").asText())
          .containsExactly("PHONE-HU-1");
    }
  }
}
