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
    // the place it names comes first: 東京 is Tokyo's JPTYO, whatever the alphabet says
    assertThat(texts(miss.get("nearest")).subList(0, 2))
        .containsExactlyInAnyOrder("JPTYO", "JPTYO-AIR");
    assertThat(texts(search(analyst, "office=" + enc("大阪税関")).get("officeMiss").get("nearest")))
        .first()
        .isEqualTo("JPOSA");
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
    JsonNode found = search(analyst, "office=JPOSA");
    assertThat(ids(found)).containsExactly("OF-JPOSA");
    assertThat(found.get("officeMiss").isNull()).isTrue();

    // the page says it too, in the reader's language
    HttpResponse<String> page = server.page(analyst, "/search?office=" + enc("東京"), "ja");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"office-miss\"").contains("JPTYO-AIR");
    assertThat(page.body()).doesNotContain("NPA-TOKYO");
  }

  private long entity(String type, String key) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from intel.entity where type = ? and key = ?")
                    .bind(0, type)
                    .bind(1, key)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void aCandidateSharingAPhoneShowsTheNameSimilarityItHasAndTheKeyItShares() throws Exception {
    server.ingest(
        analyst,
        "declarations",
        "{\"declarationId\":\"PH-1\",\"date\":\"2026-11-18\",\"office\":\"JPTYO\","
            + "\"importer\":{\"kind\":\"company\",\"name\":\"Kaede Logistics\","
            + "\"phone\":\"03-5555-0101\"},\"items\":[{\"hsCode\":\"090121\"}]}\n"
            + "{\"declarationId\":\"PH-2\",\"date\":\"2026-11-19\",\"office\":\"JPTYO\","
            + "\"importer\":{\"kind\":\"company\",\"name\":\"Hoshizora Foods\","
            + "\"phone\":\"03-5555-0101\"},\"items\":[{\"hsCode\":\"090121\"}]}\n");
    long kaede = entity("company", "KAEDE LOGISTICS");
    long hoshizora = entity("company", "HOSHIZORA FOODS");
    double similarity =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select public.similarity('KAEDE LOGISTICS', 'HOSHIZORA FOODS')")
                        .mapTo(Double.class)
                        .one());
    HttpResponse<String> r = server.json(analyst, "GET", "/api/entities/" + kaede, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode candidate = null;
    for (JsonNode c : JSON.readTree(r.body()).get("candidates")) {
      if (c.get("id").asLong() == hoshizora) {
        candidate = c;
      }
    }
    assertThat(candidate).as(r.body()).isNotNull();
    assertThat(candidate.get("sharedType").asText()).isEqualTo("phone");
    assertThat(candidate.get("sharedValue").asText()).isEqualTo("03-5555-0101");
    // the names are not alike: the similarity is theirs, not 1.00
    assertThat(candidate.get("similarity").asDouble()).isLessThan(0.5).isEqualTo(similarity);
    String page = server.page(analyst, "/entities/" + kaede, "en").body();
    assertThat(page)
        .contains("shares phone 03-5555-0101")
        .contains(String.format("name similarity %.2f", similarity));
  }

  @Test
  void aPostalItemIsFoundByItsDestinationCountry() throws Exception {
    server.ingest(
        analyst,
        "postal-items",
        "{\"itemId\":\"RR900000022JP\",\"date\":\"2026-11-20\",\"office\":\"JPTYO-MAIL\","
            + "\"contents\":\"tea\",\"originCountry\":\"JP\",\"destinationCountry\":\"US\","
            + "\"sender\":{\"name\":\"Taro Yamada\",\"country\":\"JP\"},"
            + "\"addressee\":{\"name\":\"John Smith\"}}\n");
    assertThat(ids(search(analyst, "country=US&kind=postal-item")))
        .containsExactly("RR900000022JP");

    // an item stored before its destination was among its countries gets the same list from V24
    java.util.function.Supplier<List<String>> countries =
        () ->
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "select unnest(countries) from intel.record where source_id ="
                                    + " 'RR900000022JP'")
                            .mapTo(String.class)
                            .list());
    List<String> ingested = countries.get();
    assertThat(ingested).containsExactly("JP", "US");
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "update intel.record set countries = array['JP'] where source_id ="
                        + " 'RR900000022JP'"));
    assertThat(ids(search(analyst, "country=US&kind=postal-item"))).isEmpty();
    String v24;
    try (var in = getClass().getResourceAsStream("/db/intel/V24__postal_destination_country.sql")) {
      v24 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    db.jdbi().useHandle(h -> h.execute(v24));
    assertThat(countries.get()).isEqualTo(ingested);
    assertThat(ids(search(analyst, "country=US&kind=postal-item")))
        .containsExactly("RR900000022JP");
  }

  @Test
  void theNoAgreementRefusalIsJapaneseThroughoutForAJapaneseReader() throws Exception {
    long record =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from intel.record where source_id = 'OF-JPOSA'")
                        .mapTo(Long.class)
                        .one());
    HttpResponse<String> r =
        server.json(
            liaison,
            "POST",
            "/api/sharing/records/" + record + "?lang=ja",
            "{\"agency\":\"coast-jp\",\"purpose\":\"joint patrol of the coast\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("error").asText()).isEqualTo("no-agreement");
    assertThat(body.get("message").asText()).as(r.body()).contains("coast-jp");
    assertThat(body.get("message").asText().replace("coast-jp", ""))
        .doesNotContainPattern("[A-Za-z]{3,}");

    // a row shared at ingest with an agency under no agreement: its problem is Japanese too, in
    // the ingest's answer (naming the partner) and in the run's listing (which keeps no value)
    HttpResponse<String> ingested =
        server.json(
            analyst,
            "POST",
            "/api/ingest/declarations?lang=ja",
            "{\"declarationId\":\"NA-1\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\","
                + "\"sharedWith\":[\"coast-jp\"],\"items\":[{\"hsCode\":\"090121\"}]}\n");
    JsonNode run = JSON.readTree(ingested.body());
    JsonNode refused = run.get("problems").get(0).get("problem");
    assertThat(refused.get("code").asText()).as(ingested.body()).isEqualTo("no-agreement");
    assertThat(refused.get("message").asText()).contains("coast-jp", "sharedWith[0]");
    assertThat(refused.get("message").asText().replace("coast-jp", "").replace("sharedWith", ""))
        .as(ingested.body())
        .doesNotContainPattern("[A-Za-z]{3,}");
    HttpResponse<String> problems =
        server.json(
            analyst, "GET", "/api/ingest-runs/" + run.get("run").asLong() + "?lang=ja", null);
    assertThat(problems.statusCode()).as(problems.body()).isEqualTo(200);
    JsonNode problem = JSON.readTree(problems.body()).get("problems").get(0);
    assertThat(problem.get("code").asText()).isEqualTo("no-agreement");
    assertThat(problem.get("reason").asText()).contains("sharedWith[0]");
    assertThat(problem.get("reason").asText().replace("sharedWith", ""))
        .as(problems.body())
        .doesNotContainPattern("[A-Za-z]{3,}");
  }

  @Test
  void aKanjiEndingANameFindsIt() throws Exception {
    server.ingest(
        analyst,
        "declarations",
        declaration("KJ-1", "2026-11-20", "JPTYO", "大森")
            + declaration("KJ-2", "2026-11-20", "JPTYO", "森商事"));
    // the end of a run, as the start of one
    assertThat(ids(search(analyst, "q=" + enc("森") + "&kind=declaration")))
        .contains("KJ-1", "KJ-2");
  }

  @Test
  void aFilterOnlyTotalIsExactAsTheDashboardCountsItAndALowerBoundIsMarkedAsOne() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1_050; i++) {
      sb.append(declaration("CNT-" + i, "2026-11-15", "JPCNT", "Countwell Trading"));
    }
    server.ingest(analyst, "declarations", sb.toString());
    JsonNode day = search(analyst, "office=JPCNT&from=2026-11-15&to=2026-11-15");
    assertThat(day.get("total").asLong()).isEqualTo(1_050);
    assertThat(day.get("totalCapped").asBoolean()).isFalse();
    // the dashboard counts the same day's records at that office alike
    HttpResponse<String> dashboard =
        server.json(analyst, "GET", "/api/dashboard?date=2026-11-15", null);
    long counted = -1;
    for (JsonNode o : JSON.readTree(dashboard.body()).get("offices")) {
      if (o.get("office").asText().equals("JPCNT")) {
        counted = o.get("count").asLong();
      }
    }
    assertThat(counted).as(dashboard.body()).isEqualTo(day.get("total").asLong());

    // the page says how many, which of them it shows, and which page of how many it is
    String page = server.page(analyst, "/search?office=JPCNT&size=500&page=1", "en").body();
    assertThat(page)
        .contains("1,050 records")
        .contains("Records 501–1,000 of 1,050")
        .contains("Page 2 of 3")
        .doesNotContain("1000+");
    // each hit by its kind and its own id
    assertThat(page).contains("<td class=\"source-id\"><a href=\"/records/").contains(">CNT-549<");

    // a text is counted up to 1,000: more is said as more, in the API and on the page
    JsonNode text = search(analyst, "q=countwell");
    assertThat(text.get("total").asLong()).isEqualTo(1_000);
    assertThat(text.get("totalCapped").asBoolean()).isTrue();
    String more = server.page(analyst, "/search?q=countwell", "ja").body();
    assertThat(more).contains("1,000 件超").contains("data-lower-bound=\"true\"");
    assertThat(more).contains("1,000 件超のうち 1～50 件目").contains("1 ページ目");
  }
}
