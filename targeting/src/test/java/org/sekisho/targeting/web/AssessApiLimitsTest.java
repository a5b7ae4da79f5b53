package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.sekisho.platform.testing.PostgresExtension;

/**
 * {@code POST /api/assess} refuses what the intelligence database's ingest refuses for its length
 * or form, naming the field and the limit: a text longer than its field's limit ({@code
 * RecordFormat}), a container number whose ISO 6346 check digit is wrong, a transport document type
 * other than MBL, HBL or AWB. A text exactly at its limit passes.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AssessApiLimitsTest {
  private Database db;
  private TargetingServer server;
  private WebApi api;
  private String analyst;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = TargetingServer.start(db, dir);
    api = server.api();
    analyst = server.analyst();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static final String DECLARATION =
      "{\"declarationId\":\"L-1\",\"type\":\"IM\",\"date\":\"%s\",\"office\":\"JPYOK\","
          + "\"procedure\":\"%s\",\"transportDocument\":\"%s\","
          + "\"importer\":{\"name\":\"%s\",\"id\":\"%s\"},"
          + "\"items\":[{\"hsCode\":\"090121\",\"description\":\"%s\",\"origin\":\"TH\","
          + "\"quantity\":\"10\",\"unit\":\"%s\",\"netMassKg\":\"100\",\"customsValue\":\"5000\","
          + "\"currency\":\"JPY\"}]}";

  private static final String BILL =
      "{\"number\":\"HDMU-LIMIT-1\",\"documentType\":\"%s\",\"date\":\"%s\","
          + "\"office\":\"JPYOK\",\"consignee\":{\"name\":\"Sakura\"},"
          + "\"portOfLoading\":\"THBKK\",\"containers\":[\"CSQU3054383\",\"%s\"],"
          + "\"goodsDescription\":\"coffee\",\"hsCode\":\"090121\"}";

  private static String today() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
  }

  /** A declaration whose texts are given: procedure, document, importer, description, unit. */
  private static String declaration(
      String procedure,
      String document,
      String importerName,
      String importerId,
      String description,
      String unit) {
    return DECLARATION.formatted(
        today(), procedure, document, importerName, importerId, description, unit);
  }

  private static String declaration() {
    return declaration("4000", "HDMU1", "Sakura", "IMP-1", "coffee", "kg");
  }

  private static String bill(String documentType, String container) {
    return BILL.formatted(documentType, today(), container);
  }

  private long assessments() {
    Long n =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from targeting.assessment")
                        .mapTo(Long.class)
                        .one());
    return n;
  }

  /** Sends a record and returns the refusal's body, after checking that it is a 400. */
  private JsonNode refused(String kind, String record) throws Exception {
    HttpResponse<String> r = api.send("POST", "/api/assess?kind=" + kind, analyst, record);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return WebApi.JSON.readTree(r.body());
  }

  @Test
  void aTextLongerThanIngestStoresIsRefusedNamingTheFieldAndTheLimit() throws Exception {
    String x = "x";
    Map<String, String> tooLong = new LinkedHashMap<>();
    tooLong.put("importer.name", declaration("4000", "D", x.repeat(5_000), "I", "c", "kg"));
    tooLong.put("items[0].description", declaration("4000", "D", "S", "I", x.repeat(20_000), "kg"));
    tooLong.put("procedure", declaration(x.repeat(500), "D", "S", "I", "c", "kg"));
    tooLong.put("importer.id", declaration("4000", "D", "S", x.repeat(500), "c", "kg"));
    tooLong.put("items[0].unit", declaration("4000", "D", "S", "I", "c", x.repeat(500)));
    tooLong.put("transportDocument", declaration("4000", x.repeat(600), "S", "I", "c", "kg"));
    Map<String, String> limit =
        Map.of(
            "importer.name", "500",
            "items[0].description", "10000",
            "procedure", "100",
            "importer.id", "100",
            "items[0].unit", "100",
            "transportDocument", "100");
    long before = assessments();
    for (var e : tooLong.entrySet()) {
      JsonNode b = refused("declaration", e.getValue());
      assertThat(b.get("field").asText()).as(b.toString()).isEqualTo(e.getKey());
      assertThat(b.get("error").asText()).isEqualTo("too-long");
      assertThat(b.get("message").asText())
          .startsWith("expected at most " + limit.get(e.getKey()) + " characters, got ");
    }
    assertThat(assessments()).isEqualTo(before);
  }

  @Test
  void aTextExactlyAtItsLimitIsAssessed() throws Exception {
    String atLimit =
        declaration(
            "p".repeat(100),
            "d".repeat(100),
            "n".repeat(500),
            "i".repeat(100),
            "c".repeat(10_000),
            "u".repeat(100));
    long before = assessments();
    HttpResponse<String> ok =
        api.send("POST", "/api/assess", analyst, atLimit.replace("\"L-1\"", "\"L-AT-LIMIT\""));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    // one character more is one too many
    JsonNode b =
        refused(
            "declaration",
            declaration(
                "p".repeat(100),
                "d".repeat(100),
                "n".repeat(501),
                "i".repeat(100),
                "c".repeat(10_000),
                "u".repeat(100)));
    assertThat(b.get("field").asText()).isEqualTo("importer.name");
    assertThat(b.get("message").asText()).isEqualTo("expected at most 500 characters, got 501");
    assertThat(assessments()).isEqualTo(before + 1);
  }

  @Test
  void aTooLongDateIsNamedForItsLengthAlone() throws Exception {
    JsonNode b = refused("declaration", declaration().replace(today(), "2".repeat(150)));
    assertThat(b.get("field").asText()).isEqualTo("date");
    assertThat(b.get("error").asText()).isEqualTo("too-long");
  }

  @Test
  void aContainerWithAWrongCheckDigitOrAnUnknownDocumentTypeIsRefused() throws Exception {
    long before = assessments();
    JsonNode container = refused("transport-document", bill("MBL", "ABCD1234567"));
    assertThat(container.get("field").asText()).isEqualTo("containers[1]");
    assertThat(container.get("error").asText()).isEqualTo("invalid-container");
    assertThat(container.get("message").asText())
        .contains("ISO 6346")
        .contains("CSQU3054383")
        .contains("'ABCD1234567'");
    JsonNode type = refused("transport-document", bill("XYZ", "MSCU5195724"));
    assertThat(type.get("field").asText()).isEqualTo("documentType");
    assertThat(type.get("error").asText()).isEqualTo("invalid-value");
    assertThat(type.get("message").asText())
        .isEqualTo("expected one of [AWB, HBL, MBL], got 'XYZ'");
    JsonNode longContainer = refused("transport-document", bill("MBL", "C".repeat(101)));
    assertThat(longContainer.get("field").asText()).isEqualTo("containers[1]");
    assertThat(longContainer.get("error").asText()).isEqualTo("too-long");
    assertThat(assessments()).isEqualTo(before);

    // as ingest reads them: a container number with spaces and hyphens, each type it knows
    for (String t : List.of("MBL", "HBL", "AWB")) {
      HttpResponse<String> ok =
          api.send(
              "POST",
              "/api/assess?kind=transport-document",
              analyst,
              bill(t, "mscu 519572-4").replace("HDMU-LIMIT-1", "HDMU-LIMIT-" + t));
      assertThat(ok.statusCode()).as(t + ": " + ok.body()).isEqualTo(200);
    }
    assertThat(assessments()).isEqualTo(before + 3);
  }
}
