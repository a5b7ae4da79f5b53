package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
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
 * An analyst takes a search's records away as CSV: the same records in the same order as the
 * search, values quoted as RFC 4180 wants, nothing a spreadsheet would run, one audit entry;
 * another agency's reader exports only what it may read.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SearchExportWebTest {
  private IntelServer server;
  private Database db;
  private String analyst;
  private String police;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = IntelServer.start(db, dir);
    analyst = server.token("analyst", "Aiko Tanaka", Set.of(Role.ANALYST), "customs-jp", "");
    police = server.token("police", "Ken Mori", Set.of(Role.PARTNER), "police-jp", "");
    server.ingest(
        analyst,
        "postal-items",
        item("RR900000019JP", "2026-11-20", "green tea, \"sencha\"")
            + item("RR900000022JP", "2026-11-21", "=HYPERLINK(\"http://x.example\",\"tea\")")
            + item("RR900000036JP", "2026-11-22", "緑茶 tea leaves"));
  }

  private static String item(String id, String date, String contents) {
    return "{\"itemId\":\""
        + id
        + "\",\"date\":\""
        + date
        + "\",\"originCountry\":\"CN\",\"contents\":"
        + IntelServer.JSON.valueToTree(contents)
        + ",\"sender\":{\"name\":\"Li Wei\",\"country\":\"CN\"},"
        + "\"addressee\":{\"name\":\"Taro Yamada\",\"country\":\"JP\"}}\n";
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theSearchsRecordsComeAsCsvInTheSearchsOrderDefusedAndAudited() throws Exception {
    HttpResponse<String> search = server.json(analyst, "GET", "/api/search?q=tea", null);
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    List<String> searched = new ArrayList<>();
    for (JsonNode h : IntelServer.JSON.readTree(search.body()).get("hits")) {
      searched.add(h.get("sourceId").asText());
    }
    assertThat(searched).hasSize(3);
    long exports = exports();

    HttpResponse<String> r =
        server.send(analyst, "GET", "/api/search/export?q=tea", null, "text/csv", "text/plain");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment", ".csv");
    assertThat(r.headers().firstValue("X-Sekisho-Truncated")).hasValue("false");
    String body = r.body();
    assertThat(body).startsWith("\uFEFFrecord_id,kind,source_id,event_time,office,countries,");
    List<String> lines = List.of(body.substring(1).split("\r\n"));
    assertThat(lines).hasSize(4);
    List<String> exported = new ArrayList<>();
    for (String line : lines.subList(1, 4)) {
      exported.add(line.split(",")[2]);
    }
    assertThat(exported).isEqualTo(searched);
    String all = String.join("\n", lines);
    // a comma and quotes stay inside one quoted cell
    assertThat(all).contains("\"Postal item RR900000019JP · CN → JP · green tea, \"\"sencha\"\"\"");
    // the formula is text: no cell starts with '=' (the title does not start with the contents,
    // so the contents go out as a title; the defusing itself is checked on a bare cell below)
    assertThat(lines.subList(1, 4)).noneMatch(l -> l.contains(",=") || l.contains(",\"="));
    assertThat(all).contains("緑茶 tea leaves");
    assertThat(all).contains("+09:00").contains("/records/");
    assertThat(exports()).isEqualTo(exports + 1);
    assertThat(lastExportDetails()).contains("\"q\":\"tea\"").contains("\"results\":\"3\"");
  }

  @Test
  void theSearchPageLinksToTheSameSearchAsAFile() throws Exception {
    HttpResponse<String> page = server.page(analyst, "/search?q=tea&country=CN&size=10", "ja");
    assertThat(page.statusCode()).isEqualTo(200);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("id=\"export-csv\" href=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).as("an export link on the page").isTrue();
    String href = m.group(1).replace("&amp;", "&");
    assertThat(href).isEqualTo("/api/search/export?q=tea&country=CN");
    assertThat(page.body()).contains("CSV で書き出す");
    // each hit is one record: its kind in the singular (郵便物, not the filter's plural)
    java.util.regex.Matcher tag =
        java.util.regex.Pattern.compile("<span class=\"tag kind-postal-item\">([^<]*)<")
            .matcher(server.page(analyst, "/search?q=tea", "en").body());
    assertThat(tag.find()).isTrue();
    assertThat(tag.group(1)).isEqualTo("Postal item");
    HttpResponse<String> file = server.send(analyst, "GET", href, null, "text/csv", "text/plain");
    assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
    assertThat(file.body().split("\r\n")).hasSize(4);
  }

  /** The url cells of an export asked for with {@code referer} (none when null). */
  private List<String> urls(String referer) throws Exception {
    var request = server.request(analyst, "/api/search/export?q=tea").header("Accept", "text/csv");
    if (referer != null) {
      request.header("Referer", referer);
    }
    HttpResponse<String> r = server.send(request, "GET", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    List<String> lines = List.of(r.body().substring(1).split("\r\n"));
    for (String line : lines.subList(1, lines.size())) {
      out.add(line.substring(line.lastIndexOf(',') + 1));
    }
    assertThat(out).hasSize(3);
    return out;
  }

  @Test
  void theRecordLinksNeverGuessTheSchemeTheReaderCameBy() throws Exception {
    // behind a proxy that ends TLS the server is called over http: a link built from that
    // would send the analyst to http://; without the page's own address a link is a path
    assertThat(urls(null)).allSatisfy(u -> assertThat(u).matches("/records/\\d+"));
    String host = server.request(analyst, "/").build().uri().getAuthority();
    // the search page the browser followed the link from names the address it uses (https)
    assertThat(urls("https://" + host + "/search?q=tea"))
        .allSatisfy(u -> assertThat(u).matches("https://" + host + "/records/\\d+"));
    // another site's page is no address of this server's
    assertThat(urls("https://records.example/search?q=tea"))
        .allSatisfy(u -> assertThat(u).matches("/records/\\d+"));
  }

  @Test
  void anotherAgencysReaderExportsOnlyWhatItMayRead() throws Exception {
    HttpResponse<String> r =
        server.send(police, "GET", "/api/search/export?q=tea", null, "text/csv", "text/plain");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body().substring(1).split("\r\n")).hasSize(1);
  }

  @Test
  void aRefusedParameterIsRefusedAsTheSearchRefusesIt() throws Exception {
    HttpResponse<String> r = server.json(analyst, "GET", "/api/search/export?hs=0", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"hs\"");
  }

  @Test
  void withoutSigningInThereIsNoExport() throws Exception {
    HttpResponse<String> r = server.json("not-a-token", "GET", "/api/search/export?q=tea", null);
    assertThat(r.statusCode()).isEqualTo(401);
  }

  private long exports() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from platform.audit_log where action = 'export'")
                    .mapTo(Long.class)
                    .one());
  }

  private String lastExportDetails() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select details::text from platform.audit_log where action = 'export'"
                            + " order by seq desc limit 1")
                    .mapTo(String.class)
                    .one());
  }
}
