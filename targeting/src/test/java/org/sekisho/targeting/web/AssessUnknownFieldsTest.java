package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * {@code POST /api/assess} refuses what ingest refuses (docs/formats/intel-records.md, one
 * definition in core's RecordFormat): a field the format does not define, anywhere in the record,
 * and a party's implausible date of birth, malformed document, unknown kind, and an outcome that is
 * none of the format's; each 400 naming the field, nothing assessed.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AssessUnknownFieldsTest {
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

  private static final String GOOD =
      "{\"declarationId\":\"UF-1\",\"date\":\"2026-11-27\",\"office\":\"JPNRT\","
          + "\"importer\":{\"kind\":\"person\",\"name\":\"A\"},"
          + "\"items\":[{\"hsCode\":\"850440\",\"customsValue\":\"5\"}]}";

  private long assessments() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from targeting.assessment").mapTo(Long.class).one());
  }

  @Test
  void whatIngestRefusesIsRefusedNamingTheFieldAndNothingIsAssessed() throws Exception {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put(
        GOOD.replace("\"name\":\"A\"}", "\"name\":\"A\",\"dateOfBirth\":\"2099-01-01\"}"),
        "importer.dateOfBirth");
    refused.put(
        GOOD.replace("\"name\":\"A\"}", "\"name\":\"A\",\"document\":\"garbage\"}"),
        "importer.document");
    refused.put(GOOD.replace("\"kind\":\"person\"", "\"kind\":\"robot\""), "importer.kind");
    refused.put(GOOD.replace("\"office\"", "\"outcome\":\"maybe\",\"office\""), "outcome");
    refused.put(GOOD.replace("\"office\"", "\"foo\":1,\"office\""), "foo");
    refused.put(GOOD.replace("\"customsValue\"", "\"value\""), "items[0].value");
    refused.put(GOOD.replace("\"importer\"", "\"importr\""), "importr");
    refused.put(GOOD.replace("\"name\":\"A\"}", "\"name\":\"A\",\"nmae\":\"B\"}"), "importer.nmae");
    long before = assessments();
    for (var e : refused.entrySet()) {
      assertThat(e.getKey()).isNotEqualTo(GOOD);
      HttpResponse<String> r = api.send("POST", "/api/assess", analyst, e.getKey());
      assertThat(r.statusCode()).as(e.getValue() + ": " + r.body()).isEqualTo(400);
      JsonNode b = WebApi.JSON.readTree(r.body());
      assertThat(b.get("field").asText()).as(r.body()).isEqualTo(e.getValue());
    }
    assertThat(assessments()).isEqualTo(before);

    JsonNode value =
        WebApi.JSON.readTree(
            api.send("POST", "/api/assess", analyst, GOOD.replace("\"customsValue\"", "\"value\""))
                .body());
    assertThat(value.get("error").asText()).isEqualTo("unknown-field");
    assertThat(value.get("message").asText()).contains("did you mean customsValue?");

    // a postal item's and a transport document's own fields are theirs alone
    HttpResponse<String> postal =
        api.send(
            "POST",
            "/api/assess?kind=postal-item",
            analyst,
            "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"office\":\"JPNRT-MAIL\","
                + "\"customsValue\":\"15\",\"sender\":{\"name\":\"Li\"}}");
    assertThat(postal.statusCode()).as(postal.body()).isEqualTo(400);
    assertThat(WebApi.JSON.readTree(postal.body()).get("message").asText())
        .contains("did you mean declaredValue?");

    // the record as the format writes it passes, with every party field and the outcome
    String fine =
        GOOD.replace(
                "\"name\":\"A\"}",
                "\"name\":\"A\",\"dateOfBirth\":\"1980-04-01\",\"document\":\"P:JP:TZ1234567\","
                    + "\"email\":\"a@example.jp\",\"id\":\"X\",\"address\":\"Tokyo\","
                    + "\"phone\":\"0312345678\",\"country\":\"JP\"}")
            .replace(
                "\"office\"", "\"outcome\":\"infraction\",\"agency\":\"customs-jp\",\"office\"");
    HttpResponse<String> ok = api.send("POST", "/api/assess", analyst, fine);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(assessments()).isEqualTo(before + 1);
  }
}
