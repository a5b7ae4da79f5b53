package org.sekisho.passenger.pnr.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.PassengerServer;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * One pending unmasking request per person and booking version, held by PostgreSQL itself (V14): a
 * database that held duplicates before keeps the earliest of each and closes the later ones with a
 * reason; an ask that races another for the same version is 409 naming it, never 500 and never a
 * second pending request.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OnePendingUnmaskRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Database db;
  private static PassengerServer fixture;
  private static WebServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Database database) {
    db = database;
    Clock clock = Clock.systemUTC();
    db.migrate(List.of(Migrations.of("platform")));
    // the schema as it was before V14, holding what the application's check let through: two
    // pending asks of one person for one version (sent at the same moment), and a third person's
    Flyway.configure()
        .dataSource(db.dataSource())
        .schemas("passenger")
        .createSchemas(true)
        .table("flyway_history")
        .locations("classpath:db/passenger")
        .target("13")
        .load()
        .migrate();
    db.jdbi()
        .useHandle(
            h -> {
              long v1 = maskedVersion(h, "OLD001");
              long v2 = maskedVersion(h, "OTHER1");
              // asked for by nobody yet: the race below
              maskedVersion(h, "RACE01");
              ask(h, v1, "pnr", "Case 2026-TK-0001 first ask");
              ask(h, v1, "pnr", "Case 2026-TK-0001 sent twice");
              ask(h, v1, "pnr", "Case 2026-TK-0001 sent three times");
              ask(h, v1, "pnr2", "Case 2026-TK-0002 of my own");
              ask(h, v2, "pnr2", "Case 2026-TK-0003 another booking");
            });
    // the context's migrations take the database on from V13
    fixture =
        PassengerServer.start(db, clock, "one-pending-unmask-test", "AU")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq");
    server = fixture.web();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static long maskedVersion(Handle h, String locator) {
    long message =
        h.createQuery(
                "insert into passenger.message (kind, source, sha256, received_at, status) values"
                    + " ('PNRGOV', 'test', :sha, now(), 'accepted') returning id")
            .bind("sha", "sha-" + locator)
            .mapTo(Long.class)
            .one();
    return h.createQuery(
            "insert into passenger.pnr_version (message_id, carrier, locator, version,"
                + " received_at, names, seats, payments, itinerary, changes, masked) values (:m,"
                + " 'UA', :l, 1, now(), '{}', '{}', '{}', '{}', '[]', true) returning id")
        .bind("m", message)
        .bind("l", locator)
        .mapTo(Long.class)
        .one();
  }

  private static void ask(Handle h, long version, String who, String reason) {
    h.createUpdate(
            "insert into passenger.unmask_request (version_id, requested_by, reason,"
                + " requested_at) values (:v, :u, :r, now())")
        .bind("v", version)
        .bind("u", who)
        .bind("r", reason)
        .execute();
  }

  @Test
  void theMigrationKeepsTheEarliestPendingAskOfEachPersonAndClosesTheLaterOnesSayingWhy() {
    List<Map<String, Object>> rows =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select r.id, v.locator, r.requested_by, r.status,"
                                + " coalesce(r.refused_by, '') as refused_by,"
                                + " coalesce(r.refusal_reason, '') as why from"
                                + " passenger.unmask_request r join passenger.pnr_version v on"
                                + " v.id = r.version_id where v.locator in ('OLD001', 'OTHER1')"
                                + " order by r.id")
                        .mapToMap()
                        .list());
    assertThat(rows).hasSize(5);
    long kept = ((Number) rows.get(0).get("id")).longValue();
    assertThat(rows.get(0)).containsEntry("status", "pending");
    for (Map<String, Object> later : rows.subList(1, 3)) {
      assertThat(later)
          .containsEntry("requested_by", "pnr")
          .containsEntry("status", "refused")
          .containsEntry("refused_by", "system:migration");
      assertThat((String) later.get("why"))
          .contains("request " + kept + " by the same person for this version was pending");
    }
    // another person's ask for that version, and asks for other versions, stay as they were
    assertThat(rows.get(3))
        .containsEntry("requested_by", "pnr2")
        .containsEntry("status", "pending");
    assertThat(rows.get(4))
        .containsEntry("requested_by", "pnr2")
        .containsEntry("status", "pending");
    // and the database now refuses a duplicate written past the application
    Integer index =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from pg_indexes where schemaname = 'passenger' and"
                                + " indexname = 'unmask_request_one_pending'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(index).isEqualTo(1);
  }

  @Test
  void anAskRacingAnotherOfTheSamePersonForTheSameVersionIs409NamingItNot500() throws Exception {
    String pnr = token();
    long version =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from passenger.pnr_version where locator = 'RACE01'")
                        .mapTo(Long.class)
                        .one());
    // the first ask is being written (its transaction not committed yet) when the second arrives:
    // the application's check cannot see it, only the database can
    try (Handle first = db.jdbi().open()) {
      first.begin();
      long firstId =
          first
              .createQuery(
                  "insert into passenger.unmask_request (version_id, requested_by, reason,"
                      + " requested_at) values (:v, 'pnr', 'Case 2026-TK-0004 first', now())"
                      + " returning id")
              .bind("v", version)
              .mapTo(Long.class)
              .one();
      CompletableFuture<HttpResponse<String>> second =
          http.sendAsync(
              HttpRequest.newBuilder(uri("/api/pnr/UA/RACE01/1/unmask"))
                  .header("Authorization", "Bearer " + pnr)
                  .header("Content-Type", "text/plain")
                  .POST(HttpRequest.BodyPublishers.ofString("Case 2026-TK-0004 at once"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      waitForALockWait();
      assertThat(second).isNotDone();
      first.commit();
      HttpResponse<String> answer = second.get(30, TimeUnit.SECONDS);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
      JsonNode body = JSON.readTree(answer.body());
      assertThat(body.get("error").asText()).isEqualTo("conflict");
      assertThat(body.get("field").asText()).isEqualTo("version");
      assertThat(body.get("message").asText()).contains("request " + firstId);
    }
    Integer pending =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from passenger.unmask_request where version_id = :v"
                                + " and requested_by = 'pnr' and status = 'pending'")
                        .bind("v", version)
                        .mapTo(Integer.class)
                        .one());
    assertThat(pending).isEqualTo(1);
  }

  /** Until a session of this database waits for a lock: the second ask's insert. */
  private static void waitForALockWait() throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Integer waiting =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from pg_stat_activity where datname ="
                                  + " current_database() and wait_event_type = 'Lock'")
                          .mapTo(Integer.class)
                          .one());
      if (waiting > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the second ask never waited for the first: is the index there?");
  }

  private String token() throws Exception {
    return fixture.token("pnr");
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
