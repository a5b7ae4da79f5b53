package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
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
 * Numbers keep every digit: sent unquoted in JSON they are read as decimals (never through a
 * double), stored and shown on the record page and API in plain form, and the same values sent
 * again as text are duplicates, not conflicting versions.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExactNumbersWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  private Database db;
  private IntelServer server;
  private String aiko;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    this.db = db;
    server = IntelServer.start(db, dir);
    aiko = server.token("aiko", "Aiko", Set.of(Role.ANALYST), "customs-jp", "");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return server.send(
        server.request(aiko, path).header("Accept", "application/json"), method, body);
  }

  private static String declaration(String id, String value, String mass, String quantity) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\",\"importer\":{\"name\":\"Kobe Tea\","
        + "\"country\":\"JP\"},\"items\":[{\"hsCode\":\"090121\",\"quantity\":"
        + quantity
        + ",\"customsValue\":"
        + value
        + ",\"netMassKg\":"
        + mass
        + "}]}\n";
  }

  private JsonNode ingest(String input) throws Exception {
    HttpResponse<String> r = send("POST", "/api/ingest/declarations?format=json", input);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private String stored(String sourceId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select data::text from intel.record where source_id = ?")
                    .bind(0, sourceId)
                    .mapTo(String.class)
                    .one());
  }

  private long id(String sourceId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from intel.record where source_id = ?")
                    .bind(0, sourceId)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void unquotedNumbersKeepEveryDigitAndTheSameValuesAsTextAreDuplicates() throws Exception {
    JsonNode first =
        ingest(
            declaration(
                "EXACT-1", "1234567890123.4567", "0.123456789012345678901", "999999999999999.5"));
    assertThat(first.get("stored").asLong()).as(first.toString()).isEqualTo(1);
    assertThat(stored("EXACT-1"))
        .contains("\"customsValue\":1234567890123.4567")
        .contains("\"netMassKg\":0.123456789012345678901")
        .contains("\"quantity\":999999999999999.5");
    JsonNode again =
        ingest(
            declaration(
                "EXACT-1",
                "\"1234567890123.4567\"",
                "\"0.123456789012345678901\"",
                "\"999999999999999.5\""));
    assertThat(again.get("duplicates").asLong()).as(again.toString()).isEqualTo(1);
    assertThat(again.get("conflicts").asLong()).isZero();
  }

  @Test
  void theRecordPageAndApiShowNumbersInPlainFormWithEveryDigit() throws Exception {
    JsonNode r =
        ingest(
            declaration(
                "EXACT-2", "0.0000001", "0.12345678901234567890123456789", "999999999999999.5"));
    assertThat(r.get("stored").asLong()).as(r.toString()).isEqualTo(1);
    // stored never in exponent form
    assertThat(stored("EXACT-2")).contains("\"customsValue\":0.0000001").doesNotContain("E-7");
    long id = id("EXACT-2");
    HttpResponse<String> api = send("GET", "/api/records/" + id, null);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body())
        .contains("\"customsValue\":0.0000001")
        .contains("\"netMassKg\":0.12345678901234567890123456789")
        .contains("\"quantity\":999999999999999.5")
        .doesNotContain("E-7")
        .doesNotContain("E14");
    HttpResponse<String> page = server.send(server.request(aiko, "/records/" + id), "GET", null);
    assertThat(page.statusCode()).isEqualTo(200);
    // every digit, the whole part grouped in thousands as an officer reads a figure
    assertThat(page.body())
        .contains("0.0000001")
        .contains("0.12345678901234567890123456789")
        .contains("999,999,999,999,999.5")
        .doesNotContain("1.0E-7")
        .doesNotContain("9.999999999999995E14");
  }

  @Test
  void theRecordPageGroupsValuesAndMassesInThousands() throws Exception {
    assertThat(
            ingest(declaration("EXACT-4", "29690464", "12500.25", "3000")).get("stored").asLong())
        .isEqualTo(1);
    String page =
        server.send(server.request(aiko, "/records/" + id("EXACT-4")), "GET", null).body();
    // the goods table (the record as stored, below it, keeps its JSON form)
    String items =
        page.substring(
            page.indexOf("id=\"record-items\""),
            page.indexOf("</table>", page.indexOf("id=\"record-items\"")));
    assertThat(items)
        .contains("<td>29,690,464 ")
        .contains("<td>12,500.25 kg")
        .contains("<td>3,000 ");
    assertThat(items).doesNotContain("29690464").doesNotContain("12500.25");
  }

  @Test
  void aRecordStoredInExponentFormIsShownInPlainForm() throws Exception {
    assertThat(ingest(declaration("EXACT-3", "5", "1", "1")).get("stored").asLong()).isEqualTo(1);
    int changed =
        db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "update intel.record set data = cast(replace(data::text,"
                                + " '\"customsValue\":5', '\"customsValue\":1E-7') as json)"
                                + " where source_id = 'EXACT-3'")
                        .execute());
    assertThat(changed).isEqualTo(1);
    String body = send("GET", "/api/records/" + id("EXACT-3"), null).body();
    assertThat(body).contains("\"customsValue\":0.0000001").doesNotContain("E-7");
  }
}
