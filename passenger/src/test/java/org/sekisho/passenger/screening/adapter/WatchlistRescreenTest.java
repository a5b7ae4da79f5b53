package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * A watchlist import screens the flights not yet departed again, as a saved rule does: a traveller
 * screened clean before the list named him is hit at once, and a hit whose entry a later import
 * removes is withdrawn as delisted; both traced in the audit log to the import.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WatchlistRescreenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEADER =
      "list,id,name,aliases,birth_dates,nationalities,documents,severity\n";
  private static Database db;
  private static PassengerServer fixture;
  private static String token;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) throws Exception {
    db = database;
    // the morning of the flight's day: it has not left yet
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC);
    fixture =
        PassengerServer.start(db, clock, "watchlist-rescreen-test", "JP")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq");
    token = fixture.token("pnr");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void anImportRaisesTheHitsOfFlightsScreenedBeforeAndADelistingWithdrawsThem() throws Exception {
    HttpResponse<String> pushed = post("/api/pnr", push("RESC01", "0771", "SIDOROV+IVAN"));
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
    long flight = flightId("JL0771");
    assertThat(watchlistHits(flight)).isEmpty();

    HttpResponse<String> listed =
        post(
            "/api/screening/watchlists/resc-list/import?format=csv&severity=high",
            HEADER + "resc-list,RL-1,Ivan Sidorov,,,,,high\n");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(JSON.readTree(listed.body()).get("flightsScreened").asInt()).isEqualTo(1);
    List<JsonNode> hits = watchlistHits(flight);
    assertThat(hits)
        .extracting(h -> h.get("source").asText() + " " + h.get("status").asText())
        .containsExactly("watchlist:resc-list/RL-1 open");
    assertThat(audit("screening.flight", "flight:" + flight))
        .anySatisfy(d -> assertThat(d).contains("\"push\":\"watchlist:resc-list v1\""));
    assertThat(audit("screening.watchlist.import", "watchlist:resc-list"))
        .anySatisfy(d -> assertThat(d).contains("\"flightsScreened\":\"1\""));

    // the entry is taken off the list: its hit must not wait open for the flight's next push
    HttpResponse<String> delisted =
        post(
            "/api/screening/watchlists/resc-list/import?format=csv&severity=high",
            HEADER + "resc-list,RL-2,Pyotr Other,,,,,high\n");
    assertThat(delisted.statusCode()).as(delisted.body()).isEqualTo(200);
    assertThat(watchlistHits(flight))
        .extracting(h -> h.get("source").asText() + " " + h.get("status").asText())
        .containsExactly("watchlist:resc-list/RL-1 withdrawn");
    String hitId = String.valueOf(watchlistHits(flight).get(0).get("id").asLong());
    assertThat(audit("screening.hit.withdraw", "hit:" + hitId))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .contains("withdrawn.delisted")
                    .contains("\"push\":\"watchlist:resc-list v2\""));
  }

  @Test
  void aMergedCsvImportScreensTheCurrentFlightsToo() throws Exception {
    HttpResponse<String> pushed = post("/api/pnr", push("RESC02", "0772", "KOVALENKO+OLGA"));
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
    long flight = flightId("JL0772");
    assertThat(watchlistHits(flight)).isEmpty();
    HttpResponse<String> merged =
        post(
            "/api/screening/watchlists/csv", HEADER + "merged-list,ML-1,Olga Kovalenko,,,,,high\n");
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
    assertThat(watchlistHits(flight))
        .extracting(h -> h.get("source").asText() + " " + h.get("status").asText())
        .containsExactly("watchlist:merged-list/ML-1 open");
  }

  /** A PNRGOV push of one booking with one traveller on a flight Singapore–Narita on 28 Nov. */
  static String push(String ref, String flight, String name) {
    String tvl = "TVL+281126:1000:281126:1800+SIN+NRT+JL+" + flight;
    return "UNB+IATA:1+JL+JPCUSTOMS+281126:0600+"
        + ref
        + "'UNH+"
        + ref
        + "+PNRGOV:11:1:IA+JL"
        + ref
        + "'MSG+:22'ORG+JL:NRT+++JL:SYS'"
        + tvl
        + "'EQN+1'SRC'RCI+JL:"
        + ref
        + "::011126:1015'TIF+"
        + name
        + ":A:1'"
        + tvl
        + ":Y'RPI+1+HK'UNT+20+"
        + ref
        + "'UNZ+1+"
        + ref
        + "'";
  }

  private static long flightId(String designator) throws Exception {
    JsonNode flights =
        JSON.readTree(get("/api/screening/flights?from=2026-11-28&to=2026-11-28").body())
            .get("flights");
    for (JsonNode f : flights) {
      if (f.get("flight").asText().equals(designator)) {
        return f.get("id").asLong();
      }
    }
    throw new AssertionError("no flight " + designator + " in " + flights);
  }

  private static List<JsonNode> watchlistHits(long flight) throws Exception {
    HttpResponse<String> r = get("/api/screening/flights/" + flight);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode h : JSON.readTree(r.body()).get("hits")) {
      if (h.get("source").asText().startsWith("watchlist:")) {
        out.add(h);
      }
    }
    return out;
  }

  private static List<String> audit(String action, String subject) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select details::text from platform.audit_log where action = :a and"
                            + " subject = :s order by seq")
                    .bind("a", action)
                    .bind("s", subject)
                    .mapTo(String.class)
                    .list());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(fixture.base() + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(fixture.base() + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
