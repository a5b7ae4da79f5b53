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
 * Search order: for a text, the records it matches exactly (their own id, a party named in full)
 * before partial matches, newest first within each; newest first on request and for filters alone.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SearchRelevanceWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  private IntelServer server;
  private String customs;
  private String police;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    server = IntelServer.start(db, dir);
    customs = server.token("officer", "Officer", Set.of(Role.OFFICER), "customs-jp", "");
    police =
        server.token("police", "Police", Set.of(Role.PARTNER, Role.INVESTIGATOR), "police-jp", "");
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

  private static String declaration(String id, String date, String importer) {
    return declaration(id, date, importer, "JP");
  }

  /** A declaration whose importer is the company {@code importer} of {@code country} (none: ""). */
  private static String declaration(String id, String date, String importer, String country) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\""
        + date
        + "\",\"office\":\"JPTYO\",\"importer\":{\"kind\":\"company\","
        + "\"name\":\""
        + importer
        + "\""
        + (country.isEmpty() ? "" : ",\"country\":\"" + country + "\"")
        + "},\"items\":[{\"hsCode\":\"090121\"}]}\n";
  }

  private JsonNode search(String query) throws Exception {
    HttpResponse<String> r = send(customs, "GET", "/api/search?" + query, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("hits").forEach(h -> out.add(h.get("sourceId").asText()));
    return out;
  }

  private static List<Boolean> exact(JsonNode page) {
    List<Boolean> out = new ArrayList<>();
    page.get("hits").forEach(h -> out.add(h.get("exact").asBoolean()));
    return out;
  }

  @Test
  void aFullNameOrARecordsOwnIdComesBeforePartialMatchesAndNewestStaysOnRequest() throws Exception {
    ingest(
        customs,
        "declarations",
        declaration("REL-OLD", "2026-10-01", "Hayabusa Marine")
            + declaration("REL-MID", "2026-11-01", "Hayabusa Marine Logistics")
            + declaration("REL-NEW", "2026-11-20", "Hayabusa Marine Holdings")
            + declaration("RELX900", "2026-09-01", "Other Trading")
            + declaration("RELX9001", "2026-11-25", "Another Trading"));
    // another agency's record naming the party exactly is no exact match for customs: not seen
    ingest(police, "declarations", declaration("REL-POLICE", "2026-11-26", "Hayabusa Marine"));

    // the party named in full first, although it is the oldest; the partial matches newest first
    JsonNode byName = search("q=" + enc("Hayabusa Marine"));
    assertThat(byName.get("order").asText()).isEqualTo("relevance");
    assertThat(ids(byName)).containsExactly("REL-OLD", "REL-NEW", "REL-MID");
    assertThat(exact(byName)).containsExactly(true, false, false);
    assertThat(byName.get("total").asLong()).isEqualTo(3);

    // a record's own id before the ids it is the start of
    JsonNode byId = search("q=RELX900");
    assertThat(ids(byId).get(0)).isEqualTo("RELX900");
    assertThat(ids(byId)).contains("RELX9001");
    assertThat(exact(byId).get(0)).isTrue();

    // a person named in full (in the other order), whose key carries a date of birth
    String person =
        "{\"declarationId\":\"REL-P1\",\"date\":\"2026-08-01\",\"office\":\"JPTYO\","
            + "\"importer\":{\"kind\":\"person\",\"name\":\"Yamada Taro\","
            + "\"dateOfBirth\":\"1980-04-01\"},\"items\":[{\"hsCode\":\"090121\"}]}\n"
            + "{\"declarationId\":\"REL-P2\",\"date\":\"2026-11-02\",\"office\":\"JPTYO\","
            + "\"importer\":{\"kind\":\"person\",\"name\":\"Yamada Taro Jiro\"},"
            + "\"items\":[{\"hsCode\":\"090121\"}]}\n";
    ingest(customs, "declarations", person);
    JsonNode byPerson = search("q=" + enc("Taro Yamada"));
    assertThat(ids(byPerson)).containsExactly("REL-P1", "REL-P2");
    assertThat(exact(byPerson)).containsExactly(true, false);

    // newest first on request, nothing marked first
    JsonNode newest = search("q=" + enc("Hayabusa Marine") + "&sort=newest");
    assertThat(newest.get("order").asText()).isEqualTo("newest");
    assertThat(ids(newest)).containsExactly("REL-NEW", "REL-MID", "REL-OLD");
    assertThat(exact(newest)).containsOnly(false);

    // pages cut across the exact matches and the rest: each record once, in the same order
    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonNode p = search("q=" + enc("Hayabusa Marine") + "&size=1&page=" + page);
      paged.addAll(ids(p));
      assertThat(p.get("more").asBoolean()).isEqualTo(page < 2);
    }
    assertThat(paged).containsExactly("REL-OLD", "REL-NEW", "REL-MID");

    // filters alone: newest first, whatever is asked
    JsonNode filters = search("office=JPTYO&from=2026-09-01&sort=relevance");
    assertThat(filters.get("order").asText()).isEqualTo("newest");
    assertThat(ids(filters).get(0)).isEqualTo("RELX9001");

    // a filter still narrows the exact matches
    JsonNode narrowed = search("q=" + enc("Hayabusa Marine") + "&from=2026-10-15");
    assertThat(ids(narrowed)).containsExactly("REL-NEW", "REL-MID");

    // an order that is none is refused, naming the parameter
    HttpResponse<String> bad = send(customs, "GET", "/api/search?q=x1&sort=oldest", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("sort");

    // the page says which order applies and marks the exact match
    HttpResponse<String> page =
        send(customs, "GET", "/search?q=" + enc("Hayabusa Marine") + "&lang=en", null, "text/html");
    assertThat(page.body())
        .contains("id=\"result-order\" data-order=\"relevance\"")
        .contains("Exact matches first")
        .contains("<span class=\"tag exact-match\">exact match</span>");
    String ja =
        send(customs, "GET", "/search?q=" + enc("Hayabusa Marine") + "&sort=newest&lang=ja", null)
            .body();
    assertThat(ja).contains("data-order=\"newest\"").contains("新しい順に表示しています。");
  }

  /** The source ids of the hits marked as exact matches, in the page's order. */
  private static List<String> exactIds(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("hits")
        .forEach(
            h -> {
              if (h.get("exact").asBoolean()) {
                out.add(h.get("sourceId").asText());
              }
            });
    return out;
  }

  @Test
  void aCompanyNamedInFullMatchesInEveryCountryAndNotTheLongerNamesItStarts() throws Exception {
    ingest(
        customs,
        "declarations",
        declaration("ORC-TW", "2026-11-10", "Orchid Foods Co., Ltd.", "TW")
            + declaration("ORC-KR", "2026-11-12", "Orchid Foods", "KR")
            + declaration("ORC-XK", "2026-11-11", "ORCHID FOODS", "XK")
            + declaration("ORC-NONE", "2026-11-09", "Orchid Foods Ltd", "")
            // a longer name that starts with the same letters, and one that starts with the words
            + declaration("ORC-STUFFS", "2026-11-20", "Orchid Foodstuffs", "TW")
            + declaration("ORC-FRESH", "2026-11-21", "Orchid Foods Fresh", "TW")
            + declaration("ORC-SHORT", "2026-11-22", "Orchid", "TW"));

    // the name with any country, and without one, is the company named in full: newest first
    JsonNode full = search("q=" + enc("orchid foods"));
    assertThat(exactIds(full)).containsExactly("ORC-KR", "ORC-XK", "ORC-TW", "ORC-NONE");
    assertThat(ids(full)).doesNotContain("ORC-SHORT");

    // a name that only starts another company's name (ORCHID of ORCHID FOODS|TW) matches it
    // exactly nowhere: only ORCHID|TW is ORCHID named in full
    JsonNode shorter = search("q=" + enc("Orchid"));
    assertThat(exactIds(shorter)).containsExactly("ORC-SHORT");
    assertThat(ids(shorter)).contains("ORC-TW", "ORC-FRESH");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
