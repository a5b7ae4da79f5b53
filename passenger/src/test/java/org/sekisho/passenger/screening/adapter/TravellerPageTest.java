package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.PassengerServer;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * The traveller page on the real server and PostgreSQL, with corpus PNRs: the booking's creation,
 * office, the traveller's own contacts beside the booking's, checked bags and seats, masked with
 * the booking version by retention; and flights and legs scheduled to land before they leave,
 * flagged when (and only when) the airports' zones say so.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TravellerPageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Database db;
  private static PassengerServer fixture;
  private static WebServer server;
  private static String pnr;

  @BeforeAll
  static void start(Database database) throws Exception {
    db = database;
    fixture =
        PassengerServer.start(db, Clock.systemUTC(), "traveller-page-test", "JP")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq");
    server = fixture.web();
    pnr = fixture.token("pnr");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + pnr)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void push(String text) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/pnr"))
                .header("Authorization", "Bearer " + pnr)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static JsonNode flight(String date, String designator) throws Exception {
    JsonNode flights =
        JSON.readTree(get("/api/screening/flights?from=" + date + "&to=" + date).body())
            .get("flights");
    for (JsonNode f : flights) {
      if (f.get("flight").asText().equals(designator)) {
        return f;
      }
    }
    throw new AssertionError("no flight " + designator + " in " + flights);
  }

  private static String travellerPage(long flightId, String key) throws Exception {
    HttpResponse<String> r =
        get(
            "/screening/flights/"
                + flightId
                + "/traveller?key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** The corpus PNR pnr4.txt (UA/0995F0) moved to a flight on 30 December 2026. */
  private static String raval() {
    return Corpus.text("loader-pnr/pnr4.txt")
        .replace("260819", "301226")
        .replace("150819", "211226")
        .replace("160819", "221226");
  }

  /** The text of the element with {@code class} in {@code html}, tags and spacing dropped. */
  private static String cell(String html, String cssClass) {
    int at = html.indexOf("class=\"" + cssClass + "\"");
    assertThat(at).as(cssClass + " in " + html).isPositive();
    int end = html.indexOf("</td>", at);
    return html.substring(html.indexOf('>', at) + 1, end)
        .replaceAll("<[^>]+>", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }

  @Test
  @Order(1)
  void theTravellerPageShowsTheBookingsCreationOfficeContactsBagsAndSeat() throws Exception {
    push(raval());
    long id = flight("2026-12-30", "UA0988").get("id").asLong();
    String page = travellerPage(id, "UA/0995F0/1");
    assertThat(page).contains("id=\"booking-details\"").doesNotContain("booking-masked");
    // PNRGOV sends them in GMT (RCI 11:20, DAT 700 10:31): shown in the page's zone, as sent on
    // hover
    assertThat(cell(page, "booking-created"))
        .isEqualTo("2019-07-27 20:20 JST · last change 2026-12-30 19:31 JST");
    assertThat(page)
        .contains("title=\"as sent: 2019-07-27 11:20 GMT\"")
        .contains("title=\"as sent: 2026-12-30 10:31 GMT\"");
    assertThat(cell(page, "booking-office"))
        .isEqualTo(
            "IATA agency 70379193 · office LON · system DL IAD · GB · airline · agent D050517");
    // the booking's telephone (ADD before any passenger) and his own e-mail (OSI CTCE after TIF)
    assertThat(cell(page, "booking-phones")).isEqualTo("860150631893 booking");
    assertThat(cell(page, "booking-emails")).isEqualTo("CHRISTOPHER.RAVAL@HOTMAIL.COM own");
    assertThat(cell(page, "booking-bags")).isEqualTo("UA988 FRA→IAD: 1 pieces, 26 LB");
    assertThat(cell(page, "booking-seats"))
        .isEqualTo("UA988 FRA→IAD: 48E (Y) UA989 IAD→FRA: not assigned (Y)");
    assertThat(page).contains("id=\"facts-bags\">1 · 11.8 kg");
    // the pushed leg gives its arrival without a date: not checked, no warning
    assertThat(page).doesNotContain("schedule-warning").doesNotContain("itinerary-warnings");
    assertThat(flight("2026-12-30", "UA0988").get("scheduleCheck").get("reason").asText())
        .isEqualTo("arrival-date-not-sent");
    String ja = get("/screening/flights/" + id + "/traveller?lang=ja&key=UA%2F0995F0%2F1").body();
    assertThat(ja).contains("予約作成日時").contains("IATA代理店 70379193").contains("本人");
  }

  @Test
  @Order(2)
  void eachTravellerOfOneBookingSeesTheirOwnEmailAndNotTheirCompanions() throws Exception {
    // bigbigPnr.txt: seven travellers on XL/74LZ22, each with an OSI CTCE after their TIF
    push(Corpus.text("parsers-pnr/bigbigPnr.txt"));
    long id = flight("2020-02-20", "XL1439").get("id").asLong();
    String first = travellerPage(id, "XL/74LZ22/1");
    assertThat(cell(first, "booking-emails")).isEqualTo("WALKER_MONTGOMERY@GMAIL.COM own");
    assertThat(first).doesNotContain("CAITLIN.SIMMONDS");
    String second = travellerPage(id, "XL/74LZ22/2");
    assertThat(cell(second, "booking-emails")).isEqualTo("CAITLIN.SIMMONDS@HOTMAIL.COM own");
    assertThat(second).doesNotContain("WALKER_MONTGOMERY");
    assertThat(cell(second, "booking-seats")).contains("XL1439 JFK→GYE: 21D (Y)");
    // an ORG sent with every element empty names no office
    assertThat(cell(second, "booking-office")).isEqualTo("not sent");
  }

  /** A push for the flight {@code tvl} names, of one booking {@code locator} of one passenger. */
  private static void pushLeg(String locator, String name, String tvl) throws Exception {
    push(
        "UNB+IATA:1+JL+JPCUSTOMS+011226:0600+"
            + locator
            + "'UNH+1+PNRGOV:11:1:IA+"
            + locator
            + "'MSG+:22'ORG+JL:NRT+++JL:SYS'"
            + tvl
            + "'EQN+1'SRC'RCI+JL:"
            + locator
            + "::011226:1015'TIF+"
            + name
            + ":A:1'"
            + tvl
            + ":Y'UNT+9+1'UNZ+1+"
            + locator
            + "'");
  }

  @Test
  @Order(3)
  void aFlightScheduledToLandBeforeItLeavesIsFlaggedAndTheDateLineIsNoReason() throws Exception {
    // one booking per flight, each pushed for its own leg (times local to each airport)
    pushLeg("BADTIM", "TANAKA+AKIMR", "TVL+301226:1800:301226:1000+SIN+NRT+JL+0099");
    pushLeg("DATELN", "SATO+KENMR", "TVL+301226:2100:301226:0900+NRT+HNL+JL+0072");
    pushLeg("NIGHTX", "ITO+YUIMS", "TVL+301226:2300::0600+SIN+NRT+JL+0711");
    pushLeg("NOZONE", "ONO+RINMS", "TVL+301226:1000:301226:0900+XYZ+NRT+JL+0055");
    JsonNode bad = flight("2026-12-30", "JL0099");
    assertThat(bad.get("scheduleCheck").get("status").asText())
        .isEqualTo("arrives-before-departure");
    // SIN 18:00 (+08:00) is 10:00 UTC; NRT 10:00 (+09:00) is 01:00 UTC: nine hours before
    assertThat(bad.get("scheduleCheck").get("minutes").asInt()).isEqualTo(540);
    JsonNode dateLine = flight("2026-12-30", "JL0072");
    assertThat(dateLine.get("scheduleCheck").get("status").asText()).isEqualTo("plausible");
    assertThat(dateLine.get("scheduleCheck").get("minutes").asInt()).isEqualTo(420);
    assertThat(flight("2026-12-30", "JL0711").get("scheduleCheck").get("reason").asText())
        .isEqualTo("arrival-date-not-sent");
    assertThat(flight("2026-12-30", "JL0055").get("scheduleCheck").get("reason").asText())
        .isEqualTo("zone-unknown");

    String page = get("/screening/flights/" + bad.get("id").asLong()).body();
    assertThat(page)
        .contains("id=\"schedule-warning\"")
        .contains(
            "JL0099 SIN→NRT is scheduled to land at 2026-12-30 10:00 before it leaves at"
                + " 2026-12-30 18:00")
        .contains("9 h 0 min earlier");
    assertThat(get("/screening/flights/" + bad.get("id").asLong() + "?lang=ja").body())
        .contains("データ品質：JL0099 SIN→NRT");
    assertThat(get("/screening/flights/" + dateLine.get("id").asLong()).body())
        .doesNotContain("schedule-warning");
    assertThat(get("/screening/flights?from=2026-12-30&to=2026-12-30").body())
        .containsOnlyOnce("class=\"tag warning schedule-warning\"");
    String traveller = travellerPage(bad.get("id").asLong(), "JL/BADTIM/1");
    assertThat(traveller).contains("id=\"itinerary-warnings\"").contains("id=\"schedule-warning\"");
    assertThat(travellerPage(dateLine.get("id").asLong(), "JL/DATELN/1"))
        .doesNotContain("itinerary-warnings");
  }

  @Test
  @Order(4)
  void aBookingVersionMaskedByRetentionShowsItsDetailsMasked() throws Exception {
    long id = flight("2026-12-30", "UA0988").get("id").asLong();
    // every version received so far is masked; the flight, departing after the cut-off, stays
    new JdbcPnrStore(db.jdbi()).maskReceivedBefore(Instant.now().plusSeconds(60));
    String page = travellerPage(id, "UA/0995F0/1");
    assertThat(page).contains("id=\"booking-masked\"");
    for (String c :
        new String[] {
          "booking-created",
          "booking-office",
          "booking-phones",
          "booking-emails",
          "booking-bags",
          "booking-seats"
        }) {
      assertThat(cell(page, c)).as(c).isEqualTo("***");
    }
    assertThat(page)
        .doesNotContain("HOTMAIL")
        .doesNotContain("860150631893")
        .doesNotContain("70379193")
        .doesNotContain("26 LB");
  }
}
