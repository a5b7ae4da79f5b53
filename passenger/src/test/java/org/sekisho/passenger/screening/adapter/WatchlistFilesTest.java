package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.PassengerServer;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * Watchlist files as the PNR unit uploads them: a repeated id is refused naming both rows (never a
 * silent "last one wins"), and a file saved in another encoding than UTF-8 is refused whole naming
 * where, while UTF-8 with a byte order mark is read.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WatchlistFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEADER =
      "list,id,name,aliases,birth_dates,nationalities,documents,severity\n";
  private static Database db;
  private static PassengerServer fixture;
  private static String token;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) throws Exception {
    db = database;
    fixture =
        PassengerServer.start(db, Clock.systemUTC(), "watchlist-files-test", "JP")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq");
    token = fixture.token("pnr");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aRepeatedIdInACsvIsRefusedNamingBothRowsAndTheFirstIsKept() throws Exception {
    String csv =
        HEADER
            + "x,A0,,,,,,\n" // row 2: refused for its empty name, so row numbers must skip it
            + "x,A1,Ivan Sidorov,,,,,\n"
            + "x,A1,Pyotr Other,,,,,\n"
            + "x,A2,Anna Smith,,,,,\n";
    HttpResponse<String> r =
        post("/api/screening/watchlists/dup-csv/import?format=csv&severity=high", bytes(csv));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode b = JSON.readTree(r.body());
    assertThat(b.get("imported").asInt()).isEqualTo(2);
    assertThat(b.get("refused").asInt()).isEqualTo(2);
    JsonNode dup = problem(b, "duplicate-entry");
    assertThat(dup.get("field").asText()).isEqualTo("row 4");
    assertThat(dup.get("message").asText()).contains("'A1'").contains("row 3");
    assertThat(names("dup-csv", "A1")).containsExactly("Ivan Sidorov");

    HttpResponse<String> ja =
        post(
            "/api/screening/watchlists/dup-csv-ja/import?format=csv&severity=high&lang=ja",
            bytes(csv));
    assertThat(ja.statusCode()).as(ja.body()).isEqualTo(200);
    assertThat(problem(JSON.readTree(ja.body()), "duplicate-entry").get("message").asText())
        .isEqualTo("4 行目: ID「A1」は 3 行目で読み込み済みです。後の行は取り込まず、先の行を残しました。");

    // merged into the lists the file names: the same list and id twice is refused the same way
    HttpResponse<String> merged = post("/api/screening/watchlists/csv", bytes(csv));
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
    JsonNode m = JSON.readTree(merged.body());
    assertThat(m.get("imported").asInt()).isEqualTo(2);
    assertThat(problem(m, "duplicate-entry").get("field").asText()).isEqualTo("row 4");
  }

  @Test
  void aConflictingRepeatInFollowTheMoneyIsRefusedAndAnIdenticalOneIsReadOnce() throws Exception {
    String ivan =
        "{\"id\":\"p-1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ivan Sidorov\"]}}\n";
    String ftm =
        ivan
            + "{\"id\":\"p-2\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Anna Smith\"]}}\n"
            + ivan
            + "{\"id\":\"p-1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Pyotr Other\"]}}\n";
    HttpResponse<String> r =
        post("/api/screening/watchlists/dup-ftm/import?format=ftm&severity=high", bytes(ftm));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode b = JSON.readTree(r.body());
    assertThat(b.get("imported").asInt()).isEqualTo(2);
    assertThat(b.get("refused").asInt()).isEqualTo(1);
    JsonNode dup = problem(b, "duplicate-entry");
    assertThat(dup.get("field").asText()).isEqualTo("line 4");
    assertThat(dup.get("message").asText()).contains("'p-1'").contains("line 1");
    assertThat(names("dup-ftm", "p-1")).containsExactly("Ivan Sidorov");
  }

  @Test
  void aShiftJisCsvIsRefusedWholeNamingItsLineAndUtf8WithABomIsRead() throws Exception {
    String csv = HEADER + "sjis,S1,山田太郎,,1965,jp,,\n";
    byte[] sjis = csv.getBytes(Charset.forName("windows-31j"));
    HttpResponse<String> r =
        post("/api/screening/watchlists/sjis/import?format=csv&severity=high", sjis);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode b = JSON.readTree(r.body());
    assertThat(b.get("error").asText()).isEqualTo("not-utf8");
    assertThat(b.get("field").asText()).isEqualTo("line 2");
    assertThat(b.get("message").asText())
        .contains("byte " + (HEADER.length() + "sjis,S1,".length()))
        .contains("not UTF-8")
        .contains("CSV UTF-8");
    assertThat(names("sjis", "S1")).isEmpty();
    HttpResponse<String> ja =
        post("/api/screening/watchlists/sjis/import?format=csv&severity=high&lang=ja", sjis);
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(ja.body()).get("message").asText())
        .startsWith(
            "2 行目: " + (HEADER.length() + "sjis,S1,".length()) + " バイト目: ファイルが UTF-8 ではありません")
        .contains("CSV UTF-8");
    HttpResponse<String> merged = post("/api/screening/watchlists/csv", sjis);
    assertThat(merged.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(merged.body()).get("error").asText()).isEqualTo("not-utf8");
    assertThat(names("sjis", "S1")).isEmpty();

    byte[] text = csv.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    HttpResponse<String> ok =
        post("/api/screening/watchlists/sjis/import?format=csv&severity=high", bom);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(names("sjis", "S1")).containsExactly("山田太郎");
  }

  @Test
  void anEmptyFollowTheMoneyBodyIsRefusedAndOnlyFollowTheMoneySaysWhatItLeftOut() throws Exception {
    HttpResponse<String> empty = post("/api/screening/watchlists/ftm?list=nothing", new byte[0]);
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
    JsonNode e = JSON.readTree(empty.body());
    assertThat(e.get("error").asText()).isEqualTo("no-entries");
    assertThat(e.get("imported").asInt()).isZero();
    assertThat(e.get("refused").asInt()).isZero();

    // a CSV holds no entities to leave out: the Japanese refusal does not count them
    HttpResponse<String> csv =
        post(
            "/api/screening/watchlists/empty-csv/import?format=csv&lang=ja",
            bytes(HEADER + "x,E1,,,,,,\n"));
    assertThat(csv.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(csv.body()).get("message").asText())
        .isEqualTo("有効な項目が読めませんでした。リスト empty-csv は作成されていません。");
    HttpResponse<String> ftm =
        post(
            "/api/screening/watchlists/empty-ftm/import?format=ftm&lang=ja",
            bytes(
                "{\"id\":\"c-1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"A LLC\"]}}\n"));
    assertThat(ftm.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(ftm.body()).get("message").asText()).contains("エンティティ 1 件は除外");
  }

  private static JsonNode problem(JsonNode body, String code) {
    for (JsonNode p : body.get("problems")) {
      if (p.get("error").asText().equals(code)) {
        return p;
      }
    }
    throw new AssertionError("no " + code + " in " + body);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> names(String list, String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select names[1] from passenger.watchlist_entry where list_name = :l and"
                            + " entry_id = :id")
                    .bind("l", list)
                    .bind("id", id)
                    .mapTo(String.class)
                    .list());
  }

  private static HttpResponse<String> post(String path, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(fixture.base() + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
