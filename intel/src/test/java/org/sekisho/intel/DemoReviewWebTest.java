package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
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
 * What an analyst found using the demo through the API and the pages: an office filter matching
 * nothing says so and names the offices the reader can read; filter-only totals are exact; merge
 * candidates sharing a phone show their own name similarity; a postal item's destination is among
 * its countries; the no-agreement refusal is Japanese throughout for a Japanese reader; a kanji
 * ending a name finds it.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoReviewWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;
  private static final Clock CLOCK = IntelServer.CLOCK;

  private Database db;
  private IntelServer server;
  private String analyst;
  private String police;
  private String liaison;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = IntelServer.start(db, dir);
    TestIngest.register(db, CLOCK, "police-jp", "coast-jp");
    analyst = server.token("aiko", "Aiko", Set.of(Role.ANALYST), "customs-jp", "");
    liaison = server.token("mei", "Mei", Set.of(Role.LIAISON), "customs-jp", "");
    police =
        server.token(
            "taro", "Taro", Set.of(Role.PARTNER, Role.INVESTIGATOR), "police-jp", "NPA-TOKYO");
    TestIngest.agree(db, CLOCK, "police-jp", "seizures");
    StringBuilder lines = new StringBuilder();
    for (String office : List.of("JPTYO", "JPTYO-AIR", "JPOSA")) {
      lines.append(declaration("OF-" + office, "2026-11-20", office, "Office Probe " + office));
    }
    server.ingest(analyst, "declarations", lines.toString());
    // a police seizure at an office only the police read
    server.ingest(
        police,
        "seizures",
        "{\"seizureId\":\"OF-POLICE\",\"date\":\"2026-11-21\",\"office\":\"NPA-TOKYO\","
            + "\"commodity\":\"gold\"}\n");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String declaration(String id, String date, String office, String importer) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\""
        + date
        + "\",\"office\":\""
        + office
        + "\",\"importer\":{\"kind\":\"company\",\"name\":\""
        + importer
        + "\",\"country\":\"JP\"},\"items\":[{\"hsCode\":\"090121\"}]}\n";
  }

  private JsonNode search(String token, String query) throws Exception {
    HttpResponse<String> r = server.json(token, "GET", "/api/search?" + query, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("hits").forEach(h -> out.add(h.get("sourceId").asText()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void anOfficeFilterMatchingNothingSaysSoAndNamesTheOfficesTheReaderCanRead() throws Exception {
    // the office's name where records store its code: nothing, and the answer says why
    JsonNode tokyo = search(analyst, "office=" + enc("東京") + "&lang=ja");
    assertThat(tokyo.get("total").asLong()).isZero();
    JsonNode miss = tokyo.get("officeMiss");
    assertThat(miss.get("office").asText()).isEqualTo("東京");
    assertThat(texts(miss.get("nearest"))).contains("JPTYO", "JPTYO-AIR", "JPOSA");
    // the police's own office is not customs' to see, nor to learn of
    assertThat(texts(miss.get("nearest"))).doesNotContain("NPA-TOKYO");
    assertThat(miss.get("message").asText()).contains("東京", "JPTYO").doesNotContain("office");

    // a part of a code: those containing it first
    JsonNode tyo = search(analyst, "office=tyo&q=" + enc("Office Probe Nothing"));
    assertThat(tyo.get("total").asLong()).isZero();
    assertThat(texts(tyo.get("officeMiss").get("nearest")).subList(0, 2))
        .containsExactlyInAnyOrder("JPTYO", "JPTYO-AIR");
    assertThat(tyo.get("officeMiss").get("message").asText())
        .contains("No record you can read", "TYO", "JPTYO");

    // the police reader is offered its own office, not customs' offices
    JsonNode policeMiss = search(police, "office=JPTYO");
    assertThat(texts(policeMiss.get("officeMiss").get("nearest")))
        .containsExactly("NPA-TOKYO")
        .doesNotContain("JPTYO", "JPOSA");

    // an office that holds records answers them, without a word about other offices
    JsonNode found = search(analyst, "office=JPTYO");
    assertThat(ids(found)).containsExactly("OF-JPTYO");
    assertThat(found.get("officeMiss").isNull()).isTrue();

    // the page says it too, in the reader's language
    HttpResponse<String> page = server.page(analyst, "/search?office=" + enc("東京"), "ja");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"office-miss\"").contains("JPTYO-AIR");
    assertThat(page.body()).doesNotContain("NPA-TOKYO");
  }
}
