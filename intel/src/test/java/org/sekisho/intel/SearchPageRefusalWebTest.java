package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * The search page refuses a filter it cannot read as a form does: the page comes back (400) with
 * why beside the field, in the reader's language, and what was typed kept; the API keeps its JSON.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SearchPageRefusalWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  private Database db;
  private IntelServer server;
  private String token;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    this.db = db;
    server = IntelServer.start(db, dir);
    token = server.token("officer", "Jun Sato", Set.of(Role.OFFICER), "customs-jp", "");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return server.send(server.request(token, path).header("Accept", accept), "GET", null);
  }

  /** The text of the element with {@code id}, tags stripped, entities of the page decoded. */
  private static String text(String html, String id) {
    Matcher m =
        Pattern.compile(
                "id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</(span|p|div)>", Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("element #" + id + " in\n" + html).isTrue();
    return m.group(1)
        .replaceAll("<[^>]+>", " ")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .strip();
  }

  /** The attributes of the input or select named {@code name}. */
  private static String field(String html, String name) {
    Matcher m = Pattern.compile("<(input|select)[^>]* name=\"" + name + "\"[^>]*>").matcher(html);
    assertThat(m.find()).as("field " + name).isTrue();
    return m.group();
  }

  private long searchesAudited() {
    Long n =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from platform.audit_log where action = 'search'")
                        .mapTo(Long.class)
                        .one());
    return n;
  }

  @Test
  void aTypedHsCodeOfOneDigitComesBackBesideTheFieldInJapaneseWithWhatWasTyped() throws Exception {
    long audited = searchesAudited();
    HttpResponse<String> r = get("/search?lang=ja&q=sake&hs=2&office=JPTYO", "text/html");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String html = r.body();
    assertThat(text(html, "search-error-hs"))
        .isEqualTo(
            "HS コードは類（2桁、例: 09）、項（4桁、例: 0901）または号（6桁、例: 090121）で入力してください。「2」は HS コードではありません。");
    assertThat(text(html, "search-error")).contains("検索しませんでした");
    assertThat(field(html, "hs")).contains("value=\"2\"").contains("aria-invalid=\"true\"");
    // the other fields keep what was typed and are not marked
    assertThat(field(html, "q")).contains("value=\"sake\"").doesNotContain("aria-invalid");
    assertThat(field(html, "office")).contains("value=\"JPTYO\"");
    assertThat(html).doesNotContain("id=\"results\"").doesNotContain("invalid-parameter");
    // nothing was searched, so nothing is audited as a search
    assertThat(searchesAudited()).isEqualTo(audited);

    HttpResponse<String> en = get("/search?lang=en&hs=22.08", "text/html");
    assertThat(en.statusCode()).isEqualTo(400);
    assertThat(text(en.body(), "search-error-hs"))
        .isEqualTo(
            "An HS code is a chapter (2 digits, e.g. 09), a heading (4, e.g. 0901) or a"
                + " subheading (6, e.g. 090121); '22.08' is not one.");
  }

  @Test
  void everyFieldAtFaultIsMarkedAtOnceAndABadDayStaysAsTyped() throws Exception {
    String html =
        get(
                "/search?lang=en&from=2026/11/28&to=someday&country=XX&kind=ship&size=9999",
                "text/html")
            .body();
    assertThat(text(html, "search-error-from"))
        .isEqualTo(
            "Give the first day as a date, YYYY-MM-DD (e.g. 2026-11-27); '2026/11/28' is not one.");
    assertThat(text(html, "search-error-to")).contains("'someday' is not one");
    assertThat(text(html, "search-error-country")).contains("'XX' is not one");
    assertThat(text(html, "search-error-kind")).contains("'ship' is not one");
    assertThat(text(html, "search-error-size"))
        .isEqualTo("Results per page: a whole number from 1 to 500; '9999' is not one.");
    // a day that is not a date is kept as typed: a date box would show it empty
    assertThat(field(html, "from")).contains("type=\"text\"").contains("value=\"2026/11/28\"");
  }

  @Test
  void fromAfterToIsRefusedAsTheirOrderInEitherLanguage() throws Exception {
    String path = "/search?from=2026-11-29&to=2026-11-01&lang=";
    HttpResponse<String> en = get(path + "en", "text/html");
    assertThat(en.statusCode()).isEqualTo(400);
    assertThat(text(en.body(), "search-error-from"))
        .isEqualTo(
            "From (2026-11-29) is after To (2026-11-01): give a first day on or before the last.");
    assertThat(field(en.body(), "to")).contains("value=\"2026-11-01\"");
    assertThat(text(get(path + "ja", "text/html").body(), "search-error-from"))
        .isEqualTo("開始日（2026-11-29）が終了日（2026-11-01）より後です。開始日は終了日以前にしてください。");
  }

  @Test
  void theApiKeepsItsJsonRefusalNamingTheFirstFieldAtFault() throws Exception {
    for (String[] bad :
        new String[][] {
          {"hs=2", "hs"},
          {"from=2026-11-29&to=2026-11-01", "from"},
          {"from=2026/11/28", "from"},
          {"size=9999", "size"},
          {"kind=ship&hs=2", "kind"},
          {"hs=2&size=0", "size"},
          {"country=XX", "country"}
        }) {
      HttpResponse<String> r = get("/api/search?lang=ja&" + bad[0], "application/json");
      assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("error").asText()).isEqualTo("invalid-parameter");
      assertThat(body.get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
  }

  @Test
  void aGoodSearchStillAnswersThePageWithItsResults() throws Exception {
    HttpResponse<String> r = get("/search?lang=en&hs=09&from=2026-11-01", "text/html");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"results\"").doesNotContain("id=\"search-error");
    assertThat(field(r.body(), "from")).contains("type=\"date\"");
  }
}
