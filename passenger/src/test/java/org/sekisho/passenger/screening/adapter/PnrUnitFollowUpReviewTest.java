package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.pnr.adapter.PnrContext;
import org.sekisho.passenger.pnr.application.PnrRetention;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * What a second review by a PNR unit and an airport officer found, on the real server and
 * PostgreSQL: a booking moved to another flight, API lists that change a listed traveller's name,
 * what the audit log holds, pushes that cannot be screened, rules disabled with open hits, the four
 * eyes on corrections, referral outcomes corrected, and the API's error messages.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PnrUnitFollowUpReviewTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "pnr-secret-123";
  private static Database db;
  private static WebServer server;
  private static String pnr;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) throws Exception {
    db = database;
    Clock clock = Clock.systemUTC();
    AuditLog audit = new AuditLog(db.jdbi());
    PnrContext context =
        new PnrContext(
            db,
            audit,
            clock,
            Path.of("target", "pnr-unit-follow-up-test"),
            PnrRetention.MASK_AFTER,
            PnrRetention.DELETE_AFTER,
            "JP",
            "customs");
    db.migrate(
        Stream.concat(Stream.of(Migrations.of("platform")), context.migrations().stream())
            .toList());
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert("pnr", "Sora Watanabe", PASSWORD, EnumSet.of(Role.PNR_UNIT), "customs", "hq");
    server =
        WebServer.start(
            new WebServer.Config(
                "127.0.0.1",
                0,
                false,
                Stream.concat(Stream.of("i18n.platform"), context.messageBundles().stream())
                    .toList(),
                context.nav(),
                "test"),
            accounts,
            audit,
            clock,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            context.webModules());
    accounts.upsert("pnr2", "Aoi Mori", PASSWORD, EnumSet.of(Role.PNR_UNIT), "customs", "hq");
    accounts.upsert("officer-nrt", "Ken Ito", PASSWORD, EnumSet.of(Role.OFFICER), "customs", "NRT");
    accounts.upsert("officer-kix", "Yui Ono", PASSWORD, EnumSet.of(Role.OFFICER), "customs", "KIX");
    accounts.upsert("analyst", "Rin Sato", PASSWORD, EnumSet.of(Role.ANALYST), "customs", "hq");
    pnr = token();
    importList(
        "national-alerts",
        "national-alerts,NA-001,山田 太郎,やまだ たろう,1972-04-18,jp,TR4471023,high\n"
            + "national-alerts,NA-002,Kenji Sato,,1980,jp,,medium\n");
    importList(
        "seizure-linked", "seizure-linked,SL-001,Viktor Morozov,,1970-05-21,ru,RU4000001,high\n");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void importList(String name, String rows) throws Exception {
    HttpResponse<String> r =
        post(
            "/api/screening/watchlists/" + name + "/import?format=csv&severity=high",
            "list,id,name,aliases,birth_dates,nationalities,documents,severity\n" + rows);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** A PNRGOV push for one flight to Narita on 28 November 2026. */
  private static String push(String ref, String flight, String... records) {
    return pushOn(ref, "TVL+281126:1000:281126:1800+SIN+NRT+JL+" + flight, records);
  }

  /** A PNRGOV push for the flight its TVL segment ({@code tvl}, without the ') names. */
  private static String pushOn(String ref, String tvl, String... records) {
    StringBuilder b =
        new StringBuilder()
            .append("UNB+IATA:1+JL+JPCUSTOMS+281126:0600+")
            .append(ref)
            .append("'UNH+")
            .append(ref)
            .append("+PNRGOV:11:1:IA+JL")
            .append(ref)
            .append("'MSG+:22'ORG+JL:NRT+++JL:SYS'")
            .append(tvl)
            .append("'EQN+")
            .append(records.length)
            .append("'");
    for (String r : records) {
      b.append("SRC'").append(r);
    }
    return b.append("UNT+20+").append(ref).append("'UNZ+1+").append(ref).append("'").toString();
  }

  private static String leg(String flight) {
    return "TVL+281126:1000:281126:1800+SIN+NRT+JL+" + flight + ":Y'";
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

  private static JsonNode flight(String designator) throws Exception {
    return JSON.readTree(get("/api/screening/flights/" + flightId(designator)).body());
  }

  private static List<JsonNode> hits(JsonNode flight, String kind) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode h : flight.get("hits")) {
      if (kind.isEmpty() || h.get("kind").asText().equals(kind)) {
        out.add(h);
      }
    }
    return out;
  }

  private static JsonNode hitBy(JsonNode flight, String source, String traveller) {
    for (JsonNode h : flight.get("hits")) {
      if (h.get("source").asText().equals(source)
          && (traveller.isEmpty() || h.get("traveller").asText().equals(traveller))) {
        return h;
      }
    }
    throw new AssertionError("no hit of " + source + " for " + traveller + " in " + flight);
  }

  private static long rule(String text) throws Exception {
    HttpResponse<String> r =
        post("/api/screening/rules", JSON.writeValueAsString(java.util.Map.of("text", text)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("id").asLong();
  }

  @Test
  void aBookingMovedToAnotherFlightLeavesTheOldOneWithItsHitsWithdrawnAndIsScreenedOnTheNew()
      throws Exception {
    String v1 =
        push(
            "MOVE01",
            "9100",
            "RCI+JL:MOVE01::011126:1015'TIF+YAMADA+TARO:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TR4471023/JPN/18APR72/M/30JUN31/YAMADA/TARO+::1'"
                + leg("9100"));
    assertThat(post("/api/pnr", v1).statusCode()).isEqualTo(200);
    long hit = hitBy(flight("JL9100"), "watchlist:national-alerts/NA-001", "").get("id").asLong();

    // version 2, pushed with the old flight's TVL, books the traveller on JL9101 only
    String v2 =
        push(
            "MOVE02",
            "9100",
            "RCI+JL:MOVE01::011126:1015'TIF+YAMADA+TARO:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TR4471023/JPN/18APR72/M/30JUN31/YAMADA/TARO+::1'"
                + leg("9101"));
    assertThat(post("/api/pnr", v2).statusCode()).isEqualTo(200);
    JsonNode old = flight("JL9100");
    assertThat(old.get("travellers")).isEmpty();
    JsonNode left = JSON.readTree(get("/api/screening/hits/" + hit).body());
    assertThat(left.get("status").asText()).isEqualTo("withdrawn");
    assertThat(left.get("comment").asText()).contains("no longer on the flight");
    assertThat(old.get("openHits").asInt()).isZero();
    JsonNode moved = flight("JL9101");
    assertThat(moved.get("travellers"))
        .extracting(t -> t.get("key").asText())
        .containsExactly("JL/MOVE01/1");
    assertThat(
            hitBy(moved, "watchlist:national-alerts/NA-001", "JL/MOVE01/1").get("status").asText())
        .isEqualTo("open");

    // re-screening the old flight brings nothing back
    assertThat(post("/api/screening/flights/" + flightId("JL9100") + "/screen", "").statusCode())
        .isEqualTo(200);
    assertThat(flight("JL9100").get("openHits").asInt()).isZero();
  }

  @Test
  void anotherNameOnAListedDocumentKeepsTheHitOpenNotedInItsHistoryAndAttributedToThePusher()
      throws Exception {
    String analyst = token("analyst");
    String listed =
        "NAD+FL+++YAMADA:TARO'ATT+2++M'DTM+329:720418'NAT+2+JPN'DOC+P:110:111+TR4471023'";
    HttpResponse<String> first = as(analyst, "POST", "/api/api", paxlst("APIN001", listed, 1));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode hit = hitBy(flight("KE0709"), "watchlist:national-alerts/NA-001", "");
    long id = hit.get("id").asLong();
    String key = hit.get("traveller").asText();

    // the same passport under another name: the hit is not withdrawn, it stays with the document
    String other = "NAD+FL+++SMITH:JOHN'ATT+2++M'DTM+329:720418'NAT+2+JPN'DOC+P:110:111+TR4471023'";
    assertThat(as(analyst, "POST", "/api/api", paxlst("APIN002", other, 1)).statusCode())
        .isEqualTo(200);
    JsonNode after = JSON.readTree(get("/api/screening/hits/" + id).body());
    assertThat(after.get("status").asText()).isEqualTo("open");
    assertThat(after.get("traveller").asText()).isEqualTo(key);
    assertThat(after.get("history").toString()).contains("\"kind\":\"note\"");
    assertThat(after.get("history").toString()).contains("another name");
    JsonNode f = flight("KE0709");
    assertThat(f.get("travellers"))
        .extracting(t -> t.get("name").asText())
        .containsExactly("JOHN SMITH");
    for (JsonNode h : f.get("hits")) {
      assertThat(h.get("status").asText()).as(h.toString()).isNotEqualTo("withdrawn");
    }
    // sent again under the new name, it still stays open
    assertThat(as(analyst, "POST", "/api/api", paxlst("APIN003", other + "", 1)).statusCode())
        .isEqualTo(200);
    assertThat(JSON.readTree(get("/api/screening/hits/" + id).body()).get("status").asText())
        .isEqualTo("open");

    // what the push changed is the analyst's, in the audit log
    String noted =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select actor || ' ' || details::text from platform.audit_log where"
                                + " action = 'screening.hit.note' and subject = :s")
                        .bind("s", "hit:" + id)
                        .mapTo(String.class)
                        .one());
    assertThat(noted)
        .startsWith("system:api-ingest ")
        .contains("\"push\":\"http:analyst\"")
        .doesNotContain("SMITH");
  }

  @Test
  void theTravellerPageLinksNoNameIntoSearchAndAFlightReadAuditsTheTravellersShown()
      throws Exception {
    String text =
        push(
            "AUD001",
            "9102",
            "RCI+JL:AUD001::011126:1015'TIF+HARRIS+EMMA:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/GBR/GB5310274/GBR/02FEB85/F/30JUN31/HARRIS/EMMA+::1'"
                + leg("9102"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    long id = flightId("JL9102");
    HttpResponse<String> page = get("/screening/flights/" + id + "/traveller?key=JL%2FAUD001%2F1");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("HARRIS").doesNotContain("/search?");
    assertThat(get("/screening/flights/" + id).statusCode()).isEqualTo(200);
    assertThat(get("/api/screening/flights/" + id).statusCode()).isEqualTo(200);
    assertThat(post("/api/screening/flights/" + id + "/screen", "").statusCode()).isEqualTo(200);

    List<String> reads =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details::text from platform.audit_log where action ="
                                + " 'screening.flight.read' and subject = :s")
                        .bind("s", "flight:" + id)
                        .mapTo(String.class)
                        .list());
    assertThat(reads).hasSize(2).allSatisfy(d -> assertThat(d).contains("JL/AUD001/1"));
    String agency =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select agency from platform.audit_log where action ="
                                + " 'screening.flight' and subject = :s and actor = 'pnr'")
                        .bind("s", "flight:" + id)
                        .mapTo(String.class)
                        .one());
    assertThat(agency).isEqualTo("customs");
    long leaks =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where details::text like"
                                + " '%HARRIS%' or details::text like '%GB5310274%' or subject"
                                + " like '%HARRIS%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(leaks).isZero();
  }

  @Test
  void aPushWithoutAFlightIsStoredWithAWarningAndOneWithoutAnyLocatorIsRefused() throws Exception {
    // no TVL in the message, no itinerary in the record
    String noFlight =
        pushOn(
                "NOFL01",
                "MSG+:22",
                "RCI+JL:NOFL01::011126:1015'TIF+OKADA+MIKI:A:1'"
                    + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK7000001/JPN/01JAN90/F/30JUN31/OKADA/MIKI+::1'")
            .replace("'MSG+:22'MSG+:22'", "'MSG+:22'");
    HttpResponse<String> stored = post("/api/pnr", noFlight);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    JsonNode receipt = JSON.readTree(stored.body());
    assertThat(receipt.get("bookings")).hasSize(1);
    assertThat(receipt.get("warnings").toString())
        .contains("not-screened")
        .contains("JL/NOFL01")
        .contains("no flight in the record");

    String noLocator =
        push("NORCI1", "9103", "TIF+OKADA+MIKI:A:1'" + leg("9103"))
            .replace("EQN+1'SRC'TIF", "EQN+1'SRC'TIF");
    HttpResponse<String> refused = post("/api/pnr", noLocator);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("no-pnr");
    assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("RCI");
  }

  @Test
  void disablingARuleWithdrawsItsOpenHitsAtOnceAndASecondDisableIsRefusedKeepingTheFirstReason()
      throws Exception {
    String text =
        push(
            "RULE01",
            "9104",
            "RCI+JL:RULE01::011126:1015'TIF+KIMURA+AKI:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK7100001/JPN/01JAN91/F/30JUN31/KIMURA/AKI+::1'"
                + "TVL+281126:1000:281126:1800+SIN+NRT+JL+9104:W'");
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    // saved after the push: the flight, not yet departed, is screened with it at once
    HttpResponse<String> saved =
        post(
            "/api/screening/rules",
            JSON.writeValueAsString(
                java.util.Map.of(
                    "text",
                    "criterion \"Class W\" when booking_class = \"W\"\n"
                        + "  then severity low weight 5 because \"class W\"")));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    long rule = JSON.readTree(saved.body()).get("id").asLong();
    assertThat(JSON.readTree(saved.body()).get("flightsScreened").asInt()).isPositive();
    JsonNode hit = hitBy(flight("JL9104"), "rule:" + rule, "JL/RULE01/1");
    assertThat(hit.get("status").asText()).isEqualTo("open");

    HttpResponse<String> off =
        post("/api/screening/rules/" + rule + "/disable", "{\"reason\":\"too many hits\"}");
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(JSON.readTree(off.body()).get("withdrawnHits").asInt()).isEqualTo(1);
    // withdrawn without waiting for the flight's next screening
    JsonNode now = JSON.readTree(get("/api/screening/hits/" + hit.get("id").asLong()).body());
    assertThat(now.get("status").asText()).isEqualTo("withdrawn");
    assertThat(now.get("comment").asText()).contains("rule " + rule + " is disabled");
    JsonNode queue =
        JSON.readTree(get("/api/screening/queue?from=2026-11-28&to=2026-11-28").body());
    assertThat(queue.toString()).doesNotContain("\"id\":" + hit.get("id").asLong() + ",");

    HttpResponse<String> again =
        post("/api/screening/rules/" + rule + "/disable", "{\"reason\":\"another reason\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("message").asText())
        .contains("disabled already")
        .contains("pnr");
    JsonNode rules = JSON.readTree(get("/api/screening/rules").body());
    assertThat(rules.toString()).contains("too many hits").doesNotContain("another reason");
  }

  @Test
  void theOneWhoDecidedCannotCorrectItAndTheErrorsNameTheRightFields() throws Exception {
    String text =
        push(
            "FOUR01",
            "9105",
            "RCI+JL:FOUR01::011126:1015'TIF+SATO+KENJI:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK4000009/JPN/03MAR80/M/30JUN31/SATO/KENJI+::1'"
                + leg("9105"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    long hit = hitBy(flight("JL9105"), "watchlist:national-alerts/NA-002", "").get("id").asLong();
    assertThat(
            post(
                    "/api/screening/hits/" + hit + "/disposition",
                    "{\"disposition\":\"refer-to-officer\",\"comment\":\"same birth year,"
                        + " check at the gate\"}")
                .statusCode())
        .isEqualTo(200);
    String correction = "/api/screening/hits/" + hit + "/correction";
    HttpResponse<String> self =
        post(
            correction,
            "{\"disposition\":\"no-match\",\"comment\":\"changed my mind\",\"version\":1}");
    assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
    assertThat(JSON.readTree(self.body()).get("error").asText())
        .isEqualTo("second-person-required");
    String page = get("/screening/hits/" + hit).body();
    assertThat(page)
        .contains("id=\"correction-second-person\"")
        .doesNotContain("id=\"correction-form\"");

    // a correction without the version seen: 428 naming it, not a conflict with version -1
    HttpResponse<String> unversioned =
        as(
            token("pnr2"),
            "POST",
            correction,
            "{\"disposition\":\"no-match\",\"comment\":\"other birth place\"}");
    assertThat(unversioned.statusCode()).as(unversioned.body()).isEqualTo(428);
    JsonNode u = JSON.readTree(unversioned.body());
    assertThat(u.get("error").asText()).isEqualTo("precondition-required");
    assertThat(u.get("field").asText()).isEqualTo("version");
    assertThat(u.get("message").asText()).doesNotContain("-1");

    // the referral's outcome field is "outcome"
    String nrt = token("officer-nrt");
    HttpResponse<String> seized =
        as(
            nrt,
            "POST",
            "/api/screening/referrals/" + hit + "/outcome",
            "{\"outcome\":\"seized\",\"comment\":\"bags examined\",\"version\":1}");
    assertThat(seized.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(seized.body()).get("error").asText()).isEqualTo("invalid-outcome");
    assertThat(JSON.readTree(seized.body()).get("field").asText()).isEqualTo("outcome");

    // another airport's officer: a plain not-found sentence
    HttpResponse<String> elsewhere =
        as(token("officer-kix"), "GET", "/api/screening/referrals/" + hit, "");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(elsewhere.body()).get("message").asText())
        .isEqualTo("referral " + hit + " awaiting an outcome at your airport was not found");
  }

  @Test
  void aMisspeltQueryParameterOnAPassengerRouteIsRefusedNamingIt() throws Exception {
    HttpResponse<String> r = get("/api/screening/flights?form=2026-11-28&to=2026-11-28");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode b = JSON.readTree(r.body());
    assertThat(b.get("error").asText()).isEqualTo("invalid-parameter");
    assertThat(b.get("message").asText()).contains("form").contains("from");
    assertThat(get("/api/screening/flights?from=2026-11-28&lang=ja").statusCode()).isEqualTo(200);

    // a body field the route does not take is refused too, not answered as if read
    HttpResponse<String> field =
        post(
            "/api/screening/hits/1/disposition",
            "{\"disposition\":\"no-match\",\"comment\":\"other person\",\"expectedVersion\":1}");
    assertThat(field.statusCode()).as(field.body()).isEqualTo(400);
    assertThat(JSON.readTree(field.body()).get("error").asText()).isEqualTo("unknown-field");
    assertThat(JSON.readTree(field.body()).get("field").asText()).isEqualTo("expectedVersion");
  }

  @Test
  void itinerariesAreInTravelOrderScoresRoundedCountriesUpperCaseAndRulesHeadedByName()
      throws Exception {
    String text =
        push(
            "ORD001",
            "9107",
            "RCI+JL:ORD001::011126:1015'TIF+YAMADA+TARO:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TR4471023/JPN/18APR72/M/30JUN31/YAMADA/TARO+::1'"
                + "TVL+051226:1100:051226:1700+NRT+SIN+JL+0100:Y'"
                + leg("9107"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    String versions = get("/api/pnr/JL/ORD001").body();
    int first = versions.indexOf("JL9107 SIN-NRT 2026-11-28");
    int second = versions.indexOf("JL0100 NRT-SIN 2026-12-05");
    assertThat(first).isPositive();
    assertThat(second).isGreaterThan(first);

    JsonNode hit = hitBy(flight("JL9107"), "watchlist:national-alerts/NA-001", "");
    String score = hit.get("score").asText();
    assertThat(score.length() - score.indexOf('.') - 1).isLessThanOrEqualTo(3);
    assertThat(hit.get("explanation").toString()).contains("JP vs JP").doesNotContain("jp vs");

    assertThat(get("/screening/rules?lang=ja").body()).contains("<th>名称</th>");

    HttpResponse<String> fresh =
        post(
            "/api/screening/watchlists/brand-new-list/import?format=csv&severity=high",
            "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
                + "brand-new-list,B1,Somebody Unknown,,1961,fr,,high\n");
    assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(fresh.body());
    assertThat(report.get("previousVersion").asInt()).isZero();
    assertThat(report.get("unchanged").asBoolean()).isFalse();
    assertThat(report.get("version").asInt()).isEqualTo(1);
  }

  @Test
  void theOfficersCorrectAReferralOutcomeAndClosedReferralsStayListedAsRecentlyClosed()
      throws Exception {
    String text =
        push(
            "REF001",
            "9108",
            "RCI+JL:REF001::011126:1015'TIF+SATO+KENJI:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK4000010/JPN/03MAR80/M/30JUN31/SATO/KENJI+::1'"
                + leg("9108"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    long hit = hitBy(flight("JL9108"), "watchlist:national-alerts/NA-002", "").get("id").asLong();
    assertThat(
            post(
                    "/api/screening/hits/" + hit + "/disposition",
                    "{\"disposition\":\"refer-to-officer\",\"comment\":\"birth year matches,"
                        + " examine\"}")
                .statusCode())
        .isEqualTo(200);
    String nrt = token("officer-nrt");
    String kix = token("officer-kix");
    String outcome = "/api/screening/referrals/" + hit + "/outcome";
    HttpResponse<String> first =
        as(
            nrt,
            "POST",
            outcome,
            "{\"outcome\":\"examined-nothing-found\",\"comment\":\"bags examined\","
                + "\"version\":1}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

    // closed, it is still listed at its airport, as recently closed
    JsonNode listed = JSON.readTree(as(nrt, "GET", "/api/screening/referrals", "").body());
    assertThat(listed.get("referrals").findValuesAsText("id")).doesNotContain(String.valueOf(hit));
    assertThat(listed.get("recentlyClosed").findValuesAsText("id")).contains(String.valueOf(hit));
    JsonNode elsewhere = JSON.readTree(as(kix, "GET", "/api/screening/referrals", "").body());
    assertThat(elsewhere.get("recentlyClosed").findValuesAsText("id"))
        .doesNotContain(String.valueOf(hit));
    String officerPage = as(nrt, "GET", "/screening/referrals", "").body();
    assertThat(officerPage).contains("id=\"closed-referrals\"").contains("outcome-correction-form");
    // the PNR unit sees it closed, but is offered no form it could not use
    String unitPage = get("/screening/referrals").body();
    assertThat(unitPage)
        .contains("data-hit=\"" + hit + "\"")
        .doesNotContain("outcome-correction-form");

    // another airport cannot correct it; its own officers can, naming the version seen
    assertThat(
            as(
                    kix,
                    "POST",
                    outcome,
                    "{\"outcome\":\"confirmed\",\"comment\":\"not ours\",\"version\":2}")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> corrected =
        as(
            nrt,
            "POST",
            outcome,
            "{\"outcome\":\"confirmed\",\"comment\":\"lab result: undeclared goods\","
                + "\"version\":2}");
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    JsonNode now = JSON.readTree(corrected.body());
    assertThat(now.get("status").asText()).isEqualTo("confirmed");
    assertThat(now.get("history").findValuesAsText("kind"))
        .containsExactly("disposition", "referral-outcome", "referral-outcome");
    HttpResponse<String> race =
        as(
            nrt,
            "POST",
            outcome,
            "{\"outcome\":\"examined-nothing-found\",\"comment\":\"stale page\","
                + "\"version\":2}");
    assertThat(race.statusCode()).isEqualTo(409);
    String audited =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details::text from platform.audit_log where action ="
                                + " 'screening.referral.outcome.correct' and subject = :s")
                        .bind("s", "hit:" + hit)
                        .mapTo(String.class)
                        .one());
    assertThat(audited).contains("examined-nothing-found").doesNotContain("lab result");
  }

  /** A PAXLST for KE0709 from Busan with the travellers' NAD to CNT segments given. */
  private static String paxlst(String ref, String travellers, int count) {
    return "UNA:+.? 'UNB+UNOA:4+KE+JPCUSTOMS+281126:0500+"
        + ref
        + "++APIS'UNH+"
        + ref
        + "+PAXLST:D:05B:UN:IATA'BGM+745'NAD+MS+++KE OPS'TDT+20+KE709+++KE'LOC+125+PUS'"
        + "DTM+189:2611280900:201'LOC+87+NRT'DTM+232:2611281100:201'"
        + travellers
        + "CNT+42:"
        + count
        + "'UNT+24+"
        + ref
        + "'UNZ+1+"
        + ref
        + "'";
  }

  private static String token() throws Exception {
    return token("pnr");
  }

  private static String token(String user) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(uri("/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).get("token").asText();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return postBytes(path, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
  }

  private static HttpResponse<String> postForm(String path, String body) throws Exception {
    return postBytes(
        path, body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
  }

  private static HttpResponse<String> postBytes(String path, byte[] body, String type)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + pnr)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> as(String token, String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + pnr).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
