package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.web.TargetingWeb;

/**
 * A worklist longer than a page says how many items match and which it shows, and links to the next
 * page, in English and Japanese: following the links lists every item the API lists, none lost or
 * repeated between pages.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WorklistPagingTest {
  private static final int ITEMS = TargetingWeb.PAGE + 37;
  private static final Pattern RECORD = Pattern.compile("data-record=\"([^\"]+)\"");
  private static final Pattern ROWS = Pattern.compile("hx-get=\"([^\"]+)\"");

  private TargetingServer server;
  private WebApi api;
  private String analyst;

  @BeforeAll
  void start(org.sekisho.platform.db.Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir);
    api = server.api();
    analyst = server.analyst();
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    for (int i = 0; i < ITEMS; i++) {
      String d =
          ("{\"declarationId\":\"P-%d\",\"type\":\"IM\",\"date\":\"%s\",\"office\":\"%s\","
                  + "\"importer\":{\"name\":\"Sakura\",\"id\":\"IMP-%d\"},"
                  + "\"items\":[{\"hsCode\":\"090121\",\"description\":\"coffee\","
                  + "\"origin\":\"TH\",\"netMassKg\":\"100\",\"customsValue\":\"%d\","
                  + "\"currency\":\"JPY\"}]}")
              .formatted(i, today, i % 2 == 0 ? "JPYOK" : "JPOSA", i, 1000 + i);
      api.ok(api.send("POST", "/api/assess", analyst, d));
    }
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String unescape(String href) {
    return href.replace("&amp;", "&");
  }

  private static List<String> records(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = RECORD.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private String get(String path) throws Exception {
    HttpResponse<String> r = api.send("GET", path, analyst, null);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return r.body();
  }

  /** The next page's link in a rows fragment, or null on the last page. */
  private static String next(String rows) {
    Matcher m = Pattern.compile("<a href=\"([^\"]+)\" id=\"work-next\"").matcher(rows);
    return m.find() ? unescape(m.group(1)) : null;
  }

  /** The rows fragment a worklist page polls. */
  private String rowsOf(String pagePath) throws Exception {
    Matcher m = ROWS.matcher(get(pagePath));
    assertThat(m.find()).isTrue();
    return get(unescape(m.group(1)));
  }

  private Set<String> everyItemThroughTheApi() throws Exception {
    Set<String> out = new LinkedHashSet<>();
    String path = "/api/targeting/worklist?status=released&limit=100";
    while (path != null) {
      HttpResponse<String> r = api.send("GET", path, analyst, null);
      for (JsonNode n : api.ok(r)) {
        out.add(n.get("record").asText());
      }
      path =
          r.headers()
              .firstValue("Link")
              .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
              .orElse(null);
    }
    return out;
  }

  @Test
  void aWorklistLongerThanAPageSaysHowManyMatchAndLinksToTheRestWithNoneLost() throws Exception {
    // with no model and no criteria, all but the random selections are released
    Set<String> viaApi = everyItemThroughTheApi();
    int total = viaApi.size();
    assertThat(total).isGreaterThan(TargetingWeb.PAGE + 10);

    String first = get("/targeting/worklist/rows?office=&kind=&status=released");
    assertThat(records(first)).hasSize(TargetingWeb.PAGE);
    assertThat(first)
        .contains("data-total=\"" + total + "\"")
        .contains("Items 1–" + TargetingWeb.PAGE + " of " + total + " matching.")
        .doesNotContain("id=\"work-first\"");
    String nextPage = next(first);
    assertThat(nextPage).startsWith("/targeting/worklist?").contains("after=");

    String second = rowsOf(nextPage);
    assertThat(records(second)).hasSize(total - TargetingWeb.PAGE);
    assertThat(second)
        .contains("Items " + (TargetingWeb.PAGE + 1) + "–" + total + " of " + total + " matching.")
        .contains("id=\"work-first\"");
    assertThat(next(second)).isNull();

    List<String> all = new ArrayList<>(records(first));
    all.addAll(records(second));
    assertThat(all).doesNotHaveDuplicates();
    assertThat(new LinkedHashSet<>(all)).isEqualTo(viaApi);

    // in Japanese, the same count and link
    String ja = get("/targeting/worklist/rows?office=&kind=&status=released&lang=ja");
    assertThat(ja)
        .contains(total + "件中 1～" + TargetingWeb.PAGE + "件目を表示しています。")
        .contains("次の" + (total - TargetingWeb.PAGE) + "件");

    // one office narrows the count
    String yok = get("/targeting/worklist/rows?office=JPYOK&kind=&status=released");
    int atYok = Integer.parseInt(yok.replaceAll("(?s).*data-total=\"(\\d+)\".*", "$1"));
    assertThat(atYok).isLessThan(total).isEqualTo(records(yok).size());
    assertThat(next(yok)).isNull();
  }
}
