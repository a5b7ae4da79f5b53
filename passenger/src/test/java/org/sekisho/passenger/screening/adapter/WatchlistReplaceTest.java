package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.PassengerServer;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * Replacing a named watchlist over HTTP with a file that has a broken row: the listed person of
 * that row stays listed (a typo never takes someone off a watchlist), and what an import removes is
 * named by id in the answer and in the audit log.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WatchlistReplaceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IMPORT =
      "/api/screening/watchlists/seizure-linked/import?format=csv&severity=high";
  private static Database db;
  private static PassengerServer fixture;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) {
    db = database;
    fixture =
        PassengerServer.start(db, Clock.systemUTC(), "watchlist-replace-test", "JP")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aRefusedRowNeverTakesItsPersonOffTheListAndRemovalsAreNamed() throws Exception {
    String pnr = fixture.token("pnr");
    String demo = demoCsv();
    HttpResponse<String> first = post(pnr, demo);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).get("imported").asInt()).isEqualTo(5);

    // the review's typo: an unclosed quote on SL-002's name
    String broken = demo.replace(",Jorge Luis", ",\"Jorge Luis");
    assertThat(broken).isNotEqualTo(demo);
    HttpResponse<String> typo = post(pnr, broken);
    assertThat(typo.statusCode()).as(typo.body()).isEqualTo(200);
    JsonNode r = JSON.readTree(typo.body());
    assertThat(r.get("imported").asInt()).isEqualTo(4);
    assertThat(r.get("refused").asInt()).isEqualTo(1);
    assertThat(r.get("removed").asInt()).isZero();
    assertThat(r.get("removedIds")).isEmpty();
    assertThat(texts(r.get("kept"))).containsExactly("SL-002");
    assertThat(r.get("keptReason").asText()).contains("refused");
    assertThat(entryIds()).contains("SL-002").hasSize(5);
    assertThat(lastAudit()).contains("SL-002");

    // a deliberate removal (no row refused) goes through and says whom it removed
    String without =
        String.join(
            "\n", demo.lines().filter(l -> !l.contains("SL-005")).toList().toArray(String[]::new));
    HttpResponse<String> removal = post(pnr, without + "\n");
    assertThat(removal.statusCode()).as(removal.body()).isEqualTo(200);
    JsonNode d = JSON.readTree(removal.body());
    assertThat(d.get("removed").asInt()).isEqualTo(1);
    assertThat(texts(d.get("removedIds"))).containsExactly("SL-005");
    assertThat(d.get("kept")).isEmpty();
    assertThat(entryIds()).containsExactly("SL-001", "SL-002", "SL-003", "SL-004");
    assertThat(lastAudit()).contains("\"removedIds\"").contains("SL-005");
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  private static String demoCsv() throws IOException {
    try (InputStream in =
        WatchlistReplaceTest.class.getResourceAsStream("/demo/passenger/seizure-linked.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> entryIds() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select entry_id from passenger.watchlist_entry where list_name ="
                            + " 'seizure-linked' order by entry_id")
                    .mapTo(String.class)
                    .list());
  }

  private static String lastAudit() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select details from platform.audit_log where action ="
                            + " 'screening.watchlist.import' and subject ="
                            + " 'watchlist:seizure-linked' order by seq desc limit 1")
                    .mapTo(String.class)
                    .one());
  }

  private HttpResponse<String> post(String token, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(fixture.base() + IMPORT))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
