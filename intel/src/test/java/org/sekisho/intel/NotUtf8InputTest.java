package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * Input is read as UTF-8. A file in another encoding (Shift_JIS from an older Japanese system,
 * Latin-1, UTF-16) used to be stored with its bytes replaced by U+FFFD: garbage that no search
 * finds. Now each row holding such bytes is refused naming its row and field, the good rows are
 * stored, and a CSV whose header is not UTF-8 is refused as a whole, saying why.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NotUtf8InputTest {
  private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  private Database db;
  private IntelServer server;
  private String token;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    this.db = db;
    server = IntelServer.start(db, dir);
    token = server.token("analyst", "Aiko Tanaka", Set.of(Role.ANALYST), "customs-jp", "");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> post(String path, byte[] body, String lang) throws Exception {
    HttpRequest.Builder r =
        server
            .request(token, path)
            .header("Accept", "application/json")
            .header("Accept-Language", lang)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static byte[] join(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private long stored(String sourceId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from intel.record where source_id = :s")
                    .bind("s", sourceId)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void aShiftJisRowIsRefusedNamingItsFieldAndTheUtf8RowsAreStored() throws Exception {
    byte[] csv =
        join(
            "number,documentType,date,consignee.name\n".getBytes(StandardCharsets.UTF_8),
            "SJIS-OK-1,MBL,2026-11-27,Kobe Trading\n".getBytes(StandardCharsets.UTF_8),
            "SJIS-BAD-2,MBL,2026-11-27,".getBytes(StandardCharsets.UTF_8),
            "株式会社シフトジス商事\n".getBytes(SHIFT_JIS),
            "SJIS-OK-3,MBL,2026-11-27,株式会社ユーティーエフ\n".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = post("/api/ingest/transport-documents?format=csv", csv, "en");
    JsonNode report = IntelServer.JSON.readTree(r.body());
    assertThat(report.get("stored").asLong()).as(r.body()).isEqualTo(2);
    assertThat(report.get("rejected").asLong()).isEqualTo(1);
    JsonNode p = report.get("problems").get(0);
    assertThat(p.get("row").asLong()).isEqualTo(2);
    assertThat(p.get("problem").get("code").asText()).isEqualTo("invalid-encoding");
    assertThat(p.get("problem").get("field").asText()).isEqualTo("consignee.name");
    assertThat(p.get("problem").get("message").asText()).contains("not UTF-8");
    assertThat(stored("SJIS-BAD-2")).isZero();
    assertThat(stored("SJIS-OK-1") + stored("SJIS-OK-3")).isEqualTo(2);
  }

  @Test
  void aLatin1JsonLineIsRefusedInTheReadersLanguage() throws Exception {
    String line =
        "{\"declarationId\":\"%s\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":"
            + "{\"kind\":\"company\",\"name\":\"Café Müller GmbH\",\"country\":\"DE\"},"
            + "\"items\":[{\"hsCode\":\"090121\",\"description\":\"coffee\"}]}\n";
    byte[] body =
        join(
            line.formatted("LATIN1-OK").getBytes(StandardCharsets.UTF_8),
            line.formatted("LATIN1-BAD").getBytes(StandardCharsets.ISO_8859_1));
    HttpResponse<String> r = post("/api/ingest/declarations?format=json", body, "ja");
    JsonNode report = IntelServer.JSON.readTree(r.body());
    assertThat(report.get("stored").asLong()).as(r.body()).isEqualTo(1);
    JsonNode p = report.get("problems").get(0).get("problem");
    assertThat(p.get("field").asText()).isEqualTo("importer.name");
    assertThat(p.get("message").asText()).contains("UTF-8 のテキストではありません");
    assertThat(stored("LATIN1-BAD")).isZero();
    assertThat(stored("LATIN1-OK")).isEqualTo(1);
  }

  @Test
  void aUtf16CsvIsRefusedAsAWholeSayingItIsNotUtf8() throws Exception {
    byte[] csv =
        ("number,documentType,date,consignee.name\nUTF16-1,MBL,2026-11-27,Kobe Trading\n")
            .getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = join(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv);
    HttpResponse<String> r = post("/api/ingest/transport-documents?format=csv", withBom, "en");
    assertThat(r.body()).contains("invalid-header").contains("not UTF-8");
    assertThat(stored("UTF16-1")).isZero();
  }
}
