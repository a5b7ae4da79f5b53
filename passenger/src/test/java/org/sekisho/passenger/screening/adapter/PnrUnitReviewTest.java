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
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.PassengerServer;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * A PNR unit's day on the real server and PostgreSQL, as a reviewer worked it: namesakes on one
 * booking, a listed passport under another name, Latin-1 pushes, name corrections, dismissed
 * matches, delisted entries and disabled rules, one record locator twice in a push, the disposition
 * form, and what the audit log may hold.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PnrUnitReviewTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Database db;
  private static PassengerServer fixture;
  private static WebServer server;
  private static String pnr;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) throws Exception {
    db = database;
    fixture =
        PassengerServer.start(db, Clock.systemUTC(), "pnr-unit-review-test", "JP")
            .account("pnr", "Sora Watanabe", Role.PNR_UNIT, "customs", "hq");
    server = fixture.web();
    fixture.account("pnr2", "Aoi Mori", Role.PNR_UNIT, "customs", "hq");
    fixture.account("officer-nrt", "Ken Ito", Role.OFFICER, "customs", "NRT");
    fixture.account("officer-kix", "Yui Ono", Role.OFFICER, "customs", "KIX");
    // headquarters: reads every airport's referrals, records none (as at the e-Gate)
    fixture.account("officer-hq", "Mei Kato", Role.OFFICER, "customs", "HQ");
    fixture.account("analyst", "Rin Sato", Role.ANALYST, "customs", "hq");
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
    fixture.close();
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
  void namesakesOnOneBookingAreBothScreenedAndTheListedOneHitsWithHisOwnDateOfBirth()
      throws Exception {
    String text =
        push(
            "TWIN02",
            "9994",
            "RCI+JL:RVT002::011126:1015'TIF+YAMADA+TARO:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TR4471023/JPN/18APR72/M/30JUN31/YAMADA/TARO+::1'"
                + "TIF+YAMADA+TARO:A:2'"
                + "SSR+DOCS:HK:2:JL:::::/P/JPN/JP5000001/JPN/01JAN60/M/30JUN31/YAMADA/TARO+::2'"
                + leg("9994")
                + "RPI+2+HK'");
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    JsonNode f = flight("JL9994");
    assertThat(f.get("travellers"))
        .extracting(t -> t.get("key").asText() + " " + t.get("document").asText())
        .containsExactly("JL/RVT002/1 TR4471023", "JL/RVT002/2 JP5000001");
    JsonNode listed = hitBy(f, "watchlist:national-alerts/NA-001", "JL/RVT002/1");
    assertThat(listed.get("explanation").toString())
        .contains("date of birth same (1972-04-18")
        .contains("document same (TR4471023");
  }

  @Test
  void theListedPassportUnderAnotherNameIsAHitMarkedDocumentOnly() throws Exception {
    String text =
        push(
            "DOC001",
            "9997",
            "RCI+JL:RVD001::011126:1015'TIF+SMITH+JOHN:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TR4471023/JPN/18APR72/M/30JUN31/SMITH/JOHN+::1'"
                + leg("9997"),
            "RCI+JL:RVD002::011126:1015'TIF+YAMADA+JIRO:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TR4471023/JPN/18APR72/M/30JUN31/YAMADA/JIRO+::1'"
                + leg("9997"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    JsonNode f = flight("JL9997");
    for (String who : List.of("JL/RVD001/1", "JL/RVD002/1")) {
      JsonNode h = hitBy(f, "watchlist:national-alerts/NA-001", who);
      assertThat(h.get("explanation").toString()).contains("document same (TR4471023");
    }
    assertThat(hitBy(f, "watchlist:national-alerts/NA-001", "JL/RVD001/1").toString())
        .contains("document only");
  }

  @Test
  void aLatin1PushKeepsItsAccentsOverHttpAndAWrongDeclaredCharsetIsRefused() throws Exception {
    byte[] latin1 =
        push(
                "UNOC01",
                "0002",
                "RCI+JL:LOC104::011126:1015'TIF+M\u00c9NDEZ+JOS\u00c9:A:1'" + leg("0002"))
            .replace("UNB+IATA:1", "UNB+UNOC:3")
            .getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> declaredWrong = postBytes("/api/pnr", latin1, "text/plain; charset=UTF-8");
    assertThat(declaredWrong.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(declaredWrong.body()).get("error").asText())
        .isEqualTo("invalid-encoding");
    assertThat(JSON.readTree(declaredWrong.body()).get("message").asText()).contains("byte");

    HttpResponse<String> undeclared = postBytes("/api/pnr", latin1, "application/octet-stream");
    assertThat(undeclared.statusCode()).as(undeclared.body()).isEqualTo(200);
    assertThat(flight("JL0002").get("travellers").get(0).get("name").asText())
        .isEqualTo("JOSÉ MÉNDEZ");
    String versions = get("/api/pnr/JL/LOC104").body();
    assertThat(versions).contains("MÉNDEZ/JOSÉ").doesNotContain("\uFFFD");
  }

  @Test
  void aNameCorrectionKeepsTheHitsAndTheirDispositionsAndHitsWhoseCauseWentAwayAreWithdrawn()
      throws Exception {
    long cash =
        rule(
            "criterion \"Cash KV\" when payment = \"CA\" and booking_class = \"K\"\n"
                + "  then severity medium weight 20 because \"paid cash\"");
    long renamed =
        rule(
            "criterion \"Name changed KV\" when pnr_changed = \"name\" and booking_class = \"K\"\n"
                + "  then severity medium weight 25 because \"the name changed\"");
    String kleg = "TVL+281126:1000:281126:1800+SIN+NRT+JL+0806:K'";
    String v1 =
        push(
            "KOV001",
            "0806",
            "RCI+JL:BAGS01::011126:1015'TIF+KOVAC+MILANMR:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/HRV/HR7730112/HRV/09MAR83/M/30JUN31/KOVAC/MILAN+::1'"
                + "FOP+CA::1450.00'"
                + kleg);
    assertThat(post("/api/pnr", v1).statusCode()).isEqualTo(200);
    JsonNode f = flight("JL0806");
    JsonNode cashHit = hitBy(f, "rule:" + cash, "JL/BAGS01/1");
    // the hit says what made the rule true
    assertThat(cashHit.get("explanation").toString())
        .contains("payment = CA")
        .contains("booking_class = K");
    HttpResponse<String> disposed =
        post(
            "/api/screening/hits/" + cashHit.get("id").asLong() + "/disposition",
            "{\"disposition\":\"false-positive\",\"comment\":\"KOVAC MILAN paid cash at"
                + " the airport counter, HR7730112 checked\"}");
    assertThat(disposed.statusCode()).isEqualTo(200);

    // the airline corrects the surname: the same person, the same hits
    String v2 = v1.replace("KOV001", "KOV002").replace("KOVAC", "KOVACS");
    assertThat(post("/api/pnr", v2).statusCode()).isEqualTo(200);
    f = flight("JL0806");
    JsonNode again = hitBy(f, "rule:" + cash, "JL/BAGS01/1");
    assertThat(again.get("id").asLong()).isEqualTo(cashHit.get("id").asLong());
    assertThat(again.get("status").asText()).isEqualTo("false-positive");
    JsonNode nameHit = hitBy(f, "rule:" + renamed, "JL/BAGS01/1");
    assertThat(nameHit.get("status").asText()).isEqualTo("open");
    assertThat(nameHit.get("explanation").toString()).contains("pnr_changed = NAME");
    assertThat(hits(f, "")).hasSize(2);
    assertThat(f.get("openHits").asInt()).isEqualTo(1);

    // the next version changes nothing in the name: the name-change hit is withdrawn, with why
    String v3 = v2.replace("KOV002", "KOV003").replace("1450.00", "1450.01");
    assertThat(post("/api/pnr", v3).statusCode()).isEqualTo(200);
    f = flight("JL0806");
    JsonNode withdrawn = hitBy(f, "rule:" + renamed, "JL/BAGS01/1");
    assertThat(withdrawn.get("status").asText()).isEqualTo("withdrawn");
    assertThat(withdrawn.get("comment").asText()).startsWith("withdrawn: no longer raised");
    assertThat(f.get("openHits").asInt()).isZero();

    // a disabled rule's open hits are withdrawn at the next screening and come back with it
    String v4 = v3.replace("KOV003", "KOV004").replace("KOVACS", "KOVACIC");
    assertThat(post("/api/pnr", v4).statusCode()).isEqualTo(200);
    long reopened = hitBy(flight("JL0806"), "rule:" + renamed, "JL/BAGS01/1").get("id").asLong();
    assertThat(reopened).isEqualTo(withdrawn.get("id").asLong());
    assertThat(hitBy(flight("JL0806"), "rule:" + renamed, "").get("status").asText())
        .isEqualTo("open");
    assertThat(
            post("/api/screening/rules/" + renamed + "/disable", "{\"reason\":\"test over\"}")
                .statusCode())
        .isEqualTo(200);
    long id = flightId("JL0806");
    assertThat(post("/api/screening/flights/" + id + "/screen", "").statusCode()).isEqualTo(200);
    JsonNode off = hitBy(flight("JL0806"), "rule:" + renamed, "");
    assertThat(off.get("status").asText()).isEqualTo("withdrawn");
    assertThat(off.get("comment").asText()).contains("rule " + renamed + " is disabled");

    // the audit log names ids, never the traveller or the comment's words
    long leaks =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where details::text like"
                                + " '%KOVAC%' or details::text like '%HR7730112%' or"
                                + " details::text like '%airport counter%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(leaks).isZero();
    String dispose =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details::text from platform.audit_log where action ="
                                + " 'screening.hit.dispose' and subject = :s")
                        .bind("s", "hit:" + cashHit.get("id").asLong())
                        .mapTo(String.class)
                        .one());
    assertThat(dispose).contains("JL/BAGS01/1").contains("false-positive").contains("rule:" + cash);
    // with the caller's address, as every entry the web writes itself
    assertThat(detail("screening.hit.dispose", "hit:" + cashHit.get("id").asLong(), "ip"))
        .isEqualTo("127.0.0.1");
  }

  /** One detail of the latest audit entry of {@code action} on {@code subject}; null when none. */
  private String detail(String action, String subject, String key) {
    List<String> values =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details::jsonb ->> :k from platform.audit_log where action ="
                                + " :a and subject = :s order by seq desc limit 1")
                        .bind("k", key)
                        .bind("a", action)
                        .bind("s", subject)
                        .mapTo(String.class)
                        .list());
    return values.isEmpty() ? null : values.get(0);
  }

  @Test
  void aCompanionIsFlaggedNamingTheSeizureLinkedPersonUntilThatMatchIsDismissed() throws Exception {
    long companion =
        rule(
            "criterion \"Companion\" when companion_of_seizure_linked = \"yes\"\n"
                + "  then severity high weight 40 because \"travels with a seizure-linked"
                + " person\"");
    String text =
        push(
            "COMP01",
            "9996",
            "RCI+JL:RVC001::011126:1015'TIF+MOROZOV+VIKTOR:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/RUS/RU4000002/RUS/21MAY70/M/30JUN31/MOROZOV/VIKTOR+::1'"
                + "TIF+PETROVA+IRINA:A:2'"
                + "SSR+DOCS:HK:2:JL:::::/P/RUS/RU5000002/RUS/02FEB82/F/30JUN31/PETROVA/IRINA+::2'"
                + leg("9996"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    JsonNode f = flight("JL9996");
    JsonNode match = hitBy(f, "watchlist:seizure-linked/SL-001", "JL/RVC001/1");
    JsonNode flagged = hitBy(f, "rule:" + companion, "JL/RVC001/2");
    assertThat(flagged.get("explanation").toString())
        .contains("seizure-linked companion: VIKTOR MOROZOV (seizure-linked/SL-001)");
    assertThat(
            post(
                    "/api/screening/hits/" + match.get("id").asLong() + "/disposition",
                    "{\"disposition\":\"false-positive\",\"comment\":\"different person:"
                        + " passport RU4000001 checked\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(post("/api/screening/flights/" + flightId("JL9996") + "/screen", "").statusCode())
        .isEqualTo(200);
    JsonNode after = hitBy(flight("JL9996"), "rule:" + companion, "JL/RVC001/2");
    assertThat(after.get("status").asText()).isEqualTo("withdrawn");
    assertThat(
            hitBy(flight("JL9996"), "watchlist:seizure-linked/SL-001", "").get("status").asText())
        .isEqualTo("false-positive");
  }

  @Test
  void aWatchlistEntryWrittenInKanjiHitsTheTravellerWhosePassportSpellsItInRomaji()
      throws Exception {
    // a domestic alert names her as 小野寺裕子; the airline sends the passport's ONODERA HIROKO,
    // a reading of 裕子 the dictionary gives second (Yuko first)
    importList("kanji-alerts", "kanji-alerts,K1,小野寺裕子,,1985-03-12,jp,,high\n");
    String text =
        push(
            "KANJI1",
            "0071",
            "RCI+JL:KNJ001::011126:1015'TIF+ONODERA+HIROKO:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK2000002/JPN/12MAR85/F/30JUN31/ONODERA/HIROKO+::1'"
                + "RCI+JL:KNJ002::011126:1015'TIF+ONODA+HIROSHI:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK2000003/JPN/12MAR85/M/30JUN31/ONODA/HIROSHI+::1'"
                + leg("0071"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    JsonNode f = flight("JL0071");
    JsonNode hit = hitBy(f, "watchlist:kanji-alerts/K1", "");
    assertThat(hit.get("traveller").asText()).startsWith("JL/KNJ001/");
    // the other traveller on the booking, ONODA HIROSHI, is not taken for her
    assertThat(hits(f, "watchlist")).hasSize(1);
  }

  @Test
  void aDelistedEntrysOpenHitIsWithdrawnSayingSo() throws Exception {
    importList("delist-test", "delist-test,R1,Kenta Fujimoto,,1990-01-02,jp,,high\n");
    String text =
        push(
            "DEL001",
            "0061",
            "RCI+JL:DEL001::011126:1015'TIF+FUJIMOTO+KENTA:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK1000001/JPN/02JAN90/M/30JUN31/FUJIMOTO/KENTA+::1'"
                + leg("0061"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    assertThat(hitBy(flight("JL0061"), "watchlist:delist-test/R1", "").get("status").asText())
        .isEqualTo("open");
    importList("delist-test", "delist-test,R2,Somebody Else,,1950,fr,,high\n");
    assertThat(post("/api/screening/flights/" + flightId("JL0061") + "/screen", "").statusCode())
        .isEqualTo(200);
    JsonNode gone = hitBy(flight("JL0061"), "watchlist:delist-test/R1", "");
    assertThat(gone.get("status").asText()).isEqualTo("withdrawn");
    assertThat(gone.get("comment").asText()).contains("entry delist-test/R1 is no longer listed");
    assertThat(flight("JL0061").get("openHits").asInt()).isZero();
  }

  @Test
  void oneLocatorTwiceInAPushIsOneBookingWithBothPassengersAndAWarning() throws Exception {
    String text =
        push(
            "DUP001",
            "0003",
            "RCI+JL:LOC006::011126:1015'TIF+DUP+ONE:A:1'" + leg("0003"),
            "RCI+JL:LOC006::011126:1015'TIF+DUP+TWO:A:1'" + leg("0003"));
    HttpResponse<String> r = post("/api/pnr", text);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode receipt = JSON.readTree(r.body());
    assertThat(receipt.get("bookings")).hasSize(1);
    assertThat(receipt.get("bookings").get(0).get("version").asInt()).isEqualTo(1);
    assertThat(receipt.get("warnings").toString())
        .contains("duplicate-record-locator")
        .contains("record locator LOC006 appears twice");
    JsonNode f = flight("JL0003");
    assertThat(f.get("travellers"))
        .extracting(t -> t.get("name").asText())
        .containsExactly("ONE DUP", "TWO DUP");
    assertThat(f.get("hits").toString()).doesNotContain("changed");
  }

  @Test
  void aPassengerWithoutANameIsKeptWithAWarning() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/pnr",
            push("NON001", "0004", "RCI+JL:LOC002::011126:1015'TIF+:A:1'" + leg("0004")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("warnings").toString())
        .contains("missing-name")
        .contains("has no surname or given name");
  }

  @Test
  void theDispositionFormKeepsTheChoiceAndCommentAfterAnErrorInThePagesLanguage() throws Exception {
    String text =
        push(
            "FORM01",
            "0005",
            "RCI+JL:FRM001::011126:1015'TIF+SATO+KENJI:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK2000001/JPN/03MAR80/M/30JUN31/SATO/KENJI+::1'"
                + leg("0005"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    long hit = hitBy(flight("JL0005"), "watchlist:national-alerts/NA-002", "").get("id").asLong();
    String page = get("/screening/hits/" + hit + "?lang=ja").body();
    // nothing is preselected: a disposition is chosen on purpose
    assertThat(page)
        .contains("<option value=\"\" selected disabled>")
        .doesNotContain("\" selected>");

    HttpResponse<String> refused =
        postForm(
            "/screening/hits/" + hit + "/disposition?lang=ja",
            "disposition=confirmed&comment=" + URLEncoder.encode("ab", StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("<option value=\"confirmed\" selected>")
        .doesNotContain("<option value=\"\" selected disabled>")
        .contains(">ab</textarea>")
        .contains("理由をコメントに書いてください")
        .doesNotContain("say in a comment why");

    HttpResponse<String> dots =
        post(
            "/api/screening/hits/" + hit + "/disposition",
            "{\"disposition\":\"confirmed\",\"comment\":\"...\"}");
    assertThat(dots.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(dots.body()).get("error").asText()).isEqualTo("comment-required");
  }

  @Test
  void explanationsChangesAndSeveritiesAreStoredAsKeysAndShownInTheReadersLanguage()
      throws Exception {
    String record =
        "RCI+JL:BKJA01::011126:1015'TIF+YAMADA+TARO:A:1'"
            + "SSR+DOCS:HK:1:JL:::::/P/JPN/TR4471023/JPN/18APR72/M/30JUN31/YAMADA/TARO+::1'";
    assertThat(post("/api/pnr", push("BKJA1", "0011", record + leg("0011"))).statusCode())
        .isEqualTo(200);
    assertThat(
            post("/api/pnr", push("BKJA2", "0011", record + "FOP+CA::100.00'" + leg("0011")))
                .statusCode())
        .isEqualTo(200);
    JsonNode f = flight("JL0011");
    JsonNode hit = hitBy(f, "watchlist:national-alerts/NA-001", "JL/BKJA01/1");
    // stored as keys with their arguments, whatever language anyone reads it in
    assertThat(hit.get("explanationParts").findValuesAsText("key"))
        .contains("screening.why.entry", "screening.why.name", "screening.why.corroboration");
    assertThat(hit.get("explanation").toString()).contains("date of birth same (1972-04-18");

    String page = get("/screening/hits/" + hit.get("id").asLong() + "?lang=ja").body();
    assertThat(page)
        .contains("リスト national-alerts、エントリ NA-001")
        .contains("生年月日：一致")
        // the listed name as written, next to the reading it was compared by
        .contains("山田 太郎")
        .doesNotContain("date of birth same")
        .doesNotContain("transliterated")
        .doesNotContain("(high)");
    String english = get("/screening/hits/" + hit.get("id").asLong() + "?lang=en").body();
    assertThat(english).contains("date of birth same (1972-04-18");

    String traveller =
        get("/screening/flights/" + f.get("id").asLong() + "/traveller?key=JL%2FBKJA01%2F1&lang=ja")
            .body();
    assertThat(traveller).contains("支払追加：").doesNotContain("payment added");
    assertThat(get("/screening/watchlists?lang=ja").body()).doesNotContain("<td>high</td>");
  }

  @Test
  void aReferralReachesTheOfficersAtTheArrivalAirportAndComesBackWithTheirOutcome()
      throws Exception {
    String text =
        push(
            "REF01",
            "0012",
            "RCI+JL:REF001::011126:1015'TIF+SATO+KENJI:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK3000001/JPN/03MAR80/M/30JUN31/SATO/KENJI+::1'"
                + leg("0012"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    long hit = hitBy(flight("JL0012"), "watchlist:national-alerts/NA-002", "").get("id").asLong();
    HttpResponse<String> referred =
        post(
            "/api/screening/hits/" + hit + "/disposition",
            "{\"disposition\":\"refer-to-officer\",\"comment\":\"same name and year, check"
                + " baggage\"}");
    assertThat(referred.statusCode()).as(referred.body()).isEqualTo(200);
    assertThat(JSON.readTree(referred.body()).get("version").asInt()).isEqualTo(1);

    // the officers where the flight lands see it; another airport's do not
    String nrt = token("officer-nrt");
    String kix = token("officer-kix");
    JsonNode atNrt = JSON.readTree(as(nrt, "GET", "/api/screening/referrals", "").body());
    assertThat(atNrt.get("referrals").findValuesAsText("id")).contains(String.valueOf(hit));
    assertThat(atNrt.get("referrals").get(0).get("airport").asText()).isEqualTo("NRT");
    // what picks out the right passenger at the arrival hall, read only and audited
    JsonNode one = JSON.readTree(as(nrt, "GET", "/api/screening/referrals/" + hit, "").body());
    assertThat(one.get("documentNumber").asText()).isEqualTo("TK3000001");
    assertThat(one.get("documentCountry").asText()).isEqualTo("JP");
    assertThat(one.get("dateOfBirth").asText()).isEqualTo("1980-03-03");
    assertThat(one.get("scheduledArrivalLocal").asText()).isEqualTo("2026-11-28T18:00");
    assertThat(one.has("seat")).isTrue();
    assertThat(one.get("explanation").toString()).isNotEqualTo("[]");
    for (JsonNode r : atNrt.get("referrals")) {
      if (r.get("id").asLong() == hit) {
        assertThat(r.get("documentNumber").asText()).isEqualTo("TK3000001");
      }
    }
    assertThat(as(kix, "GET", "/api/screening/referrals/" + hit, "").statusCode()).isEqualTo(404);
    assertThat(as(nrt, "GET", "/screening/referrals/" + hit, "").body())
        .contains("TK3000001")
        .contains("1980-03-03");
    int reads =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action ="
                                + " 'screening.referral.read' and subject = :s and actor ="
                                + " 'officer-nrt'")
                        .bind("s", "hit:" + hit)
                        .mapTo(Integer.class)
                        .one());
    assertThat(reads).isGreaterThanOrEqualTo(2);
    assertThat(
            JSON.readTree(as(kix, "GET", "/api/screening/referrals", "").body())
                .get("referrals")
                .findValuesAsText("id"))
        .doesNotContain(String.valueOf(hit));
    assertThat(as(nrt, "GET", "/screening/referrals", "").body())
        .contains("/screening/referrals/" + hit + "/outcome");
    String outcome = "/api/screening/referrals/" + hit + "/outcome";

    // headquarters reads every airport's referrals, in the page and the API, audited the same way
    String hq = token("officer-hq");
    JsonNode atHq = JSON.readTree(as(hq, "GET", "/api/screening/referrals", "").body());
    assertThat(atHq.get("referrals").findValuesAsText("id")).contains(String.valueOf(hit));
    assertThat(
            JSON.readTree(as(hq, "GET", "/api/screening/referrals?airport=KIX", "").body())
                .get("referrals")
                .findValuesAsText("id"))
        .doesNotContain(String.valueOf(hit));
    HttpResponse<String> hqOne = as(hq, "GET", "/api/screening/referrals/" + hit, "");
    assertThat(hqOne.statusCode()).as(hqOne.body()).isEqualTo(200);
    assertThat(JSON.readTree(hqOne.body()).get("documentNumber").asText()).isEqualTo("TK3000001");
    String hqPage = as(hq, "GET", "/screening/referrals?lang=en", "").body();
    assertThat(hqPage)
        .contains("data-hit=\"" + hit + "\"")
        .contains("id=\"read-only\"")
        .doesNotContain("/screening/referrals/" + hit + "/outcome");
    assertThat(as(hq, "GET", "/screening/referrals?lang=ja", "").body())
        .contains("本部はすべての空港の引継ぎを閲覧できます");
    String hqList =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details::jsonb ->> 'hits' from platform.audit_log where action"
                                + " = 'screening.referral.read' and subject = 'referrals:all' and"
                                + " actor = 'officer-hq' order by seq desc limit 1")
                        .mapTo(String.class)
                        .one());
    assertThat(hqList).contains("hit:" + hit);
    // read only: no outcome, refused for that before anything about the version
    for (String body :
        List.of(
            "{\"outcome\":\"confirmed\",\"comment\":\"from headquarters\",\"version\":1}",
            "{\"outcome\":\"confirmed\",\"comment\":\"from headquarters\"}")) {
      HttpResponse<String> fromHq = as(hq, "POST", outcome, body);
      assertThat(fromHq.statusCode()).as(fromHq.body()).isEqualTo(403);
      assertThat(JSON.readTree(fromHq.body()).get("message").asText()).contains("headquarters");
      HttpResponse<String> fromKix = as(kix, "POST", outcome, body);
      assertThat(fromKix.statusCode()).as(fromKix.body()).isEqualTo(403);
    }
    assertThat(
            as(
                    kix,
                    "POST",
                    outcome,
                    "{\"outcome\":\"confirmed\",\"comment\":\"not ours\",\"version\":1}")
                .statusCode())
        .isEqualTo(403);
    // an officer still cannot read the PNR unit's hits as such
    assertThat(as(nrt, "GET", "/api/screening/hits/" + hit, "").statusCode()).isEqualTo(403);

    HttpResponse<String> found =
        as(
            nrt,
            "POST",
            outcome,
            "{\"outcome\":\"examined-nothing-found\",\"comment\":\"bags examined, nothing"
                + " found\",\"version\":1}");
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    JsonNode closed = JSON.readTree(found.body());
    assertThat(closed.get("status").asText()).isEqualTo("examined-nothing-found");
    assertThat(closed.get("history").findValuesAsText("kind"))
        .containsExactly("disposition", "referral-outcome");
    assertThat(
            JSON.readTree(as(nrt, "GET", "/api/screening/referrals", "").body())
                .get("referrals")
                .findValuesAsText("id"))
        .doesNotContain(String.valueOf(hit));
    // a later outcome corrects it, naming the version seen: one made on the open referral is stale
    assertThat(
            as(
                    nrt,
                    "POST",
                    outcome,
                    "{\"outcome\":\"confirmed\",\"comment\":\"again later\",\"version\":1}")
                .statusCode())
        .isEqualTo(409);

    // the outcome is the officers': the PNR unit cannot overwrite it by a correction
    HttpResponse<String> over =
        post(
            "/api/screening/hits/" + hit + "/correction",
            "{\"disposition\":\"confirmed\",\"comment\":\"pnr overrides officer\","
                + "\"version\":2}");
    assertThat(over.statusCode()).as(over.body()).isEqualTo(400);
    assertThat(JSON.readTree(over.body()).get("error").asText()).isEqualTo("officer-outcome");
    assertThat(JSON.readTree(get("/api/screening/hits/" + hit).body()).get("status").asText())
        .isEqualTo("examined-nothing-found");
  }

  @Test
  void aDispositionIsCorrectedByALaterOneWithItsOwnCommentKeepingTheHistory() throws Exception {
    String text =
        push(
            "COR01",
            "0013",
            "RCI+JL:COR001::011126:1015'TIF+SATO+KENJI:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK4000001/JPN/03MAR80/M/30JUN31/SATO/KENJI+::1'"
                + leg("0013"));
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    long hit = hitBy(flight("JL0013"), "watchlist:national-alerts/NA-002", "").get("id").asLong();
    assertThat(
            post(
                    "/api/screening/hits/" + hit + "/disposition",
                    "{\"disposition\":\"false-positive\",\"comment\":\"different person,"
                        + " other birth place\"}")
                .statusCode())
        .isEqualTo(200);
    // a second disposition is still refused: a correction says which version it corrects
    assertThat(
            post(
                    "/api/screening/hits/" + hit + "/disposition",
                    "{\"disposition\":\"confirmed\",\"comment\":\"intelligence report\"}")
                .statusCode())
        .isEqualTo(409);
    String correction = "/api/screening/hits/" + hit + "/correction";
    String second = token("pnr2");
    HttpResponse<String> corrected =
        as(
            second,
            "POST",
            correction,
            "{\"disposition\":\"confirmed\",\"comment\":\"intelligence report 2026/11"
                + " identifies him\",\"version\":1}");
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    JsonNode now = JSON.readTree(corrected.body());
    assertThat(now.get("status").asText()).isEqualTo("confirmed");
    assertThat(now.get("version").asInt()).isEqualTo(2);
    assertThat(now.get("history").findValuesAsText("disposition"))
        .containsExactly("false-positive", "confirmed");
    assertThat(now.get("history").get(0).get("comment").asText())
        .isEqualTo("different person, other birth place");

    // the first reviewer, still looking at version 1, cannot overwrite that unseen
    HttpResponse<String> stale =
        post(
            correction,
            "{\"disposition\":\"no-match\",\"comment\":\"typo in my first comment\","
                + "\"version\":1}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(stale.body()).get("field").asText()).isEqualTo("version");
    assertThat(
            post(correction, "{\"disposition\":\"no-match\",\"comment\":\"..\",\"version\":2}")
                .statusCode())
        .isEqualTo(400);

    // the page shows the history and offers the correction with the version seen
    String page = get("/screening/hits/" + hit + "?lang=ja").body();
    assertThat(page)
        .contains("id=\"decisions\"")
        .contains("訂正")
        .contains("name=\"version\" value=\"2\"")
        // nobody examined the traveller: the PNR unit cannot record an examination's outcome
        .doesNotContain("value=\"examined-nothing-found\"");
    HttpResponse<String> invented =
        post(
            correction,
            "{\"disposition\":\"examined-nothing-found\",\"comment\":\"pnr unit examined"
                + " nothing\",\"version\":2}");
    assertThat(invented.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(invented.body()).get("error").asText())
        .isEqualTo("invalid-disposition");

    // audited by ids: no comment text
    List<String> audited =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select action || ' ' || cast(details as text) from"
                                + " platform.audit_log where subject = :s order by seq")
                        .bind("s", "hit:" + hit)
                        .mapTo(String.class)
                        .list());
    assertThat(audited).anyMatch(a -> a.startsWith("screening.hit.correct"));
    assertThat(String.join("\n", audited)).doesNotContain("intelligence report");
  }

  @Test
  void
      flightsAreListedByScheduledArrivalOnTheAdministrationsClockAndOpenHitsQueueByArrivalThenSeverity()
          throws Exception {
    String yamada =
        "TIF+YAMADA+TARO:A:1'"
            + "SSR+DOCS:HK:1:JL:::::/P/JPN/TR4471023/JPN/18APR72/M/30JUN31/YAMADA/TARO+::1'";
    String sato =
        "TIF+SATO+KENJI:A:1'"
            + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK2000001/JPN/03MAR80/M/30JUN31/SATO/KENJI+::1'";
    // lands at 09:00 in Tokyo: first, though its number is the highest
    String early = "TVL+281126:0100:281126:0900+SIN+NRT+JL+0039";
    // leaves Los Angeles at 00:30 local (17:30 in Tokyo) and lands the next morning: last
    String late = "TVL+281126:0030:291126:0500+LAX+NRT+JL+0031";
    // an airport whose zone is not known keeps its local time, said to be local
    String unknown = "TVL+281126:0200:281126:2350+QQQ+NRT+JL+0035";
    // a low-severity rule beside the (high) watchlist hits, for the order within a flight
    rule(
        "criterion \"Class Q\" when booking_class = \"Q\"\n"
            + "  then severity low weight 5 because \"class Q\"");
    assertThat(
            post(
                    "/api/pnr",
                    pushOn(
                        "SCHED1",
                        early,
                        "RCI+JL:SCH001::011126:1015'" + sato + early + ":Q'",
                        "RCI+JL:SCH002::011126:1015'" + yamada + early + ":Q'"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post("/api/pnr", pushOn("SCHED2", late, "RCI+JL:SCH003::011126:1015'" + yamada))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post(
                    "/api/pnr",
                    pushOn(
                        "SCHED3", unknown, "RCI+JL:SCH004::011126:1015'" + sato + unknown + ":Q'"))
                .statusCode())
        .isEqualTo(200);

    JsonNode flights =
        JSON.readTree(get("/api/screening/flights?from=2026-11-28&to=2026-11-28").body())
            .get("flights");
    List<String> order = new ArrayList<>();
    for (JsonNode f : flights) {
      order.add(f.get("flight").asText());
    }
    assertThat(order.indexOf("JL0039"))
        .isGreaterThanOrEqualTo(0)
        .isLessThan(order.indexOf("JL0035"));
    assertThat(order.indexOf("JL0035")).isLessThan(order.indexOf("JL0031"));
    JsonNode lateFlight = flights.get(order.indexOf("JL0031"));
    assertThat(lateFlight.get("scheduledDeparture").asText()).isEqualTo("2026-11-28T08:30:00Z");
    assertThat(lateFlight.get("scheduledArrival").asText()).isEqualTo("2026-11-28T20:00:00Z");
    assertThat(lateFlight.get("scheduledDepartureLocal").asText()).isEqualTo("2026-11-28T00:30");
    assertThat(flights.get(order.indexOf("JL0035")).get("scheduledDeparture").isNull()).isTrue();

    String page = get("/screening/flights?from=2026-11-28&to=2026-11-28&lang=en").body();
    assertThat(page)
        // on the platform's clock (Asia/Tokyo), written as other pages write times
        .contains("<td class=\"std\">2026-11-28 17:30 ")
        .contains("<td class=\"sta\">2026-11-29 05:00 ")
        .contains("<td class=\"std\">2026-11-28 02:00 (local)</td>");
    assertThat(page.indexOf(">JL0039<")).isLessThan(page.indexOf(">JL0031<"));

    // the queue: the next arrival first, and within a flight the most severe hit first
    JsonNode queue =
        JSON.readTree(get("/api/screening/queue?from=2026-11-28&to=2026-11-28").body()).get("hits");
    List<String> mine = new ArrayList<>();
    String previous = "";
    long previousFlight = -1;
    int previousRank = -1;
    List<String> ranks = List.of("critical", "high", "medium", "low");
    for (JsonNode h : queue) {
      assertThat(h.get("status").asText()).isEqualTo("open");
      String arrival = h.get("flight").get("scheduledArrival").asText("");
      int rank = ranks.indexOf(h.get("severity").asText());
      long flightId = h.get("flightId").asLong();
      if (flightId == previousFlight) {
        assertThat(rank).as(queue.toString()).isGreaterThanOrEqualTo(previousRank);
      } else if (!previous.isEmpty() && !arrival.isEmpty()) {
        assertThat(arrival).as(queue.toString()).isGreaterThanOrEqualTo(previous);
      }
      previous = arrival;
      previousFlight = flightId;
      previousRank = rank;
      if (h.get("booking").asText().startsWith("JL/SCH")) {
        mine.add(h.get("booking").asText() + " " + h.get("severity").asText());
      }
    }
    assertThat(mine)
        .containsSubsequence(
            "JL/SCH002 high", "JL/SCH001 low", "JL/SCH004 high", "JL/SCH004 low", "JL/SCH003 high");
    String queuePage = get("/screening/queue?from=2026-11-28&to=2026-11-28&lang=ja").body();
    assertThat(queuePage).contains("便横断の未処理ヒット").contains("JL0039");
    long first = queue.get(0).get("id").asLong();
    List<String> audited =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select cast(details as text) from platform.audit_log where action ="
                                + " 'screening.queue.read' order by seq")
                        .mapTo(String.class)
                        .list());
    assertThat(audited).isNotEmpty();
    assertThat(audited.get(audited.size() - 1)).contains("hit:" + first).doesNotContain("YAMADA");

    // filter errors are said on the page, in its language, keeping what was typed
    HttpResponse<String> bad = get("/screening/flights?from=abc&lang=ja");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(bad.body())
        .contains("日付は YYYY-MM-DD の形で書いてください。")
        .contains("value=\"abc\"")
        .contains("aria-invalid=\"true\"")
        .doesNotContain("\"error\":");
    HttpResponse<String> reversed = get("/screening/flights?from=2026-11-29&to=2026-11-01");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("The end date is before the start date.");
    HttpResponse<String> reversedApi = get("/api/screening/queue?from=2026-11-29&to=2026-11-01");
    assertThat(reversedApi.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(reversedApi.body()).get("error").asText()).isEqualTo("invalid-range");
  }

  @Test
  void aNameChangeHitNamesTheOldAndTheNewNameInTheReadersLanguageUntilRetentionMasksBoth()
      throws Exception {
    long renamed =
        rule(
            "criterion \"Renamed R\" when pnr_changed = \"name\" and booking_class = \"R\"\n"
                + "  then severity medium weight 25 because \"the name changed\"");
    // a flight long gone, so that masking it touches no other test's flight
    String tvl = "TVL+050120:1000:050120:1800+SIN+NRT+JL+0077:R";
    String v1 =
        pushOn(
            "RENAM1",
            tvl,
            "RCI+JL:RENAM1::011219:1015'TIF+PETROV+IVANMR:A:1'"
                + "TIF+SMITH+ANNAMS:A:2'"
                + tvl
                + "'");
    assertThat(post("/api/pnr", v1).statusCode()).isEqualTo(200);
    String v2 = v1.replace("RENAM1'", "RENAM2'").replace("PETROV+IVANMR", "PETROVSKY+IGORMR");
    assertThat(post("/api/pnr", v2).statusCode()).isEqualTo(200);
    JsonNode flights =
        JSON.readTree(get("/api/screening/flights?from=2020-01-05&to=2020-01-05").body())
            .get("flights");
    long id = -1;
    for (JsonNode f : flights) {
      if (f.get("flight").asText().equals("JL0077")) {
        id = f.get("id").asLong();
      }
    }
    assertThat(id).as(flights.toString()).isPositive();
    JsonNode f = JSON.readTree(get("/api/screening/flights/" + id).body());
    JsonNode hit = hitBy(f, "rule:" + renamed, "JL/RENAM1/1");
    // stored as a key with both names as its arguments
    assertThat(hit.get("explanationParts").findValuesAsText("key"))
        .contains("screening.why.renamed");
    assertThat(hit.get("explanation").toString())
        .contains("name changed from IVAN PETROV to IGOR PETROVSKY");
    // her name did not change, so the booking's name change names no one for her
    JsonNode hers = JSON.readTree(get("/api/screening/flights/" + id).body());
    for (JsonNode h : hers.get("hits")) {
      if (h.get("traveller").asText().equals("JL/RENAM1/2")) {
        assertThat(h.get("explanation").toString()).doesNotContain("IVAN PETROV");
      }
    }
    long hitId = hit.get("id").asLong();
    assertThat(get("/screening/hits/" + hitId + "?lang=ja").body())
        .contains("氏名変更：IVAN PETROV → IGOR PETROVSKY")
        .doesNotContain("name changed from");
    assertThat(get("/screening/hits/" + hitId + "?lang=en").body())
        .contains("name changed from IVAN PETROV to IGOR PETROVSKY");

    new org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore(db.jdbi())
        .maskReceivedBefore(java.time.Instant.parse("2020-02-01T00:00:00Z"));
    String masked = get("/api/screening/flights/" + id).body();
    assertThat(masked).doesNotContain("PETROV").doesNotContain("IVAN").doesNotContain("IGOR");
    int left =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from passenger.screening_hit where id = :id and"
                                + " (array_to_string(explanation, ' ') like '%PETROV%' or"
                                + " traveller_name like '%PETROV%')")
                        .bind("id", hitId)
                        .mapTo(Integer.class)
                        .one());
    assertThat(left).isZero();
    assertThat(get("/screening/hits/" + hitId + "?lang=en").body())
        .doesNotContain("PETROV")
        .doesNotContain("IGOR");
  }

  @Test
  void aDaysBeforeDepartureHitShowsTheBookingDateAndTheDepartureItCountedFrom() throws Exception {
    rule(
        "criterion \"Booked early B\" when booking_days_before_departure >= 20 and"
            + " booking_class = \"B\"\n  then severity low weight 5 because \"booked early\"");
    String text =
        push(
            "BOOKED1",
            "0041",
            "RCI+JL:BKD001::011126:1015'TIF+ITO+HANA:A:1'"
                + "TVL+281126:1000:281126:1800+SIN+NRT+JL+0041:B'");
    assertThat(post("/api/pnr", text).statusCode()).isEqualTo(200);
    JsonNode hit = hits(flight("JL0041"), "rule").get(0);
    assertThat(hit.get("explanation").toString())
        .contains("booking_days_before_departure = 27")
        .contains("booked 2026-11-01, departs 2026-11-28");
    assertThat(get("/screening/hits/" + hit.get("id").asLong() + "?lang=ja").body())
        .contains("予約日 2026-11-01、出発日 2026-11-28");
  }

  @Test
  void aPaxlstNationalityZzzAndAnEmptyDocumentNumberAreWarnedWithTheirSegments() throws Exception {
    String api =
        "UNA:+.? 'UNB+UNOA:4+KE+JPCUSTOMS+281126:0500+API0001++APIS'UNH+API0001+PAXLST:D:05B:UN:IATA'BGM+745'NAD+MS+++KE OPS'TDT+20+KE705+++KE'LOC+125+ICN'DTM+189:2611280900:201'LOC+87+NRT'DTM+232:2611281130:201'NAD+FL+++YAMADA:TARO'ATT+2++M'DTM+329:720418'NAT+2+JPN'RFF+AVF:YAMA01'DOC+P:110:111+TR4471023'DTM+36:310630'LOC+91+JPN'NAD+FL+++NEWTON:ALICE'ATT+2++F'DTM+329:991399'NAT+2+ZZZ'DOC+P:110:111+'NAD+FL+++LEE:A?'B'ATT+2++X'CNT+42:3'UNT+24+API0001'UNZ+1+API0001'";
    HttpResponse<String> r = post("/api/api", api);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode warnings = JSON.readTree(r.body()).get("warnings");
    List<String> seen = new ArrayList<>();
    for (JsonNode w : warnings) {
      seen.add(w.get("code").asText() + " " + w.toString());
    }
    assertThat(seen)
        .anyMatch(
            w -> w.startsWith("unknown-nationality ") && w.contains("NAT") && w.contains("ZZZ"))
        .anyMatch(w -> w.startsWith("missing-document-number ") && w.contains("DOC"));
    // the known nationality of the traveller before is kept, not warned about
    assertThat(seen).noneMatch(w -> w.contains("'JPN'"));

    HttpResponse<String> notEdifact = post("/api/pnr", "hello world");
    assertThat(notEdifact.statusCode()).isEqualTo(400);
    assertThat(notEdifact.body()).contains("PNRGOV").doesNotContain("PAXLST");
  }

  /** A PAXLST for KE0709 from Busan with the travellers' NAD to CNT segments given. */
  private static String paxlst(String ref, String travellers, int count) {
    return paxlst(ref, "KE709", travellers, count);
  }

  /** A PAXLST for {@code flight} (KE709 is KE0709) from Busan, the travellers given. */
  private static String paxlst(String ref, String flight, String travellers, int count) {
    return "UNA:+.? 'UNB+UNOA:4+KE+JPCUSTOMS+281126:0500+"
        + ref
        + "++APIS'UNH+"
        + ref
        + "+PAXLST:D:05B:UN:IATA'BGM+745'NAD+MS+++KE OPS'TDT+20+"
        + flight
        + "+++KE'LOC+125+PUS'"
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

  @Test
  void aCorrectedPaxlstReplacesTheSamePassengerInsteadOfAddingASecondAndWithdrawsTheStaleHits()
      throws Exception {
    rule(
        "criterion \"From Busan\" when origin = \"PUS\"\n"
            + "  then severity low weight 5 because \"from Busan\"");
    String yamada =
        "NAD+FL+++YAMADA:TARO'ATT+2++M'DTM+329:720418'NAT+2+JPN'DOC+P:110:111+TR4471023'";
    // a namesake with another passport is another person and stays
    String namesake =
        "NAD+FL+++YAMADA:TARO'ATT+2++M'DTM+329:720418'NAT+2+JPN'DOC+P:110:111+TR9999999'";
    String broken = "NAD+FL+++NEWTON:ALICE'ATT+2++F'DTM+329:991399'NAT+2+ZZZ'DOC+P:110:111+'";
    String fixed =
        "NAD+FL+++NEWTON:ALICE'ATT+2++F'DTM+329:990309'NAT+2+GBR'DOC+P:110:111+GB1234567'";
    assertThat(post("/api/api", paxlst("APIR001", yamada + namesake + broken, 3)).statusCode())
        .isEqualTo(200);
    JsonNode before = flight("KE0709");
    assertThat(before.get("travellers")).hasSize(3);
    String staleKey = "";
    for (JsonNode t : before.get("travellers")) {
      if (t.get("name").asText().contains("NEWTON")) {
        staleKey = t.get("key").asText();
      }
    }
    long staleHit =
        hitBy(before, "rule:" + ruleIdOf(before, "From Busan"), staleKey).get("id").asLong();

    // the carrier re-sends the list with Alice's date of birth, nationality and passport
    assertThat(post("/api/api", paxlst("APIR002", yamada + fixed, 2)).statusCode()).isEqualTo(200);
    JsonNode after = flight("KE0709");
    List<String> names = new ArrayList<>();
    for (JsonNode t : after.get("travellers")) {
      names.add(t.get("name").asText() + " " + t.get("document").asText());
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "TARO YAMADA TR4471023", "TARO YAMADA TR9999999", "ALICE NEWTON GB1234567");
    JsonNode stale = JSON.readTree(get("/api/screening/hits/" + staleHit).body());
    assertThat(stale.get("status").asText()).isEqualTo("withdrawn");
    assertThat(stale.get("comment").asText()).contains("later API list");
    long open = 0;
    for (JsonNode h : after.get("hits")) {
      if (h.get("name").asText().equals("ALICE NEWTON")
          && h.get("status").asText().equals("open")) {
        open++;
        assertThat(h.get("traveller").asText()).isNotEqualTo(staleKey);
      }
    }
    assertThat(open).isEqualTo(1);
    // the key reveals nothing: not the plain digest of name and date of birth it once was
    for (JsonNode t : after.get("travellers")) {
      assertThat(t.get("key").asText())
          .isNotEqualTo("API/ca4ffb11ec76d376")
          .isNotEqualTo("API/" + sha256("NEWTON/ALICE/1999-03-09").substring(0, 16));
    }
    assertThat(Path.of("target", "pnr-unit-review-test", "secrets", "api-traveller-key"))
        .isRegularFile();
  }

  private static String sha256(String s) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static String ruleIdOf(JsonNode flight, String title) {
    for (JsonNode h : flight.get("hits")) {
      if (h.get("title").asText().equals(title)) {
        return h.get("source").asText().substring("rule:".length());
      }
    }
    throw new AssertionError("no hit of " + title + " in " + flight);
  }

  @Test
  void disablingARuleTakesAReasonShownWithWhoAndWhenAndASameTextRuleIsWarned() throws Exception {
    String text =
        "criterion \"Same text Z\" when booking_class = \"Z\"\n"
            + "  then severity low weight 5 because \"class Z\"";
    long first = rule(text);
    HttpResponse<String> copy =
        post("/api/screening/rules", JSON.writeValueAsString(java.util.Map.of("text", text)));
    assertThat(copy.statusCode()).isEqualTo(200);
    JsonNode warned = JSON.readTree(copy.body());
    assertThat(warned.get("warnings").get(0).get("code").asText()).isEqualTo("same-text");
    assertThat(warned.get("warnings").get(0).get("rules").get(0).asLong()).isEqualTo(first);
    long second = warned.get("id").asLong();

    HttpResponse<String> noReason = post("/api/screening/rules/" + second + "/disable", "{}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noReason.body()).get("error").asText()).isEqualTo("reason-required");
    assertThat(
            post(
                    "/api/screening/rules/" + second + "/disable",
                    "{\"reason\":\"copy of rule " + first + "\"}")
                .statusCode())
        .isEqualTo(200);
    JsonNode disabled = null;
    for (JsonNode r : JSON.readTree(get("/api/screening/rules").body()).get("rules")) {
      if (r.get("id").asLong() == second) {
        disabled = r;
      }
    }
    assertThat(disabled.get("enabled").asBoolean()).isFalse();
    assertThat(disabled.get("disabledBy").asText()).isEqualTo("pnr");
    assertThat(disabled.get("disabledAt").isNull()).isFalse();
    assertThat(disabled.get("disabledReason").asText()).isEqualTo("copy of rule " + first);
    assertThat(get("/screening/rules?lang=ja").body())
        .contains("copy of rule " + first)
        .contains("無効にする理由");
    List<String> audited =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select action || ' ' || cast(details as text) from"
                                + " platform.audit_log where subject = :s order by seq")
                        .bind("s", "rule:" + second)
                        .mapTo(String.class)
                        .list());
    assertThat(audited).anyMatch(a -> a.startsWith("screening.rule.disable"));
    // a rule whose twin is disabled is no longer warned about
    HttpResponse<String> again =
        post(
            "/api/screening/rules",
            JSON.writeValueAsString(java.util.Map.of("id", first, "text", text)));
    assertThat(JSON.readTree(again.body()).get("warnings")).isEmpty();
  }

  @Test
  void aDecisionStaysWithThePersonItWasAboutWhenAnotherTakesOverThePassengerReference()
      throws Exception {
    long cash =
        rule(
            "criterion \"Cash V\" when payment = \"CA\" and booking_class = \"V\"\n"
                + "  then severity medium weight 20 because \"paid cash\"");
    String vleg = "TVL+281126:1000:281126:1800+SIN+NRT+JL+0701:V'";
    String v1 =
        push(
            "RVS001",
            "0701",
            "RCI+JL:RVS001::011126:1015'TIF+KOVACS+MILANMR:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/HRV/HR7730112/HRV/09MAR83/M/30JUN31/KOVACS/MILAN+::1'"
                + "FOP+CA::1450.00'"
                + vleg);
    assertThat(post("/api/pnr", v1).statusCode()).isEqualTo(200);
    long hit = hitBy(flight("JL0701"), "rule:" + cash, "JL/RVS001/1").get("id").asLong();
    assertThat(
            post(
                    "/api/screening/hits/" + hit + "/disposition",
                    "{\"disposition\":\"false-positive\",\"comment\":\"Kovacs is a known"
                        + " diving instructor\"}")
                .statusCode())
        .isEqualTo(200);

    // the same reference, another person: her hit is open again, saying whose decision it was
    String v2 =
        v1.replace("RVS001'UNH", "RVS002'UNH")
            .replace("KOVACS+MILANMR", "NOVAK+PETRAMS")
            .replace(
                "HRV/HR7730112/HRV/09MAR83/M/30JUN31/KOVACS/MILAN",
                "CZE/CZ1234567/CZE/01JAN90/F/30JUN31/NOVAK/PETRA");
    assertThat(post("/api/pnr", v2).statusCode()).isEqualTo(200);
    JsonNode now = hitBy(flight("JL0701"), "rule:" + cash, "JL/RVS001/1");
    assertThat(now.get("id").asLong()).isEqualTo(hit);
    assertThat(now.get("name").asText()).isEqualTo("PETRA NOVAK");
    assertThat(now.get("status").asText()).isEqualTo("open");
    assertThat(now.get("comment").asText())
        .contains("False positive")
        .contains("KOVACS/MILAN (1983-03-09, HR7730112)")
        .contains("the passenger is now NOVAK/PETRA (1990-01-01, CZ1234567)");
    JsonNode history = JSON.readTree(get("/api/screening/hits/" + hit).body()).get("history");
    assertThat(history.findValuesAsText("kind")).containsExactly("disposition", "reopening");
    assertThat(history.get(0).get("comment").asText()).contains("diving instructor");
    assertThat(history.get(1).get("by").asText()).isEqualTo("system");
    // she can be decided on afresh
    assertThat(
            post(
                    "/api/screening/hits/" + hit + "/disposition",
                    "{\"disposition\":\"refer-to-officer\",\"comment\":\"cash, check"
                        + " her bags\"}")
                .statusCode())
        .isEqualTo(200);
    List<String> audited =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select action || ' ' || cast(details as text) from"
                                + " platform.audit_log where subject = :s order by seq")
                        .bind("s", "hit:" + hit)
                        .mapTo(String.class)
                        .list());
    assertThat(audited).anyMatch(a -> a.startsWith("screening.hit.reopen"));
    assertThat(String.join("\n", audited))
        .contains("screening.why.reidentified")
        .doesNotContain("NOVAK")
        .doesNotContain("KOVACS")
        .doesNotContain("CZ1234567");
  }

  @Test
  void aWithdrawalAndAReopeningAreInTheHitsHistoryAndAuditAndAWithdrawnHitTakesNoDecision()
      throws Exception {
    long cash =
        rule(
            "criterion \"Cash U\" when payment = \"CA\" and booking_class = \"U\"\n"
                + "  then severity medium weight 20 because \"paid cash\"");
    String uleg = "TVL+281126:1000:281126:1800+SIN+NRT+JL+0702:U'";
    String v1 =
        push(
            "WDR001",
            "0702",
            "RCI+JL:WDR001::011126:1015'TIF+TANAKA+ICHIROMR:A:1'"
                + "SSR+DOCS:HK:1:JL:::::/P/JPN/TK7000001/JPN/01APR75/M/30JUN31/TANAKA/ICHIRO+::1'"
                + "FOP+CA::900.00'"
                + uleg);
    assertThat(post("/api/pnr", v1).statusCode()).isEqualTo(200);
    long hit = hitBy(flight("JL0702"), "rule:" + cash, "JL/WDR001/1").get("id").asLong();
    // paid by card after all: nothing supports the hit
    assertThat(
            post("/api/pnr", v1.replace("WDR001'UNH", "WDR002'UNH").replace("FOP+CA", "FOP+CC"))
                .statusCode())
        .isEqualTo(200);
    JsonNode withdrawn = JSON.readTree(get("/api/screening/hits/" + hit).body());
    assertThat(withdrawn.get("status").asText()).isEqualTo("withdrawn");
    assertThat(withdrawn.get("history").findValuesAsText("kind")).containsExactly("withdrawal");

    // one answer on both routes: there is nothing to decide
    HttpResponse<String> dispose =
        post(
            "/api/screening/hits/" + hit + "/disposition",
            "{\"disposition\":\"no-match\",\"comment\":\"paid by card\"}");
    HttpResponse<String> correct =
        post(
            "/api/screening/hits/" + hit + "/correction",
            "{\"disposition\":\"no-match\",\"comment\":\"paid by card\",\"version\":"
                + withdrawn.get("version").asInt()
                + "}");
    for (HttpResponse<String> r : List.of(dispose, correct)) {
      assertThat(JSON.readTree(r.body()).get("error").asText()).as(r.body()).isEqualTo("withdrawn");
      assertThat(r.body()).contains("nothing to decide").doesNotContain("send a correction");
    }

    // cash again: open again, saying why, with both steps in its history
    assertThat(post("/api/pnr", v1.replace("WDR001'UNH", "WDR003'UNH")).statusCode())
        .isEqualTo(200);
    JsonNode reopened = JSON.readTree(get("/api/screening/hits/" + hit).body());
    assertThat(reopened.get("status").asText()).isEqualTo("open");
    assertThat(reopened.get("comment").asText()).contains("raised again after it was withdrawn");
    assertThat(reopened.get("history").findValuesAsText("kind"))
        .containsExactly("withdrawal", "reopening");
    List<String> actions =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select action from platform.audit_log where subject = :s order by"
                                + " seq")
                        .bind("s", "hit:" + hit)
                        .mapTo(String.class)
                        .list());
    assertThat(actions).contains("screening.hit.withdraw", "screening.hit.reopen");
  }

  private static String token() throws Exception {
    return token("pnr");
  }

  private static String token(String user) throws Exception {
    return fixture.token(user);
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

  /**
   * The follow-up review's findings (a booking moving flights, another name on a listed document,
   * audits of flight reads, rule changes, four eyes, referral corrections), on the same server.
   */
  @Nested
  class FollowUp {
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
              hitBy(moved, "watchlist:national-alerts/NA-001", "JL/MOVE01/1")
                  .get("status")
                  .asText())
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
      HttpResponse<String> first =
          as(analyst, "POST", "/api/api", paxlst("APIN001", "KE711", listed, 1));
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      JsonNode hit = hitBy(flight("KE0711"), "watchlist:national-alerts/NA-001", "");
      long id = hit.get("id").asLong();
      String key = hit.get("traveller").asText();

      // the same passport under another name: the hit is not withdrawn, it stays with the document
      String other =
          "NAD+FL+++SMITH:JOHN'ATT+2++M'DTM+329:720418'NAT+2+JPN'DOC+P:110:111+TR4471023'";
      assertThat(as(analyst, "POST", "/api/api", paxlst("APIN002", "KE711", other, 1)).statusCode())
          .isEqualTo(200);
      JsonNode after = JSON.readTree(get("/api/screening/hits/" + id).body());
      assertThat(after.get("status").asText()).isEqualTo("open");
      assertThat(after.get("traveller").asText()).isEqualTo(key);
      assertThat(after.get("history").toString()).contains("\"kind\":\"note\"");
      assertThat(after.get("history").toString()).contains("another name");
      JsonNode f = flight("KE0711");
      assertThat(f.get("travellers"))
          .extracting(t -> t.get("name").asText())
          .containsExactly("JOHN SMITH");
      for (JsonNode h : f.get("hits")) {
        assertThat(h.get("status").asText()).as(h.toString()).isNotEqualTo("withdrawn");
      }
      // sent again under the new name, it still stays open
      assertThat(
              as(analyst, "POST", "/api/api", paxlst("APIN003", "KE711", other + "", 1))
                  .statusCode())
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
      HttpResponse<String> page =
          get("/screening/flights/" + id + "/traveller?key=JL%2FAUD001%2F1");
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
    void aPushWithoutAFlightIsStoredWithAWarningAndOneWithoutAnyLocatorIsRefused()
        throws Exception {
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
      // audited with the officer's reason, the caller's address and the hits withdrawn
      assertThat(detail("screening.rule.disable", "rule:" + rule, "reason"))
          .isEqualTo("too many hits");
      assertThat(detail("screening.rule.disable", "rule:" + rule, "ip")).isEqualTo("127.0.0.1");
      assertThat(detail("screening.rule.disable", "rule:" + rule, "withdrawnHits")).isEqualTo("1");
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
      assertThat(listed.get("referrals").findValuesAsText("id"))
          .doesNotContain(String.valueOf(hit));
      assertThat(listed.get("recentlyClosed").findValuesAsText("id")).contains(String.valueOf(hit));
      JsonNode elsewhere = JSON.readTree(as(kix, "GET", "/api/screening/referrals", "").body());
      assertThat(elsewhere.get("recentlyClosed").findValuesAsText("id"))
          .doesNotContain(String.valueOf(hit));
      String officerPage = as(nrt, "GET", "/screening/referrals", "").body();
      assertThat(officerPage)
          .contains("id=\"closed-referrals\"")
          .contains("outcome-correction-form");
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
      assertThat(detail("screening.referral.outcome", "hit:" + hit, "ip")).isEqualTo("127.0.0.1");
      assertThat(detail("screening.referral.outcome.correct", "hit:" + hit, "ip"))
          .isEqualTo("127.0.0.1");
    }
  }
}
