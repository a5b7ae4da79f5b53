package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.sekisho.core.Problem;
import org.sekisho.intel.domain.ProblemReasons;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A refused row's personal data is not copied into the ingest log: the log names row, field and
 * reason, and points to the archived input, which only the user who ran the ingest (or an
 * administrator of its agency) reads, each read audited; other agencies do not see the run.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IngestProblemPrivacyWebTest {
  private static final ObjectMapper JSON = IntelServer.JSON;

  // the personal values of the refused rows, none of which the log may hold
  private static final List<String> PERSONAL =
      List.of("SUZUKI", "MISAKI", "1980-13-45", "TZ99", "misaki.suzuki", "0312345");

  /** Four rows, the first good, with source ids starting {@code tag}. */
  private static String input(String tag) {
    return ("{\"seizureId\":\"SZ-PRIV-1\",\"date\":\"2026-11-26\",\"commodity\":\"gold\"}\n"
            // every party value refused, each message quoting it
            + "{\"seizureId\":\"SZ-PRIV-2\",\"date\":\"2026-11-26\",\"commodity\":\"gold\","
            + "\"persons\":[{\"name\":\"SUZUKI MISAKI\",\"dateOfBirth\":\"1980-13-45\","
            + "\"document\":\"TZ99-SUZUKI\",\"email\":\"misaki.suzuki-at-example\","
            + "\"country\":\"SUZUKI\"}]}\n"
            // a line the parser cannot read, whose message quotes the token
            + "{\"seizureId\":\"SZ-PRIV-3\",\"persons\":[{\"name\":SUZUKI}]}\n"
            // a date quoted back
            + "{\"seizureId\":\"SZ-PRIV-4\",\"date\":\"0312345\",\"commodity\":\"gold\"}\n")
        .replace("SZ-PRIV-", tag);
  }

  private Database db;
  private IntelServer server;
  private String aiko;
  private String ren;
  private String admin;
  private String police;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    this.db = db;
    server = IntelServer.start(db, dir);
    TestIngest.register(db, IntelServer.CLOCK, "police-jp");
    aiko = server.token("aiko", "Aiko", Set.of(Role.ANALYST), "customs-jp", "");
    ren = server.token("ren", "Ren", Set.of(Role.ANALYST), "customs-jp", "");
    admin = server.token("root", "Root", Set.of(Role.ADMIN), "customs-jp", "");
    police = server.token("taro", "Taro", Set.of(Role.PARTNER), "police-jp", "");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(String bearer, String method, String path, String body)
      throws Exception {
    return server.send(
        server.request(bearer, path).header("Accept", "application/json"), method, body);
  }

  private long count(String sql, Object... args) {
    Long n =
        db.jdbi()
            .withHandle(
                h -> {
                  var q = h.createQuery(sql);
                  for (int i = 0; i < args.length; i++) {
                    q.bind(i, args[i]);
                  }
                  return q.mapTo(Long.class).one();
                });
    return n;
  }

  private long ingestAsAiko(String input) throws Exception {
    HttpResponse<String> r = send(aiko, "POST", "/api/ingest/seizures?format=json", input);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("stored").asLong()).isEqualTo(1);
    assertThat(report.get("rejected").asLong()).isEqualTo(3);
    // the one who sent the file is told what was wrong with the values it sent, as before
    assertThat(r.body()).contains("1980-13-45");
    return report.get("run").asLong();
  }

  @Test
  void theLogKeepsRowFieldAndReasonButNoValueOfARefusedRow() throws Exception {
    long run = ingestAsAiko(input("SZ-LOG-"));
    List<String> kept =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select concat_ws(' ', row_no, source_id, field, code, reason) from"
                                + " intel.ingest_problem where run_id = ?")
                        .bind(0, run)
                        .mapTo(String.class)
                        .list());
    assertThat(kept).hasSizeGreaterThanOrEqualTo(6);
    for (String value : PERSONAL) {
      assertThat(kept).noneMatch(k -> k.toLowerCase().contains(value.toLowerCase()));
    }
    // still saying where and why
    assertThat(kept)
        .anyMatch(k -> k.contains("persons[0].dateOfBirth") && k.contains("expected an ISO date"))
        .anyMatch(k -> k.contains("persons[0].email") && k.contains("expected an e-mail address"))
        .anyMatch(k -> k.startsWith("3 ") && k.contains("not valid JSON"))
        .anyMatch(k -> k.startsWith("4 SZ-LOG-4 date"));

    JsonNode listing = JSON.readTree(send(aiko, "GET", "/api/ingest-runs/" + run, null).body());
    assertThat(listing.get("agency").asText()).isEqualTo("customs-jp");
    assertThat(listing.get("rejected").asLong()).isEqualTo(3);
    assertThat(listing.get("raw").asText()).isEqualTo("/api/ingest-runs/" + run + "/raw");
    assertThat(listing.get("problems")).isNotEmpty();
    for (String value : PERSONAL) {
      assertThat(listing.get("problems").toString().toLowerCase())
          .doesNotContain(value.toLowerCase());
    }
    assertThat(listing.get("problems").get(0).get("row").asLong()).isEqualTo(2);
    assertThat(listing.get("problems").get(0).get("sourceId").asText()).isEqualTo("SZ-LOG-2");
  }

  @Test
  void theRawInputIsReadByWhoRanTheIngestOrAnAdministratorOfItsAgencyAndEachReadIsAudited()
      throws Exception {
    String input = input("SZ-RAW-");
    long run = ingestAsAiko(input);
    String subject = "ingest-run:" + run;
    HttpResponse<String> own = send(aiko, "GET", "/api/ingest-runs/" + run + "/raw", null);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(input);
    assertThat(
            count(
                "select count(*) from platform.audit_log where action = 'ingest.raw.read'"
                    + " and subject = ? and actor = 'aiko'",
                subject))
        .isEqualTo(1);
    assertThat(send(admin, "GET", "/api/ingest-runs/" + run + "/raw", null).statusCode())
        .isEqualTo(200);

    // a colleague sees where and why, not the values
    JsonNode listing = JSON.readTree(send(ren, "GET", "/api/ingest-runs/" + run, null).body());
    assertThat(listing.get("raw").isNull()).isTrue();
    assertThat(listing.get("problems")).isNotEmpty();
    HttpResponse<String> colleague = send(ren, "GET", "/api/ingest-runs/" + run + "/raw", null);
    assertThat(colleague.statusCode()).isEqualTo(403);
    assertThat(colleague.body()).doesNotContain("SUZUKI");

    // another agency learns nothing of the run, not even that it exists
    assertThat(send(police, "GET", "/api/ingest-runs/" + run, null).statusCode()).isEqualTo(404);
    HttpResponse<String> partner = send(police, "GET", "/api/ingest-runs/" + run + "/raw", null);
    assertThat(partner.statusCode()).isEqualTo(404);
    assertThat(
            count(
                "select count(*) from platform.audit_log where action = 'ingest.raw.read.denied'"
                    + " and subject = ? and actor in ('ren', 'taro')",
                subject))
        .isEqualTo(2);
    assertThat(send(aiko, "GET", "/api/ingest-runs/999999/raw", null).statusCode()).isEqualTo(404);
  }

  @Test
  void theMigrationCutsStoredReasonsAsTheLogNowCutsThem() {
    // V14 rewrote the reasons stored before it with SQL: the same messages, cut the same way
    List<Problem> problems =
        List.of(
            Problem.of(
                "invalid-date",
                "persons[0].dateOfBirth",
                "expected an ISO date (1980-04-01), got '1980-13-45'"),
            Problem.of(
                "invalid-json",
                "line 3",
                "not valid JSON: Unrecognized token 'SUZUKI': was expecting"),
            Problem.of("too-long", "name", "expected at most 500 characters, got 612"),
            Problem.of("invalid-number", "quantity", "must not be negative, got -5"),
            Problem.of("invalid-type", "persons", "expected a list, got an object"),
            Problem.of("missing-field", "commodity", "is required"),
            Problem.of(
                "invalid-value",
                "Fraud",
                "expected 0 (nothing found) or 1 (infraction), or nothing when not inspected;"
                    + " got 'x'"));
    for (Problem p : problems) {
      String sql =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "with c as (select case when :code in ('invalid-json',"
                                  + " 'invalid-csv', 'invalid-header') and position(':' in :m) > 0"
                                  + " then split_part(:m, ':', 1) else :m end as m),"
                                  + " g as (select case when :code <> 'invalid-type' and m ~"
                                  + " '(^|[\\s,;(])got\\s' then regexp_replace(m,"
                                  + " '(^|[\\s,;(])got\\s.*$', '') else m end as m from c),"
                                  + " t as (select case when m ~ '[ ,;(]$' then rtrim(m, ' ,;(')"
                                  + " else m end as m from g)"
                                  + " select case when m = '' then :code else m end from t")
                          .bind("code", p.code())
                          .bind("m", p.message())
                          .mapTo(String.class)
                          .one());
      assertThat(sql).as(p.message()).isEqualTo(ProblemReasons.withoutValues(p));
    }
    assertThat(ProblemReasons.withoutValues(problems.get(0)))
        .isEqualTo("expected an ISO date (1980-04-01)");
    assertThat(ProblemReasons.withoutValues(problems.get(1))).isEqualTo("not valid JSON");
    assertThat(ProblemReasons.withoutValues(problems.get(4)))
        .isEqualTo("expected a list, got an object");
  }

  private List<String> kept(long run) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select concat_ws(' | ', row_no, field, code, reason) from"
                            + " intel.ingest_problem where run_id = ? order by row_no, field")
                    .bind(0, run)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void noQuotedValueNorAFieldNameThatIsNoFieldNameIsKept() throws Exception {
    String input =
        "{\"seizureId\":\"SZ-Q-1\",\"date\":\"2026-11-26\",\"commodity\":\"gold\","
            + "\"sharedWith\":[\"SUZUKI-MISAKI-AGENCY\"]}\n"
            + "{\"seizureId\":\"SZ-Q-2\",\"date\":\"2026-11-26\",\"commodity\":\"gold\","
            + "\"SUZUKI MISAKI 19800101\":\"x\",\"comodity\":\"y\"}\n";
    HttpResponse<String> r = send(aiko, "POST", "/api/ingest/seizures?format=json", input);
    assertThat(r.statusCode()).as(r.body()).isIn(200, 422);
    long run = JSON.readTree(r.body()).get("run").asLong();
    List<String> kept = kept(run);
    assertThat(kept)
        .as(kept.toString())
        .anyMatch(k -> k.contains("unknown-agency") && k.contains("no agency is registered"))
        .anyMatch(k -> k.contains("| (unknown field) | unknown-field |"))
        // a plausible misspelling is still named, to be corrected
        .anyMatch(k -> k.contains("| comodity | unknown-field |"));
    assertThat(kept.toString().toUpperCase()).doesNotContain("SUZUKI").doesNotContain("19800101");
    JsonNode listing = JSON.readTree(send(aiko, "GET", "/api/ingest-runs/" + run, null).body());
    assertThat(listing.get("problems").toString().toUpperCase()).doesNotContain("SUZUKI");
    assertThat(ProblemReasons.withoutValues(Problem.of("x", "f", "the format's fields 'a' and b")))
        .isEqualTo("the format's fields and b");
  }

  @Test
  void theRunListingCountsConflictingVersions() throws Exception {
    String first = "{\"seizureId\":\"SZ-CF-1\",\"date\":\"2026-11-26\",\"commodity\":\"gold\"}\n";
    assertThat(send(aiko, "POST", "/api/ingest/seizures?format=json", first).statusCode())
        .isEqualTo(200);
    HttpResponse<String> r =
        send(aiko, "POST", "/api/ingest/seizures?format=json", first.replace("gold", "silver"));
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("conflicts").asLong()).as(r.body()).isEqualTo(1);
    long run = report.get("run").asLong();
    JsonNode listing = JSON.readTree(send(aiko, "GET", "/api/ingest-runs/" + run, null).body());
    assertThat(listing.get("conflicts").asLong()).as(listing.toString()).isEqualTo(1);
  }

  @Test
  void migrationSixteenCutsStoredQuotedValuesAndFieldNamesAndCountsConflicts() throws Exception {
    long run =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "insert into intel.ingest_run(kind, format, source, actor, sha256,"
                                + " archive, started_at, finished_at, rows_read, stored, duplicates,"
                                + " rejected) values ('seizure', 'json', 't', 'aiko', 'x', 'x',"
                                + " now(), now(), 3, 0, 0, 3) returning id")
                        .mapTo(Long.class)
                        .one());
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "insert into intel.ingest_problem(run_id, row_no, source_id, field, code, reason)"
                      + " values (?, 1, 'S1', 'sharedWith[0]', 'unknown-agency', 'no agency"
                      + " ''SUZUKI-MISAKI-AGENCY'' is registered (registered: customs-jp)'),"
                      + " (?, 2, 'S2', 'SUZUKI MISAKI 19800101', 'unknown-field', 'is not a field"
                      + " of a seizure'), (?, 2, 'S2', 'items[0].valeu', 'unknown-field', 'is not"
                      + " a field of an item'), (?, 3, 'S3', '', 'conflicting-version', 'another"
                      + " version')",
                  run,
                  run,
                  run,
                  run);
              h.execute("update intel.ingest_run set conflicts = null where id = ?", run);
            });
    String v16;
    try (var in =
        getClass()
            .getResourceAsStream("/db/intel/V16__ingest_run_conflicts_and_quoted_values.sql")) {
      v16 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String rerun = v16.replace("add column conflicts", "add column if not exists conflicts");
    db.jdbi()
        .useHandle(
            h -> {
              try (var st = h.getConnection().createStatement()) {
                st.execute(rerun);
              }
            });
    assertThat(kept(run))
        .containsExactly(
            "1 | sharedWith[0] | unknown-agency | no agency is registered (registered:"
                + " customs-jp)",
            "2 | (unknown field) | unknown-field | is not a field of a seizure",
            "2 | items[0].valeu | unknown-field | is not a field of an item",
            "3 |  | conflicting-version | another version");
    assertThat(count("select conflicts from intel.ingest_run where id = ?", run)).isEqualTo(1);
    // the same cut as the log makes now
    assertThat(
            ProblemReasons.withoutValues(
                Problem.of(
                    "unknown-agency",
                    "agency",
                    "no agency 'SUZUKI-MISAKI-AGENCY' is registered (registered: customs-jp)")))
        .isEqualTo("no agency is registered (registered: customs-jp)");
  }
}
