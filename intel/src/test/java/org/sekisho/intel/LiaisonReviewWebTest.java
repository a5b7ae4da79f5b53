package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * What a liaison officer and a partner agency found using the exchange: the audit log alone says
 * why a record was shared and why a sharing ended, a sharing never cites an agreement that ended,
 * and a partner learns nothing of other agencies through refusals. Over a real server and
 * PostgreSQL; each test uses its own partner agency or records, so their order does not matter.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiaisonReviewWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  private Database db;
  private IntelServer server;
  private String liaison;
  private String officer;
  private String admin;
  private String police;
  private String policeLiaison;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = IntelServer.start(db, dir);
    TestIngest.register(
        db,
        IntelServer.CLOCK,
        "customs-jp",
        "police-jp",
        "rvw-fiu",
        "rvw-coast",
        "rvw-secret",
        "rvw-dup",
        "rvw-ing");
    liaison = server.token("rv-mei", "Mei", Set.of(Role.LIAISON), "customs-jp", "HQ");
    officer = server.token("rv-kenji", "Kenji", Set.of(Role.OFFICER), "customs-jp", "HQ");
    admin = server.token("rv-root", "Admin", Set.of(Role.ADMIN), "customs-jp", "HQ");
    police = server.token("rv-taro", "Taro", Set.of(Role.PARTNER), "police-jp", "NPA");
    policeLiaison = server.token("rv-aoi", "Aoi", Set.of(Role.LIAISON), "police-jp", "NPA");
    StringBuilder seizures = new StringBuilder();
    for (int i = 1; i <= 9; i++) {
      seizures.append(
          "{\"seizureId\":\"SZ-RVW-"
              + i
              + "\",\"date\":\"2026-11-26\",\"commodity\":\"methamphetamine\"}\n");
    }
    assertThat(send(officer, "POST", "/api/ingest/seizures", seizures.toString()).statusCode())
        .isEqualTo(200);
    agree(
        "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU NPA-Customs"
            + " review\",\"validFrom\":\"2024-07-01\"}");
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

  private long id(String sourceId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from intel.record where source_id = ?")
                    .bind(0, sourceId)
                    .mapTo(Long.class)
                    .one());
  }

  /** The details of the audit entries with this action and subject, oldest first. */
  private List<JsonNode> audited(String action, String subject) throws Exception {
    List<String> rows =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details from platform.audit_log where action = ? and"
                                + " subject = ? order by seq")
                        .bind(0, action)
                        .bind(1, subject)
                        .mapTo(String.class)
                        .list());
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String r : rows) {
      out.add(JSON.readTree(r));
    }
    return out;
  }

  private JsonNode shareOf(long record, String agency) throws Exception {
    JsonNode shares =
        JSON.readTree(send(liaison, "GET", "/api/sharing/records/" + record, null).body());
    for (JsonNode s : shares.get("shares")) {
      if (s.get("agency").asText().equals(agency) && s.get("inForce").asBoolean()) {
        return s;
      }
    }
    return null;
  }

  @Test
  void theAuditLogSaysWhyARecordWasSharedWhyTheSharingEndedAndUnderWhichAgreement()
      throws Exception {
    long seizure = id("SZ-RVW-1");
    long mou = agreementOf("police-jp");
    HttpResponse<String> shared =
        send(
            liaison,
            "POST",
            "/api/sharing/records/" + seizure,
            "{\"agency\":\"police-jp\",\"purpose\":\"joint operation Harbour Light\"}");
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    JsonNode share = audited("record.shared", "record:" + seizure).get(0);
    assertThat(share.get("purpose").asText()).isEqualTo("joint operation Harbour Light");
    assertThat(share.get("agreement").asText()).isEqualTo(Long.toString(mou));
    HttpResponse<String> revoked =
        send(
            liaison,
            "POST",
            "/api/sharing/records/" + seizure + "/police-jp/revoke",
            "{\"reason\":\"operation closed by the prosecutor\"}");
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    JsonNode end = audited("record.unshared", "record:" + seizure).get(0);
    assertThat(end.get("reason").asText()).isEqualTo("operation closed by the prosecutor");
    assertThat(end.get("agreement").asText()).isEqualTo(Long.toString(mou));
  }

  private long agreementOf(String agency) throws Exception {
    JsonNode all = JSON.readTree(send(admin, "GET", "/api/sharing/agreements", null).body());
    for (JsonNode a : all.get("agreements")) {
      if (a.get("agency").asText().equals(agency)) {
        return a.get("id").asLong();
      }
    }
    throw new AssertionError("no agreement with " + agency);
  }

  @Test
  void aSharingWhoseAgreementEndsMovesToAnotherInForceAndALapseNamesTheAgreementThatEnded()
      throws Exception {
    long older =
        agree(
            "{\"agency\":\"rvw-fiu\",\"kinds\":[\"seizures\"],\"reference\":\"FIU MoU 2024\","
                + "\"validFrom\":\"2024-01-01\"}");
    long newer =
        agree(
            "{\"agency\":\"rvw-fiu\",\"kinds\":[\"seizures\"],\"reference\":\"FIU MoU 2025\","
                + "\"validFrom\":\"2025-01-01\"}");
    long seizure = id("SZ-RVW-2");
    HttpResponse<String> shared =
        send(
            liaison,
            "POST",
            "/api/sharing/records/" + seizure,
            "{\"agency\":\"rvw-fiu\",\"purpose\":\"money laundering case\"}");
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    assertThat(shareOf(seizure, "rvw-fiu").get("agreementId").asLong()).isEqualTo(newer);
    end(newer);
    // still shared, now citing the agreement in force, and the move is audited with both ids
    JsonNode moved = shareOf(seizure, "rvw-fiu");
    assertThat(moved).isNotNull();
    assertThat(moved.get("agreementId").asLong()).isEqualTo(older);
    assertThat(moved.get("agreement").asText()).isEqualTo("FIU MoU 2024");
    JsonNode rebased = audited("record.share.rebased", "record:" + seizure).get(0);
    assertThat(rebased.get("from").asText()).isEqualTo(Long.toString(newer));
    assertThat(rebased.get("to").asText()).isEqualTo(Long.toString(older));
    // the last basis ends: the sharing lapses, and the log names the agreement that ended
    end(older);
    assertThat(shareOf(seizure, "rvw-fiu")).isNull();
    JsonNode lapsed = audited("record.unshared", "record:" + seizure).get(0);
    assertThat(lapsed.get("reason").asText()).isEqualTo("lapsed");
    assertThat(lapsed.get("agreement").asText()).isEqualTo(Long.toString(older));
  }

  private void end(long agreement) throws Exception {
    HttpResponse<String> r =
        send(
            admin,
            "POST",
            "/api/sharing/agreements/" + agreement + "/end",
            "{\"lastDay\":\"2026-11-26\",\"reason\":\"superseded for the review\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void aPartnersRefusalsNameOnlyTheAgenciesItMayKnowOf() throws Exception {
    HttpResponse<String> ingest =
        send(
            police,
            "POST",
            "/api/ingest/seizures",
            "{\"seizureId\":\"SZ-RVW-NPA\",\"date\":\"2026-11-26\",\"commodity\":\"cash\","
                + "\"sharedWith\":[\"nosuch\"]}\n");
    assertThat(ingest.body()).contains("'nosuch'").contains("customs-jp, police-jp");
    assertThat(ingest.body()).doesNotContain("rvw-secret").doesNotContain("rvw-fiu");
    // the police's liaison officer sharing its own seizure with an agency that does not exist
    send(
        police,
        "POST",
        "/api/ingest/seizures",
        "{\"seizureId\":\"SZ-RVW-NPA-2\",\"date\":\"2026-11-26\",\"commodity\":\"cash\"}\n");
    HttpResponse<String> share =
        send(
            policeLiaison,
            "POST",
            "/api/sharing/records/" + id("SZ-RVW-NPA-2"),
            "{\"agency\":\"nosuch\",\"purpose\":\"joint investigation\"}");
    assertThat(share.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(share.body()).get("error").asText()).isEqualTo("unknown-agency");
    assertThat(share.body()).contains("customs-jp, police-jp").doesNotContain("rvw-secret");
    // the administration's own users are told every registered agency
    HttpResponse<String> ours =
        send(
            liaison,
            "POST",
            "/api/sharing/records/" + id("SZ-RVW-3"),
            "{\"agency\":\"nosuch\",\"purpose\":\"joint investigation\"}");
    assertThat(ours.body()).contains("rvw-secret");
  }

  @Test
  void theLiaisonChoosesTheAgreementASharingFallsUnderAndADuplicateAgreementIsRefused()
      throws Exception {
    String first =
        "{\"agency\":\"rvw-coast\",\"kinds\":[\"seizures\"],\"reference\":\"JCG A\","
            + "\"validFrom\":\"2024-01-01\"}";
    long a = agree(first);
    long b =
        agree(
            "{\"agency\":\"rvw-coast\",\"kinds\":[\"seizures\"],\"reference\":\"JCG B\","
                + "\"validFrom\":\"2025-01-01\"}");
    long movements =
        agree(
            "{\"agency\":\"rvw-coast\",\"kinds\":[\"conveyance-movements\"],\"reference\":"
                + "\"JCG C\",\"validFrom\":\"2024-01-01\"}");
    long future =
        agree(
            "{\"agency\":\"rvw-coast\",\"kinds\":[\"seizures\"],\"reference\":\"JCG D\","
                + "\"validFrom\":\"2027-01-01\"}");
    // the same agreement again is refused, naming the one recorded
    HttpResponse<String> dup = send(admin, "POST", "/api/sharing/agreements", first);
    assertThat(dup.statusCode()).as(dup.body()).isEqualTo(409);
    assertThat(dup.body()).contains("agreement " + a + " ");
    long seizure = id("SZ-RVW-4");
    String path = "/api/sharing/records/" + seizure;
    // one that does not cover the record, is not in force, is with another partner, or none
    for (long wrong : List.of(movements, future, agreementOf("police-jp"))) {
      HttpResponse<String> r =
          send(
              liaison,
              "POST",
              path,
              "{\"agency\":\"rvw-coast\",\"purpose\":\"maritime interdiction\","
                  + "\"agreement\":"
                  + wrong
                  + "}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("agreement");
    }
    HttpResponse<String> none =
        send(
            liaison,
            "POST",
            path,
            "{\"agency\":\"rvw-coast\",\"purpose\":\"maritime interdiction\","
                + "\"agreement\":987654}");
    assertThat(none.statusCode()).isEqualTo(404);
    // the older one, chosen: the server would have taken the newer
    HttpResponse<String> shared =
        send(
            liaison,
            "POST",
            path,
            "{\"agency\":\"rvw-coast\",\"purpose\":\"maritime interdiction\","
                + "\"agreement\":"
                + a
                + "}");
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    assertThat(JSON.readTree(shared.body()).get("agreementId").asLong()).isEqualTo(a);
    assertThat(audited("record.shared", "record:" + seizure).get(0).get("agreement").asText())
        .isEqualTo(Long.toString(a));
    // the record page offers the choice; the desk shows each agreement's id
    String page = page(liaison, "/records/" + id("SZ-RVW-5"));
    assertThat(page)
        .contains("id=\"share-agreement\"")
        .contains("<option value=\"" + a + "\"")
        .contains("<option value=\"" + b + "\"")
        .doesNotContain("<option value=\"" + future + "\"");
    assertThat(page(liaison, "/sharing?agency=rvw-coast"))
        .contains("class=\"muted agreement-id\">No. " + a + "<")
        .contains("class=\"muted agreement-id\">No. " + b + "<");
  }

  private String page(String token, String path) throws Exception {
    HttpResponse<String> out = server.page(token, path, "en");
    assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
    return out.body();
  }

  @Test
  void sharingRefusesUnknownFieldsAndASecondRevocationSaysWhoEndedItFirst() throws Exception {
    long seizure = id("SZ-RVW-6");
    HttpResponse<String> typo =
        send(
            liaison,
            "POST",
            "/api/sharing/records/" + seizure,
            "{\"agency\":\"police-jp\",\"purpose\":\"joint investigation\",\"purpse\":\"x\"}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(typo.body()).get("field").asText()).isEqualTo("purpse");
    assertThat(shareOf(seizure, "police-jp")).isNull();
    assertThat(
            send(
                    liaison,
                    "POST",
                    "/api/sharing/records/" + seizure,
                    "{\"agency\":\"police-jp\",\"purpose\":\"joint investigation\"}")
                .statusCode())
        .isEqualTo(201);
    String revoke = "/api/sharing/records/" + seizure + "/police-jp/revoke";
    // an administrator of the administration stops the exchange at once
    HttpResponse<String> stop =
        send(admin, "POST", revoke, "{\"reason\":\"emergency stop: data breach at partner\"}");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    HttpResponse<String> again =
        send(liaison, "POST", revoke, "{\"reason\":\"investigation closed\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("message").asText())
        .contains("rv-root")
        .contains("2026-11-27T03:00:00Z");
    // never shared at all: not found
    assertThat(
            send(
                    liaison,
                    "POST",
                    "/api/sharing/records/" + seizure + "/rvw-secret/revoke",
                    "{\"reason\":\"investigation closed\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aPartnerIsRefusedItsOwnAgencyAsAPartnerAndCannotTellUnreadableEntitiesFromAbsentOnes()
      throws Exception {
    HttpResponse<String> own =
        send(policeLiaison, "GET", "/api/sharing/readable?agency=police-jp", null);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(400);
    assertThat(JSON.readTree(own.body()).get("field").asText()).isEqualTo("agency");
    assertThat(
            send(policeLiaison, "GET", "/api/sharing/readable?agency=customs-jp", null)
                .statusCode())
        .isEqualTo(200);
    send(
        officer,
        "POST",
        "/api/ingest/seizures",
        "{\"seizureId\":\"SZ-RVW-ENT\",\"date\":\"2026-11-26\",\"commodity\":\"gold\","
            + "\"companies\":[{\"name\":\"Quiet Harbour Trading\",\"country\":\"TH\"}]}\n");
    long entity =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from intel.entity where key = ?")
                        .bind(0, "QUIET HARBOUR TRADING|TH")
                        .mapTo(Long.class)
                        .one());
    HttpResponse<String> unreadable = send(police, "GET", "/api/entities/" + entity, null);
    HttpResponse<String> absent = send(police, "GET", "/api/entities/987654321", null);
    assertThat(unreadable.statusCode()).isEqualTo(403);
    assertThat(absent.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(unreadable.body()).get("error").asText())
        .isEqualTo(JSON.readTree(absent.body()).get("error").asText());
    // the owning agency's readers read it
    assertThat(send(officer, "GET", "/api/entities/" + entity, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aPartnerSeesWhatWasSharedWithItNewestFirstWithPurposeAndAgreement() throws Exception {
    long mou = agreementOf("police-jp");
    for (String sourceId : List.of("SZ-RVW-7", "SZ-RVW-8")) {
      HttpResponse<String> r =
          send(
              liaison,
              "POST",
              "/api/sharing/records/" + id(sourceId),
              "{\"agency\":\"police-jp\",\"purpose\":\"case " + sourceId + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    HttpResponse<String> got = send(police, "GET", "/api/sharing/received", null);
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(got.body());
    assertThat(body.get("agency").asText()).isEqualTo("police-jp");
    List<String> ids = new java.util.ArrayList<>();
    body.get("records").forEach(n -> ids.add(n.get("sourceId").asText()));
    // the same instant: the later record first; nothing of what went to others or was revoked
    assertThat(ids).containsSubsequence("SZ-RVW-8", "SZ-RVW-7").doesNotContain("SZ-RVW-4");
    JsonNode first = body.get("records").get(ids.indexOf("SZ-RVW-8"));
    assertThat(first.get("purpose").asText()).isEqualTo("case SZ-RVW-8");
    assertThat(first.get("agreementId").asLong()).isEqualTo(mou);
    assertThat(first.get("owner").asText()).isEqualTo("customs-jp");
    assertThat(body.get("total").asInt()).isEqualTo(ids.size());
    assertThat(body.get("more").asBoolean()).isFalse();
    assertThat(
            JSON.readTree(send(police, "GET", "/api/sharing/received?page=1", null).body())
                .get("records"))
        .isEmpty();
    List<JsonNode> audits = audited("sharing.received.listed", "agency:police-jp");
    assertThat(audits).isNotEmpty();
    assertThat(audits.get(0).get("records").asText()).isEqualTo(Integer.toString(ids.size()));
    // the page links each record; a customs officer has no such view
    String html = page(police, "/shared");
    assertThat(html)
        .contains("href=\"/records/" + id("SZ-RVW-8") + "\"")
        .contains("case SZ-RVW-7")
        .contains("href=\"/shared\"");
    assertThat(send(officer, "GET", "/api/sharing/received", null).statusCode()).isEqualTo(403);
  }

  @Test
  void theSharingMadeAtIngestIsNamedInTheReadersLanguage() throws Exception {
    // a partner of its own, whose listings no other test counts
    agree(
        "{\"agency\":\"rvw-ing\",\"kinds\":[\"seizures\"],\"reference\":\"MoU ingest"
            + " sharing\",\"validFrom\":\"2024-07-01\"}");
    String partner = server.token("rv-ing", "Ing", Set.of(Role.PARTNER), "rvw-ing", "ING");
    String partnerLiaison =
        server.token("rv-ing-l", "IngL", Set.of(Role.LIAISON), "rvw-ing", "ING");
    HttpResponse<String> in =
        send(
            officer,
            "POST",
            "/api/ingest/seizures",
            "{\"seizureId\":\"SZ-RVW-ING\",\"date\":\"2026-11-26\",\"commodity\":\"gold\","
                + "\"sharedWith\":[\"rvw-ing\"]}\n");
    assertThat(JSON.readTree(in.body()).get("stored").asInt()).as(in.body()).isEqualTo(1);
    long record = id("SZ-RVW-ING");
    for (String[] seen :
        new String[][] {
          {partnerLiaison, "/shared"},
          {partner, "/records/" + record},
          {liaison, "/records/" + record}
        }) {
      HttpResponse<String> ja = server.page(seen[0], seen[1], "ja");
      assertThat(ja.statusCode()).isEqualTo(200);
      assertThat(ja.body()).as(seen[1]).contains("取込み時に共有").doesNotContain("shared when ingested");
      HttpResponse<String> en = server.page(seen[0], seen[1], "en");
      assertThat(en.body()).as(seen[1]).contains("shared when the record was ingested");
    }
    // the API answers what is stored, as clients have read it
    JsonNode received = JSON.readTree(send(partner, "GET", "/api/sharing/received", null).body());
    List<String> purposes = new java.util.ArrayList<>();
    received.get("records").forEach(n -> purposes.add(n.get("purpose").asText()));
    assertThat(purposes).contains("shared when ingested");
  }

  @Test
  void aPartnerSeesAnEntityAsItsOwnRecordWritesItNotAsAnUnsharedRecordDid() throws Exception {
    // customs writes the phone first, so the entity's stored name is customs' spelling
    send(
        officer,
        "POST",
        "/api/ingest/seizures",
        "{\"seizureId\":\"SZ-RVW-PHONE\",\"date\":\"2026-11-26\",\"commodity\":\"gold\","
            + "\"companies\":[{\"name\":\"Hidden Reef Trading\",\"country\":\"JP\","
            + "\"phone\":\"(092) 207-0809\"}]}\n");
    HttpResponse<String> theirs =
        send(
            police,
            "POST",
            "/api/ingest/seizures",
            "{\"seizureId\":\"SZ-RVW-NPA-PHONE\",\"date\":\"2026-11-26\",\"commodity\":"
                + "\"cash\",\"companies\":[{\"name\":\"Open Bay Goods\",\"country\":\"JP\","
                + "\"phone\":\"092-207-0809\"}]}\n");
    assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(200);
    long record = id("SZ-RVW-NPA-PHONE");
    JsonNode view = JSON.readTree(send(police, "GET", "/api/records/" + record, null).body());
    JsonNode phone = null;
    for (JsonNode e : view.get("entities")) {
      if (e.get("type").asText().equals("phone")) {
        phone = e;
      }
    }
    assertThat(phone).as(view.toString()).isNotNull();
    assertThat(phone.get("display").asText()).isEqualTo("092-207-0809");
    assertThat(view.toString()).doesNotContain("(092) 207-0809");
    assertThat(page(police, "/records/" + record)).doesNotContain("(092) 207-0809");
    // the entity itself, read by the police, is named as the police's record writes it
    String entity = send(police, "GET", "/api/entities/" + phone.get("id").asLong(), null).body();
    assertThat(entity).contains("092-207-0809").doesNotContain("(092) 207-0809");
    // the administration's readers still see the stored name
    assertThat(send(officer, "GET", "/api/records/" + id("SZ-RVW-PHONE"), null).body())
        .contains("(092) 207-0809");
  }

  @Test
  void aMisspeltQueryParameterOnAnIntelRouteIsRefusedNamingIt() throws Exception {
    HttpResponse<String> r = send(officer, "GET", "/api/search?qq=cocaine", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("error").asText()).isEqualTo("invalid-parameter");
    assertThat(body.get("field").asText()).isEqualTo("qq");
    // the paging parameter of the received list is not the desk's
    HttpResponse<String> paging = send(police, "GET", "/api/sharing/received?offset=50", null);
    assertThat(paging.statusCode()).as(paging.body()).isEqualTo(400);
    assertThat(send(officer, "GET", "/api/search?q=cocaine&lang=ja", null).statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> form(String token, String path, String lang, String body)
      throws Exception {
    return server.form(token, path, lang, body);
  }

  @Test
  void theRecordPagesShareFormTakesTheChosenAgreementAndSaysWhyOneDoesNotApply() throws Exception {
    long older =
        agree(
            "{\"agency\":\"rvw-dup\",\"kinds\":[\"seizures\"],\"reference\":\"DUP 2024\","
                + "\"validFrom\":\"2024-01-01\"}");
    agree(
        "{\"agency\":\"rvw-dup\",\"kinds\":[\"seizures\"],\"reference\":\"DUP 2025\","
            + "\"validFrom\":\"2025-01-01\"}");
    long seizure = id("SZ-RVW-9");
    String path = "/records/" + seizure + "/shares";
    String typed = "agency=rvw-dup&purpose=joint+customs+control&agreement=";
    HttpResponse<String> notAnId = form(liaison, path, "en", typed + "abc");
    assertThat(notAnId.statusCode()).isEqualTo(400);
    assertThat(notAnId.body()).contains("id=\"share-error\"");
    assertThat(audited("record.share.refused", "record:" + seizure).get(0).get("field").asText())
        .isEqualTo("agreement");
    // the police's agreement is no basis for sharing with another partner: said in Japanese
    HttpResponse<String> wrong = form(liaison, path, "ja", typed + agreementOf("police-jp"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("その取決めでは今日この記録を共有できません");
    HttpResponse<String> done = form(liaison, path, "en", typed + older);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(shareOf(seizure, "rvw-dup").get("agreementId").asLong()).isEqualTo(older);
  }
}
