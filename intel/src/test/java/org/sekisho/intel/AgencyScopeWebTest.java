package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * What one agency may see of another's records through the entity pages, merges and look-ups by
 * source id: nothing of an unshared record, not even a candidate's name.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AgencyScopeWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  private Database db;
  private IntelServer server;
  private String customs;
  private String police;
  private String liaison;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    this.db = db;
    server = IntelServer.start(db, dir);
    customs = server.token("officer", "Officer", Set.of(Role.OFFICER), "customs-jp", "");
    police =
        server.token("police", "Police", Set.of(Role.PARTNER, Role.INVESTIGATOR), "police-jp", "");
    liaison = server.token("liaison", "Liaison", Set.of(Role.LIAISON), "customs-jp", "");
    TestIngest.agree(db, IntelServer.CLOCK, "police-jp", "seizures", "declarations");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(String token, String method, String path, String body)
      throws Exception {
    return server.json(token, method, path, body);
  }

  private HttpResponse<String> send(
      String token, String method, String path, String body, String type) throws Exception {
    return server.send(token, method, path, body, type);
  }

  private JsonNode ingest(String token, String kind, String body) throws Exception {
    return server.ingest(token, kind, body);
  }

  private static String declaration(String id, String importer) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":{\"kind\":\"company\","
        + "\"name\":\""
        + importer
        + "\",\"country\":\"JP\"},\"items\":[{\"hsCode\":\"090121\"}]}\n";
  }

  private static String seizure(String id, String company, String extra) {
    return "{\"seizureId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"commodity\":\"gold\",\"companies\":[{\"name\":\""
        + company
        + "\",\"country\":\"JP\"}]"
        + extra
        + "}\n";
  }

  private long entity(String key) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from intel.entity where type = 'company' and key = :k")
                    .bind("k", key)
                    .mapTo(Long.class)
                    .one());
  }

  private Optional<Long> mergedInto(long id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select merged_into from intel.entity where id = :id")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .findOne());
  }

  private static List<Long> ids(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("id").asLong()));
    return out;
  }

  @Test
  void candidatesSpellingsAndMergesShowOnlyEntitiesTheReaderMaySee() throws Exception {
    ingest(
        customs,
        "declarations",
        declaration("SCOPE-D1", "Kitsune Trading") + declaration("SCOPE-D2", "Kitsune Tradng"));
    ingest(police, "seizures", seizure("SCOPE-S1", "Kitsune Tradin", ""));
    long own = entity("KITSUNE TRADING|JP");
    long visible = entity("KITSUNE TRADNG|JP");
    long policeOnly = entity("KITSUNE TRADIN|JP");

    JsonNode view = JSON.readTree(send(customs, "GET", "/api/entities/" + own, null).body());
    assertThat(ids(view.get("candidates"))).contains(visible).doesNotContain(policeOnly);
    assertThat(send(customs, "GET", "/api/entities/" + policeOnly, null).statusCode())
        .isEqualTo(403);

    // neither API nor form may pull in an entity the actor cannot read
    HttpResponse<String> api =
        send(
            customs,
            "POST",
            "/api/entities/" + own + "/merge",
            "{\"mergedId\":" + policeOnly + ",\"reason\":\"same trader\"}");
    assertThat(api.statusCode()).as(api.body()).isEqualTo(403);
    HttpResponse<String> form =
        send(
            customs,
            "POST",
            "/entities/" + own + "/merge",
            "mergedId=" + policeOnly + "&reason=same+trader",
            "application/x-www-form-urlencoded");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(403);
    assertThat(mergedInto(policeOnly)).isEmpty();

    // a merge of two visible entities: the merged one's records and spellings join the survivor
    HttpResponse<String> merged =
        send(
            customs,
            "POST",
            "/api/entities/" + own + "/merge",
            "{\"mergedId\":" + visible + ",\"reason\":\"same trader number\"}");
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
    long merge = JSON.readTree(merged.body()).get("merge").asLong();
    view = JSON.readTree(send(customs, "GET", "/api/entities/" + own, null).body());
    List<String> spellings = new ArrayList<>();
    view.get("spellings").forEach(n -> spellings.add(n.asText()));
    assertThat(spellings).containsExactlyInAnyOrder("Kitsune Trading", "Kitsune Tradng");
    assertThat(ids(view.get("candidates"))).doesNotContain(policeOnly);

    // the police may not undo a merge of entities they cannot see, nor learn that they exist
    HttpResponse<String> undo =
        send(police, "POST", "/api/merges/" + merge + "/undo", "{\"reason\":\"not the same\"}");
    assertThat(undo.statusCode()).as(undo.body()).isEqualTo(404);
    assertThat(mergedInto(visible)).contains(own);

    // the merged entity's name finds the survivor, with the records of both counted
    JsonNode search =
        JSON.readTree(send(customs, "GET", "/api/search?q=" + enc("Kitsune Tradng"), null).body());
    JsonNode hit = null;
    for (JsonNode e : search.get("entities")) {
      if (e.get("id").asLong() == own) {
        hit = e;
      }
    }
    assertThat(hit).as(search.toString()).isNotNull();
    assertThat(hit.get("records").asLong()).isEqualTo(2);
    assertThat(ids(search.get("entities"))).doesNotContain(visible, policeOnly);
  }

  @Test
  void anUndoFormWithoutAPageToReturnToGoesToTheSurvivorAndABadOneIsRefusedBeforeUndoing()
      throws Exception {
    ingest(
        customs,
        "declarations",
        declaration("UNDO-D1", "Tanuki Shoji") + declaration("UNDO-D2", "Tanuki Shouji"));
    long a = entity("TANUKI SHOJI|JP");
    long b = entity("TANUKI SHOUJI|JP");
    HttpResponse<String> merged =
        send(
            customs,
            "POST",
            "/api/entities/" + a + "/merge",
            "{\"mergedId\":" + b + ",\"reason\":\"same phone number\"}");
    long merge = JSON.readTree(merged.body()).get("merge").asLong();
    String form = "application/x-www-form-urlencoded";
    HttpResponse<String> badBack =
        send(
            customs,
            "POST",
            "/merges/" + merge + "/undo",
            "reason=different+registries&back=abc",
            form);
    assertThat(badBack.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badBack.body()).get("field").asText()).isEqualTo("back");
    assertThat(mergedInto(b)).contains(a);
    HttpResponse<String> undone =
        send(customs, "POST", "/merges/" + merge + "/undo", "reason=different+registries", form);
    assertThat(undone.statusCode()).as(undone.body()).isBetween(300, 399);
    assertThat(undone.headers().firstValue("Location")).contains("/entities/" + a);
    assertThat(mergedInto(b)).isEmpty();
  }

  @Test
  void aRecordAddressedBySourceIdIsTheReadersOwnOrOneSharedWithItNeverAnotherAgencysUnshared()
      throws Exception {
    ingest(police, "declarations", declaration("SRC-1", "Police Copy Trading"));
    JsonNode own = ingest(customs, "declarations", declaration("SRC-1", "Customs Own Trading"));
    assertThat(own.get("stored").asLong()).isEqualTo(1);
    ingest(police, "seizures", seizure("SRC-S1", "Hidden Co", ""));
    ingest(
        police,
        "seizures",
        seizure(
            "SRC-S2",
            "Shared Co",
            ",\"sharedWith\":[\"customs-jp\"],\"relatedRecords\":[\"declaration:SRC-1\"]"));

    JsonNode mine =
        JSON.readTree(send(customs, "GET", "/api/records/declaration/SRC-1", null).body());
    assertThat(mine.get("agency").asText()).isEqualTo("customs-jp");
    JsonNode theirs =
        JSON.readTree(send(police, "GET", "/api/records/declaration/SRC-1", null).body());
    assertThat(theirs.get("agency").asText()).isEqualTo("police-jp");
    assertThat(send(customs, "GET", "/api/records/seizure/SRC-S1", null).statusCode())
        .isEqualTo(403);
    assertThat(send(customs, "GET", "/records/seizure/SRC-S1", null).statusCode()).isEqualTo(403);
    HttpResponse<String> redirect = send(customs, "GET", "/records/declaration/SRC-1", null);
    assertThat(redirect.headers().firstValue("Location"))
        .contains("/records/" + mine.get("id").asLong());

    // the shared seizure's related record opens the reader's own declaration of that id
    long shared =
        JSON.readTree(send(customs, "GET", "/api/records/seizure/SRC-S2", null).body())
            .get("id")
            .asLong();
    String page = send(customs, "GET", "/records/" + shared, null).body();
    assertThat(page).contains("<a class=\"related-link\" href=\"/records/declaration/SRC-1\">");
  }

  @Test
  void aRecordIsFoundByTheKindsPluralAsIngestNamesItAndByItsSingular() throws Exception {
    ingest(customs, "seizures", seizure("PLURAL-S1", "Plural Trading", ""));
    HttpResponse<String> singular = send(customs, "GET", "/api/records/seizure/PLURAL-S1", null);
    assertThat(singular.statusCode()).as(singular.body()).isEqualTo(200);
    long id = JSON.readTree(singular.body()).get("id").asLong();
    long before = auditCount("record.read", "record:" + id);
    // the route ingest takes (/api/ingest/seizures) names the kind in the plural: the same record
    HttpResponse<String> plural = send(customs, "GET", "/api/records/seizures/PLURAL-S1", null);
    assertThat(plural.statusCode()).as(plural.body()).isEqualTo(200);
    assertThat(JSON.readTree(plural.body()).get("id").asLong()).isEqualTo(id);
    assertThat(JSON.readTree(plural.body()).get("kind").asText()).isEqualTo("seizure");
    assertThat(auditCount("record.read", "record:" + id)).isEqualTo(before + 1);
    HttpResponse<String> page = send(customs, "GET", "/records/seizures/PLURAL-S1", null);
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).contains("/records/" + id);
    // another agency's unshared record is refused under the plural as under the singular
    ingest(police, "seizures", seizure("PLURAL-S2", "Plural Hidden Co", ""));
    assertThat(send(customs, "GET", "/api/records/seizures/PLURAL-S2", null).statusCode())
        .isEqualTo(403);
    // neither form of a kind: still refused naming the field
    HttpResponse<String> neither = send(customs, "GET", "/api/records/seizes/PLURAL-S1", null);
    assertThat(neither.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(neither.body()).get("field").asText()).isEqualTo("kind");
  }

  @Test
  void aPartnerAgencysDashboardHasNoCountOverEveryAgencysEntities() throws Exception {
    ingest(customs, "declarations", declaration("DASH-1", "Dashboard Trading"));
    JsonNode mine = JSON.readTree(send(customs, "GET", "/api/dashboard", null).body());
    assertThat(mine.get("entities").asLong()).isPositive();
    JsonNode theirs = JSON.readTree(send(police, "GET", "/api/dashboard", null).body());
    assertThat(theirs.get("entities").isNull()).as(theirs.toString()).isTrue();
    assertThat(send(police, "GET", "/", null).body()).doesNotContain("id=\"entity-count\"");
  }

  /** The unknown id asked beside a hidden one. */
  private static final long UNKNOWN = 9_000_000_000L;

  /**
   * The answer with the asked id, and {@link #UNKNOWN}, written as ID (as whole numbers only), to
   * compare a hidden id's answer with an unknown one's.
   */
  private String answer(String method, String path, long id, String body, String type)
      throws Exception {
    HttpResponse<String> r =
        send(customs, method, path.replace("ID", Long.toString(id)), body, type);
    return r.statusCode()
        + " "
        + r.body()
            .replaceAll("(?<!\\d)" + UNKNOWN + "(?!\\d)", "ID")
            .replaceAll("(?<!\\d)" + id + "(?!\\d)", "ID");
  }

  private long auditCount(String action, String subject) {
    Long n =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action = :a and"
                                + " subject = :s")
                        .bind("a", action)
                        .bind("s", subject)
                        .mapTo(Long.class)
                        .one());
    return n;
  }

  @Test
  void anIdOnlyAnotherAgencysUnsharedRecordsHoldAnswersExactlyAsAnUnknownIdOnEveryRoute()
      throws Exception {
    // the administration's own reader: before, it alone was told "appears only in records of
    // another agency", and a merge of hidden entities named the entity it kept
    ingest(
        police,
        "seizures",
        seizure("HIDE-S1", "Mujina Bussan", "") + seizure("HIDE-S2", "Mujina Busan", ""));
    ingest(customs, "declarations", declaration("HIDE-D1", "Own Visible Trading"));
    long hidden = entity("MUJINA BUSSAN|JP");
    long other = entity("MUJINA BUSAN|JP");
    long own = entity("OWN VISIBLE TRADING|JP");
    long hiddenRecord =
        JSON.readTree(send(police, "GET", "/api/records/seizure/HIDE-S1", null).body())
            .get("id")
            .asLong();
    HttpResponse<String> policeMerge =
        send(
            police,
            "POST",
            "/api/entities/" + hidden + "/merge",
            "{\"mergedId\":" + other + ",\"reason\":\"same registry number\"}");
    assertThat(policeMerge.statusCode()).as(policeMerge.body()).isEqualTo(201);
    long hiddenMerge = JSON.readTree(policeMerge.body()).get("merge").asLong();
    long unknown = UNKNOWN;
    String json = "application/json";
    String form = "application/x-www-form-urlencoded";
    List<String[]> routes =
        List.of(
            new String[] {"GET", "/api/entities/ID", null, json},
            new String[] {"GET", "/entities/ID", null, json},
            new String[] {"GET", "/api/entities/ID/graph", null, json},
            new String[] {
              "POST", "/api/entities/ID/merge", "{\"mergedId\":" + own + ",\"reason\":\"x\"}", json
            },
            new String[] {"POST", "/entities/ID/merge", "mergedId=" + own + "&reason=x", form},
            new String[] {
              "POST",
              "/api/entities/" + own + "/merge",
              "{\"mergedId\":ID,\"reason\":\"same trader\"}",
              json
            },
            new String[] {
              "POST", "/entities/" + own + "/merge", "mergedId=ID&reason=same+trader", form
            });
    for (String[] r : routes) {
      String seen =
          answer(
              r[0],
              r[1],
              hidden,
              r[2] == null ? null : r[2].replace("ID", Long.toString(hidden)),
              r[3]);
      String none =
          answer(
                  r[0],
                  r[1],
                  unknown,
                  r[2] == null ? null : r[2].replace("ID", Long.toString(unknown)),
                  r[3])
              .replaceAll("(?<!\\d)" + hidden + "(?!\\d)", "ID");
      assertThat(seen).as(r[0] + " " + r[1]).isEqualTo(none).doesNotContain("Mujina");
      assertThat(seen).as(r[0] + " " + r[1]).startsWith("403");
    }
    for (String path : List.of("/api/records/ID", "/records/ID", "/api/sharing/records/ID")) {
      String seen = answer("GET", path, hiddenRecord, null, json);
      assertThat(seen)
          .as(path)
          .isEqualTo(
              answer("GET", path, unknown, null, json)
                  .replaceAll("(?<!\\d)" + hiddenRecord + "(?!\\d)", "ID"));
      assertThat(seen).as(path).startsWith("403");
    }
    String undo = "{\"reason\":\"not the same party\"}";
    String seenUndo = answer("POST", "/api/merges/ID/undo", hiddenMerge, undo, json);
    assertThat(seenUndo)
        .isEqualTo(
            answer("POST", "/api/merges/ID/undo", unknown, undo, json)
                .replaceAll("(?<!\\d)" + hiddenMerge + "(?!\\d)", "ID"));
    assertThat(seenUndo).startsWith("404").doesNotContain(Long.toString(hidden));
    assertThat(mergedInto(other)).contains(hidden);
    // refused alike, but the refusals of what exists are still audited as denied reads
    assertThat(auditCount("entity.read.denied", "entity:" + hidden)).isPositive();
    assertThat(auditCount("record.read.denied", "record:" + hiddenRecord)).isPositive();
    assertThat(auditCount("entity.read.denied", "entity:" + unknown)).isZero();
  }

  /** The refusal's body, asked in Japanese through ?lang=ja. */
  private JsonNode inJapanese(String token, String method, String path, String body)
      throws Exception {
    HttpResponse<String> r =
        send(token, method, path + (path.contains("?") ? "&" : "?") + "lang=ja", body);
    return JSON.readTree(r.body());
  }

  @Test
  void intelsApiRefusalsAndRefusedRowsFollowTheReadersLanguageWithCodeAndFieldUnchanged()
      throws Exception {
    // search: every refused parameter at once, in Japanese
    JsonNode search = inJapanese(customs, "GET", "/api/search?kind=parcel&country=XXX", null);
    assertThat(search.get("error").asText()).isEqualTo("invalid-parameter");
    assertThat(search.get("field").asText()).isEqualTo("kind");
    assertThat(search.get("message").asText()).contains("「parcel」");
    assertThat(search.get("problems")).hasSize(2);
    assertThat(search.get("problems").get(1).get("field").asText()).isEqualTo("country");
    assertThat(search.get("problems").get(1).get("message").asText()).contains("ISO 3166-1", "XXX");
    assertThat(search.get("problems").get(1).get("message").asText()).doesNotContain("expected");

    // records and entities, by Accept-Language as well as ?lang=
    JsonNode badId = inJapanese(customs, "GET", "/api/entities/abc", null);
    assertThat(badId.get("field").asText()).isEqualTo("id");
    assertThat(badId.get("message").asText()).isEqualTo("ID は数字で指定してください（例: 123）。");
    HttpResponse<String> missing =
        server.send(
            server.request(customs, "/api/records/987654").header("Accept-Language", "ja"),
            "GET",
            null);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(missing.body()).get("message").asText())
        .isEqualTo("記録 987654 は参照できません。存在しないか、他機関の記録で貴機関には共有されていません。");

    // merges
    ingest(customs, "declarations", declaration("LANG-D1", "Kawauso Shoji"));
    long own = entity("KAWAUSO SHOJI|JP");
    JsonNode merge =
        inJapanese(
            customs,
            "POST",
            "/api/entities/" + own + "/merge",
            "{\"mergedId\":\"x1\",\"reason\":\"same\"}");
    assertThat(merge.get("error").asText()).isEqualTo("invalid-field");
    assertThat(merge.get("field").asText()).isEqualTo("mergedId");
    assertThat(merge.get("message").asText()).isEqualTo("統合するエンティティの ID を数字で指定してください（例: 123）。");

    // sharing: the use case's refusal, worded by the sharing texts
    long record =
        JSON.readTree(send(customs, "GET", "/api/records/declaration/LANG-D1", null).body())
            .get("id")
            .asLong();
    JsonNode share =
        inJapanese(
            liaison,
            "POST",
            "/api/sharing/records/" + record,
            "{\"agency\":\"police-jp\",\"purpose\":\"\"}");
    assertThat(share.get("field").asText()).isEqualTo("purpose");
    assertThat(share.get("message").asText()).contains("police-jp").doesNotContain("required");

    // ingest: the run's refusal, and each refused row's reason
    JsonNode format = inJapanese(customs, "POST", "/api/ingest/declarations?format=xml", "{}");
    assertThat(format.get("error").asText()).isEqualTo("invalid-format");
    assertThat(format.get("field").asText()).isEqualTo("format");
    assertThat(format.get("message").asText()).isEqualTo("形式は json、csv、kcs のいずれかです（kcs は申告のみ）。");
    String rows =
        "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"category\":\"gift\"}\n"
            + "{\"itemId\":\"EE876543216JP\",\"date\":\"2026-11-27\",\"category\":\"EMS\"}\n";
    JsonNode ja = inJapanese(customs, "POST", "/api/ingest/postal-items", rows);
    assertThat(ja.get("stored").asLong()).isEqualTo(1);
    JsonNode row = ja.get("problems").get(0);
    assertThat(row.get("row").asLong()).isEqualTo(2);
    assertThat(row.get("problem").get("code").asText()).isEqualTo("invalid-value");
    assertThat(row.get("problem").get("field").asText()).isEqualTo("category");
    assertThat(row.get("problem").get("message").asText())
        .startsWith("項目 category の値は認められていません")
        .contains("documents, gift, merchandise, other, returned, sample");
    // in English the rule's words, as API clients have always matched them
    JsonNode en = ingest(customs, "postal-items", rows.replace("EE", "RR"));
    assertThat(en.get("problems").get(0).get("problem").get("message").asText())
        .startsWith("expected one of documents, gift");
    JsonNode englishId = JSON.readTree(send(customs, "GET", "/api/entities/abc", null).body());
    assertThat(englishId.get("message").asText()).isEqualTo("expected a numeric id");
  }

  @Test
  void theGraphsRecordLabelsFollowTheReadersLanguage() throws Exception {
    ingest(customs, "declarations", declaration("GL-D1", "Graph Lang Trading"));
    Long company =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select re.entity_id from intel.record r join intel.record_entity re"
                                + " on re.record_id = r.id join intel.entity e on e.id ="
                                + " re.entity_id where r.source_id = 'GL-D1' and e.type ="
                                + " 'company'")
                        .mapTo(Long.class)
                        .one());
    String path = "/api/entities/" + company + "/graph?hops=1";
    JsonNode en = JSON.readTree(send(customs, "GET", path, null).body());
    JsonNode ja = inJapanese(customs, "GET", path, null);
    assertThat(recordLabels(en)).containsExactly("Import declaration GL-D1 · Graph Lang Trading");
    assertThat(recordLabels(ja)).containsExactly("輸入申告 GL-D1 · Graph Lang Trading");
    // entities' labels are names as written, in every language
    assertThat(ja.get("nodes").size()).isEqualTo(en.get("nodes").size());
  }

  private static List<String> recordLabels(JsonNode graph) {
    List<String> out = new ArrayList<>();
    graph
        .get("nodes")
        .forEach(
            n -> {
              if (n.get("type").asText().equals("record")) {
                out.add(n.get("label").asText());
              }
            });
    return out;
  }

  @Test
  void aRecordReadFromTheApiCanBeSentBackAsAnIngestRow() throws Exception {
    ingest(
        customs,
        "seizures",
        seizure(
            "RT-S1",
            "Kuroshio Shokai",
            ",\"place\":\"Narita\",\"quantity\":\"12.5\",\"unit\":\"KGM\","
                + "\"persons\":[{\"name\":\"YAMADA TARO\",\"dateOfBirth\":\"1980-04-01\"}]"));
    ingest(customs, "declarations", declaration("RT-D1", "Orchid Foods"));
    for (String[] k :
        new String[][] {
          {"seizure", "RT-S1", "seizureId", "seizures"},
          {"declaration", "RT-D1", "declarationId", "declarations"}
        }) {
      JsonNode read =
          JSON.readTree(send(customs, "GET", "/api/records/" + k[0] + "/" + k[1], null).body());
      // data keeps the names API clients read (eventTime); ingest carries the row's names
      assertThat(read.get("data").has("eventTime")).isTrue();
      JsonNode ingest = read.get("ingest");
      assertThat(ingest.get("path").asText()).isEqualTo("/api/ingest/" + k[3]);
      JsonNode row = ingest.get("row");
      assertThat(row.has("eventTime")).isFalse();
      assertThat(row.has("date")).isTrue();
      // sent back under another id, it is stored as the same record
      ((com.fasterxml.jackson.databind.node.ObjectNode) row).put(k[2], k[1] + "-AGAIN");
      JsonNode again =
          JSON.readTree(
              send(customs, "POST", "/api/ingest/" + k[3], JSON.writeValueAsString(row)).body());
      assertThat(again.get("stored").asLong()).as(again.toString()).isEqualTo(1);
      JsonNode copy =
          JSON.readTree(
              send(customs, "GET", "/api/records/" + k[0] + "/" + k[1] + "-AGAIN", null).body());
      com.fasterxml.jackson.databind.node.ObjectNode data =
          (com.fasterxml.jackson.databind.node.ObjectNode) read.get("data").deepCopy();
      data.put(k[2], k[1] + "-AGAIN");
      assertThat(copy.get("data")).isEqualTo(data);
    }
    // the API's data sent as it is: its time field refused naming the one meant
    JsonNode data =
        JSON.readTree(send(customs, "GET", "/api/records/seizure/RT-S1", null).body()).get("data");
    ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("seizureId", "RT-S2");
    JsonNode refused =
        JSON.readTree(
            send(customs, "POST", "/api/ingest/seizures", JSON.writeValueAsString(data)).body());
    JsonNode problem = unknownField(refused);
    assertThat(problem.get("field").asText()).isEqualTo("eventTime");
    assertThat(problem.get("message").asText())
        .startsWith("is not a field of a seizure: did you mean date?");
    JsonNode ja =
        inJapanese(customs, "POST", "/api/ingest/seizures", JSON.writeValueAsString(data));
    assertThat(unknownField(ja).get("message").asText())
        .startsWith("この形式に項目 eventTime はありません。date のことですか？");
  }

  private static JsonNode unknownField(JsonNode report) {
    for (JsonNode q : report.get("problems")) {
      if (q.get("problem").get("code").asText().equals("unknown-field")) {
        return q.get("problem");
      }
    }
    throw new AssertionError("no unknown-field problem in " + report);
  }

  @Test
  void refusedRowsReadWhollyInJapaneseWithTheirValuesAndWordForWordInEnglish() throws Exception {
    String rows =
        "{\"eventTime\":\"2026-11-20\"}\n"
            + "{\"seizureId\":\"T-1\",\"date\":\"2031-01-01\",\"commodity\":\"gold\"}\n"
            + "{\"seizureId\":\"T-2\",\"date\":\"20 Nov 2026\",\"commodity\":\"gold\"}\n"
            + "{\"seizureId\":\""
            + "X".repeat(101)
            + "\",\"date\":\"2026-11-20\",\"commodity\":\"gold\"}\n";
    JsonNode ja = inJapanese(customs, "POST", "/api/ingest/seizures", rows);
    JsonNode en = JSON.readTree(send(customs, "POST", "/api/ingest/seizures", rows).body());
    java.util.Map<String, String> jaBy = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> enBy = new java.util.LinkedHashMap<>();
    ja.get("problems")
        .forEach(
            q ->
                jaBy.put(
                    q.get("row").asText() + " " + q.get("problem").get("field").asText(),
                    q.get("problem").get("message").asText()));
    en.get("problems")
        .forEach(
            q ->
                enBy.put(
                    q.get("row").asText() + " " + q.get("problem").get("field").asText(),
                    q.get("problem").get("message").asText()));
    assertThat(jaBy.get("1 seizureId")).isEqualTo("必須の項目 seizureId がありません");
    assertThat(enBy.get("1 seizureId")).isEqualTo("is required");
    assertThat(jaBy.get("1 date")).isEqualTo("必須の項目 date がありません（ISO 8601 の日付または日時）");
    assertThat(jaBy.get("1 eventTime"))
        .startsWith("この形式に項目 eventTime はありません")
        .contains("項目は seizureId, date, office,")
        .contains("行ごと拒否されます");
    assertThat(enBy.get("1 eventTime"))
        .startsWith("is not a field of a seizure")
        .contains("(the fields are seizureId, date, office,");
    assertThat(jaBy.get("2 date"))
        .matches(
            "項目 date の日時はありえません: 1950-01-01 から \\d{4}-\\d{2}-\\d{2} までの日を指定してください（値は「2031-01-01」）");
    assertThat(enBy.get("2 date"))
        .matches("expected a day from 1950-01-01 to \\d{4}-\\d{2}-\\d{2}, got '2031-01-01'");
    // the same last day in both
    assertThat(jaBy.get("2 date").substring(34, 44))
        .isEqualTo(enBy.get("2 date").substring(34, 44));
    assertThat(jaBy.get("3 date"))
        .isEqualTo(
            "項目 date の日時を読み取れません: ISO 8601 の日付（2026-11-27）または日時（2026-11-27T09:30:00+09:00）を指定してください（値は「20 Nov 2026」）");
    assertThat(enBy.get("3 date"))
        .isEqualTo(
            "expected an ISO 8601 date (2026-11-27) or date-time (2026-11-27T09:30:00+09:00), got '20 Nov 2026'");
    assertThat(jaBy.get("4 seizureId")).isEqualTo("項目 seizureId が長すぎます: 100 文字までです（101 文字あります）");
    assertThat(enBy.get("4 seizureId")).isEqualTo("expected at most 100 characters, got 101");
    // no English word left in a Japanese row
    assertThat(jaBy.values()).noneMatch(m -> m.matches(".*\\b(expected|required|got|is not)\\b.*"));
  }

  @Test
  void aRefusalQuotesWhatWasTypedWholeInJapaneseAndWordForWordInEnglish() throws Exception {
    // values with an apostrophe: read back out of the English (got 'dec'l') they would be cut at
    // it, so the Japanese answer takes them from the refusal's arguments
    String kind = "/api/records/dec'l/D-1";
    HttpResponse<String> en = send(customs, "GET", kind, null);
    assertThat(en.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(en.body()).get("message").asText())
        .isEqualTo("expected a record kind such as declaration, got 'dec'l'");
    JsonNode ja = inJapanese(customs, "GET", kind, null);
    assertThat(ja.get("field").asText()).isEqualTo("kind");
    assertThat(ja.get("message").asText())
        .isEqualTo("記録の種類は declaration などで指定してください。「dec'l」は種類ではありません。");

    String day = "/api/dashboard?date=" + enc("27 Nov '26");
    HttpResponse<String> enDay = send(customs, "GET", day, null);
    assertThat(enDay.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(enDay.body()).get("message").asText())
        .isEqualTo("expected an ISO date such as 2026-11-27, got '27 Nov '26'");
    JsonNode jaDay = inJapanese(customs, "GET", day, null);
    assertThat(jaDay.get("field").asText()).isEqualTo("date");
    assertThat(jaDay.get("message").asText())
        .isEqualTo("日付は YYYY-MM-DD の形で指定してください（例: 2026-11-27）。「27 Nov '26」は日付ではありません。");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
