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
 * The screening API in the reader's language, as the pages are: a hit's and a referral's
 * explanation worded in Japanese for a Japanese reader, no stored marker or raw key in any
 * argument; an officer told to read the version at a route the officer may open; the rule editor's
 * text box named for assistive technology.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScreeningApiReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Database db;
  private static PassengerServer fixture;
  private static String pnr;
  private static String officer;
  private static long hit;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) throws Exception {
    db = database;
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC);
    fixture =
        PassengerServer.start(db, clock, "screening-api-reader-test", "JP")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq")
            .account("officer-nrt", "Ken Ito", Role.OFFICER, "customs", "NRT");
    pnr = fixture.token("pnr");
    officer = fixture.token("officer-nrt");
    HttpResponse<String> listed =
        send(
            pnr,
            "POST",
            "/api/screening/watchlists/reader-list/import?format=csv&severity=critical",
            "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
                + "reader-list,RD-1,Ivan Sidorov,,,,,\n");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    HttpResponse<String> pushed =
        send(pnr, "POST", "/api/pnr", WatchlistRescreenTest.push("READ01", "0991", "SIDOROV+IVAN"));
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
    JsonNode flights =
        JSON.readTree(
            send(pnr, "GET", "/api/screening/flights?from=2026-11-28&to=2026-11-28", "").body());
    long flight = flights.get("flights").get(0).get("id").asLong();
    JsonNode f = JSON.readTree(send(pnr, "GET", "/api/screening/flights/" + flight, "").body());
    hit = f.get("hits").get(0).get("id").asLong();
    HttpResponse<String> referred =
        send(
            pnr,
            "POST",
            "/api/screening/hits/" + hit + "/disposition",
            "{\"disposition\":\"refer-to-officer\",\"comment\":\"same name, check documents\"}");
    assertThat(referred.statusCode()).as(referred.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aHitAndAReferralAreExplainedInTheReadersLanguageWithoutMarkersOrRawKeys() throws Exception {
    for (String[] route :
        new String[][] {
          {pnr, "/api/screening/hits/" + hit + "?lang=ja"},
          {officer, "/api/screening/referrals?lang=ja"},
          {officer, "/api/screening/referrals/" + hit + "?lang=ja"}
        }) {
      HttpResponse<String> r = send(route[0], "GET", route[1], "");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).as(route[1]).doesNotContain("\\u001d").doesNotContain("\\u001e");
      JsonNode h = JSON.readTree(r.body());
      if (h.has("referrals")) {
        h = h.get("referrals").get(0);
      }
      String explanation = h.get("explanation").toString();
      assertThat(explanation).as(route[1]).contains("重大").doesNotContain("screening.");
      for (JsonNode part : h.get("explanationParts")) {
        assertThat(part.get("args").toString()).as(route[1]).doesNotContain("screening.");
        assertThat(part.get("text").asText()).doesNotContain("screening.");
      }
    }
    // an English reader reads English, the severity as a word
    JsonNode en =
        JSON.readTree(send(pnr, "GET", "/api/screening/hits/" + hit + "?lang=en", "").body());
    assertThat(en.get("explanation").toString()).contains("(Critical)").doesNotContain("重大");
  }

  @Test
  void anOfficerWithoutAVersionIsPointedToTheReferralTheOfficerMayRead() throws Exception {
    HttpResponse<String> r =
        send(
            officer,
            "POST",
            "/api/screening/referrals/" + hit + "/outcome",
            "{\"outcome\":\"examined-nothing-found\",\"comment\":\"bags checked, nothing\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(428);
    String message = JSON.readTree(r.body()).get("message").asText();
    assertThat(message)
        .contains("GET /api/screening/referrals/" + hit)
        .doesNotContain("/api/screening/hits/");
    String route = "/api/screening/referrals/" + hit;
    assertThat(send(officer, "GET", route, "").statusCode()).isEqualTo(200);
    HttpResponse<String> ja =
        send(
            officer,
            "POST",
            "/api/screening/referrals/" + hit + "/outcome?lang=ja",
            "{\"outcome\":\"examined-nothing-found\",\"comment\":\"bags checked, nothing\"}");
    assertThat(JSON.readTree(ja.body()).get("message").asText()).contains("GET " + route + " を参照");
  }

  @Test
  void theRuleTextBoxHasALabelInTheReadersLanguage() throws Exception {
    String en = send(pnr, "GET", "/screening/rules?lang=en", "").body();
    assertThat(en).contains("<label for=\"rule-text\">Rule text</label>");
    assertThat(en).contains("id=\"rule-text\"");
    String ja = send(pnr, "GET", "/screening/rules?lang=ja", "").body();
    assertThat(ja).contains("<label for=\"rule-text\">ルールの本文</label>");
  }

  private static HttpResponse<String> send(String token, String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(fixture.base() + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
