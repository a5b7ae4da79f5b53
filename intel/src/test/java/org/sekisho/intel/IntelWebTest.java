package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The intelligence database's pages and API on a real server (port 0) over embedded PostgreSQL: bad
 * input answered with the field that is wrong, never with a lost batch or an internal error.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IntelWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  private Database db;
  private IntelServer server;
  private String token;
  private String investigator;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    this.db = db;
    server = IntelServer.start(db, dir);
    token = server.token("analyst", "Aiko Tanaka", Set.of(Role.ANALYST), "customs-jp", "");
    investigator =
        server.token("investigator", "Ken Mori", Set.of(Role.INVESTIGATOR), "customs-jp", "");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return sendAs(token, method, path, body);
  }

  private HttpResponse<String> sendAs(String bearer, String method, String path, String body)
      throws Exception {
    return server.send(
        server.request(bearer, path).header("Accept", "application/json"), method, body);
  }

  private JsonNode ingest(String kind, String format, String body) throws Exception {
    HttpResponse<String> r = send("POST", "/api/ingest/" + kind + "?format=" + format, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    // the raw copy is named within the archive, never by the server's file system path
    assertThat(report.get("archive").asText())
        .matches(kind + "/\\d{4}-\\d{2}-\\d{2}/[0-9a-f]{64}\\.gz");
    return report;
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
        + "\",\"country\":\"JP\"},\"items\":[{\"hsCode\":\"090121\",\"description\":\"coffee\"}]}\n";
  }

  private long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void aNulCharacterRejectsOnlyItsRowInEveryFormatAndTheGoodRowsAreStoredAndAudited()
      throws Exception {
    long audits = count("select count(*) from platform.audit_log where action = 'ingest'");
    JsonNode json =
        ingest(
            "declarations",
            "json",
            declaration("NUL-J1", "2026-11-27", "JPTYO", "Good Co")
                + declaration("NUL-J2", "2026-11-27", "JPTYO", "a\\u0000b"));
    assertThat(json.get("stored").asLong()).isEqualTo(1);
    assertThat(json.get("rejected").asLong()).isEqualTo(1);
    JsonNode p = json.get("problems").get(0);
    assertThat(p.get("row").asLong()).isEqualTo(2);
    assertThat(p.get("sourceId").asText()).isEqualTo("NUL-J2");
    assertThat(p.get("problem").get("field").asText()).isEqualTo("importer.name");
    assertThat(p.get("problem").get("message").asText()).contains("NUL character (U+0000)");
    JsonNode csv =
        ingest(
            "postal-items",
            "csv",
            "itemId,date,contents,sender.name\n"
                + "EE123456785JP,2026-11-27,phone case,Li Wei\n"
                + "RR123456785JP,2026-11-27,gift\u0000box,Li Wei\n");
    assertThat(csv.get("stored").asLong()).isEqualTo(1);
    assertThat(csv.get("problems").get(0).get("problem").get("field").asText())
        .isEqualTo("contents");
    JsonNode kcs =
        ingest(
            "declarations",
            "kcs",
            "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud\n"
                + "97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,0,0\n"
                + "97061801,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLR\u0000BN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,0,0\n");
    assertThat(kcs.get("stored").asLong()).isEqualTo(1);
    // named by the KCS column the value stands in
    assertThat(kcs.get("problems").get(0).get("problem").get("field").asText())
        .isEqualTo("Importer ID");
    // a JSON line the parser cannot read, quoting a NUL character, is listed too
    HttpResponse<String> broken =
        send("POST", "/api/ingest/seizures?format=json", "{\"seizureId\":\"S\u0000\n");
    assertThat(broken.statusCode()).as(broken.body()).isEqualTo(422);
    assertThat(JSON.readTree(broken.body()).get("rejected").asLong()).isEqualTo(1);
    assertThat(count("select count(*) from intel.record where source_id in ('NUL-J1', '97061800')"))
        .isEqualTo(2);
    assertThat(count("select count(*) from platform.audit_log where action = 'ingest'"))
        .isEqualTo(audits + 4);
  }

  @Test
  void overLongIdsAndNumbersTargetingCannotReadAreRowErrorsAndAVeryLongWordIsFound()
      throws Exception {
    String longWord = "Ü" + "x".repeat(4_999);
    JsonNode r =
        ingest(
            "declarations",
            "json",
            declaration("D".repeat(5_000), "2026-11-27", "JPTYO", "Long Id Co")
                + declaration("LONG-OK", "2026-11-27", "JPTYO", "Long Word Co")
                    .replace("\"coffee\"", "\"" + longWord + "\"")
                + declaration("HUGE-VALUE", "2026-11-27", "JPTYO", "Huge Co")
                    .replace("\"coffee\"", "\"coffee\",\"customsValue\":\"1e400\"")
                + declaration("HUGE-MASS", "2026-11-27", "JPTYO", "Huge Co")
                    .replace(
                        "\"coffee\"",
                        "\"coffee\",\"netMassKg\":\"99999999999999999999999999999999999999\""));
    assertThat(r.get("stored").asLong()).isEqualTo(1);
    assertThat(r.get("rejected").asLong()).isEqualTo(3);
    assertThat(r.get("problems"))
        .extracting(p -> p.get("problem").get("field").asText())
        .containsExactly("declarationId", "items[0].customsValue", "items[0].netMassKg");
    assertThat(r.get("problems").get(0).get("sourceId").asText()).hasSizeLessThan(100);
    HttpResponse<String> found =
        send(
            "GET",
            "/api/search?q="
                + URLEncoder.encode(longWord.substring(0, 400), StandardCharsets.UTF_8),
            null);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    assertThat(JSON.readTree(found.body()).get("hits"))
        .extracting(h -> h.get("sourceId").asText())
        .containsExactly("LONG-OK");
  }

  @Test
  void aSearchWithANulCharacterOrAnOverLongParameterIsA400NamingIt() throws Exception {
    for (String[] bad :
        new String[][] {
          {"q=ab%00cd", "q"},
          {"q=" + "a".repeat(5_000), "q"},
          {"office=JP%00TYO", "office"},
          {"office=" + "O".repeat(3_000), "office"}
        }) {
      for (String page : List.of("/api/search?", "/search?")) {
        HttpResponse<String> r = send("GET", page + bad[0], null);
        assertThat(r.statusCode()).as(page + bad[0]).isEqualTo(400);
        if (page.startsWith("/api")) {
          assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo(bad[1]);
        }
      }
    }
  }

  @Test
  void anOfficeWrittenInLowerCaseIsStoredUpperCaseAndFoundByOfficeAndADeclarationNeedsOne()
      throws Exception {
    JsonNode r =
        ingest(
            "declarations",
            "json",
            declaration("OFF-1", "2026-11-27", " jpyok ", "Office Co")
                + declaration("OFF-2", "2026-11-27", "", "Office Co")
                + declaration("OFF-3", "2026-11-27", "O".repeat(3_000), "Office Co"));
    assertThat(r.get("stored").asLong()).isEqualTo(1);
    assertThat(r.get("problems"))
        .extracting(p -> p.get("problem").get("field").asText())
        .containsExactly("office", "office");
    for (String office : List.of("jpyok", "JPYOK")) {
      JsonNode hits =
          JSON.readTree(send("GET", "/api/search?q=office&office=" + office, null).body());
      assertThat(hits.get("hits")).extracting(h -> h.get("sourceId").asText()).contains("OFF-1");
    }
  }

  @Test
  void theDashboardShowsTheLatestDayWithRecordsUpToTodayNotAFutureDate() throws Exception {
    JsonNode r =
        ingest(
            "seizures",
            "json",
            "{\"seizureId\":\"FUTURE-1\",\"date\":\"9999-12-31\",\"commodity\":\"gold\"}\n"
                + "{\"seizureId\":\"PAST-1\",\"date\":\"1900-01-01\",\"commodity\":\"gold\"}\n"
                + "{\"seizureId\":\"AHEAD-1\",\"date\":\"2027-06-01\",\"commodity\":\"gold\"}\n"
                + "{\"seizureId\":\"TODAY-1\",\"date\":\"2026-11-27\",\"commodity\":\"gold\"}\n");
    assertThat(r.get("problems"))
        .extracting(p -> p.get("sourceId").asText() + " " + p.get("problem").get("field").asText())
        .containsExactly("FUTURE-1 date", "PAST-1 date");
    // AHEAD-1 (within a year) is stored, but the dashboard's day stays today
    JsonNode d = JSON.readTree(send("GET", "/api/dashboard", null).body());
    assertThat(d.get("day").asText()).isEqualTo("2026-11-27");
    Matcher h1 = Pattern.compile("<h1>([^<]*)</h1>").matcher(send("GET", "/", null).body());
    assertThat(h1.find()).isTrue();
    assertThat(h1.group(1)).contains("2026-11-27");
  }

  private static List<String> links(String html, String id) {
    Matcher m = Pattern.compile("href=\"([^\"]*)\" id=\"" + id + "\"").matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1).replace("&amp;", "&"));
    }
    return out;
  }

  @Test
  void pagingLinksKeepEveryParameterAndAreValidUrls() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      sb.append(declaration("PAGE-" + i, "2026-11-2" + i, "JPNRT", "Paging Co"));
    }
    ingest("declarations", "json", sb.toString());
    String first = send("GET", "/search?kind=declaration&office=JPNRT&size=1", null).body();
    assertThat(links(first, "next"))
        .containsExactly("/search?kind=declaration&office=JPNRT&size=1&page=1");
    assertThat(links(first, "prev")).isEmpty();
    String second = send("GET", links(first, "next").get(0), null).body();
    assertThat(links(second, "next"))
        .containsExactly("/search?kind=declaration&office=JPNRT&size=1&page=2");
    assertThat(links(second, "prev"))
        .containsExactly("/search?kind=declaration&office=JPNRT&size=1");
    String text = send("GET", "/search?q=paging+co&size=2", null).body();
    assertThat(links(text, "next")).containsExactly("/search?q=paging+co&size=2&page=1");
    HttpResponse<String> next = send("GET", "/search?q=paging+co&size=2&page=1", null);
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(links(next.body(), "prev")).containsExactly("/search?q=paging+co&size=2");
  }

  @Test
  void aRecordPageShowsEachPartyAsDeclaredWithALinkToItsEntity() throws Exception {
    String line =
        "{\"declarationId\":\"PARTY-%s\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\","
            + "\"exporter\":{\"kind\":\"company\",\"name\":\"%s\",\"country\":\"%s\",\"id\":\"%s\"},"
            + "\"items\":[{\"hsCode\":\"854231\"}]}\n";
    ingest(
        "declarations",
        "json",
        line.formatted("GB", "Northern Light Electronics Limited", "GB", "GB-NL-1")
            + line.formatted("MY", "Northern Light Electronics Sdn. Bhd.", "MY", "MY-NL-7"));
    long id = count("select id from intel.record where source_id = 'PARTY-MY'");
    JsonNode api = JSON.readTree(send("GET", "/api/records/" + id, null).body());
    assertThat(api.get("parties")).hasSize(1);
    JsonNode seller = api.get("parties").get(0);
    assertThat(seller.get("role").asText()).isEqualTo("seller");
    assertThat(seller.get("name").asText()).isEqualTo("Northern Light Electronics Sdn. Bhd.");
    assertThat(seller.get("country").asText()).isEqualTo("MY");
    assertThat(seller.get("id").asText()).isEqualTo("MY-NL-7");
    long company = seller.get("entityId").asLong();
    long trader = seller.get("traderId").asLong();
    assertThat(
            count(
                "select count(*) from intel.entity where id = "
                    + company
                    + " and type = 'company'"))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from intel.entity where id = " + trader + " and type = 'trader'"))
        .isEqualTo(1);
    String html = send("GET", "/records/" + id, null).body();
    assertThat(html)
        .contains(
            "<a class=\"party-link\" href=\"/entities/"
                + company
                + "\">Northern Light Electronics Sdn. Bhd.</a></td><td>MY</td>")
        .contains("href=\"/entities/" + trader + "\">MY-NL-7</a>")
        // the role code kept, labelled as a customs officer reads it
        .contains("<td data-role=\"seller\">exporter (seller)</td>")
        // one record is one declaration, and its goods are a table, not only in the JSON
        .contains("<dd id=\"record-kind\">Declaration</dd>")
        .contains("<table id=\"record-items\">")
        .contains("<td class=\"hs\">854231</td>");
    // roles in the reader's language
    assertThat(send("GET", "/records/" + id + "?lang=ja", null).body())
        .contains("<td data-role=\"seller\">輸出者（売主）</td>")
        .contains("輸入申告 PARTY-MY");
  }

  @Test
  void aMergeAndItsUndoNeedAReasonAndAWrongMergedIdTypeIsA400NamingIt() throws Exception {
    ingest(
        "declarations",
        "json",
        declaration("MERGE-1", "2026-11-27", "JPTYO", "Kitsune Trading")
            + declaration("MERGE-2", "2026-11-27", "JPTYO", "Kitsune Shoji"));
    long a =
        count("select id from intel.entity where type = 'company' and key = 'KITSUNE TRADING|JP'");
    long b =
        count("select id from intel.entity where type = 'company' and key = 'KITSUNE SHOJI|JP'");
    String path = "/api/entities/" + a + "/merge";
    for (String[] bad :
        new String[][] {
          {"{\"mergedId\":\"abc\",\"reason\":\"same company\"}", "mergedId"},
          {"{\"mergedId\":[1],\"reason\":\"same company\"}", "mergedId"},
          {"{\"reason\":\"same company\"}", "mergedId"},
          {"{\"mergedId\":" + b + ",\"reason\":\"x\"}", "reason"},
          {"{\"mergedId\":" + b + "}", "reason"},
          {"{\"mergedId\":" + b + ",\"reason\":42}", "reason"}
        }) {
      HttpResponse<String> r = send("POST", path, bad[0]);
      assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
    HttpResponse<String> merged =
        send("POST", path, "{\"mergedId\":" + b + ",\"reason\":\"same phone and address\"}");
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
    long merge = JSON.readTree(merged.body()).get("merge").asLong();
    HttpResponse<String> noReason = send("POST", "/api/merges/" + merge + "/undo", "{}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noReason.body()).get("field").asText()).isEqualTo("reason");
    assertThat(send("POST", "/api/merges/" + merge + "/undo", "{\"reason\":\"ok\"}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> undone =
        send("POST", "/api/merges/" + merge + "/undo", "{\"reason\":\"different registries\"}");
    assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
    String details =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details::text from platform.audit_log where action ="
                                + " 'entity.merge.undo' order by seq desc limit 1")
                        .mapTo(String.class)
                        .one());
    assertThat(details).contains("different registries");
  }

  @Test
  void anEntityOthersWereMergedIntoIsNotMergedIntoAThirdSoRecordsGraphAndSearchAgree()
      throws Exception {
    ingest(
        "declarations",
        "json",
        declaration("CHAIN-1", "2026-11-26", "JPCHN", "Chainlink Alpha")
            + declaration("CHAIN-2", "2026-11-26", "JPCHN", "Chainlink Beta")
            + declaration("CHAIN-3", "2026-11-26", "JPCHN", "Chainlink Gamma"));
    long a =
        count("select id from intel.entity where type = 'company' and key = 'CHAINLINK ALPHA|JP'");
    long b =
        count("select id from intel.entity where type = 'company' and key = 'CHAINLINK BETA|JP'");
    long c =
        count("select id from intel.entity where type = 'company' and key = 'CHAINLINK GAMMA|JP'");
    HttpResponse<String> first =
        send(
            "POST",
            "/api/entities/" + a + "/merge",
            "{\"mergedId\":" + b + ",\"reason\":\"same trader number\"}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    // a, which b was merged into, cannot itself be merged into c: the analyst is told which way
    HttpResponse<String> chained =
        send(
            "POST",
            "/api/entities/" + c + "/merge",
            "{\"mergedId\":" + a + ",\"reason\":\"same trader number\"}");
    assertThat(chained.statusCode()).as(chained.body()).isEqualTo(409);
    JsonNode refusal = JSON.readTree(chained.body());
    assertThat(refusal.get("field").asText()).isEqualTo("mergedId");
    assertThat(refusal.get("message").asText()).contains("merge entity " + c + " into entity " + a);
    assertThat(count("select count(*) from intel.entity where merged_into = " + c)).isZero();
    // the other way round is a merge like any other
    HttpResponse<String> right =
        send(
            "POST",
            "/api/entities/" + a + "/merge",
            "{\"mergedId\":" + c + ",\"reason\":\"same trader number\"}");
    assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
    // every view resolves b's and c's records to a
    long betaRecord = count("select id from intel.record where source_id = 'CHAIN-2'");
    JsonNode record = JSON.readTree(send("GET", "/api/records/" + betaRecord, null).body());
    assertThat(record.get("entities"))
        .filteredOn(e -> e.get("type").asText().equals("company"))
        .extracting(e -> e.get("id").asLong())
        .containsExactly(a);
    JsonNode graph =
        JSON.readTree(send("GET", "/api/entities/" + a + "/graph?hops=2", null).body());
    assertThat(graph.get("nodes"))
        .extracting(n -> n.get("id").asText())
        .contains("e" + a, "r" + betaRecord)
        .doesNotContain("e" + b, "e" + c);
    JsonNode entity = JSON.readTree(send("GET", "/api/entities/" + a, null).body());
    assertThat(entity.get("recordCount").asLong()).isEqualTo(3);
    JsonNode search = JSON.readTree(send("GET", "/api/search?q=Chainlink+Beta", null).body());
    assertThat(search.get("entities"))
        .filteredOn(e -> e.get("id").asLong() == a)
        .singleElement()
        .satisfies(e -> assertThat(e.get("records").asLong()).isEqualTo(3));
    // a merged entity is not merged again either way round
    HttpResponse<String> again =
        send(
            "POST",
            "/api/entities/" + b + "/merge",
            "{\"mergedId\":" + c + ",\"reason\":\"same trader number\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
  }

  @Test
  void theSearchPageOffersANextPageWhileThereAreHitsPastTheCountsCap() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1_050; i++) {
      sb.append(declaration("CAP-" + i, "2026-11-20", "JPCAP", "Capstone Trading"));
    }
    ingest("declarations", "json", sb.toString());
    String page1 = send("GET", "/search?office=JPCAP&size=500&page=1", null).body();
    // filters alone are counted exactly up to 10,000
    assertThat(page1).contains("1,050 records");
    assertThat(links(page1, "next")).containsExactly("/search?office=JPCAP&size=500&page=2");
    String page2 = send("GET", "/search?office=JPCAP&size=500&page=2", null).body();
    assertThat(links(page2, "next")).isEmpty();
    JsonNode api =
        JSON.readTree(send("GET", "/api/search?office=JPCAP&size=500&page=2", null).body());
    assertThat(api.get("hits")).hasSize(50);
    assertThat(api.get("more").asBoolean()).isFalse();
    // the same with a text query (counted through the text index first)
    String text = send("GET", "/search?q=capstone&size=500&page=1", null).body();
    assertThat(links(text, "next")).containsExactly("/search?q=capstone&size=500&page=2");
  }

  @Test
  void aLinkGraphShowsEveryRecordUpToItsMaximumAndSaysWhenItLeftAnyOut() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      sb.append(declaration("HUB-" + i, "2026-11-21", "JPHUB", "Hub Graph Trading"));
    }
    ingest("declarations", "json", sb.toString());
    long hub =
        count(
            "select id from intel.entity where type = 'company' and key = 'HUB GRAPH TRADING|JP'");
    JsonNode all =
        JSON.readTree(send("GET", "/api/entities/" + hub + "/graph?hops=1&max=2000", null).body());
    assertThat(all.get("nodes")).hasSize(71);
    assertThat(all.get("truncated").asBoolean()).isFalse();
    JsonNode some =
        JSON.readTree(send("GET", "/api/entities/" + hub + "/graph?hops=1&max=30", null).body());
    assertThat(some.get("nodes")).hasSize(30);
    assertThat(some.get("truncated").asBoolean()).isTrue();
  }

  @Test
  void aQueryOfPunctuationIsRefusedAndALegalFormMarkIsIgnored() throws Exception {
    for (String q : List.of("!", "(", "・・")) {
      HttpResponse<String> r =
          send("GET", "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
      assertThat(r.statusCode()).as(q).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("q");
    }
    ingest("declarations", "json", declaration("MARK-1", "2026-11-22", "JPMRK", "株式会社サクラ物産"));
    for (String q : List.of("(株)サクラ物産", "㈱サクラ物産", "サクラ物産")) {
      JsonNode r =
          JSON.readTree(
              send("GET", "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null)
                  .body());
      assertThat(r.get("hits"))
          .as(q)
          .extracting(h -> h.get("sourceId").asText())
          .contains("MARK-1");
    }
  }

  private List<String> hitIds(String q, String also) throws Exception {
    HttpResponse<String> r =
        send(
            "GET",
            "/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + also,
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> ids = new java.util.ArrayList<>();
    JSON.readTree(r.body()).get("hits").forEach(h -> ids.add(h.get("sourceId").asText()));
    return ids;
  }

  @Test
  void aPhoneOrContainerNumberFindsTheSameRecordsHoweverItIsWritten() throws Exception {
    StringBuilder sb = new StringBuilder();
    String[] written = {"03-3094-7412", "+81 3 3094 7412", "(03) 3094-7412"};
    for (int i = 0; i < written.length; i++) {
      sb.append(
          declaration("PHONE-" + i, "2026-11-25", "JPPHN", "Phone Holder " + i)
              .replace(
                  "\"country\":\"JP\"}", "\"country\":\"JP\",\"phone\":\"" + written[i] + "\"}"));
    }
    ingest("declarations", "json", sb.toString());
    ingest(
        "transport-documents",
        "json",
        "{\"number\":\"CNT-BL-1\",\"date\":\"2026-11-25\",\"containers\":[\"CSQU3054383\"]}\n"
            + "{\"number\":\"CNT-BL-2\",\"date\":\"2026-11-25\",\"containers\":[\"CSQU 305438"
            + " 3\"]}\n");
    for (String q : List.of(written[0], written[1], written[2], "０３－３０９４－７４１２")) {
      assertThat(hitIds(q, "")).as(q).containsExactlyInAnyOrder("PHONE-0", "PHONE-1", "PHONE-2");
    }
    // with other words and filters too
    assertThat(hitIds("Holder +81 3 3094 7412", "&office=JPPHN"))
        .containsExactlyInAnyOrder("PHONE-0", "PHONE-1", "PHONE-2");
    assertThat(hitIds("Nobody +81 3 3094 7412", "")).isEmpty();
    for (String q : List.of("CSQU3054383", "csqu 305438 3", "CSQU-305438-3")) {
      assertThat(hitIds(q, "")).as(q).containsExactlyInAnyOrder("CNT-BL-1", "CNT-BL-2");
    }
  }

  @Test
  void aCompanyNameIsFoundWhicheverLegalFormTheQueryWrites() throws Exception {
    ingest(
        "declarations",
        "json",
        declaration("FORM-1", "2026-11-24", "JPFRM", "株式会社森商事")
            + declaration("FORM-2", "2026-11-24", "JPFRM", "（株）森商事")
            + declaration("FORM-3", "2026-11-24", "JPFRM", "森商事")
            + declaration("FORM-4", "2026-11-24", "JPFRM", "Mori Shoji Co., Ltd.")
            + declaration("FORM-5", "2026-11-24", "JPFRM", "Mori Shoji KK")
            + declaration("FORM-6", "2026-11-24", "JPFRM", "Hikari Shoji Co., Ltd."));
    // every legal form finds the name's records, and the spelling in the other script by its
    // reading (Mori Shoji); never another company (Hikari Shoji)
    for (String q :
        List.of(
            "（株）森商事",
            "株式会社森商事",
            "森商事株式会社",
            "Mori Shoji",
            "Mori Shoji Co., Ltd.",
            "Mori Shoji KK",
            "MORI SHOJI INC")) {
      assertThat(hitIds(q, "&office=JPFRM"))
          .as(q)
          .containsExactlyInAnyOrder("FORM-1", "FORM-2", "FORM-3", "FORM-4", "FORM-5");
    }
    // 森商事 without a legal form is no evidence of a Japanese name to the dictionary (it could be
    // Chinese, read sen shang shi), but typed in the search box it is read as the company it names
    // with one: an analyst looking for 森商事 wants Mori Shoji's records too (a user review found
    // them missing). Never another company: Hikari Shoji stays out
    assertThat(hitIds("森商事", "&office=JPFRM"))
        .containsExactlyInAnyOrder("FORM-1", "FORM-2", "FORM-3", "FORM-4", "FORM-5");
  }

  @Test
  void anInvestigatorRecordsSeizuresButNotTheKindsCustomsSystemsSend() throws Exception {
    HttpResponse<String> seized =
        sendAs(
            investigator,
            "POST",
            "/api/ingest/seizures",
            "{\"seizureId\":\"INV-S-1\",\"date\":\"2026-11-26\",\"commodity\":\"heroin\"}\n");
    assertThat(seized.statusCode()).as(seized.body()).isEqualTo(200);
    assertThat(JSON.readTree(seized.body()).get("stored").asLong()).isEqualTo(1);
    assertThat(count("select count(*) from intel.record where source_id = 'INV-S-1'")).isEqualTo(1);
    HttpResponse<String> declared =
        sendAs(
            investigator,
            "POST",
            "/api/ingest/declarations",
            declaration("INV-D-1", "2026-11-26", "JPTYO", "Investigator Co"));
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(403);
    assertThat(JSON.readTree(declared.body()).get("field").asText()).isEqualTo("kind");
    assertThat(count("select count(*) from intel.record where source_id = 'INV-D-1'")).isZero();
  }

  @Test
  void fromAfterToIsRefusedAndAnHsHeadingOrSubheadingFiltersTheGoods() throws Exception {
    HttpResponse<String> api =
        send("GET", "/api/search?q=coffee&from=2026-11-27&to=2026-11-01", null);
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(api.body()).get("field").asText()).isEqualTo("from");
    assertThat(JSON.readTree(api.body()).get("message").asText())
        .contains("2026-11-27 is after to 2026-11-01");
    // the page comes back with the refusal beside the field (SearchPageRefusalWebTest)
    HttpResponse<String> page = send("GET", "/search?from=2026-11-27&to=2026-11-01", null);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("id=\"search-error-from\"")
        .contains("From (2026-11-27) is after To (2026-11-01)");
    ingest(
        "declarations",
        "json",
        declaration("HS-COFFEE", "2026-11-23", "JPHSX", "Heading Trading")
            + declaration("HS-TEA", "2026-11-23", "JPHSX", "Heading Trading")
                .replace("090121", "090230")
            // a token starting with the heading's digits, in a record of the same chapter
            + declaration("HS-PHONE", "2026-11-23", "JPHSX", "Heading Trading 09012345678")
                .replace("090121", "091010"));
    assertThat(hitIds("heading", "&hs=09"))
        .containsExactlyInAnyOrder("HS-COFFEE", "HS-TEA", "HS-PHONE");
    assertThat(hitIds("heading", "&hs=0901")).containsExactly("HS-COFFEE");
    assertThat(hitIds("heading", "&hs=090121")).containsExactly("HS-COFFEE");
    JsonNode filterOnly =
        JSON.readTree(send("GET", "/api/search?office=JPHSX&hs=0902", null).body());
    assertThat(filterOnly.get("hits"))
        .extracting(h -> h.get("sourceId").asText())
        .containsExactly("HS-TEA");
    for (String bad : List.of("9", "090", "09012", "0901211000", "ab")) {
      HttpResponse<String> r = send("GET", "/api/search?hs=" + bad, null);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("hs");
    }
  }

  @Test
  void aGraphReadIsAuditedWithTheIdsOfThePersonsItShowsButNotTheirNames() throws Exception {
    ingest(
        "seizures",
        "json",
        "{\"seizureId\":\"GRAPH-S-1\",\"date\":\"2026-11-26\",\"commodity\":\"gold\","
            + "\"persons\":[{\"name\":\"Taro Graphson\",\"dateOfBirth\":\"1980-01-02\"},"
            + "{\"name\":\"Hanako Graphson\"}],"
            + "\"companies\":[{\"name\":\"Graphson Gold Trading\",\"country\":\"JP\"}]}\n");
    long company =
        count(
            "select id from intel.entity where type = 'company' and key = 'GRAPHSON GOLD TRADING|JP'");
    List<Long> persons =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select id from intel.entity where type = 'person' and key like"
                                + " '%GRAPHSON%' order by id")
                        .mapTo(Long.class)
                        .list());
    assertThat(persons).hasSize(2);
    HttpResponse<String> g = send("GET", "/api/entities/" + company + "/graph?hops=2", null);
    assertThat(g.statusCode()).as(g.body()).isEqualTo(200);
    String details =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details::text from platform.audit_log where action ="
                                + " 'entity.graph' and subject = :s order by seq desc limit 1")
                        .bind("s", "entity:" + company)
                        .mapTo(String.class)
                        .one());
    JsonNode d = JSON.readTree(details);
    assertThat(List.of(d.get("persons").asText().split(",")))
        .containsExactlyInAnyOrder(persons.get(0).toString(), persons.get(1).toString());
    assertThat(details).doesNotContainIgnoringCase("graphson");
  }

  @Test
  void anEmptyIngestBodyIsA422SayingItHeldNoRows() throws Exception {
    HttpResponse<String> r = send("POST", "/api/ingest/seizures", "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("rowsRead").asLong()).isZero();
    assertThat(report.get("problems").get(0).get("problem").get("message").asText())
        .contains("held no rows");
  }

  @Test
  void aSeizureShowsItsCenFieldsAndItsRelatedRecordsAndADeclarationTheSeizuresNamingIt()
      throws Exception {
    ingest("declarations", "json", declaration("REL-D-0001", "2026-11-22", "JPREL", "Rel Trading"));
    ingest(
        "seizures",
        "json",
        "{\"seizureId\":\"REL-S-1\",\"date\":\"2026-11-22T10:30:00+09:00\","
            + "\"commodity\":\"heroin\",\"quantity\":2.5,\"unit\":\"kg\","
            + "\"concealment\":\"false bottom\",\"detection\":\"x-ray\","
            + "\"route\":[\"TH\",\"JP\"],\"narrative\":\"Found in a suitcase.\","
            + "\"persons\":[{\"name\":\"Rel Courier\"}],"
            + "\"relatedRecords\":[\"declaration:REL-D-0001\",\"declaration:REL-D-9999\"]}\n");
    long seizure = count("select id from intel.record where source_id = 'REL-S-1'");
    long declaration = count("select id from intel.record where source_id = 'REL-D-0001'");
    String page = send("GET", "/records/" + seizure, null).body();
    assertThat(page)
        .contains("<dd id=\"seizure-commodity\">heroin</dd>")
        .contains("<dd id=\"seizure-quantity\">2.5 kg</dd>")
        .contains("<dd id=\"seizure-concealment\">false bottom</dd>")
        .contains("<dd id=\"seizure-detection\">x-ray</dd>")
        .contains("<dd id=\"seizure-route\">TH → JP</dd>")
        .contains("Found in a suitcase.")
        // a seizure without a place leaves no dangling separator in its title
        .contains("Seizure REL-S-1 · heroin 2.5 kg</h1>")
        .contains(
            "<a class=\"related-link\" href=\"/records/declaration/REL-D-0001\">Declaration"
                + " REL-D-0001</a>")
        .doesNotContain("href=\"/records/declaration/REL-D-9999\"")
        // not said to be absent: for another agency's reader it may exist, unshared
        .contains(
            "Declaration REL-D-9999 <span class=\"muted\">(not available to you: not in the"
                + " database yet, or not shared with your agency)");
    // what is shown as the record has no internal flag nor blank fields
    String shown = page.substring(page.indexOf("id=\"record-data\""));
    assertThat(shown).doesNotContain("&#34;empty&#34;").doesNotContain("&#34;place&#34;");
    JsonNode api = JSON.readTree(send("GET", "/api/records/" + seizure, null).body());
    assertThat(api.get("data").toString()).doesNotContain("\"empty\"");
    assertThat(api.get("data").get("persons").get(0).get("name").asText()).isEqualTo("Rel Courier");
    // the declaration leads back to the seizure naming it
    String declared = send("GET", "/records/" + declaration + "?lang=ja", null).body();
    assertThat(declared)
        .contains("この記録を挙げている摘発")
        .contains("<a class=\"named-by-link\" href=\"/records/" + seizure + "\">摘発 REL-S-1");
  }

  @Test
  void namesDeclaredWithTheSameTraderNumberAreCandidatesAndTheEntityPageMergesAnyGivenId()
      throws Exception {
    String withId = "\"country\":\"JP\",\"id\":\"JP2217552144819\",\"phone\":\"03-5555-0101\"}";
    ingest(
        "declarations",
        "json",
        declaration("SHARE-1", "2026-11-21", "JPSHR", "Suzuki Bussan")
                .replace("\"country\":\"JP\"}", withId)
            + declaration("SHARE-2", "2026-11-21", "JPSHR", "株式会社鈴木物産")
                .replace("\"country\":\"JP\"}", withId)
            // the same name without the number is no such candidate
            + declaration("SHARE-3", "2026-11-21", "JPSHR", "Matsuda Shokai"));
    long latin =
        count("select id from intel.entity where type = 'company' and key = 'SUZUKI BUSSAN|JP'");
    long kanji = count("select id from intel.entity where type = 'company' and key = '鈴木物産|JP'");
    JsonNode entity = JSON.readTree(send("GET", "/api/entities/" + latin, null).body());
    assertThat(entity.get("candidates"))
        .filteredOn(c -> c.get("id").asLong() == kanji)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.get("sharedType").asText()).isEqualTo("trader");
              assertThat(c.get("sharedValue").asText()).isEqualTo("JP2217552144819");
            });
    String page = send("GET", "/entities/" + kanji, null).body();
    assertThat(page)
        .contains("href=\"/entities/" + latin + "\">Suzuki Bussan</a>")
        .contains("shares trader number JP2217552144819")
        .contains("id=\"merge-by-id\"");
    // the kanji name's reading, by which its romaji spellings are matched, is on the page and in
    // the API; a Latin name has none
    assertThat(page).contains("id=\"entity-reading\"").contains(">SUZUKI BUSSAN</dd>");
    assertThat(
            JSON.readTree(send("GET", "/api/entities/" + kanji, null).body())
                .get("reading")
                .asText())
        .isEqualTo("SUZUKI BUSSAN");
    assertThat(entity.get("reading").isNull()).isTrue();
    // a given id merged from the page's form
    HttpResponse<String> merged =
        server.send(
            server
                .request(token, "/entities/" + kanji + "/merge")
                .header("Content-Type", "application/x-www-form-urlencoded"),
            "POST",
            "mergedId=" + latin + "&reason=same+trader+number");
    assertThat(merged.statusCode()).as(merged.body()).isBetween(300, 399);
    assertThat(count("select merged_into from intel.entity where id = " + latin)).isEqualTo(kanji);
  }

  @Test
  void coSuspectsOfOneSeizureAreNoCandidatesOfEachOtherButOnePassportAcrossSeizuresIs()
      throws Exception {
    ingest(
        "seizures",
        "json",
        // two suspects in one seizure: each passport is linked with the role both have
        "{\"seizureId\":\"COS-S-1\",\"date\":\"2026-11-20\",\"commodity\":\"gold\","
            + "\"persons\":[{\"name\":\"Fischer, Lukas\",\"country\":\"DE\","
            + "\"document\":\"P:DE:E91571061\"},{\"name\":\"GONZALEZ LUCIA\","
            + "\"country\":\"MX\",\"document\":\"P:MX:A16387082\"}]}\n"
            // Fischer's passport again, its holder alone in the seizure and spelt otherwise
            + "{\"seizureId\":\"COS-S-2\",\"date\":\"2026-11-21\",\"commodity\":\"gold\","
            + "\"persons\":[{\"name\":\"FISHER LUKAS\",\"country\":\"DE\","
            + "\"document\":\"P:DE:E91571061\"}]}\n"
            // and alone once more, so that the passport is his where he is the only suspect
            + "{\"seizureId\":\"COS-S-3\",\"date\":\"2026-11-22\",\"commodity\":\"gold\","
            + "\"persons\":[{\"name\":\"Fischer, Lukas\",\"country\":\"DE\","
            + "\"document\":\"P:DE:E91571061\"}]}\n");
    long fischer =
        count("select id from intel.entity where type = 'person' and display = 'Fischer, Lukas'");
    long gonzalez =
        count("select id from intel.entity where type = 'person' and display = 'GONZALEZ LUCIA'");
    long other =
        count("select id from intel.entity where type = 'person' and display = 'FISHER LUKAS'");
    JsonNode f = JSON.readTree(send("GET", "/api/entities/" + fischer, null).body());
    assertThat(f.get("candidates"))
        .noneSatisfy(c -> assertThat(c.get("id").asLong()).isEqualTo(gonzalez));
    assertThat(f.get("candidates"))
        .filteredOn(c -> c.get("id").asLong() == other)
        .singleElement()
        .satisfies(c -> assertThat(c.get("sharedType").asText()).isEqualTo("document"));
    JsonNode g = JSON.readTree(send("GET", "/api/entities/" + gonzalez, null).body());
    assertThat(g.get("candidates"))
        .noneSatisfy(c -> assertThat(c.get("sharedType").asText()).isEqualTo("document"));
  }

  @Test
  void aSeizuresFlightMeetsTheFlightsMovementsAndItsShipTheVesselOfThatName() throws Exception {
    ingest(
        "conveyance-movements",
        "json",
        "{\"movementId\":\"MV-AIR-1\",\"mode\":\"air\",\"direction\":\"arrival\","
            + "\"time\":\"2026-11-20T08:00:00Z\",\"conveyanceName\":\"FedEx\","
            + "\"voyageOrFlight\":\"FX 0680\",\"port\":\"JPNRT\"}\n"
            + "{\"movementId\":\"MV-SEA-1\",\"mode\":\"sea\",\"direction\":\"arrival\","
            + "\"time\":\"2026-11-20T08:00:00Z\",\"conveyanceName\":\"CMA CGM HARMONIA\","
            + "\"imo\":\"9074729\",\"flag\":\"FR\",\"port\":\"JPYOK\"}\n");
    ingest(
        "seizures",
        "json",
        "{\"seizureId\":\"FLT-S-1\",\"date\":\"2026-11-20\",\"commodity\":\"gold\","
            + "\"conveyance\":\"FX680\"}\n"
            + "{\"seizureId\":\"FLT-S-2\",\"date\":\"2026-11-20\",\"commodity\":\"cocaine\","
            + "\"conveyance\":\"CMA CGM HARMONIA\"}\n");
    // a flight number is a flight, not a vessel, and the seizure and movement share it
    long flight = count("select id from intel.entity where type = 'flight' and key = 'FX680'");
    assertThat(
            count(
                "select count(distinct r.source_id) from intel.record_entity re join intel.record r"
                    + " on r.id = re.record_id where re.entity_id = "
                    + flight))
        .isEqualTo(2);
    assertThat(
            count("select count(*) from intel.entity where type = 'vessel' and key like '%FX680%'"))
        .isZero();
    // the seizure's ship by name is offered the vessel its port call keys by IMO number
    long byName =
        count(
            "select id from intel.entity where type = 'vessel' and key = 'NAME:CMA CGM HARMONIA'");
    long byImo = count("select id from intel.entity where type = 'vessel' and key = 'IMO9074729'");
    JsonNode e = JSON.readTree(send("GET", "/api/entities/" + byName, null).body());
    assertThat(e.get("candidates")).extracting(c -> c.get("id").asLong()).contains(byImo);
  }

  @Test
  void migrationTwelveMakesFlightNumbersStoredAsVesselsFlightsOncePerNumber() throws Exception {
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "insert into intel.entity(type, key, display) values ('vessel', 'NAME:QZ 0777',"
                      + " 'QZ 0777'), ('vessel', 'NAME:QZ777', 'QZ777'), ('vessel', 'NAME:QZ"
                      + " SPIRIT', 'QZ SPIRIT')");
            });
    String v12;
    try (var in = getClass().getResourceAsStream("/db/intel/V12__flights.sql")) {
      v12 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    db.jdbi().useTransaction(h -> h.createScript(v12).execute());
    assertThat(count("select count(*) from intel.entity where type = 'flight' and key = 'QZ777'"))
        .isEqualTo(1);
    // the second spelling of the same number stays a vessel, for an analyst to merge; a ship stays
    assertThat(
            count(
                "select count(*) from intel.entity where type = 'vessel' and key in"
                    + " ('NAME:QZ 0777', 'NAME:QZ777', 'NAME:QZ SPIRIT')"))
        .isEqualTo(2);
  }

  @Test
  void theDashboardCountsEntitiesForTheAdministrationsReaders() throws Exception {
    JsonNode d = JSON.readTree(send("GET", "/api/dashboard", null).body());
    assertThat(d.get("entities").isNumber()).as(d.toString()).isTrue();
  }
}
