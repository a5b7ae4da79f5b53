package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * The export's {@code exact_match} says what the search page's "exact match" tag says: the search's
 * text as a whole is the record's source id, or the whole key of a party or number the record names
 * (a company's name with or without its legal form, a phone number). A record that names the phone
 * a query holds, beside a name that only partly matches the declarant's, is no exact match.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SearchExportExactMatchWebTest {
  private IntelServer server;
  private String analyst;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = IntelServer.start(db, dir);
    analyst = server.token("analyst", "Aiko Tanaka", Set.of(Role.ANALYST), "customs-jp", "");
    server.ingest(
        analyst,
        "declarations",
        declaration("EX-1", "KITSUNE TRADING CO LTD", "03-1234-5678")
            + declaration("EX-2", "KITSUNE TRADING HOLDINGS", "03-1234-5678")
            + declaration("EX-3", "SUN KITSUNE", "03-1234-5678")
            + declaration("EX-4", "KITSUNE", ""));
  }

  private static String declaration(String id, String declarant, String phone) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\",\"declarant\":{\"kind\":\"company\","
        + "\"name\":\""
        + declarant
        + "\",\"country\":\"JP\""
        + (phone.isEmpty() ? "" : ",\"phone\":\"" + phone + "\"")
        + "},\"items\":[{\"hsCode\":\"090121\",\"description\":\"green tea\"}]}\n";
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Each exported record's source id with its exact_match cell, in the file's order. */
  private Map<String, String> exported(String q) throws Exception {
    HttpResponse<String> r =
        server.send(
            analyst,
            "GET",
            "/api/search/export?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
            null,
            "text/csv",
            "text/plain");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String[] lines = r.body().split("\r\n");
    assertThat(lines[0]).endsWith("exact_match,url");
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      out.put(cells[2], cells[cells.length - 2]);
    }
    return out;
  }

  /** Each found record's source id with its exact flag, as the search API answers. */
  private Map<String, String> searched(String q) throws Exception {
    HttpResponse<String> r =
        server.json(
            analyst, "GET", "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode h : IntelServer.JSON.readTree(r.body()).get("hits")) {
      out.put(h.get("sourceId").asText(), h.get("exact").asBoolean() ? "yes" : "no");
    }
    return out;
  }

  @Test
  void aNameThatOnlyPartlyMatchesTheDeclarantIsNoExactMatchForThePhoneBesideIt() throws Exception {
    String q = "KITSUNE 03-1234-5678";
    Map<String, String> rows = exported(q);
    assertThat(rows.keySet()).containsExactlyInAnyOrder("EX-1", "EX-2", "EX-3");
    assertThat(rows.values()).containsOnly("no");
    assertThat(searched(q)).isEqualTo(rows);
  }

  @Test
  void theWholeNameOrTheWholeNumberIsAnExactMatch() throws Exception {
    Map<String, String> byName = exported("Kitsune Trading");
    assertThat(byName).containsEntry("EX-1", "yes").containsEntry("EX-2", "no");
    assertThat(byName.keySet()).first().isEqualTo("EX-1");
    Map<String, String> byPhone = exported("03-1234-5678");
    assertThat(byPhone)
        .containsOnlyKeys("EX-1", "EX-2", "EX-3")
        .containsValues("yes")
        .doesNotContainValue("no");
    assertThat(exported("KITSUNE")).containsEntry("EX-4", "yes").containsEntry("EX-3", "no");
  }
}
