package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * The liaison officer's desk ({@code /sharing}) over a real server and PostgreSQL: the agreements
 * with their states, what a partner can read now, revoking from the desk, an administrator's
 * agreement forms, another agency's liaison officer seeing nothing of ours, and a refused share
 * form on the record page coming back with the reason and what was typed.
 *
 * <p>Each test uses its own records and, where it changes agreements, its own partner agency, so
 * the tests share one database in any order.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiaisonDeskWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;
  // 12:00 in Tokyo: the administration's day is 2026-11-27
  private static final Clock CLOCK = IntelServer.CLOCK;

  private Database db;
  private IntelServer server;
  private String liaison;
  private String officer;
  private String admin;
  private String police;
  private String policeLiaison;
  private String policeAdmin;
  private String korea;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = IntelServer.start(db, dir);
    TestIngest.register(
        db,
        CLOCK,
        "police-jp",
        "coastguard-jp",
        "fiu-jp",
        "interpol",
        "europol",
        "customs-kr",
        "customs-tw");
    liaison = server.token("mei", "Mei", Set.of(Role.LIAISON), "customs-jp", "HQ");
    officer = server.token("kenji", "Kenji", Set.of(Role.OFFICER), "customs-jp", "HQ");
    admin = server.token("root", "Admin", Set.of(Role.ADMIN), "customs-jp", "HQ");
    police = server.token("taro", "Taro", Set.of(Role.PARTNER), "police-jp", "NPA");
    policeLiaison = server.token("aoi", "Aoi", Set.of(Role.LIAISON), "police-jp", "NPA");
    policeAdmin = server.token("npa-root", "NPA admin", Set.of(Role.ADMIN), "police-jp", "NPA");
    korea = server.token("minji", "Minji", Set.of(Role.PARTNER), "customs-kr", "KCS");
    StringBuilder seizures = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      seizures.append(
          "{\"seizureId\":\"SZ-DESK-"
              + i
              + "\",\"date\":\"2026-11-26\",\"commodity\":\"methamphetamine\"}\n");
    }
    assertThat(send(officer, "POST", "/api/ingest/seizures", seizures.toString()).statusCode())
        .isEqualTo(200);
    String declaration =
        "{\"declarationId\":\"D-DESK-1\",\"date\":\"2026-11-26\",\"office\":\"JPTYO\","
            + "\"items\":[{\"hsCode\":\"090121\"}]}\n";
    assertThat(send(officer, "POST", "/api/ingest/declarations", declaration).statusCode())
        .isEqualTo(200);
    // the police's own seizure, which the police's liaison officer would share with customs
    assertThat(
            send(
                    police,
                    "POST",
                    "/api/ingest/seizures",
                    "{\"seizureId\":\"SZ-NPA-1\",\"date\":\"2026-11-26\",\"commodity\":\"cash\"}\n")
                .statusCode())
        .isEqualTo(200);
    // the agreements the tests read: in force with the police, not yet with the coast guard
    agree(
        "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU NPA-Customs"
            + " 2024-07\",\"validFrom\":\"2024-07-01\"}");
    agree(
        "{\"agency\":\"coastguard-jp\",\"kinds\":[\"seizures\",\"conveyance-movements\"],"
            + "\"reference\":\"JCG exchange 2027\",\"validFrom\":\"2027-01-01\"}");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private long agree(String json) throws Exception {
    HttpResponse<String> r = send(admin, "POST", "/api/sharing/agreements", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asLong();
  }

  private HttpResponse<String> send(String token, String method, String path, String body)
      throws Exception {
    return server.json(token, method, path, body);
  }

  private HttpResponse<String> page(String token, String path, String lang) throws Exception {
    return server.page(token, path, lang);
  }

  /** Posts a form as a browser would (the bearer token stands in for the signed-in session). */
  private HttpResponse<String> form(String token, String path, String lang, List<String[]> fields)
      throws Exception {
    String body =
        fields.stream()
            .map(
                f ->
                    URLEncoder.encode(f[0], StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return server.form(token, path, lang, body);
  }

  private static String[] f(String name, String value) {
    return new String[] {name, value};
  }

  private long id(String sourceId) {
    return longOf("select id from intel.record where source_id = ?", sourceId);
  }

  private long agreementId(String reference) {
    return longOf("select id from intel.sharing_agreement where reference = ?", reference);
  }

  private long agreementCount(String agency) {
    return longOf("select count(*) from intel.sharing_agreement where agency = ?", agency);
  }

  /** The one number {@code sql} answers for its one parameter. */
  private long longOf(String sql, String parameter) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).bind(0, parameter).mapTo(Long.class).one());
  }

  private List<String> auditDetails(String action, String subject) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select details::text from platform.audit_log where action = ? and"
                            + " subject = ? order by seq")
                    .bind(0, action)
                    .bind(1, subject)
                    .mapTo(String.class)
                    .list());
  }

  private void share(String sourceId, String partner, String purpose) throws Exception {
    HttpResponse<String> r =
        send(
            liaison,
            "POST",
            "/api/sharing/records/" + id(sourceId),
            "{\"agency\":\"" + partner + "\",\"purpose\":\"" + purpose + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  /** The HTML of one table row, found by an attribute the desk gives it. */
  private static String row(String html, String marker) {
    int at = html.indexOf(marker);
    assertThat(at).as("row " + marker).isGreaterThanOrEqualTo(0);
    int start = html.lastIndexOf("<tr", at);
    return html.substring(start, html.indexOf("</tr>", at));
  }

  @Test
  void theDeskListsTheAgreementsWithTheirStatesAndWhatAPartnerCanReadNow() throws Exception {
    long ended =
        agree(
            "{\"agency\":\"interpol\",\"kinds\":[\"seizures\"],\"reference\":\"Interpol notice"
                + " exchange\",\"validFrom\":\"2020-01-01\"}");
    assertThat(
            send(
                    admin,
                    "POST",
                    "/api/sharing/agreements/" + ended + "/end",
                    "{\"lastDay\":\"2026-11-20\",\"reason\":\"replaced by the I-24/7 channel\"}")
                .statusCode())
        .isEqualTo(200);
    share("SZ-DESK-1", "police-jp", "joint investigation of the Osaka route");

    HttpResponse<String> desk = page(liaison, "/sharing?agency=police-jp", "en");
    assertThat(desk.statusCode()).isEqualTo(200);
    String html = desk.body();
    // every agreement of the administration, each with its state on the administration's day
    long mou = agreementId("MoU NPA-Customs 2024-07");
    assertThat(row(html, "id=\"agreement-" + mou + "\""))
        .contains("data-state=\"in-force\"")
        .contains("2024-07-01")
        .contains("Seizures")
        .contains("recorded by root");
    assertThat(row(html, "id=\"agreement-" + agreementId("JCG exchange 2027") + "\""))
        .contains("data-state=\"not-yet\"")
        .contains("Conveyance movements");
    // an ended agreement says who ended it, when and why
    assertThat(row(html, "id=\"agreement-" + ended + "\""))
        .contains("data-state=\"ended\"")
        .contains("ended on 2026-11-20 by root")
        .contains("replaced by the I-24/7 channel");
    // what the police can read now: the record, linked, since when, by whom, why, under what
    long sz1 = id("SZ-DESK-1");
    assertThat(row(html, "data-record=\"" + sz1 + "\""))
        .contains("href=\"/records/" + sz1 + "\"")
        .contains("SZ-DESK-1")
        .contains("mei")
        .contains("joint investigation of the Osaka route")
        .contains("MoU NPA-Customs 2024-07")
        .contains("class=\"inline desk-revoke\"");
    assertThat(html).contains("What police-jp can read now (");
    // and how it came to be readable
    assertThat(html).contains("data-event=\"shared\" data-record=\"" + sz1 + "\"");
    // a record not shared is not listed
    assertThat(html).doesNotContain("data-record=\"" + id("SZ-DESK-6") + "\"");
    // the read is audited by the partner and counts, not by what the records say
    List<String> audited = auditDetails("sharing.desk.read", "agency:police-jp");
    assertThat(audited).isNotEmpty();
    assertThat(audited.get(audited.size() - 1))
        .contains("\"records\"")
        .contains("\"agreements\"")
        .doesNotContain("Osaka")
        .doesNotContain("SZ-DESK");
    // the administrator overseeing the exchange sees it too, may stop a sharing at once (an
    // emergency stop) and opens no record (administrators do not read the intelligence database)
    String admins = page(admin, "/sharing?agency=police-jp", "en").body();
    assertThat(row(admins, "data-record=\"" + sz1 + "\""))
        .contains("desk-revoke")
        .doesNotContain("href=\"/records/");
    assertThat(admins).contains("id=\"agreement-form\"");
    assertThat(html).doesNotContain("id=\"agreement-form\"");
    // in Japanese
    String ja = page(liaison, "/sharing?agency=police-jp", "ja").body();
    assertThat(ja).contains("連絡調整デスク").contains("police-jpが現在閲覧できる記録").contains("有効");
    // the navigation offers the desk to the liaison officer, not to an officer
    assertThat(html).contains("href=\"/sharing\"");
    assertThat(page(officer, "/search", "en").body()).doesNotContain("href=\"/sharing\"");
    // the JSON API keeps its fields and gains the state and the ending
    JsonNode api = JSON.readTree(send(liaison, "GET", "/api/sharing/agreements", null).body());
    JsonNode interpol = null;
    for (JsonNode a : api.get("agreements")) {
      if (a.get("id").asLong() == ended) {
        interpol = a;
      }
    }
    assertThat(interpol).isNotNull();
    assertThat(interpol.get("validUntil").asText()).isEqualTo("2026-11-20");
    assertThat(interpol.get("state").asText()).isEqualTo("ended");
    assertThat(interpol.get("endedBy").asText()).isEqualTo("root");
    JsonNode readable =
        JSON.readTree(send(liaison, "GET", "/api/sharing/readable?agency=police-jp", null).body());
    assertThat(readable.toString())
        .contains("\"sourceId\":\"SZ-DESK-1\"")
        .contains("\"purpose\":\"joint investigation of the Osaka route\"");
  }

  @Test
  void revokingFromTheDeskEndsThePartnersAccessAndKeepsTheReasonWhenRefused() throws Exception {
    share("SZ-DESK-2", "police-jp", "controlled delivery follow-up");
    long sz2 = id("SZ-DESK-2");
    assertThat(send(police, "GET", "/api/records/" + sz2, null).statusCode()).isEqualTo(200);
    String revoke = "/sharing/records/" + sz2 + "/police-jp/revoke";
    // a reason too short: the desk comes back with why beside the row, the reason kept
    HttpResponse<String> refused =
        form(liaison, revoke, "en", List.<String[]>of(f("reason", "done")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(row(refused.body(), "data-record=\"" + sz2 + "\""))
        .contains("id=\"revoke-error\"")
        .contains("at least 5 characters")
        .contains("value=\"done\"");
    assertThat(send(police, "GET", "/api/records/" + sz2, null).statusCode()).isEqualTo(200);
    // with a reason it ends, and the partner's read of the record is refused from then on
    HttpResponse<String> done =
        form(
            liaison,
            revoke,
            "en",
            List.<String[]>of(f("reason", "delivery completed, case closed")));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location"))
        .contains("/sharing?agency=police-jp#readable");
    assertThat(send(police, "GET", "/api/records/" + sz2, null).statusCode()).isEqualTo(403);
    String html = page(liaison, "/sharing?agency=police-jp", "en").body();
    assertThat(html).doesNotContain("class=\"readable\" data-record=\"" + sz2 + "\"");
    assertThat(row(html, "data-event=\"revoked\" data-record=\"" + sz2 + "\""))
        .contains("delivery completed, case closed")
        .contains("mei");
    assertThat(html).contains("data-event=\"revoke-refused\" data-record=\"" + sz2 + "\"");
    // revoking again: ended already, by whom, said on the desk in the reader's language
    HttpResponse<String> again =
        form(
            liaison,
            revoke,
            "ja",
            List.<String[]>of(f("reason", "delivery completed, case closed")));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body())
        .contains("id=\"revoke-error\"")
        .contains("police-jpとの共有はすでにmeiが終了しています");
  }

  @Test
  void anAdministratorAddsAndEndsAnAgreementFromTheDeskEndingTheSharingsItAllowed()
      throws Exception {
    // refused: no reference; the form comes back with what was typed
    HttpResponse<String> refused =
        form(
            admin,
            "/sharing/agreements",
            "en",
            List.<String[]>of(
                f("agency", "fiu-jp"),
                f("kinds", "seizures"),
                f("kinds", "postal-items"),
                f("reference", ""),
                f("validFrom", "2025-04-01"),
                f("validUntil", "")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"agreement-error\"")
        .contains("Cite the agreement")
        .contains("value=\"2025-04-01\"")
        .containsPattern("value=\"postal-items\" checked")
        .containsPattern("value=\"seizures\" checked")
        .doesNotContainPattern("value=\"declarations\" checked")
        .containsPattern("<option value=\"fiu-jp\" selected");
    // a day that is no date is refused beside the field, not with a bare error page
    HttpResponse<String> badDay =
        form(
            admin,
            "/sharing/agreements",
            "en",
            List.<String[]>of(
                f("agency", "fiu-jp"),
                f("kinds", "seizures"),
                f("reference", "FIU MoU 2025"),
                f("validFrom", "1 April")));
    assertThat(badDay.statusCode()).isEqualTo(400);
    assertThat(badDay.body()).contains("id=\"agreement-error\"").contains("The first day must");
    // every problem of the form at once, each beside its field: no kinds ticked, no reference and
    // a last day before the first
    HttpResponse<String> several =
        form(
            admin,
            "/sharing/agreements",
            "en",
            List.<String[]>of(
                f("agency", "fiu-jp"),
                f("reference", ""),
                f("validFrom", "2025-04-01"),
                f("validUntil", "2025-03-01")));
    assertThat(several.statusCode()).isEqualTo(400);
    assertThat(several.body())
        .contains("id=\"agreement-error\"")
        .contains("3 fields need correcting")
        .containsPattern(
            "id=\"agreement-kinds\" aria-invalid=\"true\"[^>]*>[\\s\\S]*id=\"agreement-error-kinds\">"
                + "Tick the kinds")
        .containsPattern("id=\"agreement-error-reference\">Cite the agreement")
        .containsPattern(
            "id=\"agreement-until\" value=\"2025-03-01\" aria-invalid=\"true\"[^>]*>"
                + "<span class=\"error field-error\" id=\"agreement-error-validUntil\">The last"
                + " day must")
        .doesNotContain("id=\"agreement-error-validFrom\"")
        .doesNotContain("id=\"agreement-error-agency\"");
    List<String> audited = auditDetails("sharing.agreement.refused", "");
    assertThat(audited.get(audited.size() - 1)).contains("kinds,reference,validUntil");
    // a day that is no date is reported with the form's other problems, in Japanese too
    HttpResponse<String> notADay =
        form(
            admin,
            "/sharing/agreements",
            "ja",
            List.<String[]>of(
                f("agency", "fiu-jp"), f("reference", "FIU MoU 2025"), f("validFrom", "1 April")));
    assertThat(notADay.statusCode()).isEqualTo(400);
    assertThat(notADay.body())
        .contains("2か所の入力を直してください")
        .contains("id=\"agreement-error-kinds\">取決めの対象となる記録の種類を選んでください")
        .contains("id=\"agreement-error-validFrom\">開始日は")
        .doesNotContain("id=\"agreement-error-reference\"");
    assertThat(agreementCount("fiu-jp")).isZero();
    // a liaison officer does not record agreements
    assertThat(
            form(
                    liaison,
                    "/sharing/agreements",
                    "en",
                    List.<String[]>of(f("agency", "fiu-jp"), f("kinds", "seizures")))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> added =
        form(
            admin,
            "/sharing/agreements",
            "en",
            List.<String[]>of(
                f("agency", "fiu-jp"),
                f("kinds", "seizures"),
                f("reference", "FIU MoU 2025"),
                f("validFrom", "2025-04-01"),
                f("validUntil", "")));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    long agreement = agreementId("FIU MoU 2025");
    assertThat(added.headers().firstValue("Location"))
        .contains("/sharing?agency=fiu-jp#agreement-" + agreement);
    assertThat(auditDetails("sharing.agreement.added", "agreement:" + agreement)).hasSize(1);
    // the liaison officer shares under it from the record page
    long sz3 = id("SZ-DESK-3");
    HttpResponse<String> shared =
        form(
            liaison,
            "/records/" + sz3 + "/shares",
            "en",
            List.<String[]>of(f("agency", "fiu-jp"), f("purpose", "suspicious cash couriers")));
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(303);
    assertThat(page(liaison, "/sharing?agency=fiu-jp", "en").body())
        .contains("class=\"readable\" data-record=\"" + sz3 + "\"");
    // ending it needs a reason; refused, the day and reason typed are kept beside its row
    String end = "/sharing/agreements/" + agreement + "/end";
    HttpResponse<String> noReason =
        form(admin, end, "en", List.<String[]>of(f("lastDay", "2026-11-26"), f("reason", "")));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(row(noReason.body(), "id=\"agreement-" + agreement + "\""))
        .contains("id=\"end-error\"")
        .contains("value=\"2026-11-26\"");
    HttpResponse<String> ended =
        form(
            admin,
            end,
            "en",
            List.<String[]>of(
                f("lastDay", "2026-11-26"), f("reason", "superseded by the 2026 MoU")));
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(303);
    // the sharing it allowed ended with it, by the system, and the desk says so
    List<String> sharedWith =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select unnest(shared_with) from intel.record where id = ?")
                        .bind(0, sz3)
                        .mapTo(String.class)
                        .list());
    assertThat(sharedWith).doesNotContain("fiu-jp");
    String html = page(liaison, "/sharing?agency=fiu-jp", "en").body();
    assertThat(row(html, "id=\"agreement-" + agreement + "\""))
        .contains("data-state=\"ended\"")
        .contains("ended on 2026-11-26 by root")
        .contains("superseded by the 2026 MoU");
    assertThat(html)
        .contains("id=\"no-readable\"")
        .contains("data-event=\"lapsed\" data-record=\"" + sz3 + "\"");
    assertThat(auditDetails("sharing.agreement.ended", "agreement:" + agreement)).hasSize(1);
    // an agreement not yet in force is withdrawn by ending it the day before its first day, which
    // the form offers; it is then ended, never having been in force
    long future =
        agree(
            "{\"agency\":\"fiu-jp\",\"kinds\":[\"seizures\"],\"reference\":\"FIU MoU 2027\","
                + "\"validFrom\":\"2027-04-01\"}");
    String offered = page(admin, "/sharing?agency=fiu-jp", "en").body();
    assertThat(row(offered, "id=\"agreement-" + future + "\""))
        .contains("data-state=\"not-yet\"")
        .contains("value=\"2027-03-31\"");
    HttpResponse<String> withdrawn =
        form(
            admin,
            "/sharing/agreements/" + future + "/end",
            "en",
            List.<String[]>of(
                f("lastDay", "2027-03-31"), f("reason", "withdrawn before signature")));
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(303);
    assertThat(
            row(
                page(admin, "/sharing?agency=fiu-jp", "en").body(),
                "id=\"agreement-" + future + "\""))
        .contains("data-state=\"ended\"")
        .contains("withdrawn before signature");
  }

  @Test
  void anAgreementEndedOnceIsNotEndedAgainAndItsReasonIsAudited() throws Exception {
    long id =
        agree(
            "{\"agency\":\"europol\",\"kinds\":[\"seizures\"],\"reference\":\"Europol"
                + " working arrangement\",\"validFrom\":\"2025-01-01\"}");
    String end = "/api/sharing/agreements/" + id + "/end";
    // ended on a day to come: still in force until then, but its ending is recorded
    HttpResponse<String> first =
        send(
            admin,
            "POST",
            end,
            "{\"lastDay\":\"2026-12-31\",\"reason\":\"arrangement expires with the pilot\"}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    // the audit entry of the ending carries its reason (official text) beside the last day
    List<String> ended = auditDetails("sharing.agreement.ended", "agreement:" + id);
    assertThat(ended).hasSize(1);
    assertThat(ended.get(0))
        .contains("\"lastDay\":\"2026-12-31\"")
        .contains("\"reason\":\"arrangement expires with the pilot\"");
    // a second ending is refused, naming who ended it, when and the last day; nothing changes
    HttpResponse<String> again =
        send(admin, "POST", end, "{\"lastDay\":\"2026-11-30\",\"reason\":\"typed again\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(again.body())
        .contains("conflict")
        .contains("ended already by root")
        .contains("2026-11-27T03:00:00Z")
        .contains("last day 2026-12-31")
        .contains("record a new agreement");
    // ... in Japanese the same facts: who, when (in the reader's zone and form) and the last day
    HttpResponse<String> againJa =
        send(
            admin,
            "POST",
            end + "?lang=ja",
            "{\"lastDay\":\"2026-11-30\",\"reason\":\"typed again\"}");
    assertThat(againJa.statusCode()).as(againJa.body()).isEqualTo(409);
    assertThat(JSON.readTree(againJa.body()).get("message").asText())
        .contains("この取決めはすでにrootが終了しています")
        .contains("2026-11-27 12:00 JST")
        .contains("終了日2026-12-31")
        .doesNotContain("2026-11-27T03:00:00Z");
    // an identical agreement (its days as they are now) names the one recorded, in either language
    String same =
        "{\"agency\":\"europol\",\"kinds\":[\"seizures\"],\"reference\":\"Europol"
            + " working arrangement\",\"validFrom\":\"2025-01-01\",\"validUntil\":\"2026-12-31\"}";
    HttpResponse<String> twice = send(admin, "POST", "/api/sharing/agreements", same);
    assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
    assertThat(JSON.readTree(twice.body()).get("message").asText())
        .isEqualTo(
            "agreement "
                + id
                + " is recorded already with the same partner, kinds, reference and days");
    HttpResponse<String> twiceJa = send(admin, "POST", "/api/sharing/agreements?lang=ja", same);
    assertThat(twiceJa.statusCode()).as(twiceJa.body()).isEqualTo(409);
    assertThat(JSON.readTree(twiceJa.body()).get("message").asText())
        .contains("取決め" + id)
        .contains("すでに登録されています");
    String kept =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select valid_until || ' ' || ended_by || ' ' || end_reason"
                                + " from intel.sharing_agreement where id = ?")
                        .bind(0, id)
                        .mapTo(String.class)
                        .one());
    assertThat(kept).isEqualTo("2026-12-31 root arrangement expires with the pilot");
    assertThat(auditDetails("sharing.agreement.ended", "agreement:" + id)).hasSize(1);
    assertThat(auditDetails("sharing.agreement.refused", "agreement:" + id))
        .anySatisfy(d -> assertThat(d).contains("\"refused\":\"conflict\""));
    // the desk offers no second ending, and a posted one comes back refused beside the row
    String desk = page(admin, "/sharing?agency=europol", "en").body();
    assertThat(row(desk, "id=\"agreement-" + id + "\""))
        .contains("data-state=\"in-force\"")
        .contains("class=\"muted ended-already\"")
        .doesNotContain("class=\"end-form\"");
    HttpResponse<String> form =
        form(
            admin,
            "/sharing/agreements/" + id + "/end",
            "ja",
            List.<String[]>of(f("lastDay", "2026-11-30"), f("reason", "typed again")));
    assertThat(form.statusCode()).isEqualTo(409);
    assertThat(row(form.body(), "id=\"agreement-" + id + "\""))
        .contains("id=\"end-error\"")
        .contains("この取決めはすでにrootが終了しています")
        .contains("終了日2026-12-31")
        .contains("新しい取決めを登録");
  }

  @Test
  void theRecordPageSaysWhenEveryAllowedPartnerHasTheRecordAndShowsAPartnerItsOwnBasis()
      throws Exception {
    // a declaration of its own, and two partners no other test uses, each with an agreement
    assertThat(
            send(
                    officer,
                    "POST",
                    "/api/ingest/declarations",
                    "{\"declarationId\":\"D-DESK-2\",\"date\":\"2026-11-26\","
                        + "\"office\":\"JPTYO\",\"items\":[{\"hsCode\":\"710812\"}]}\n")
                .statusCode())
        .isEqualTo(200);
    long d2 = id("D-DESK-2");
    // no agreement covers declarations yet (only this test records such): the page says that
    assertThat(page(liaison, "/records/" + d2, "en").body())
        .contains("id=\"no-partners\"")
        .doesNotContain("id=\"all-shared\"");
    agree(
        "{\"agency\":\"customs-kr\",\"kinds\":[\"declarations\"],\"reference\":\"KCS-JC"
            + " mutual assistance 2025\",\"validFrom\":\"2025-01-01\"}");
    long tw =
        agree(
            "{\"agency\":\"customs-tw\",\"kinds\":[\"declarations\"],\"reference\":\"TW"
                + " customs pilot\",\"validFrom\":\"2025-01-01\"}");
    String before = page(liaison, "/records/" + d2, "en").body();
    assertThat(before)
        .contains("id=\"share-form\"")
        .contains("<option value=\"customs-kr\"")
        .doesNotContain("id=\"all-shared\"");
    share("D-DESK-2", "customs-kr", "gold undervaluation case KR-77");
    share("D-DESK-2", "customs-tw", "transhipment check for TW");
    // every partner an agreement allows has it: said so, not "no agreement in force"
    String after = page(liaison, "/records/" + d2, "en").body();
    assertThat(after)
        .doesNotContain("id=\"share-form\"")
        .doesNotContain("id=\"no-partners\"")
        .contains("id=\"all-shared\"")
        .contains("already shared with every partner an agreement in force allows");
    assertThat(page(liaison, "/records/" + d2, "ja").body())
        .contains("有効な取決めで共有できるすべての相手機関とすでに共有されています");
    // the partner sees the purpose, agreement and since-when of its own sharing, not the other's
    String theirs = page(korea, "/records/" + d2, "en").body();
    assertThat(theirs)
        .contains("id=\"shared-with-us\"")
        .contains("Shared by customs-jp with customs-kr")
        .contains("gold undervaluation case KR-77")
        .contains("KCS-JC mutual assistance 2025")
        .contains("id=\"own-share-since\"")
        .doesNotContain("transhipment check")
        .doesNotContain("TW customs pilot")
        .doesNotContain("customs-tw")
        .doesNotContain("id=\"record-shares\"");
    assertThat(page(korea, "/records/" + d2, "ja").body())
        .contains("customs-jpからcustoms-krへの共有")
        .contains("gold undervaluation case KR-77");
    // the owner's readers see the sharings table, not the partner's panel
    assertThat(after).doesNotContain("id=\"shared-with-us\"");
    // a lapse (the system's reason) is shown in the reader's language; the stored text is kept
    assertThat(
            send(
                    admin,
                    "POST",
                    "/api/sharing/agreements/" + tw + "/end",
                    "{\"lastDay\":\"2026-11-26\",\"reason\":\"pilot concluded\"}")
                .statusCode())
        .isEqualTo(200);
    String stored =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select revoke_reason from intel.record_share where record_id = ?"
                                + " and agency = 'customs-tw'")
                        .bind(0, d2)
                        .mapTo(String.class)
                        .one());
    assertThat(stored).isEqualTo("no agreement in force any more");
    assertThat(row(page(liaison, "/records/" + d2, "ja").body(), "data-agency=\"customs-tw\""))
        .contains("共有を認める有効な取決めがなくなりました")
        .doesNotContain("no agreement in force");
    assertThat(row(page(liaison, "/records/" + d2, "en").body(), "data-agency=\"customs-tw\""))
        .contains("no agreement in force allows it any more");
    String desk = page(liaison, "/sharing?agency=customs-tw", "ja").body();
    assertThat(row(desk, "data-event=\"lapsed\" data-record=\"" + d2 + "\""))
        .contains("共有を認める有効な取決めがなくなりました")
        .doesNotContain("no agreement in force");
    // a person's reason is shown as typed
    assertThat(row(desk, "data-event=\"shared\" data-record=\"" + d2 + "\""))
        .contains("transhipment check for TW");
  }

  @Test
  void aLiaisonOfficerOfAnotherAgencySeesNothingOfOurs() throws Exception {
    share("SZ-DESK-4", "police-jp", "gang member identified in the seizure");
    HttpResponse<String> desk = page(policeLiaison, "/sharing", "en");
    assertThat(desk.statusCode()).isEqualTo(200);
    String html = desk.body();
    // the police's own exchange with the administration, under the agreement they are party to
    assertThat(html)
        .contains("MoU NPA-Customs 2024-07")
        .contains("What customs-jp can read now (0 records)");
    // nothing of customs': not its other agreements, its records or why they were shared
    assertThat(html)
        .doesNotContain("JCG exchange 2027")
        .doesNotContain("Interpol")
        .doesNotContain("SZ-DESK")
        .doesNotContain("gang member")
        .doesNotContain("<option value=\"coastguard-jp\"");
    assertThat(page(policeLiaison, "/sharing?agency=coastguard-jp", "en").statusCode())
        .isEqualTo(400);
    assertThat(send(policeLiaison, "GET", "/api/sharing/agreements", null).body())
        .contains("MoU NPA-Customs 2024-07")
        .doesNotContain("JCG exchange 2027");
    assertThat(send(policeLiaison, "GET", "/api/sharing/readable?agency=police-jp", null).body())
        .doesNotContain("SZ-DESK");
    // nor does it revoke our sharing, from the desk or the record page
    long sz4 = id("SZ-DESK-4");
    assertThat(
            form(
                    policeLiaison,
                    "/sharing/records/" + sz4 + "/police-jp/revoke",
                    "en",
                    List.<String[]>of(f("reason", "we no longer need it")))
                .statusCode())
        .isEqualTo(403);
    assertThat(send(police, "GET", "/api/records/" + sz4, null).statusCode()).isEqualTo(200);
    // and the police's administrator records no agreement of the administration's
    HttpResponse<String> theirs =
        form(
            policeAdmin,
            "/sharing/agreements",
            "en",
            List.<String[]>of(
                f("agency", "coastguard-jp"),
                f("kinds", "seizures"),
                f("reference", "NPA-JCG side deal"),
                f("validFrom", "2025-01-01")));
    assertThat(theirs.statusCode()).isEqualTo(403);
    assertThat(page(policeAdmin, "/sharing", "en").body()).doesNotContain("id=\"agreement-form\"");
    assertThat(
            send(
                    policeAdmin,
                    "POST",
                    "/api/sharing/agreements",
                    "{\"agency\":\"coastguard-jp\",\"kinds\":[\"seizures\"],\"reference\":\"NPA-JCG"
                        + " side deal\",\"validFrom\":\"2025-01-01\"}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void rolesOtherThanLiaisonAndAdministratorGet403() throws Exception {
    for (String token : List.of(officer, police)) {
      assertThat(page(token, "/sharing", "en").statusCode()).isEqualTo(403);
      assertThat(
              form(
                      token,
                      "/sharing/records/" + id("SZ-DESK-5") + "/police-jp/revoke",
                      "en",
                      List.<String[]>of(f("reason", "not my call at all")))
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              form(
                      token,
                      "/sharing/agreements/1/end",
                      "en",
                      List.<String[]>of(f("reason", "nope nope")))
                  .statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void aRefusedShareComesBackWithTheReasonInTheReadersLanguageAndThePurposeTyped()
      throws Exception {
    long declaration = id("D-DESK-1");
    String purpose = "importer named in the police case";
    // no agreement covers declarations with the police
    HttpResponse<String> none =
        form(
            liaison,
            "/records/" + declaration + "/shares",
            "en",
            List.<String[]>of(f("agency", "police-jp"), f("purpose", purpose)));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body())
        .contains("id=\"share-error\"")
        .contains("No agreement in force today allows sharing declarations with police-jp")
        .contains("id=\"record-title\"");
    // the same in Japanese
    HttpResponse<String> ja =
        form(
            liaison,
            "/records/" + declaration + "/shares",
            "ja",
            List.<String[]>of(f("agency", "police-jp"), f("purpose", purpose)));
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(ja.body()).contains("本日有効な取決めで、申告の記録をpolice-jpと共有できるものはありません");
    // a purpose too short, on a record that may be shared: the purpose and partner are kept
    long sz5 = id("SZ-DESK-5");
    HttpResponse<String> short_ =
        form(
            liaison,
            "/records/" + sz5 + "/shares",
            "en",
            List.<String[]>of(f("agency", "police-jp"), f("purpose", "ask")));
    assertThat(short_.statusCode()).isEqualTo(400);
    assertThat(short_.body())
        .contains("id=\"share-error\"")
        .contains("what police-jp needs the record for: at least 5 characters")
        .contains("value=\"ask\"")
        .containsPattern("<option value=\"police-jp\" selected");
    // shared already: 409, said beside the form
    share("SZ-DESK-5", "police-jp", "second look at the courier");
    HttpResponse<String> twice =
        form(
            liaison,
            "/records/" + sz5 + "/shares",
            "en",
            List.<String[]>of(f("agency", "police-jp"), f("purpose", purpose)));
    assertThat(twice.statusCode()).isEqualTo(409);
    // a revoke with too short a reason on the record page keeps the reason beside the row
    HttpResponse<String> revoke =
        form(
            liaison,
            "/records/" + sz5 + "/shares/police-jp/revoke",
            "en",
            List.<String[]>of(f("reason", "ok")));
    assertThat(revoke.statusCode()).isEqualTo(400);
    assertThat(row(revoke.body(), "data-agency=\"police-jp\""))
        .contains("id=\"revoke-error\"")
        .contains("value=\"ok\"");
    // each refusal is kept in the desk's history and audited
    String history = page(liaison, "/sharing?agency=police-jp", "en").body();
    // newest first: the conflict, then the purpose too short
    assertThat(row(history, "data-event=\"share-refused\" data-record=\"" + sz5 + "\""))
        .contains("The record is shared with police-jp already.");
    assertThat(history.indexOf("The record is shared with police-jp already."))
        .isLessThan(history.indexOf("what police-jp needs the record for: at least 5 characters"))
        .isPositive();
    assertThat(history)
        .contains("data-event=\"share-refused\" data-record=\"" + declaration + "\"");
    assertThat(auditDetails("record.share.refused", "record:" + declaration)).hasSize(2);
    // success redirects as before
    HttpResponse<String> ok =
        form(
            liaison,
            "/records/" + sz5 + "/shares/police-jp/revoke",
            "en",
            List.<String[]>of(f("reason", "second look done")));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location")).contains("/records/" + sz5 + "#sharing");
  }

  @Test
  void theHistoryIsPagedNewestFirstWithAMoreLink() throws Exception {
    // more refusals than one page holds, on one record, with a partner no other test uses
    agree(
        "{\"agency\":\"interpol\",\"kinds\":[\"postal-items\"],\"reference\":\"Interpol postal"
            + " pilot\",\"validFrom\":\"2026-01-01\"}");
    long sz6 = id("SZ-DESK-6");
    for (int i = 0; i < 51; i++) {
      form(
          liaison,
          "/records/" + sz6 + "/shares",
          "en",
          List.<String[]>of(f("agency", "interpol"), f("purpose", "attempt " + i)));
    }
    String first = page(liaison, "/sharing?agency=interpol", "en").body();
    assertThat(first.split("class=\"event\"", -1)).hasSize(51);
    assertThat(first).contains("id=\"more-history\"").contains("history=1#history");
    String second = page(liaison, "/sharing?agency=interpol&history=1", "en").body();
    assertThat(second.split("class=\"event\"", -1)).hasSize(2);
    assertThat(second).doesNotContain("id=\"more-history\"").contains("id=\"history-prev\"");
  }
}
