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
 * {@code POST /api/assess} refuses what no office code list, currency list or code list knows, and
 * a record claimed for another agency, each naming the field; nothing is stored for a refused one.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AssessApiRulesTest {
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
      "{\"declarationId\":\"R-1\",\"type\":\"IM\",\"date\":\"2026-11-27\",\"office\":\"JPYOK\","
          + "\"modeOfTransport\":\"1\",\"importer\":{\"name\":\"Sakura\",\"id\":\"IMP-1\"},"
          + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\",\"netMassKg\":\"100\","
          + "\"grossMassKg\":\"110\",\"customsValue\":\"5000\",\"currency\":\"JPY\"}]}";

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

  @Test
  void unknownOfficesCurrenciesTypesModesAndMassesAreRefusedNamingTheField() throws Exception {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put(GOOD.replace("\"JPYOK\"", "\"ZZZZZ\""), "office");
    refused.put(GOOD.replace("\"JPY\"", "\"QQQ\""), "items[0].currency");
    refused.put(GOOD.replace("\"IM\"", "\"ZZ\""), "type");
    refused.put(
        GOOD.replace("\"modeOfTransport\":\"1\"", "\"modeOfTransport\":\"banana\""),
        "modeOfTransport");
    refused.put(
        GOOD.replace("\"grossMassKg\":\"110\"", "\"grossMassKg\":\"1\""), "items[0].netMassKg");
    refused.put(
        GOOD.replace("\"type\":\"IM\"", "\"type\":\"IM\",\"agency\":\"police-jp\""), "agency");
    long before = assessments();
    for (var e : refused.entrySet()) {
      assertThat(e.getKey()).isNotEqualTo(GOOD);
      HttpResponse<String> r = api.send("POST", "/api/assess", analyst, e.getKey());
      assertThat(r.statusCode()).as(e.getValue() + ": " + r.body()).isEqualTo(400);
      JsonNode b = WebApi.JSON.readTree(r.body());
      assertThat(b.get("field").asText()).isEqualTo(e.getValue());
    }
    JsonNode office =
        WebApi.JSON.readTree(
            api.send("POST", "/api/assess", analyst, GOOD.replace("\"JPYOK\"", "\"ZZZZZ\""))
                .body());
    assertThat(office.get("message").asText()).contains("'ZZZZZ' is no office code");
    assertThat(assessments()).isEqualTo(before);

    // what is known passes: an office with a unit, a currency in lower case, the caller's agency
    String fine =
        GOOD.replace("\"JPYOK\"", "\"jpnrt-mail\"")
            .replace("\"JPY\"", "\"usd\"")
            .replace("\"type\":\"IM\"", "\"type\":\"ex\",\"agency\":\"customs-jp\"")
            .replace("\"modeOfTransport\":\"1\"", "\"modeOfTransport\":\"40\"");
    HttpResponse<String> ok = api.send("POST", "/api/assess", analyst, fine);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(assessments()).isEqualTo(before + 1);
  }

  private static String parcel(String category) {
    return "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"office\":\"JPKWS-MAIL\","
        + "\"sender\":{\"kind\":\"person\",\"name\":\"Li Wei\",\"country\":\"CN\"},"
        + "\"contents\":\"phone case\",\"declaredValue\":\"15\",\"currency\":\"USD\","
        + "\"weightKg\":\"0.4\",\"originCountry\":\"CN\",\"destinationCountry\":\"JP\","
        + "\"category\":\""
        + category
        + "\"}";
  }

  @Test
  void aPostalItemsCategoryIsOneOfTheDocumentedOnesOrRefusedNamingThemAll() throws Exception {
    long before = assessments();
    for (String wrong : List.of("merchandize", "commercial", "present")) {
      HttpResponse<String> r =
          api.send("POST", "/api/assess?kind=postal-item", analyst, parcel(wrong));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      JsonNode b = WebApi.JSON.readTree(r.body());
      assertThat(b.get("field").asText()).isEqualTo("category");
      assertThat(b.get("message").asText())
          .contains("'" + wrong + "'", "documents, gift, merchandise, other, returned, sample");
    }
    assertThat(assessments()).isEqualTo(before);
    // the documented words, in any case, are assessed
    HttpResponse<String> gift =
        api.send("POST", "/api/assess?kind=postal-item", analyst, parcel("Gift"));
    assertThat(gift.statusCode()).as(gift.body()).isEqualTo(200);
    assertThat(assessments()).isEqualTo(before + 1);
  }
}
