package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * What intelligence officers found using the demo: the record API lists the seizures that name a
 * record as its page does (a partner only those shared with it); a refused merge form comes back
 * with the reason as typed; the merge API refuses a field it does not take; the link graph's texts
 * come in the page's language.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AnalystFindingsWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;
  private static final Clock CLOCK = IntelServer.CLOCK;

  private Database db;
  private IntelServer server;
  private String analyst;
  private String police;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = IntelServer.start(db, dir);
    TestIngest.register(db, CLOCK, "police-jp");
    analyst = server.token("aiko", "Aiko", Set.of(Role.ANALYST), "customs-jp", "");
    police = server.token("taro", "Taro", Set.of(Role.PARTNER), "police-jp", "");
    TestIngest.agree(db, CLOCK, "police-jp", "declarations", "seizures");
    ingest(
        "declarations",
        "{\"declarationId\":\"NB-D-1\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\","
            + "\"sharedWith\":[\"police-jp\"],\"importer\":{\"name\":\"Kitsune Trading\","
            + "\"country\":\"JP\"},\"items\":[{\"hsCode\":\"090121\"}]}\n"
            + "{\"declarationId\":\"NB-D-2\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\","
            + "\"importer\":{\"name\":\"Kitsune Shoji\",\"country\":\"JP\"},"
            + "\"items\":[{\"hsCode\":\"090121\"}]}\n");
    ingest(
        "seizures",
        "{\"seizureId\":\"NB-S-SHARED\",\"date\":\"2026-11-21\",\"commodity\":\"gold\","
            + "\"sharedWith\":[\"police-jp\"],\"relatedRecords\":[\"declaration:NB-D-1\"]}\n"
            + "{\"seizureId\":\"NB-S-OWN\",\"date\":\"2026-11-22\",\"commodity\":\"gold\","
            + "\"relatedRecords\":[\"declaration:NB-D-1\"]}\n");
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
        server.request(bearer, path).header("Accept", "application/json"), method, body);
  }

  private void ingest(String kind, String lines) throws Exception {
    HttpResponse<String> r = send(analyst, "POST", "/api/ingest/" + kind + "?format=json", lines);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("rejected").asLong()).as(r.body()).isZero();
  }

  private long id(String sql) {
    Long n = db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    return n;
  }

  private static List<String> sourceIds(JsonNode namedBy) {
    List<String> out = new ArrayList<>();
    namedBy.forEach(n -> out.add(n.get("sourceId").asText()));
    return out;
  }

  @Test
  void theRecordApiListsTheSeizuresNamingTheRecordThatTheReaderMayRead() throws Exception {
    long declaration = id("select id from intel.record where source_id = 'NB-D-1'");
    long shared = id("select id from intel.record where source_id = 'NB-S-SHARED'");
    JsonNode own = JSON.readTree(send(analyst, "GET", "/api/records/" + declaration, null).body());
    assertThat(sourceIds(own.get("namedBy"))).containsExactly("NB-S-OWN", "NB-S-SHARED");
    JsonNode first = own.get("namedBy").get(1);
    assertThat(first.get("id").asLong()).isEqualTo(shared);
    assertThat(first.get("kind").asText()).isEqualTo("seizure");
    assertThat(first.get("href").asText()).isEqualTo("/api/records/" + shared);
    assertThat(first.get("page").asText()).isEqualTo("/records/" + shared);
    // by kind and source id too
    JsonNode bySource =
        JSON.readTree(send(analyst, "GET", "/api/records/declaration/NB-D-1", null).body());
    assertThat(sourceIds(bySource.get("namedBy"))).containsExactly("NB-S-OWN", "NB-S-SHARED");
    // the partner reads the declaration, and only the seizure shared with it
    HttpResponse<String> partner = send(police, "GET", "/api/records/" + declaration, null);
    assertThat(partner.statusCode()).as(partner.body()).isEqualTo(200);
    assertThat(sourceIds(JSON.readTree(partner.body()).get("namedBy")))
        .containsExactly("NB-S-SHARED");
    // a record no seizure names lists none
    long other = id("select id from intel.record where source_id = 'NB-D-2'");
    JsonNode unnamed = JSON.readTree(send(analyst, "GET", "/api/records/" + other, null).body());
    assertThat(unnamed.get("namedBy").isArray()).isTrue();
    assertThat(unnamed.get("namedBy")).isEmpty();
  }

  @Test
  void aReferenceNamesTheRecordItResolvesToForTheReader(@TempDir Path tmp) throws Exception {
    // customs shares its declaration RV16-D1 with the police, which stores a RV16-D1 of its own
    // and a seizure naming declaration:RV16-D1: for the police that is its own declaration
    ingest(
        "declarations",
        "{\"declarationId\":\"RV16-D1\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\","
            + "\"sharedWith\":[\"police-jp\"],\"importer\":{\"name\":\"Kawauso Trading\","
            + "\"country\":\"JP\"},\"items\":[{\"hsCode\":\"090121\"}]}\n");
    IngestRecords policeIngest =
        TestIngest.wire(db, tmp, CLOCK, e -> {}, IngestPorts.RecordsStored.NONE);
    String policeLines =
        "{\"declarationId\":\"RV16-D1\",\"date\":\"2026-11-19\",\"office\":\"JPOSA\","
            + "\"importer\":{\"name\":\"Ookami Shoji\",\"country\":\"JP\"},"
            + "\"items\":[{\"hsCode\":\"090121\"}]}\n";
    String policeSeizure =
        "{\"seizureId\":\"RV16-S1\",\"date\":\"2026-11-21\",\"commodity\":\"gold\","
            + "\"relatedRecords\":[\"declaration:RV16-D1\"]}\n";
    Actor policeActor = new Actor("system:test", "police-jp", true);
    assertThat(
            policeIngest
                .ingest(
                    RecordKind.DECLARATION,
                    "json",
                    "test",
                    new ByteArrayInputStream(policeLines.getBytes(StandardCharsets.UTF_8)),
                    policeActor)
                .orElseThrow()
                .stored())
        .isEqualTo(1);
    assertThat(
            policeIngest
                .ingest(
                    RecordKind.SEIZURE,
                    "json",
                    "test",
                    new ByteArrayInputStream(policeSeizure.getBytes(StandardCharsets.UTF_8)),
                    policeActor)
                .orElseThrow()
                .stored())
        .isEqualTo(1);
    long customs =
        id("select id from intel.record where source_id = 'RV16-D1' and agency = 'customs-jp'");
    long own =
        id("select id from intel.record where source_id = 'RV16-D1' and agency = 'police-jp'");
    JsonNode shared = JSON.readTree(send(police, "GET", "/api/records/" + customs, null).body());
    assertThat(shared.get("namedBy")).as(shared.toString()).isEmpty();
    JsonNode mine = JSON.readTree(send(police, "GET", "/api/records/" + own, null).body());
    assertThat(sourceIds(mine.get("namedBy"))).containsExactly("RV16-S1");
  }

  private long company(String key) {
    return id("select id from intel.entity where type = 'company' and key = '" + key + "'");
  }

  @Test
  void theMergeApiRefusesAFieldItDoesNotTakeNamingIt() throws Exception {
    long a = company("KITSUNE TRADING|JP");
    long b = company("KITSUNE SHOJI|JP");
    HttpResponse<String> r =
        send(
            analyst,
            "POST",
            "/api/entities/" + a + "/merge",
            "{\"mergedId\":" + b + ",\"reson\":\"same phone and address\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("field").asText()).isEqualTo("reson");
    assertThat(p.get("message").asText()).contains("mergedId, reason");
    long merged =
        id("select count(*) from intel.entity where merged_into is not null and id = " + b);
    assertThat(merged).isZero();
    HttpResponse<String> undo =
        send(analyst, "POST", "/api/merges/1/undo", "{\"reason\":\"not the same\",\"why\":1}");
    assertThat(undo.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(undo.body()).get("field").asText()).isEqualTo("why");
  }

  private HttpResponse<String> form(String path, String lang, String... fields) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return server.form(analyst, path, lang, body.toString());
  }

  @Test
  void aRefusedMergeFormComesBackWithTheReasonAsTyped() throws Exception {
    long a = company("KITSUNE TRADING|JP");
    // the API's refusals in other tests are audited too
    long before =
        id(
            "select count(*) from platform.audit_log where action = 'entity.merge.refused' and"
                + " subject = 'entity:"
                + a
                + "'");
    // a typo in the id: the reason typed is kept beside the refusal, in the page's language
    HttpResponse<String> badId =
        form(
            "/entities/" + a + "/merge",
            "ja",
            "form",
            "by-id",
            "mergedId",
            "99999999",
            "reason",
            "同じ電話番号と住所");
    assertThat(badId.statusCode()).isEqualTo(403);
    assertThat(badId.body())
        .contains("id=\"merge-error\"")
        .contains("エンティティ 99999999 は参照できません。存在しないか")
        .contains("value=\"同じ電話番号と住所\"")
        .contains("value=\"99999999\"");
    // itself
    HttpResponse<String> self =
        form(
            "/entities/" + a + "/merge",
            "en",
            "form",
            "by-id",
            "mergedId",
            Long.toString(a),
            "reason",
            "the same registry entry");
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(self.body())
        .contains("cannot be merged into itself")
        .contains("value=\"the same registry entry\"");
    // a reason too short from a candidate's row: kept in that row
    long b = company("KITSUNE SHOJI|JP");
    HttpResponse<String> tooShort =
        form("/entities/" + a + "/merge", "en", "mergedId", Long.toString(b), "reason", "same");
    assertThat(tooShort.statusCode()).isEqualTo(400);
    // in that candidate's row when the page lists it, else in the form that takes an id
    assertThat(tooShort.body())
        .contains("Say in plain words why: at least 5 characters")
        .contains("value=\"same\"");
    long merged =
        id("select count(*) from intel.entity where merged_into is not null and id = " + b);
    assertThat(merged).isZero();
    long refusals =
        id(
            "select count(*) from platform.audit_log where action = 'entity.merge.refused' and"
                + " subject = 'entity:"
                + a
                + "'");
    assertThat(refusals - before).isEqualTo(3);
  }

  @Test
  void aRefusedUndoFormComesBackWithTheReasonAsTyped() throws Exception {
    ingest(
        "declarations",
        "{\"declarationId\":\"UN-D-1\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\","
            + "\"importer\":{\"name\":\"Tanuki Trading\",\"country\":\"JP\"},"
            + "\"items\":[{\"hsCode\":\"090121\"}]}\n"
            + "{\"declarationId\":\"UN-D-2\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\","
            + "\"importer\":{\"name\":\"Tanuki Shoji\",\"country\":\"JP\"},"
            + "\"items\":[{\"hsCode\":\"090121\"}]}\n");
    long a = company("TANUKI TRADING|JP");
    long b = company("TANUKI SHOJI|JP");
    HttpResponse<String> merged =
        send(
            analyst,
            "POST",
            "/api/entities/" + a + "/merge",
            "{\"mergedId\":" + b + ",\"reason\":\"one owner, one warehouse\"}");
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
    long merge = JSON.readTree(merged.body()).get("merge").asLong();
    HttpResponse<String> refused =
        form("/merges/" + merge + "/undo", "ja", "back", Long.toString(a), "reason", "違う");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("class=\"error undo-error\"")
        .contains("5 文字以上")
        .contains("value=\"違う\"");
    long stillMerged =
        id("select count(*) from intel.entity where merged_into = " + a + " and id = " + b);
    assertThat(stillMerged).isEqualTo(1);
    // refused through the form and the API alike, each refusal audited by ids and code
    HttpResponse<String> api =
        send(analyst, "POST", "/api/merges/" + merge + "/undo", "{\"reason\":\"no\"}");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(
            send(analyst, "POST", "/api/merges/" + merge + "/undo", "{\"reson\":\"x\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            id(
                "select count(*) from platform.audit_log where action ="
                    + " 'entity.merge.undo.refused' and subject = 'merge:"
                    + merge
                    + "'"))
        .isEqualTo(3);
    assertThat(
            id(
                "select count(*) from platform.audit_log where action ="
                    + " 'entity.merge.undo.refused' and details like '%違う%'"))
        .isZero();
  }

  @Test
  void aRefusedMergeThroughTheApiIsAuditedByIdsAndCode() throws Exception {
    ingest(
        "declarations",
        "{\"declarationId\":\"MA-D-1\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\","
            + "\"importer\":{\"name\":\"Itachi Trading\",\"country\":\"JP\"},"
            + "\"items\":[{\"hsCode\":\"090121\"}]}\n");
    long a = company("ITACHI TRADING|JP");
    assertThat(
            send(
                    analyst,
                    "POST",
                    "/api/entities/" + a + "/merge",
                    "{\"mergedId\":" + a + ",\"reason\":\"secret words here\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            send(
                    analyst,
                    "POST",
                    "/api/entities/" + a + "/merge",
                    "{\"mergedId\":\"SUZUKI\",\"reason\":\"secret words here\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            id(
                "select count(*) from platform.audit_log where action = 'entity.merge.refused'"
                    + " and subject = 'entity:"
                    + a
                    + "'"))
        .isEqualTo(2);
    assertThat(
            id(
                "select count(*) from platform.audit_log where action = 'entity.merge.refused'"
                    + " and (details like '%secret%' or details like '%SUZUKI%')"))
        .isZero();
  }

  @Test
  void theGraphTextsComeInThePagesLanguageAndTheScriptHoldsNone() throws Exception {
    long a = company("KITSUNE TRADING|JP");
    HttpResponse<String> ja = send(analyst, "GET", "/entities/" + a + "?lang=ja", null);
    assertThat(ja.statusCode()).isEqualTo(200);
    String texts = ja.body().replace("&#34;", "\"").replace("&quot;", "\"");
    assertThat(texts)
        .contains("\"status\":\"ノード {0} 件、リンク {1} 件\"")
        .contains("\"record\":\"記録\"")
        .contains("\"company\":\"法人\"")
        .contains("\"importer\":\"輸入者\"")
        .contains("全体を表示");
    String en = send(analyst, "GET", "/entities/" + a + "?lang=en", null).body();
    assertThat(en.replace("&#34;", "\"").replace("&quot;", "\""))
        .contains("\"status\":\"{0} nodes, {1} links\"")
        .contains("\"importer\":\"importer\"");
    String script;
    try (InputStream in = getClass().getResourceAsStream("/assets/intel/graph.js")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // no English shown from the script itself
    assertThat(script)
        .doesNotContain("\" nodes")
        .doesNotContain("links\"")
        .doesNotContain("truncated:")
        .doesNotContain("graph unavailable");
  }
}
