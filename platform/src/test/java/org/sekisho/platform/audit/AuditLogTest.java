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

  /** Inserts one row into a scratch table, refusing itself (SQLSTATE SKT01) for a negative n. */
  private static final class Note implements AuditLog.AttachedWrite {
    final int n;
    Long id;

    Note(int n) {
      this.n = n;
    }

    @Override
    public String sql() {
      return "with ins as (insert into attached_note(n) select ? where ? >= 0 returning id)"
          + " select id from ins union all select refuse_note() where ? < 0";
    }

    @Override
    public int bind(java.sql.PreparedStatement st, int first) throws java.sql.SQLException {
      st.setInt(first, n);
      st.setInt(first + 1, n);
      st.setInt(first + 2, n);
      return first + 3;
    }

    @Override
    public void read(java.sql.ResultSet rs) throws java.sql.SQLException {
      assertThat(rs.next()).isTrue();
      id = rs.getLong(1);
    }
  }

  private void scratchTable() {
    db.jdbi()
        .useHandle(
            h -> {
              h.execute("drop table if exists attached_note");
              h.execute("create table attached_note (id bigserial primary key, n int not null)");
              h.execute(
                  "create or replace function refuse_note() returns bigint language plpgsql as"
                      + " $$ begin raise exception using errcode = 'SKT01', message = 'refused';"
                      + " end $$");
            });
  }

  private static AuditEvent noted(int n) {
    return new AuditEvent(
        Instant.parse("2026-11-27T01:02:03Z").plusSeconds(n),
        "analyst",
        "customs-jp",
        "note.write",
        "note:" + n,
        Map.of("n", Integer.toString(n)));
  }

  private List<Integer> notes() {
    List<Integer> out =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select n from attached_note order by n")
                        .mapTo(Integer.class)
                        .list());
    return out;
  }

  private List<String> subjects() {
    List<String> out =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select subject from platform.audit_log order by seq")
                        .mapTo(String.class)
                        .list());
    return out;
  }

  @Test
  void anAttachedWriteCommitsDurablyWithItsEntryAndAWriteRefusingItselfWritesNeither() {
    scratchTable();
    Note kept = new Note(7);
    log.record(noted(7), kept);
    assertThat(kept.id).isNotNull();
    assertThat(notes()).containsExactly(7);
    assertThat(subjects()).containsExactly("note:7");

    Note refused = new Note(-1);
    assertThatThrownBy(() -> log.record(noted(-1), refused))
        .isInstanceOfSatisfying(
            AuditLog.AttachedWriteFailed.class, f -> assertThat(f.sqlState()).isEqualTo("SKT01"))
        .hasMessageContaining("refused");
    assertThat(refused.id).isNull();
    // neither the row nor the entry: the transaction is one
    assertThat(notes()).containsExactly(7);
    assertThat(subjects()).containsExactly("note:7");

    // the chain goes on where it was
    append(1);
    log.record(noted(8), new Note(8));
    assertThat(notes()).containsExactly(7, 8);
    assertThat(subjects()).containsExactly("note:7", "declaration:0", "note:8");
    assertThat(log.verify()).isEqualTo(new AuditVerification.Ok(3));
  }

  @Test
  void concurrentAttachedWritesKeepOneChainAndOneRefusalFailsOnlyItsOwnEntry() throws Exception {
    scratchTable();
    int threads = 8;
    int each = 25;
    List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger refusals =
        new java.util.concurrent.atomic.AtomicInteger();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        pool.submit(
            () -> {
              for (int i = 0; i < each; i++) {
                int n = thread * 1000 + i;
                // every fifth write of every thread refuses itself; plain entries in between
                boolean refuse = i % 5 == 4;
                try {
                  if (i % 3 == 0) {
                    log.record(noted(n + 500));
                  }
                  log.record(noted(n), new Note(refuse ? -n - 1 : n));
                  if (refuse) {
                    unexpected.add(new AssertionError("write " + n + " was not refused"));
                  }
                } catch (AuditLog.AttachedWriteFailed f) {
                  if (refuse && f.sqlState().equals("SKT01")) {
                    refusals.incrementAndGet();
                  } else {
                    unexpected.add(f);
                  }
                } catch (RuntimeException ex) {
                  unexpected.add(ex);
                }
              }
            });
      }
    }
    assertThat(unexpected).isEmpty();
    assertThat(refusals).hasValue(threads * 5);
    List<Integer> written = notes();
    List<String> entries = subjects();
    // each written note has its entry; no refused one has either
    assertThat(written).hasSize(threads * 20);
    for (int n : written) {
      assertThat(entries).contains("note:" + n);
    }
    assertThat(entries).hasSize(threads * 20 + threads * 9);
    assertThat(log.verify()).isEqualTo(new AuditVerification.Ok(threads * 29L));
  }

  @Test
  void anAttachedWriteIsNotRunTwiceWhenAnotherProcessMovedTheHeadMeanwhile() {
    scratchTable();
    AuditLog other = new AuditLog(db.jdbi());
    log.record(noted(1));
    other.record(noted(2)); // this log's idea of the head is now stale
    Note n = new Note(3);
    log.record(noted(3), n);
    assertThat(n.id).isNotNull();
    assertThat(notes()).containsExactly(3);
    assertThat(subjects()).containsExactly("note:1", "note:2", "note:3");
    assertThat(log.verify()).isEqualTo(new AuditVerification.Ok(3));
  }
}
