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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A liaison officer shares a stored record with a partner agency under an agreement in force, the
 * partner reads it at once and no longer once the sharing is revoked; every step is checked, kept
 * and audited, over a real server and PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
// the tests share one database: the one that records agreements everyone else lacks runs last
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordSharingWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  private Database db;
  private IntelServer server;
  private String liaison;
  private String officer;
  private String admin;
  private String police;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = IntelServer.start(db, dir);
    liaison = server.token("mei", "Mei", Set.of(Role.LIAISON), "customs-jp", "HQ");
    officer = server.token("kenji", "Kenji", Set.of(Role.OFFICER), "customs-jp", "HQ");
    admin = server.token("root", "Admin", Set.of(Role.ADMIN), "customs-jp", "HQ");
    police = server.token("taro", "Taro", Set.of(Role.PARTNER), "police-jp", "NPA");
    TestIngest.register(db, IntelServer.CLOCK, "coastguard-jp", "fiu-jp");
    String seizures =
        "{\"seizureId\":\"SZ-SHARE-1\",\"date\":\"2026-11-26\",\"commodity\":\"cocaine\"}\n"
            + "{\"seizureId\":\"SZ-SHARE-2\",\"date\":\"2026-11-26\",\"commodity\":\"gold\"}\n";
    assertThat(send(officer, "POST", "/api/ingest/seizures", seizures).statusCode()).isEqualTo(200);
    String declaration =
        "{\"declarationId\":\"D-SHARE-1\",\"date\":\"2026-11-26\",\"office\":\"JPTYO\","
            + "\"items\":[{\"hsCode\":\"090121\"}]}\n";
    assertThat(send(officer, "POST", "/api/ingest/declarations", declaration).statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
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

  private long audited(String action, String subject) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from platform.audit_log where action = ? and subject = ?")
                    .bind(0, action)
                    .bind(1, subject)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void aLiaisonOfficerSharesUnderAnAgreementAndThePartnerReadsUntilItIsRevoked() throws Exception {
    long seizure = id("SZ-SHARE-1");
    String share = "{\"agency\":\"police-jp\",\"purpose\":\"joint investigation of the route\"}";
    // no agreement yet: refused, naming the field, and the partner still cannot read it
    HttpResponse<String> none = send(liaison, "POST", "/api/sharing/records/" + seizure, share);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(none.body()).get("error").asText()).isEqualTo("no-agreement");
    assertThat(send(police, "GET", "/api/records/" + seizure, null).statusCode()).isEqualTo(403);

    // only an administrator records an agreement; it covers seizures, not declarations
    String mou =
        "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU NPA-Customs"
            + " 2024-07\",\"validFrom\":\"2024-07-01\"}";
    assertThat(send(liaison, "POST", "/api/sharing/agreements", mou).statusCode()).isEqualTo(403);
    HttpResponse<String> added = send(admin, "POST", "/api/sharing/agreements", mou);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    long agreement = JSON.readTree(added.body()).get("id").asLong();
    assertThat(audited("sharing.agreement.added", "agreement:" + agreement)).isEqualTo(1);

    // an officer reads but does not share; the liaison officer shares
    assertThat(send(officer, "POST", "/api/sharing/records/" + seizure, share).statusCode())
        .isEqualTo(403);
    HttpResponse<String> shared = send(liaison, "POST", "/api/sharing/records/" + seizure, share);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    assertThat(JSON.readTree(shared.body()).get("agreement").asText())
        .isEqualTo("MoU NPA-Customs 2024-07");
    assertThat(send(liaison, "POST", "/api/sharing/records/" + seizure, share).statusCode())
        .isEqualTo(409);
    HttpResponse<String> sharedJa =
        send(liaison, "POST", "/api/sharing/records/" + seizure + "?lang=ja", share);
    assertThat(sharedJa.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(sharedJa.body()).get("message").asText())
        .isEqualTo("この記録はすでにpolice-jpと共有されています。");
    assertThat(audited("record.shared", "record:" + seizure)).isEqualTo(1);

    // what the police can read of customs' records now, for the liaison officer and the
    // administrator overseeing the exchange
    JsonNode readable =
        JSON.readTree(send(liaison, "GET", "/api/sharing/readable?agency=police-jp", null).body());
    assertThat(readable.get("records").toString()).contains("\"sourceId\":\"SZ-SHARE-1\"");
    assertThat(readable.get("truncated").asBoolean()).isFalse();
    assertThat(send(officer, "GET", "/api/sharing/readable?agency=police-jp", null).statusCode())
        .isEqualTo(403);
    assertThat(send(admin, "GET", "/api/sharing/readable?agency=polce-jp", null).statusCode())
        .isEqualTo(400);
    assertThat(audited("sharing.readable.listed", "agency:police-jp")).isEqualTo(1);

    // the partner reads it at once and finds it in search
    assertThat(send(police, "GET", "/api/records/" + seizure, null).statusCode()).isEqualTo(200);
    assertThat(send(police, "GET", "/api/search?q=cocaine", null).body()).contains("SZ-SHARE-1");
    // ... and only that one: the other seizure was not shared, and is refused as an unknown id is
    assertThat(send(police, "GET", "/api/records/" + id("SZ-SHARE-2"), null).statusCode())
        .isEqualTo(403);
    // with whom it is shared is the owner's to know
    assertThat(send(police, "GET", "/api/sharing/records/" + seizure, null).statusCode())
        .isEqualTo(403);
    JsonNode shares =
        JSON.readTree(send(officer, "GET", "/api/sharing/records/" + seizure, null).body());
    assertThat(shares.get("shares")).hasSize(1);
    assertThat(shares.at("/shares/0/purpose").asText())
        .isEqualTo("joint investigation of the route");
    assertThat(shares.at("/shares/0/sharedBy").asText()).isEqualTo("mei");

    // revoking needs a reason; then the partner no longer reads it, and the history stays
    String revoke = "/api/sharing/records/" + seizure + "/police-jp/revoke";
    assertThat(send(liaison, "POST", revoke, "{\"reason\":\"\"}").statusCode()).isEqualTo(400);
    HttpResponse<String> revoked =
        send(liaison, "POST", revoke, "{\"reason\":\"investigation closed\"}");
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(send(police, "GET", "/api/records/" + seizure, null).statusCode()).isEqualTo(403);
    // ended already: a conflict, not "not found"
    assertThat(send(liaison, "POST", revoke, "{\"reason\":\"investigation closed\"}").statusCode())
        .isEqualTo(409);
    // ... said in either language with the same facts: who ended it and when; the English keeps
    // the instant as it was (clients parse it), the Japanese shows it in the reader's zone
    HttpResponse<String> againEn = send(admin, "POST", revoke, "{\"reason\":\"closed twice\"}");
    assertThat(againEn.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(againEn.body()).get("message").asText())
        .isEqualTo("the sharing with police-jp was ended already by mei at 2026-11-27T03:00:00Z");
    HttpResponse<String> againJa =
        send(admin, "POST", revoke + "?lang=ja", "{\"reason\":\"closed twice\"}");
    assertThat(againJa.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(againJa.body()).get("message").asText())
        .isEqualTo("police-jpとの共有はすでにmeiが終了しています（2026-11-27 12:00 JST）。");
    JsonNode after =
        JSON.readTree(send(liaison, "GET", "/api/sharing/records/" + seizure, null).body());
    assertThat(after.at("/shares/0/inForce").asBoolean()).isFalse();
    assertThat(after.at("/shares/0/revokeReason").asText()).isEqualTo("investigation closed");
    assertThat(audited("record.unshared", "record:" + seizure)).isEqualTo(1);
    assertThat(send(admin, "GET", "/api/sharing/readable?agency=police-jp", null).body())
        .doesNotContain("SZ-SHARE-1");
  }

  @Test
  void sharingIsRefusedOutsideAnAgreementsKindsAndDaysAndForUnknownAgencies() throws Exception {
    String old =
        "{\"agency\":\"coastguard-jp\",\"kinds\":[\"seizures\",\"conveyance-movements\"],"
            + "\"reference\":\"Agreement JCG 2019\",\"validFrom\":\"2019-04-01\","
            + "\"validUntil\":\"2025-03-31\"}";
    assertThat(send(admin, "POST", "/api/sharing/agreements", old).statusCode()).isEqualTo(201);
    // an expired agreement allows nothing
    HttpResponse<String> expired =
        send(
            liaison,
            "POST",
            "/api/sharing/records/" + id("SZ-SHARE-2"),
            "{\"agency\":\"coastguard-jp\",\"purpose\":\"maritime interdiction\"}");
    assertThat(JSON.readTree(expired.body()).get("error").asText()).isEqualTo("no-agreement");
    // its successor covers conveyance movements only: neither a seizure nor a declaration
    send(
        admin,
        "POST",
        "/api/sharing/agreements",
        "{\"agency\":\"coastguard-jp\",\"kinds\":[\"conveyance-movements\"],"
            + "\"reference\":\"Agreement JCG 2025\",\"validFrom\":\"2025-04-01\"}");
    for (String sourceId : List.of("SZ-SHARE-2", "D-SHARE-1")) {
      HttpResponse<String> kind =
          send(
              liaison,
              "POST",
              "/api/sharing/records/" + id(sourceId),
              "{\"agency\":\"coastguard-jp\",\"purpose\":\"maritime interdiction\"}");
      assertThat(JSON.readTree(kind.body()).get("error").asText())
          .as(sourceId)
          .isEqualTo("no-agreement");
    }
    HttpResponse<String> unknown =
        send(
            liaison,
            "POST",
            "/api/sharing/records/" + id("SZ-SHARE-2"),
            "{\"agency\":\"polce-jp\",\"purpose\":\"joint investigation\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("unknown-agency");
    // an agreement is checked as a whole before it is kept
    HttpResponse<String> bad =
        send(
            admin,
            "POST",
            "/api/sharing/agreements",
            "{\"agency\":\"police-jp\",\"kinds\":[\"parcels\"],\"reference\":\"x\","
                + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"2025-01-01\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("kinds[0]");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void aPartnerLearnsNothingBeyondWhatIsSharedWithIt() throws Exception {
    send(
        admin,
        "POST",
        "/api/sharing/agreements",
        "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU leak"
            + " test\",\"validFrom\":\"2024-01-01\"}");
    send(
        admin,
        "POST",
        "/api/sharing/agreements",
        "{\"agency\":\"coastguard-jp\",\"kinds\":[\"seizures\"],\"reference\":\"JCG leak"
            + " test\",\"validFrom\":\"2024-01-01\"}");
    String seizures =
        "{\"seizureId\":\"SZ-LEAK-1\",\"date\":\"2026-11-26\",\"commodity\":\"heroin\","
            + "\"companies\":[{\"name\":\"Orchid Lantern Trading\",\"country\":\"TH\"}],"
            + "\"sharedWith\":[\"police-jp\",\"coastguard-jp\"]}\n"
            + "{\"seizureId\":\"SZ-LEAK-2\",\"date\":\"2026-11-26\",\"commodity\":\"heroin\","
            + "\"companies\":[{\"name\":\"Blue Heron Logistics\",\"country\":\"TH\"}]}\n";
    JsonNode report = JSON.readTree(send(officer, "POST", "/api/ingest/seizures", seizures).body());
    assertThat(report.get("stored").asInt()).as(report.toString()).isEqualTo(2);
    long orchid = entity("ORCHID LANTERN TRADING|TH");
    long heron = entity("BLUE HERON LOGISTICS|TH");
    HttpResponse<String> merged =
        send(
            officer,
            "POST",
            "/api/entities/" + orchid + "/merge",
            "{\"mergedId\":" + heron + ",\"reason\":\"same director and phone\"}");
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
    // customs finds the survivor under the merged name; the police, who see no record naming
    // that name, do not learn that customs judged the two the same
    assertThat(send(officer, "GET", "/api/search?q=Blue+Heron+Logistics", null).body())
        .contains("\"id\":" + orchid);
    assertThat(send(police, "GET", "/api/search?q=Blue+Heron+Logistics", null).body())
        .doesNotContain("\"id\":" + orchid);
    // a partner sees that the record is shared with it, not with whom else
    HttpResponse<String> read = send(police, "GET", "/api/records/" + id("SZ-LEAK-1"), null);
    assertThat(JSON.readTree(read.body()).get("sharedWith").toString())
        .isEqualTo("[\"police-jp\"]");
    assertThat(read.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(
            JSON.readTree(send(officer, "GET", "/api/records/" + id("SZ-LEAK-1"), null).body())
                .get("sharedWith")
                .size())
        .isEqualTo(2);
    // a refused sharing is audited as a done one is
    long before = audited("record.share.refused", "record:" + id("SZ-LEAK-2"));
    send(
        liaison,
        "POST",
        "/api/sharing/records/" + id("SZ-LEAK-2"),
        "{\"agency\":\"polce-jp\",\"purpose\":\"joint investigation\"}");
    assertThat(audited("record.share.refused", "record:" + id("SZ-LEAK-2"))).isEqualTo(before + 1);
    // an agreement's days are days of this century, not typing slips
    HttpResponse<String> slip =
        send(
            admin,
            "POST",
            "/api/sharing/agreements",
            "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU\","
                + "\"validFrom\":\"2024-01-01\",\"validUntil\":\"+10000-01-01\"}");
    assertThat(slip.statusCode()).isEqualTo(400);
    HttpResponse<String> missing =
        send(
            liaison,
            "POST",
            "/api/sharing/records/" + id("SZ-LEAK-2"),
            "{\"purpose\":\"joint investigation\"}");
    assertThat(JSON.readTree(missing.body()).get("error").asText()).isEqualTo("missing-field");
  }

  @Test
  void endingAnAgreementEndsTheSharingsItAllowedAndNoNewOnes() throws Exception {
    HttpResponse<String> added =
        send(
            admin,
            "POST",
            "/api/sharing/agreements",
            "{\"agency\":\"fiu-jp\",\"kinds\":[\"seizures\"],\"reference\":\"FIU MoU\","
                + "\"validFrom\":\"2024-01-01\"}");
    long agreement = JSON.readTree(added.body()).get("id").asLong();
    long seizure = id("SZ-SHARE-2");
    assertThat(
            send(
                    liaison,
                    "POST",
                    "/api/sharing/records/" + seizure,
                    "{\"agency\":\"fiu-jp\",\"purpose\":\"money laundering case\"}")
                .statusCode())
        .isEqualTo(201);
    String end = "/api/sharing/agreements/" + agreement + "/end";
    // only an administrator ends it, with a reason and a day the agreement could end on
    assertThat(
            send(liaison, "POST", end, "{\"lastDay\":\"2026-11-26\",\"reason\":\"superseded\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            JSON.readTree(
                    send(admin, "POST", end, "{\"lastDay\":\"2020-01-01\",\"reason\":\"x y z\"}")
                        .body())
                .get("field")
                .asText())
        .isEqualTo("lastDay");
    assertThat(send(admin, "POST", end, "{\"lastDay\":\"2026-11-26\"}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> ended =
        send(
            admin,
            "POST",
            end,
            "{\"lastDay\":\"2026-11-26\",\"reason\":\"superseded by the 2026 MoU\"}");
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    assertThat(JSON.readTree(ended.body()).get("validUntil").asText()).isEqualTo("2026-11-26");
    // the sharing it allowed ended with it, by the system, kept and audited
    List<String> sharedWith =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select unnest(shared_with) from intel.record where id = ?")
                        .bind(0, seizure)
                        .mapTo(String.class)
                        .list());
    assertThat(sharedWith).doesNotContain("fiu-jp");
    JsonNode shares =
        JSON.readTree(send(liaison, "GET", "/api/sharing/records/" + seizure, null).body());
    JsonNode fiu = null;
    for (JsonNode sh : shares.get("shares")) {
      if (sh.get("agency").asText().equals("fiu-jp")) {
        fiu = sh;
      }
    }
    assertThat(fiu).isNotNull();
    assertThat(fiu.get("inForce").asBoolean()).isFalse();
    assertThat(fiu.get("revokedBy").asText()).isEqualTo("system:agreements");
    assertThat(audited("sharing.agreement.ended", "agreement:" + agreement)).isEqualTo(1);
    // and nothing new goes out under it
    assertThat(
            JSON.readTree(
                    send(
                            liaison,
                            "POST",
                            "/api/sharing/records/" + seizure,
                            "{\"agency\":\"fiu-jp\",\"purpose\":\"money laundering case\"}")
                        .body())
                .get("error")
                .asText())
        .isEqualTo("no-agreement");
  }

  private long entity(String key) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from intel.entity where key = ?")
                    .bind(0, key)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void theRecordPageShowsTheOwnersReadersWithWhomItIsSharedAndOffersTheLiaisonTheForm()
      throws Exception {
    long seizure = id("SZ-SHARE-2");
    String html =
        server
            .send(
                server.request(liaison, "/records/" + seizure).header("Accept", "text/html"),
                "GET",
                null)
            .body();
    assertThat(html).contains("id=\"sharing\"");
    String officers =
        server
            .send(
                server.request(officer, "/records/" + seizure).header("Accept", "text/html"),
                "GET",
                null)
            .body();
    assertThat(officers).contains("id=\"sharing\"").doesNotContain("id=\"share-form\"");
  }
}
