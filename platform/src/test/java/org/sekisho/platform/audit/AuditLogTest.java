package org.sekisho.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuditLogTest {
  private final Database db;
  private final AuditLog log;

  AuditLogTest(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform")));
    this.log = new AuditLog(db.jdbi());
  }

  @BeforeEach
  void emptyLog() {
    db.jdbi()
        .useHandle(
            h -> {
              h.execute("alter table platform.audit_log disable trigger audit_log_no_update");
              h.execute("delete from platform.audit_log");
              h.execute("alter table platform.audit_log enable trigger audit_log_no_update");
              h.execute("update platform.audit_head set seq = 0, hash = repeat('0', 64)");
            });
  }

  private void append(int n) {
    for (int i = 0; i < n; i++) {
      log.record(
          new AuditEvent(
              Instant.parse("2026-11-27T01:02:03.123456789Z").plusSeconds(i),
              "analyst" + i,
              "customs-jp",
              "record.read",
              "declaration:" + i,
              Map.of("q", "テスト \"quoted\"", "n", Integer.toString(i))));
    }
  }

  @Test
  void anEntryIsOnDiskWhenRecordReturnsThoughTheServerCommitsAsynchronouslyByDefault() {
    String serverDefault =
        db.jdbi()
            .withHandle(h -> h.createQuery("show synchronous_commit").mapTo(String.class).one());
    assertThat(serverDefault).isEqualTo("off");
    for (int i = 0; i < 20; i++) {
      String before =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select pg_current_wal_insert_lsn()::text")
                          .mapTo(String.class)
                          .one());
      append(1);
      // the WAL holding the entry's commit (written after "before") is flushed, not just written
      boolean flushed =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select pg_current_wal_flush_lsn() > cast(:b as pg_lsn)")
                          .bind("b", before)
                          .mapTo(Boolean.class)
                          .one());
      assertThat(flushed).as("append %d flushed before record returned", i).isTrue();
    }
    assertThat(log.verify()).isEqualTo(new AuditVerification.Ok(20));
  }

  @Test
  void twoLogsOverOneDatabaseAsTwoProcessesKeepOneChainInTurnsAndAtOnce() throws Exception {
    // each log remembers the head it wrote; the other one's appends make that stale every time
    AuditLog other = new AuditLog(db.jdbi());
    for (int i = 0; i < 10; i++) {
      record(log, "server", i);
      record(other, "cli", i);
    }
    assertThat(log.verify()).isEqualTo(new AuditVerification.Ok(20));
    var threads = new java.util.ArrayList<Thread>();
    for (AuditLog l : List.of(log, other)) {
      for (int t = 0; t < 3; t++) {
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      for (int i = 0; i < 30; i++) {
                        record(l, "writer", i);
                      }
                    }));
      }
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(other.verify()).isEqualTo(new AuditVerification.Ok(200));
    long distinct =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(distinct seq) from platform.audit_log")
                        .mapTo(Long.class)
                        .one());
    assertThat(distinct).isEqualTo(200);
  }

  private static void record(AuditLog l, String actor, int i) {
    l.record(
        new AuditEvent(
            Instant.parse("2026-11-27T01:02:03.000004Z"),
            actor,
            "customs-jp",
            "record.read",
            "declaration:" + i,
            Map.of("n", Integer.toString(i))));
  }

  @Test
  void anIntactChainVerifiesWithItsEntryCount() {
    append(25);
    assertThat(log.verify()).isEqualTo(new AuditVerification.Ok(25));
  }

  @Test
  void anAlteredEntryIsReportedAtItsSequenceNumber() {
    append(10);
    db.jdbi()
        .useHandle(
            h -> {
              h.execute("alter table platform.audit_log disable trigger audit_log_no_update");
              h.execute("update platform.audit_log set actor = 'someone-else' where seq = 7");
              h.execute("alter table platform.audit_log enable trigger audit_log_no_update");
            });
    assertThat(log.verify())
        .isInstanceOfSatisfying(
            AuditVerification.Broken.class,
            b -> {
              assertThat(b.seq()).isEqualTo(7);
              assertThat(b.reason()).contains("altered");
            });
  }

  @Test
  void aRemovedEntryIsReported() {
    append(5);
    db.jdbi()
        .useHandle(
            h -> {
              h.execute("alter table platform.audit_log disable trigger audit_log_no_update");
              h.execute("delete from platform.audit_log where seq = 3");
              h.execute("alter table platform.audit_log enable trigger audit_log_no_update");
            });
    assertThat(log.verify())
        .isEqualTo(new AuditVerification.Broken(3, "entry 3 is missing (next is 4)"));
  }

  @Test
  void entriesCutFromTheEndAreReported() {
    append(5);
    db.jdbi()
        .useHandle(
            h -> {
              h.execute("alter table platform.audit_log disable trigger audit_log_no_update");
              h.execute("delete from platform.audit_log where seq = 5");
              h.execute("alter table platform.audit_log enable trigger audit_log_no_update");
            });
    assertThat(log.verify()).isInstanceOf(AuditVerification.Broken.class);
  }

  @Test
  void theDatabaseRefusesUpdatesAndDeletes() {
    append(1);
    assertThatThrownBy(
            () -> db.jdbi().useHandle(h -> h.execute("update platform.audit_log set actor = 'x'")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("delete from platform.audit_log")))
        .hasMessageContaining("append-only");
  }

  @Test
  void thousandsOfAppendsAtOnceAreWrittenInChunksOfOneChain() throws Exception {
    // most of them wait while the first commits, so the next group is larger than one statement
    var threads = new java.util.ArrayList<Thread>();
    for (int i = 0; i < 3000; i++) {
      threads.add(Thread.ofVirtual().start(() -> append(1)));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(log.verify()).isEqualTo(new AuditVerification.Ok(3000));
  }

  @Test
  void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
    var threads = new java.util.ArrayList<Thread>();
    for (int t = 0; t < 4; t++) {
      threads.add(Thread.ofVirtual().start(() -> append(20)));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(log.verify()).isEqualTo(new AuditVerification.Ok(80));
  }

  @Test
  void concurrentAppendsFormOneUnbrokenChainAndEachIsCommittedOnReturn() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 40; i++) {
                    String subject = "declaration:" + thread + "-" + i;
                    log.record(
                        new AuditEvent(
                            Instant.parse("2026-11-27T01:02:03Z"),
                            "analyst" + thread,
                            "customs-jp",
                            "record.read",
                            subject,
                            Map.of()));
                    // Committed before record returned: visible to a new connection now.
                    long n =
                        db.jdbi()
                            .withHandle(
                                h ->
                                    h.createQuery(
                                            "select count(*) from platform.audit_log where"
                                                + " subject = :s")
                                        .bind("s", subject)
                                        .mapTo(Long.class)
                                        .one());
                    if (n == 1) {
                      seen.add(subject);
                    }
                  }
                }));
      }
      for (var f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(320);
    assertThat(log.verify()).isEqualTo(new AuditVerification.Ok(320));
  }
}
