package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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

/**
 * A list file is read as UTF-8 unless its Content-Type names another charset, strictly: Excel's
 * "CSV" in Japan (Shift_JIS, Windows code page 932) sent as UTF-8 used to be stored as U+FFFD
 * garbage that never matches. Now it is refused whole, naming the line, the byte offset and how to
 * save it, and nothing is stored; named as Shift_JIS it is read as such (with ㈱, which strict
 * Shift_JIS lacks); a UTF-8 byte order mark is read as one.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ListImportEncodingTest {
  private static final Charset EXCEL_JP = Charset.forName("windows-31j");
  private static final String FILE = "value,note\nYAMADA SHOJI,㈱山田商事 2026-11 摘発\n";

  private TargetingServer server;
  private WebApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir);
    api = server.api();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void list(String name) throws Exception {
    api.ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            server.analyst(),
            "{\"name\":\"" + name + "\",\"kind\":\"parties\"}"));
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.base() + path))
            .header("Authorization", "Bearer " + server.analyst())
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonNode entries(String name) throws Exception {
    return api.ok(api.send("GET", "/api/targeting/lists/" + name, server.analyst(), null));
  }

  @Test
  void aShiftJisFileSentAsUtf8IsRefusedNamingTheLineAndByteOffsetAndNothingIsStored()
      throws Exception {
    list("excel-parties");
    String path = "/api/targeting/lists/excel-parties/entries";
    byte[] sjis = FILE.getBytes(EXCEL_JP);
    // "value,note\n" and "YAMADA SHOJI," are ASCII: the first byte of ㈱ stands at 24
    for (String type : new String[] {"text/csv", "text/csv; charset=UTF-8", "application/json"}) {
      HttpResponse<String> r = post(path, type, sjis);
      assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(400);
      JsonNode b = WebApi.JSON.readTree(r.body());
      assertThat(b.get("error").asText()).isEqualTo("invalid-encoding");
      assertThat(b.get("field").asText()).isEqualTo("line 2");
      assertThat(b.get("message").asText())
          .as(type)
          .startsWith("line 2 is not UTF-8 text (byte offset 24: 0x87)")
          .contains("nothing was imported", "CSV UTF-8", "charset=Shift_JIS");
    }
    HttpResponse<String> ja = post(path + "?lang=ja", "text/csv", sjis);
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(WebApi.JSON.readTree(ja.body()).get("message").asText())
        .startsWith("2 行目に UTF-8 の文字として読めないバイトがあります (バイトオフセット 24: 0x87)")
        .contains("「CSV UTF-8 (コンマ区切り)」", "charset=Shift_JIS");
    JsonNode l = entries("excel-parties");
    assertThat(l.get("size").asInt()).isZero();
    assertThat(l.get("version").asInt()).isEqualTo(1);
  }

  @Test
  void aFileNamedAsShiftJisIsReadAsExcelWroteIt() throws Exception {
    list("named-parties");
    for (String charset : new String[] {"Shift_JIS", "\"shift_jis\"", "windows-31j"}) {
      JsonNode im =
          api.ok(
              post(
                  "/api/targeting/lists/named-parties/entries",
                  "text/csv; charset=" + charset,
                  FILE.getBytes(EXCEL_JP)));
      assertThat(im.get("read").asInt()).as(charset).isEqualTo(1);
      assertThat(im.get("refused")).as(charset).isEmpty();
    }
    JsonNode l = entries("named-parties");
    assertThat(l.get("entries")).hasSize(1);
    assertThat(l.get("entries").get(0).get("value").asText()).isEqualTo("YAMADA SHOJI");
    assertThat(l.get("entries").get(0).get("note").asText()).isEqualTo("㈱山田商事 2026-11 摘発");

    // bytes that are not Shift_JIS either (0xFF never is): refused naming the charset
    byte[] broken = "value\nTANAKA\n".getBytes(StandardCharsets.US_ASCII);
    byte[] withFf = java.util.Arrays.copyOf(broken, broken.length + 1);
    withFf[broken.length] = (byte) 0xFF;
    HttpResponse<String> r =
        post("/api/targeting/lists/named-parties/entries", "text/csv; charset=Shift_JIS", withFf);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(WebApi.JSON.readTree(r.body()).get("message").asText())
        .startsWith("line 3 is not Shift_JIS text (byte offset 13: 0xFF)");
    assertThat(entries("named-parties").get("size").asInt()).isEqualTo(1);
  }

  @Test
  void aUtf8FileWithAByteOrderMarkIsReadWithItsHeader() throws Exception {
    list("bom-parties");
    byte[] text = "value,note\nTANAKA BOEKI,田中貿易\n".getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    JsonNode im = api.ok(post("/api/targeting/lists/bom-parties/entries", "text/csv", bom));
    assertThat(im.get("read").asInt()).isEqualTo(1);
    assertThat(im.get("added").asInt()).isEqualTo(1);
    JsonNode e = entries("bom-parties").get("entries").get(0);
    assertThat(e.get("value").asText()).isEqualTo("TANAKA BOEKI");
    assertThat(e.get("note").asText()).isEqualTo("田中貿易");
  }

  @Test
  void anEncodingNoOneReadsIsRefusedNamingIt() throws Exception {
    list("odd-parties");
    HttpResponse<String> r =
        post(
            // (its Japanese wording is PageProblemsTest's: with a charset it does not know, the
            // server cannot read the query's ?lang= either)
            "/api/targeting/lists/odd-parties/entries",
            "text/csv; charset=klingon-8",
            "value\nTANAKA\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode b = WebApi.JSON.readTree(r.body());
    assertThat(b.get("error").asText()).isEqualTo("invalid-charset");
    assertThat(b.get("field").asText()).isEqualTo("charset");
    assertThat(b.get("message").asText())
        .isEqualTo(
            "expected an encoding such as UTF-8 (the default) or Shift_JIS, got 'klingon-8'");
    assertThat(entries("odd-parties").get("size").asInt()).isZero();
  }
}
