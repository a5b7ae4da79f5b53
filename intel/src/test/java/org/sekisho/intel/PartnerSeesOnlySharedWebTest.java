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
 * A partner agency reads entities and records only as the records shared with it show them: not a
 * key, name, candidate or graph label from customs' unshared records, not customs' merge notes, and
 * not whether an unshared record id exists; every refused read is audited, over a real server and
 * PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PartnerSeesOnlySharedWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  private Database db;
  private IntelServer server;
  private String officer;
  private String police;
  private long agreement;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = IntelServer.start(db, dir);
    officer = server.token("kenji", "Kenji", Set.of(Role.OFFICER), "customs-jp", "HQ");
    String admin = server.token("root", "Admin", Set.of(Role.ADMIN), "customs-jp", "HQ");
    police = server.token("taro", "Taro", Set.of(Role.PARTNER), "police-jp", "NPA");
    TestIngest.register(db, IntelServer.CLOCK, "coastguard-jp");
    HttpResponse<String> mou =
        send(
            admin,
            "POST",
            "/api/sharing/agreements",
            "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU partner"
                + " view\",\"validFrom\":\"2024-01-01\"}");
    assertThat(mou.statusCode()).as(mou.body()).isEqualTo(201);
    agreement = JSON.readTree(mou.body()).get("id").asLong();
    // the customs-only records come first, so that the stored names are customs' spellings
    String seizures =
        "{\"seizureId\":\"SZ-PV-7\",\"date\":\"2026-11-25\",\"commodity\":\"heroin\","
            + "\"persons\":[{\"name\":\"RV16 Alpha Person\",\"dateOfBirth\":\"1970-01-01\"}]}\n"
            + "{\"seizureId\":\"SZ-PV-8\",\"date\":\"2026-11-25\",\"commodity\":\"gold\","
            + "\"persons\":[{\"name\":\"SIRIPORN CHAIYAPORN\",\"dateOfBirth\":\"1975-03-04\"}]}\n"
            + "{\"seizureId\":\"SZ-PV-2\",\"date\":\"2026-11-26\",\"commodity\":\"heroin\","
            + "\"persons\":[{\"name\":\"Boris Brightwater\",\"dateOfBirth\":\"1980-05-05\"}],"
            + "\"sharedWith\":[\"police-jp\"]}\n"
            + "{\"seizureId\":\"SZ-PV-3\",\"date\":\"2026-11-26\",\"commodity\":\"gold\","
            + "\"persons\":[{\"name\":\"Siriporn Chaiyaporn\",\"dateOfBirth\":\"1975-03-04\"}],"
            + "\"sharedWith\":[\"police-jp\"]}\n";
    JsonNode report = JSON.readTree(send(officer, "POST", "/api/ingest/seizures", seizures).body());
    assertThat(report.get("stored").asInt()).as(report.toString()).isEqualTo(4);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(String token, String method, String path, String body)
      throws Exception {
    return send(token, method, path, body, "application/json");
  }

  private HttpResponse<String> send(
      String token, String method, String path, String body, String accept) throws Exception {
    return server.send(token, method, path, body, accept, "application/json");
  }

  private long record(String sourceId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from intel.record where source_id = ?")
                    .bind(0, sourceId)
                    .mapTo(Long.class)
                    .one());
  }

  private long person(String birth) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from intel.entity where type = 'person' and key like ?")
                    .bind(0, "%|" + birth)
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

  private long denied() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from platform.audit_log where action ="
                            + " 'record.read.denied'")
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void afterACustomsMergeThePartnerSeesNothingOfTheCustomsOnlyParty() throws Exception {
    long alpha = person("1970-01-01");
    long boris = person("1980-05-05");
    HttpResponse<String> merged =
        send(
            officer,
            "POST",
            "/api/entities/" + alpha + "/merge",
            "{\"mergedId\":" + boris + ",\"reason\":\"xyzzy informant note\"}");
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
    // customs still sees its own judgement
    assertThat(send(officer, "GET", "/api/entities/" + alpha, null).body())
        .contains("xyzzy informant note", "ALPHA PERSON RV16");

    List<String> paths =
        List.of(
            "/api/entities/" + alpha,
            "/api/entities/" + boris,
            "/api/entities/" + alpha + "/graph",
            "/api/entities/" + boris + "/graph");
    for (String path : paths) {
      HttpResponse<String> r = send(police, "GET", path, null);
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
      assertThat(r.body().toUpperCase(java.util.Locale.ROOT))
          .as(path)
          .contains("BORIS BRIGHTWATER")
          .doesNotContain("ALPHA", "RV16", "1970-01-01", "XYZZY", "KENJI");
    }
    JsonNode view = JSON.readTree(send(police, "GET", "/api/entities/" + alpha, null).body());
    assertThat(view.get("key").asText()).isEqualTo("BORIS BRIGHTWATER|1980-05-05");
    assertThat(view.get("display").asText()).isEqualTo("Boris Brightwater");
    for (String page : List.of("/entities/" + alpha, "/entities/" + boris)) {
      HttpResponse<String> r = send(police, "GET", page, null, "text/html");
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      assertThat(r.body())
          .as(page)
          .contains("Boris Brightwater")
          .doesNotContain("RV16", "1970-01-01", "xyzzy", "kenji");
    }
  }

  @Test
  void aSharingWrittenIntoIngestedDataIsKeptWithItsAgreementAndAuditedPerRecord() throws Exception {
    String row =
        "{\"seizureId\":\"SZ-PV-9\",\"date\":\"2026-11-26\",\"commodity\":\"cocaine\","
            + "\"sharedWith\":[\"police-jp\"]}\n";
    assertThat(send(officer, "POST", "/api/ingest/seizures", row).statusCode()).isEqualTo(200);
    long id = record("SZ-PV-9");
    assertThat(audited("record.shared", "record:" + id)).isEqualTo(1);
    String details =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select actor || ' ' || details::text from platform.audit_log where"
                                + " action = 'record.shared' and subject = ?")
                        .bind(0, "record:" + id)
                        .mapTo(String.class)
                        .one());
    assertThat(details)
        .startsWith("kenji ")
        .contains("police-jp", "\"" + agreement + "\"")
        .doesNotContain("cocaine");
    String share =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select agency || ' ' || agreement_id || ' ' || shared_by from"
                                + " intel.record_share where record_id = ? and revoked_at is null")
                        .bind(0, id)
                        .mapTo(String.class)
                        .one());
    assertThat(share).isEqualTo("police-jp " + agreement + " kenji");
    // the same row again stores nothing and shares nothing anew
    assertThat(send(officer, "POST", "/api/ingest/seizures", row).statusCode()).isEqualTo(200);
    assertThat(audited("record.shared", "record:" + id)).isEqualTo(1);
    // the partner reads it
    assertThat(send(police, "GET", "/api/records/" + id, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aPartnersGraphLabelsPartiesAsItsRecordsWriteThem() throws Exception {
    long siriporn = person("1975-03-04");
    String graph = send(police, "GET", "/api/entities/" + siriporn + "/graph", null).body();
    assertThat(graph).contains("Siriporn Chaiyaporn").doesNotContain("SIRIPORN CHAIYAPORN");
    // customs' own graph keeps the stored name
    assertThat(send(officer, "GET", "/api/entities/" + siriporn + "/graph", null).body())
        .contains("SIRIPORN CHAIYAPORN");
  }

  @Test
  void aPartnerCannotTellAnUnsharedRecordFromAnUnknownOneAndEveryRefusalIsAudited()
      throws Exception {
    long hidden = record("SZ-PV-7");
    long before = audited("record.read.denied", "record:" + hidden);
    HttpResponse<String> byId = send(police, "GET", "/api/records/" + hidden, null);
    HttpResponse<String> unknown = send(police, "GET", "/api/records/99999999", null);
    assertThat(byId.statusCode()).as(byId.body()).isEqualTo(403);
    assertThat(unknown.statusCode()).isEqualTo(403);
    // the same answer as for an id nobody holds: nothing tells that this one exists
    assertThat(byId.body()).isEqualTo(unknown.body().replace("99999999", Long.toString(hidden)));
    assertThat(send(police, "GET", "/records/" + hidden, null, "text/html").statusCode())
        .isEqualTo(403);
    assertThat(audited("record.read.denied", "record:" + hidden)).isEqualTo(before + 2);
    // by kind and source id: refused alike, and audited as the read by id is
    assertThat(send(police, "GET", "/api/records/seizure/SZ-PV-7", null).statusCode())
        .isEqualTo(403);
    assertThat(send(police, "GET", "/records/seizure/SZ-PV-7", null, "text/html").statusCode())
        .isEqualTo(403);
    assertThat(audited("record.read.denied", "record:" + hidden)).isEqualTo(before + 4);
    // a source id nobody holds names no record to audit
    long denials = denied();
    assertThat(send(police, "GET", "/api/records/seizure/SZ-PV-NONE", null).statusCode())
        .isEqualTo(403);
    assertThat(denied()).isEqualTo(denials);
    // the record shared with the partner is read as ever
    assertThat(send(police, "GET", "/api/records/" + record("SZ-PV-2"), null).statusCode())
        .isEqualTo(200);
  }
}
