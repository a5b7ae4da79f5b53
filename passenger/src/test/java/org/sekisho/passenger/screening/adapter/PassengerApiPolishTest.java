package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.PassengerServer;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * The passenger API after the review: one JSON object reader for the screening API and the PNR
 * unit's unmasking reasons, their refusals in the reader's language, and who may import the
 * screening watchlists.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PassengerApiPolishTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WATCHLIST =
      "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
          + "national-alerts,A1,Kevin Vandenberg,,1980-07-04,us,,high\n";
  private static Database db;
  private static PassengerServer fixture;
  private static WebServer server;
  private static long hitId;
  private static long ruleId;
  private static long flightId;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) throws Exception {
    db = database;
    fixture =
        PassengerServer.start(db, Clock.systemUTC(), "passenger-api-polish-test", "AU")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq")
            .account("pnr2", "Ken Ito", Role.PNR_UNIT, "customs", "hq")
            .account("admin", "Admin", Role.ADMIN, "customs", "hq")
            // a partner agency's account given the PNR unit's role by mistake
            .account("police-pnr", "Police liaison", Role.PNR_UNIT, "police-jp", "hq");
    server = fixture.web();
    PassengerApiPolishTest t = new PassengerApiPolishTest();
    String pnr = t.token("pnr");
    assertThat(t.post("/api/screening/watchlists/csv", pnr, "text/csv", WATCHLIST).statusCode())
        .isEqualTo(200);
    HttpResponse<String> rule =
        t.post(
            "/api/screening/rules",
            pnr,
            "{\"text\":\"criterion \\\"Cash, alone\\\" when payment = \\\"CA\\\" and"
                + " travelling_alone = \\\"yes\\\" then severity medium weight 20 because \\\"paid"
                + " cash, travelling alone\\\"\"}");
    assertThat(rule.statusCode()).as(rule.body()).isEqualTo(200);
    ruleId = JSON.readTree(rule.body()).get("id").asLong();
    assertThat(
            t.post("/api/pnr", pnr, "text/plain", Corpus.text("parsers-pnr/pnrMessagePg77.txt"))
                .statusCode())
        .isEqualTo(200);
    JsonNode flights =
        JSON.readTree(t.get("/api/screening/flights?from=2013-05-28&to=2013-05-28", pnr).body())
            .get("flights");
    flightId = flights.get(0).get("id").asLong();
    JsonNode hits = JSON.readTree(t.get("/api/screening/flights/" + flightId, pnr).body());
    hitId = hits.get("hits").get(0).get("id").asLong();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void theScreeningApiAndTheUnmaskingReasonReadTheirJsonObjectAlikeNamingTheObjectExpected()
      throws Exception {
    String pnr = token("pnr");
    HttpResponse<String> array =
        post("/api/screening/hits/" + hitId + "/disposition", pnr, "[\"no-match\"]");
    assertThat(array.statusCode()).as(array.body()).isEqualTo(400);
    JsonNode a = JSON.readTree(array.body());
    assertThat(a.get("error").asText()).isEqualTo("invalid-json");
    assertThat(a.get("field").asText()).isEqualTo("body");
    // the object expected, as the unmasking reason always said it
    assertThat(a.get("message").asText())
        .isEqualTo("expected a JSON object: {\"disposition\": …, \"comment\": …}");

    HttpResponse<String> reason =
        post("/api/pnr-unmask/1/refuse", pnr, "application/json", "\"no court order\"");
    assertThat(reason.statusCode()).as(reason.body()).isEqualTo(400);
    JsonNode r = JSON.readTree(reason.body());
    assertThat(r.get("error").asText()).isEqualTo("invalid-json");
    assertThat(r.get("field").asText()).isEqualTo("body");
    assertThat(r.get("message").asText()).isEqualTo("expected a JSON object: {\"reason\": …}");

    // an unknown field is refused in the same words by both
    HttpResponse<String> note =
        post(
            "/api/pnr-unmask/1/refuse",
            pnr,
            "application/json",
            "{\"reason\":\"no court order attached\",\"note\":1}");
    assertThat(note.statusCode()).isEqualTo(400);
    JsonNode n = JSON.readTree(note.body());
    assertThat(n.get("error").asText()).isEqualTo("unknown-field");
    assertThat(n.get("field").asText()).isEqualTo("note");
    assertThat(n.get("message").asText())
        .isEqualTo("field \"note\" is not taken here; this route takes reason");
    HttpResponse<String> extra =
        post(
            "/api/screening/hits/" + hitId + "/correction",
            pnr,
            "{\"disposition\":\"no-match\",\"comment\":\"other person\",\"expectedVersion\":1}");
    assertThat(extra.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(extra.body()).get("message").asText())
        .isEqualTo(
            "field \"expectedVersion\" is not taken here; this route takes disposition, comment,"
                + " version");
  }

  @Test
  void aRouteThatTakesNoBodyRefusesAFieldSentToItAndAMisspeltFieldIsNamedWithTheOneMeant()
      throws Exception {
    String pnr = token("pnr");
    // enabling takes no reason: one sent would be answered as if it had been recorded
    String enable = "/api/screening/rules/" + ruleId + "/enable";
    HttpResponse<String> reason = post(enable, pnr, "{\"reason\":\"back in force\"}");
    assertThat(reason.statusCode()).as(reason.body()).isEqualTo(400);
    JsonNode r = JSON.readTree(reason.body());
    assertThat(r.get("error").asText()).isEqualTo("unknown-field");
    assertThat(r.get("field").asText()).isEqualTo("reason");
    assertThat(r.get("message").asText())
        .isEqualTo("field \"reason\" is not taken here; this route takes no fields");
    HttpResponse<String> ja = post(enable + "?lang=ja", pnr, "{\"reason\":\"back in force\"}");
    assertThat(JSON.readTree(ja.body()).get("message").asText())
        .isEqualTo("フィールド「reason」はこのルートでは受け付けません。このルートが受け付けるフィールドはありません。");
    String screen = "/api/screening/flights/" + flightId + "/screen";
    HttpResponse<String> force = post(screen, pnr, "{\"force\":true}");
    assertThat(force.statusCode()).as(force.body()).isEqualTo(400);
    assertThat(JSON.readTree(force.body()).get("field").asText()).isEqualTo("force");
    HttpResponse<String> text = post(screen + "?lang=ja", pnr, "text/plain", "now please");
    assertThat(text.statusCode()).as(text.body()).isEqualTo(400);
    assertThat(JSON.readTree(text.body()).get("field").asText()).isEqualTo("body");
    assertThat(JSON.readTree(text.body()).get("message").asText())
        .isEqualTo("このルートは本文を受け付けません。本文なしで（または {} を）送ってください。");
    HttpResponse<String> comment =
        post("/api/pnr-unmask/999999/approve", pnr, "{\"comment\":\"court order 12\"}");
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(400);
    assertThat(JSON.readTree(comment.body()).get("field").asText()).isEqualTo("comment");
    // no body, or an empty object, is what these routes take
    assertThat(post(screen, pnr, "").statusCode()).isEqualTo(200);
    assertThat(post(screen, pnr, "{}").statusCode()).isEqualTo(200);

    // a misspelt field is named with the one likely meant, in either language
    String disposition = "/api/screening/hits/" + hitId + "/disposition";
    String misspelt = "{\"dispositon\":\"no-match\",\"comment\":\"another person\"}";
    HttpResponse<String> en = post(disposition, pnr, misspelt);
    assertThat(en.statusCode()).as(en.body()).isEqualTo(400);
    assertThat(JSON.readTree(en.body()).get("message").asText())
        .isEqualTo(
            "field \"dispositon\" is not taken here: did you mean disposition? This route takes"
                + " disposition, comment");
    HttpResponse<String> jaMeant = post(disposition + "?lang=ja", pnr, misspelt);
    assertThat(JSON.readTree(jaMeant.body()).get("message").asText())
        .isEqualTo(
            "フィールド「dispositon」はこのルートでは受け付けません（disposition のことですか？）。受け付けるのは"
                + " disposition, comment です。");
  }

  @Test
  void onlyThePnrUnitManagesScreeningWatchlistsAndAnAdministratorIsRefused() throws Exception {
    String admin = token("admin");
    String csv = WATCHLIST.replace("national-alerts", "admin-list");
    HttpResponse<String> imported = post("/api/screening/watchlists/csv", admin, "text/csv", csv);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(403);
    assertThat(JSON.readTree(imported.body()).get("message").asText()).contains("pnr");
    assertThat(
            post("/api/screening/watchlists/admin-list/import?format=csv", admin, "text/csv", csv)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post("/api/screening/watchlists/ftm?list=admin-list", admin, "{\"id\":\"x\"}\n")
                .statusCode())
        .isEqualTo(403);
    assertThat(get("/api/screening/watchlists", admin).statusCode()).isEqualTo(403);
    assertThat(get("/api/screening/watchlists/national-alerts/versions", admin).statusCode())
        .isEqualTo(403);
    assertThat(get("/screening/watchlists", admin).statusCode()).isEqualTo(403);
    // nothing was imported under the administrator's name
    Integer entries =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from passenger.watchlist_entry where list_name ="
                                + " 'admin-list'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(entries).isZero();
    // the PNR unit still does
    String pnr = token("pnr");
    assertThat(get("/api/screening/watchlists/national-alerts/versions", pnr).statusCode())
        .isEqualTo(200);
    assertThat(get("/screening/watchlists", pnr).statusCode()).isEqualTo(200);
  }

  /** One refused request: method, path, content type, body. */
  private record Refused(String method, String path, String type, String body) {}

  @Test
  void aJapaneseReaderGetsTheScreeningAndPnrApisRefusalsInJapaneseWithTheSameCodeAndField()
      throws Exception {
    String pnr = token("pnr");
    String hit = "/api/screening/hits/" + hitId;
    String json = "application/json";
    java.util.List<Refused> refused =
        java.util.List.of(
            new Refused("POST", hit + "/disposition", json, "{\"disposition\":\"maybe\"}"),
            new Refused("POST", hit + "/disposition", json, "{\"disposition\":\"no-match\"}"),
            new Refused("POST", hit + "/disposition", json, "[1]"),
            new Refused("POST", hit + "/disposition", json, "{\"expectedVersion\":1}"),
            new Refused(
                "POST",
                hit + "/correction",
                json,
                "{\"disposition\":\"no-match\",\"comment\":\"other person\"}"),
            new Refused("GET", "/api/screening/hits/999999", null, null),
            new Refused("GET", "/api/screening/flights/abc", null, null),
            new Refused("GET", "/api/screening/flights?from=2026-13-01", null, null),
            new Refused("GET", "/api/screening/flights?direction=sideways", null, null),
            new Refused("GET", "/api/screening/flights?from=2026-11-28&to=2026-11-01", null, null),
            new Refused(
                "POST", "/api/screening/rules/" + ruleId + "/disable", json, "{\"reason\":\"\"}"),
            new Refused("POST", "/api/screening/rules", json, "{\"text\":\"criterion\"}"),
            new Refused(
                "POST",
                "/api/screening/lists",
                json,
                "{\"name\":\"Bad Name\",\"kind\":\"country\"}"),
            new Refused(
                "POST", "/api/screening/lists", json, "{\"name\":\"ok-name\",\"kind\":\"x\"}"),
            new Refused("GET", "/api/screening/lists/no-such-list", null, null),
            new Refused(
                "POST", "/api/screening/watchlists/Bad%20Name/import?format=csv", "text/csv", ""),
            new Refused("POST", "/api/screening/watchlists/fine/import?format=xml", "text/csv", ""),
            new Refused("GET", "/api/screening/watchlists/no-such/versions", null, null),
            new Refused("POST", "/api/pnr/UA/NOPE01/1/unmask", "text/plain", "short"),
            new Refused("POST", "/api/pnr/UA/NOPE01/1/unmask", "text/plain", "a long enough one"),
            new Refused("POST", "/api/pnr/UA/NOPE01/1/unmask", "application/xml", "<r/>"),
            new Refused("POST", "/api/pnr/UA/NOPE01/1/unmask", json, "{\"reason\":12}"),
            new Refused("POST", "/api/pnr-unmask/999999/approve", json, "{}"),
            new Refused("POST", "/api/pnr-unmask/x/approve", json, "{}"),
            new Refused("GET", "/api/pnr-unmask/999999", null, null),
            new Refused("GET", "/api/pnr/ZZ/NOPE01", null, null));
    for (Refused r : refused) {
      HttpResponse<String> en = send(r, pnr, r.path(), null);
      HttpResponse<String> ja =
          send(r, pnr, r.path() + (r.path().contains("?") ? "&" : "?") + "lang=ja", null);
      HttpResponse<String> header = send(r, pnr, r.path(), "ja");
      String what = r.method() + " " + r.path() + " " + r.body();
      assertThat(en.statusCode()).as(what + " " + en.body()).isBetween(400, 499);
      JsonNode e = JSON.readTree(en.body());
      for (HttpResponse<String> answer : java.util.List.of(ja, header)) {
        assertThat(answer.statusCode()).as(what).isEqualTo(en.statusCode());
        JsonNode j = JSON.readTree(answer.body());
        assertThat(j.get("error")).as(what).isEqualTo(e.get("error"));
        assertThat(j.get("field")).as(what).isEqualTo(e.get("field"));
        assertThat(j.get("message").asText())
            .as(what + " " + answer.body())
            .isNotEqualTo(e.get("message").asText())
            .containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
      }
    }
  }

  @Test
  void anotherAgencysAccountIsRefusedInItsReadersLanguageWithTheSameCode() throws Exception {
    String police = token("police-pnr");
    Refused flights = new Refused("GET", "/api/screening/flights", null, null);
    HttpResponse<String> en = send(flights, police, "/api/screening/flights", null);
    HttpResponse<String> ja = send(flights, police, "/api/screening/flights?lang=ja", null);
    assertThat(en.statusCode()).isEqualTo(403);
    assertThat(ja.statusCode()).isEqualTo(403);
    JsonNode e = JSON.readTree(en.body());
    JsonNode j = JSON.readTree(ja.body());
    assertThat(e.get("message").asText())
        .isEqualTo(
            "PNR and passenger screening data belong to customs, the administration running"
                + " Sekisho: only its own staff may read them or decide on them, and agency"
                + " police-jp may not, whatever its roles");
    assertThat(j.get("error")).isEqualTo(e.get("error"));
    assertThat(j.get("field")).isEqualTo(e.get("field"));
    assertThat(j.get("message").asText())
        .isEqualTo(
            "PNR と旅客スクリーニングのデータは Sekisho を運用する customs のものです。その職員だけが読み、判断できます。"
                + "機関 police-jp は、どの役割を持っていても利用できません。");
  }

  @Test
  void anEnglishReaderKeepsTheUseCasesWordsByteForByte() throws Exception {
    String pnr = token("pnr");
    HttpResponse<String> wrong =
        post(
            "/api/screening/hits/" + hitId + "/disposition",
            pnr,
            "{\"disposition\":\"maybe\",\"comment\":\"other person\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    JsonNode w = JSON.readTree(wrong.body());
    assertThat(w.get("error").asText()).isEqualTo("invalid-disposition");
    assertThat(w.get("field").asText()).isEqualTo("disposition");
    assertThat(w.get("message").asText())
        .isEqualTo(
            "disposition 'maybe' is not one of no-match, false-positive, refer-to-officer,"
                + " confirmed");
    HttpResponse<String> disable =
        post("/api/screening/rules/" + ruleId + "/disable?lang=en", pnr, "{\"reason\":\"\"}");
    JsonNode d = JSON.readTree(disable.body());
    assertThat(d.get("error").asText()).isEqualTo("reason-required");
    assertThat(d.get("message").asText())
        .isEqualTo("say why the rule is disabled (at least 3 letters)");
    HttpResponse<String> ja =
        post("/api/screening/rules/" + ruleId + "/disable?lang=ja", pnr, "{\"reason\":\"\"}");
    assertThat(JSON.readTree(ja.body()).get("message").asText())
        .isEqualTo("規則を無効にする理由を書いてください（文字 3 つ以上）。");
    HttpResponse<String> unmask = post("/api/pnr/UA/NOPE01/1/unmask", pnr, "text/plain", "short");
    assertThat(JSON.readTree(unmask.body()).get("message").asText())
        .isEqualTo("unmasking needs a reason of at least 10 characters (case or legal basis)");
    HttpResponse<String> list =
        post("/api/screening/lists/no-such-list/entries?lang=ja", pnr, "text/csv", "JP\n");
    assertThat(list.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(list.body()).get("message").asText())
        .isEqualTo("リスト no-such-list は見つかりません。");
    // a row refused in an import is worded whole in the reader's language, its row and column
    // included; the code and the field stay as they are
    String bad = WATCHLIST.replace("1980-07-04", "1980-13-45").replace("A1", "B1");
    HttpResponse<String> en = post("/api/screening/watchlists/csv", pnr, "text/csv", bad);
    HttpResponse<String> rows = post("/api/screening/watchlists/csv?lang=ja", pnr, "text/csv", bad);
    JsonNode enRow = JSON.readTree(en.body()).get("problems").get(0);
    JsonNode jaRow = JSON.readTree(rows.body()).get("problems").get(0);
    assertThat(jaRow.get("error")).isEqualTo(enRow.get("error"));
    assertThat(jaRow.get("field")).isEqualTo(enRow.get("field"));
    assertThat(jaRow.get("field").asText()).isEqualTo("row 2 birth_dates");
    assertThat(jaRow.get("message").asText())
        .isEqualTo(
            "2 行目の生年月日（birth_dates）: 「1980-13-45」は日付として読めません。YYYY、YYYY-MM、"
                + "YYYY-MM-DD の形で、実在する日付を書いてください。");
  }

  @Test
  void everyRowAWatchlistImportRefusesIsWordedWholeInJapaneseWithItsRowAndColumn()
      throws Exception {
    String pnr = token("pnr");
    String csv =
        "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
            + "ja-rows,J1,Zyxwv Qqqqa,,1970,zz,,high\n"
            + "ja-rows,J2,Zyxwv Qqqqb,,1970,jp,--,high\n"
            + "ja-rows,J3,Zyxwv Qqqqc,,1970,jp,,urgent\n"
            + "ja-rows,J4,Zyxwv Qqqqd,,1970\n"
            + "ja-rows,,Zyxwv Qqqqe,,1970,jp,,high\n"
            + "ja-rows,J6,Zyxwv Qqqqf,,1970,jp,,high\n"
            + "ja-rows,J7,\"Zyxwv\" Q,,1970,jp,,high\n";
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put(
        "row 2 nationalities",
        "2 行目の国籍（nationalities）: 「ZZ」は ISO 3166-1 alpha-2 の国コード（jp、us など）ではありません。");
    expected.put("row 3 documents", "3 行目の旅券・身分証の番号（documents）: 番号「--」には英字も数字もありません。");
    expected.put(
        "row 4 severity", "4 行目の重大度（severity）: 重大度「urgent」は low、medium、high、critical のいずれでもありません。");
    expected.put("row 5", "5 行目: 項目が 5 個あります。見出しと同じ 8 個にしてください。");
    expected.put("row 6", "6 行目: list、id、name は空にできません。");
    expected.put("row 8", "8 行目: 3 番目の項目で、閉じた引用符の後に文字があります。");
    for (String path :
        List.of(
            "/api/screening/watchlists/csv?lang=ja",
            "/api/screening/watchlists/ja-rows/import?format=csv&severity=high&lang=ja")) {
      HttpResponse<String> r = post(path, pnr, "text/csv", csv);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode problems = JSON.readTree(r.body()).get("problems");
      Map<String, String> got = new java.util.LinkedHashMap<>();
      problems.forEach(p -> got.put(p.get("field").asText(), p.get("message").asText()));
      assertThat(got).as(path).isEqualTo(expected);
    }
    // a column whose header cell is empty is named by its place
    HttpResponse<String> nul =
        post(
            "/api/screening/watchlists/csv?lang=ja",
            pnr,
            "text/csv",
            "list,id,name,\nja-rows,J9,Zyxwv Nul,a\u0000b\n");
    JsonNode column = JSON.readTree(nul.body()).get("problems").get(0);
    assertThat(column.get("field").asText()).isEqualTo("row 2 column 4");
    assertThat(column.get("message").asText())
        .isEqualTo("2 行目の 4 列目: NUL 文字（U+0000）は保存できないため、取り込めません。");
    // FollowTheMoney lines: the line, and the property a value was left out of
    String ftm =
        "{\"id\":\"f1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Zyxwv Ftm\"],"
            + "\"birthDate\":[\"1970-02-30\"]}}\n"
            + "{\"schema\":\"Person\",\"properties\":{\"name\":[\"Zyxwv Noid\"]}}\n"
            + "not json\n";
    HttpResponse<String> f =
        post("/api/screening/watchlists/ja-ftm/import?format=ftm&lang=ja", pnr, "text/plain", ftm);
    assertThat(f.statusCode()).as(f.body()).isEqualTo(200);
    Map<String, String> got = new java.util.LinkedHashMap<>();
    JSON.readTree(f.body())
        .get("problems")
        .forEach(p -> got.put(p.get("field").asText(), p.get("message").asText()));
    assertThat(got)
        .containsEntry(
            "line 1 birthDate",
            "1 行目の生年月日（birthDate）: エンティティ f1 の「1970-02-30」は日付として読めないため、" + "日付を除いてエンティティを取り込みました。")
        .containsEntry("line 2", "2 行目: エンティティに id がありません。")
        .containsEntry("line 3", "3 行目: 1 行に 1 つの JSON オブジェクトとして読めません。");
    // and nothing of it in English: the English reader keeps the readers' words
    HttpResponse<String> english =
        post(
            "/api/screening/watchlists/ja-rows/import?format=csv&severity=high",
            pnr,
            "text/csv",
            csv);
    assertThat(JSON.readTree(english.body()).get("problems").get(0).get("message").asText())
        .isEqualTo("expected an ISO 3166-1 alpha-2 country code, got 'ZZ'");
  }

  @Test
  void theEntitiesAFollowTheMoneyImportLeavesOutAreExplainedInJapanese() throws Exception {
    String pnr = token("pnr");
    String company =
        "{\"id\":\"c1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Zyxwv Co\"]}}\n";
    String person =
        "{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Zyxwv Pers\"]}}\n";
    String organisation = "人ではなく組織です。旅客は人であり、組織と名前が一致する旅客は手がかりになりません。";
    HttpResponse<String> kept =
        post(
            "/api/screening/watchlists/ja-left/import?format=ftm&lang=ja",
            pnr,
            "text/plain",
            company + person);
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    JsonNode leftOut = JSON.readTree(kept.body()).get("leftOut").get(0);
    assertThat(leftOut.get("code").asText()).isEqualTo("organisation");
    assertThat(leftOut.get("reason").asText()).isEqualTo(organisation);
    // nothing imported: the list is left as it was, each schema left out named in Japanese
    HttpResponse<String> none =
        post(
            "/api/screening/watchlists/ja-none/import?format=ftm&lang=ja",
            pnr,
            "text/plain",
            company);
    assertThat(none.statusCode()).as(none.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(none.body()).get("problems").get(0);
    assertThat(problem.get("field").asText()).isEqualTo("schema Company");
    assertThat(problem.get("message").asText())
        .isEqualTo("スキーマ Company: 1 件のエンティティを取り込みませんでした。" + organisation);
  }

  private HttpResponse<String> send(Refused r, String token, String path, String language)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    if (language != null) {
      b.header("Accept-Language", language);
    }
    if (r.type() != null) {
      b.header("Content-Type", r.type());
    }
    b.method(
        r.method(),
        r.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(r.body()));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String token(String user) throws Exception {
    return fixture.token(user);
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> post(String path, String token, String body) throws Exception {
    return post(path, token, "application/json", body);
  }

  HttpResponse<String> post(String path, String token, String type, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
