package org.sekisho.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;

/**
 * The append-only, hash-chained audit log in PostgreSQL. Each entry's hash is SHA-256 over the
 * previous entry's hash and the entry's canonical text, so altering, inserting or removing any
 * entry is detected by {@link #verify()} at that entry. Appends are serialised through a one-row
 * head table; concurrent appends are committed together (group commit), and an append commits
 * durably (WAL flushed, whatever the server's {@code synchronous_commit}) before {@link #record}
 * returns, so what a caller committed before recording its entry is durable too. An append is one
 * statement, one round trip: it moves the head on only from the head this log last saw, and another
 * process having appended meanwhile makes it read the head again and retry. Thread-safe.
 */
public final class AuditLog implements AuditTrail {
  static final String GENESIS = "0".repeat(64);

  private final Jdbi jdbi;

  public AuditLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void record(AuditEvent e) {
    enqueue(e, null);
  }

  /**
   * A database write that commits together with its audit entry: in one transaction and in the
   * entry's own round trip, so that what a request decided and the entry saying so cost the caller
   * one wait for the database instead of two, and are never written one without the other.
   * Implementations are adapters' plain JDBC; the log calls them under its writer lock.
   */
  public interface AttachedWrite {
    /** One SQL statement that returns rows (a data-modifying CTE ending in a select). */
    String sql();

    /**
     * Binds the statement's parameters starting at {@code first}.
     *
     * @return the index after the last parameter bound
     */
    int bind(PreparedStatement st, int first) throws SQLException;

    /** Reads the statement's rows, once the transaction has committed. */
    void read(ResultSet rs) throws SQLException;
  }

  /** The write attached to an entry failed: neither it nor the entry was written. */
  public static final class AttachedWriteFailed extends RuntimeException {
    private final String sqlState;

    AttachedWriteFailed(SQLException cause) {
      super(cause.getMessage(), cause);
      this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
    }

    /** PostgreSQL's SQLSTATE for the failure (a write refusing itself names its own). */
    public String sqlState() {
      return sqlState;
    }
  }

  /**
   * Appends {@code e} and commits {@code write} in the same transaction, durably, in one round trip
   * (with other entries waiting at that moment, the writes and entries of all of them in one).
   * Returns after both are committed and {@link AttachedWrite#read} has run.
   *
   * @throws AttachedWriteFailed the write failed (it may refuse itself by raising an error):
   *     neither it nor {@code e} was written
   */
  public void record(AuditEvent e, AttachedWrite write) {
    enqueue(e, write);
  }

  private void enqueue(AuditEvent e, AttachedWrite write) {
    // Microsecond precision: what PostgreSQL stores is what gets hashed and re-hashed on verify.
    Pending p =
        new Pending(
            e.at().truncatedTo(ChronoUnit.MICROS),
            e.actor(),
            e.agency(),
            e.action(),
            e.subject(),
            canonicalDetails(e.details()),
            write);
    pending.add(p);
    // Group commit: whoever holds the writer lock appends every entry waiting at that moment in
    // one transaction, so concurrent requests share one lock on the chain head and one commit
    // instead of queueing for one each. Every caller still returns only after its entry is
    // committed.
    writer.lock();
    try {
      if (!p.done) {
        List<Pending> batch = new ArrayList<>();
        for (Pending q; (q = pending.poll()) != null; ) {
          batch.add(q);
        }
        append(batch);
      }
    } finally {
      writer.unlock();
    }
    if (p.failure instanceof AttachedWriteFailed f) {
      throw f;
    }
    if (p.failure != null) {
      throw new IllegalStateException(
          "audit entry not written: " + p.failure.getMessage(), p.failure);
    }
    APPENDED_HERE.get()[0]++;
    APPENDED_HERE_BY_ACTION.get().merge(e.action(), 1L, Long::sum);
  }

  // per thread, not per log: a request's handler may append through any log over the database
  private static final ThreadLocal<long[]> APPENDED_HERE =
      ThreadLocal.withInitial(() -> new long[1]);
  // the same, by action: a thread's actions are few (a request's reads, its refusal)
  private static final ThreadLocal<java.util.Map<String, Long>> APPENDED_HERE_BY_ACTION =
      ThreadLocal.withInitial(java.util.HashMap::new);

  /**
   * How many entries the calling thread has appended, through any {@code AuditLog}, since the
   * thread began (an entry that failed is not counted), whatever their action.
   */
  public static long appendedByThisThread() {
    return APPENDED_HERE.get()[0];
  }

  /**
   * How many entries with {@code action} the calling thread has appended, through any {@code
   * AuditLog}, since the thread began (an entry that failed is not counted). The server compares
   * the count of {@code access.denied} before and after a request's handler (each request runs on a
   * thread of its own) to tell whether the handler audited its refusal itself, so that a refusal is
   * audited once, by the module that decided it or else by the server; a read the handler audited
   * before refusing is another action and does not stand in for the refusal.
   */
  public static long appendedByThisThread(String action) {
    return APPENDED_HERE_BY_ACTION.get().getOrDefault(action, 0L);
  }

  private final java.util.concurrent.locks.ReentrantLock writer =
      new java.util.concurrent.locks.ReentrantLock();
  private final java.util.Queue<Pending> pending =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** An entry waiting to be appended; its fields after {@code done} are read under the lock. */
  private static final class Pending {
    final Instant at;
    final String actor;
    final String agency;
    final String action;
    final String subject;
    final String details;
    // set to null once the write has committed, so that a retry of the append alone (another
    // process moved the head meanwhile) does not run it twice
    AttachedWrite write;
    boolean done;
    RuntimeException failure;

    Pending(
        Instant at,
        String actor,
        String agency,
        String action,
        String subject,
        String details,
        AttachedWrite write) {
      this.at = at;
      this.actor = actor;
      this.agency = agency;
      this.action = action;
      this.subject = subject;
      this.details = details;
      this.write = write;
    }
  }

  /** Most entries in one statement (9 parameters each; PostgreSQL takes at most 65,535). */
  private static final int CHUNK = 1_000;

  /** SQLSTATE of an append with writes refusing itself: the head moved meanwhile. */
  private static final String HEAD_MOVED = "SKHMV";

  /** Most attached writes in one round trip (each binds its own parameters besides the entry's). */
  private static final int WRITES_PER_CHUNK = 64;

  // the chain's head as this log last wrote or read it (under the writer lock); seq -1: not read
  private long headSeq = -1;
  private String headHash = GENESIS;

  /**
   * Appends the batch chunk by chunk, each chunk one round trip committed on its own; entries of a
   * chunk that committed are done even if a later chunk fails.
   */
  private void append(List<Pending> batch) {
    List<List<Pending>> chunks = new ArrayList<>();
    List<Pending> chunk = new ArrayList<>();
    int writes = 0;
    for (Pending q : batch) {
      if (chunk.size() == CHUNK || (q.write != null && writes == WRITES_PER_CHUNK)) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        writes = 0;
      }
      chunk.add(q);
      writes += q.write == null ? 0 : 1;
    }
    chunks.add(chunk);
    for (int c = 0; c < chunks.size(); c++) {
      try {
        appendChunk(chunks.get(c));
        chunks.get(c).forEach(q -> q.done = true);
      } catch (AttachedWriteFailed f) {
        appendApart(chunks.get(c), f);
      } catch (RuntimeException ex) {
        headSeq = -1; // whatever happened, read the head again next time
        for (List<Pending> rest : chunks.subList(c, chunks.size())) {
          for (Pending q : rest) {
            q.failure = ex;
            q.done = true;
          }
        }
        return;
      }
    }
  }

  /**
   * A chunk whose transaction failed on an attached write wrote nothing: each write goes again in a
   * round trip of its own, so that one write refusing itself fails only its own entry, and the
   * plain entries after them.
   */
  private void appendApart(List<Pending> chunk, AttachedWriteFailed failure) {
    List<Pending> attached = chunk.stream().filter(q -> q.write != null).toList();
    List<Pending> plain = chunk.stream().filter(q -> q.write == null).toList();
    for (Pending q : attached) {
      if (attached.size() == 1) {
        q.failure = failure; // it failed alone: no need to try it again
      } else {
        try {
          appendChunk(List.of(q));
        } catch (AttachedWriteFailed f) {
          q.failure = f;
        } catch (RuntimeException ex) {
          headSeq = -1;
          q.failure = ex;
        }
      }
      q.done = true;
    }
    if (!plain.isEmpty()) {
      try {
        appendChunk(plain);
      } catch (RuntimeException ex) {
        headSeq = -1;
        plain.forEach(q -> q.failure = ex);
      }
      plain.forEach(q -> q.done = true);
    }
  }

  private void appendChunk(List<Pending> chunk) {
    for (int attempt = 0; ; attempt++) {
      if (headSeq < 0) {
        var head =
            jdbi.withHandle(
                h ->
                    h.createQuery("select seq, hash from platform.audit_head where id = 1")
                        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                        .one());
        headSeq = head.getKey();
        headHash = head.getValue();
      }
      long seq = headSeq;
      String prev = headHash;
      // One statement, committed on its own: the head moves on only if it is still where this
      // log saw it (a concurrent append from another process holds the row until it commits, then
      // fails the check), and the entries are written only if it moved. The commit is durable
      // whatever the server's default (the embedded server runs with synchronous_commit off for
      // bulk loads): it returns once the WAL is flushed to disk, and that flush also covers
      // everything the callers committed before, such as the record an entry is about. Writes
      // attached to entries go first in the same round trip and the same transaction:
      // the driver sends the statements of one execute together, but in autocommit each would
      // commit on its own: an explicit transaction around them makes them one.
      List<AttachedWrite> writes = new ArrayList<>();
      StringBuilder sql = new StringBuilder();
      for (Pending e : chunk) {
        if (e.write != null) {
          if (writes.isEmpty()) {
            sql.append("begin;\n");
          }
          writes.add(e.write);
          sql.append(e.write.sql()).append(";\n");
        }
      }
      sql.append(
          "with head as (update platform.audit_head set seq = ?, hash = ? where id = 1 and"
              + " seq = ? and hash = ? returning 1), appended as (insert into"
              + " platform.audit_log(seq, at, actor, agency, action, subject, details,"
              + " prev_hash, hash) select v.* from (values ");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ",")
            .append("(cast(? as bigint),cast(? as timestamptz),?,?,?,?,?,?,?)");
      }
      sql.append(
          writes.isEmpty()
              ? ") v where exists (select 1 from head) returning 1) select count(*),"
                  + " set_config('synchronous_commit', 'on', true) from appended"
              // with writes, a moved head fails the whole transaction: the writes are never
              // committed without their entries
              : ") v where exists (select 1 from head) returning 1) select case when count(*) = "
                  + chunk.size()
                  + " then count(*) else platform.audit_head_moved() end,"
                  + " set_config('synchronous_commit', 'on', true) from appended;\ncommit");
      String[] hashes = new String[chunk.size()];
      for (int i = 0; i < chunk.size(); i++) {
        Pending e = chunk.get(i);
        hashes[i] =
            hash(
                i == 0 ? prev : hashes[i - 1],
                seq + 1 + i,
                e.at,
                e.actor,
                e.agency,
                e.action,
                e.subject,
                e.details);
      }
      long newSeq = seq + chunk.size();
      String newHash = hashes[chunk.size() - 1];
      // plain JDBC: every audited request passes here, and Jdbi's argument binding cost more CPU
      // than the statement
      long written =
          jdbi.withHandle(
              h -> {
                boolean committed = false;
                try (var st = h.getConnection().prepareStatement(sql.toString())) {
                  int p = 1;
                  for (AttachedWrite w : writes) {
                    p = w.bind(st, p);
                  }
                  st.setLong(p++, newSeq);
                  st.setString(p++, newHash);
                  st.setLong(p++, seq);
                  st.setString(p++, prev);
                  for (int i = 0; i < chunk.size(); i++) {
                    Pending e = chunk.get(i);
                    st.setLong(p++, seq + 1 + i);
                    st.setTimestamp(p++, Timestamp.from(e.at));
                    st.setString(p++, e.actor);
                    st.setString(p++, e.agency);
                    st.setString(p++, e.action);
                    st.setString(p++, e.subject);
                    st.setString(p++, e.details);
                    st.setString(p++, i == 0 ? prev : hashes[i - 1]);
                    st.setString(p++, hashes[i]);
                  }
                  if (writes.isEmpty()) {
                    try (var rs = st.executeQuery()) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  }
                  st.execute(); // returns once every result is in: the transaction committed
                  committed = true;
                  st.getMoreResults(); // past "begin"
                  for (AttachedWrite w : writes) {
                    try (var rs = st.getResultSet()) {
                      w.read(rs);
                    }
                    st.getMoreResults();
                  }
                  try (var rs = st.getResultSet()) {
                    rs.next();
                    return rs.getLong(1);
                  }
                } catch (SQLException e) {
                  if (!writes.isEmpty() && !committed) {
                    rollBack(h.getConnection()); // the failed transaction may still be open
                  }
                  if (HEAD_MOVED.equals(e.getSQLState())) {
                    return -1L; // nothing was written: read the head again and send it all again
                  }
                  if (!writes.isEmpty() && !committed) {
                    throw new AttachedWriteFailed(e);
                  }
                  throw new UnableToExecuteStatementException(e, null);
                }
              });
      if (written == chunk.size()) {
        chunk.forEach(q -> q.write = null); // committed with their entries
        headSeq = newSeq;
        headHash = newHash;
        return;
      }
      // another process appended since this log last saw the head: read it again and retry
      headSeq = -1;
      if (attempt >= 100) {
        throw new IllegalStateException("the audit head kept moving: 100 attempts to append");
      }
    }
  }

  /**
   * Ends a transaction left open by a failed statement, so that the connection goes back to its
   * pool clean (with none open, PostgreSQL only warns).
   */
  private static void rollBack(java.sql.Connection c) {
    try (var st = c.createStatement()) {
      st.execute("rollback");
    } catch (SQLException ignored) {
      // the connection is broken: the pool drops it
    }
  }

  /**
   * Walks the whole log in order, recomputing every hash. Streams: memory does not grow with the
   * log.
   *
   * @return OK with the number of entries, or the first entry whose content or link is wrong
   */
  public AuditVerification verify() {
    return jdbi.withHandle(
        h -> {
          String prev = GENESIS;
          long expectedSeq = 1;
          try (var rows =
              h
                  .createQuery(
                      "select seq, at, actor, agency, action, subject, details, prev_hash, hash"
                          + " from platform.audit_log order by seq")
                  .setFetchSize(1000)
                  .map(
                      (rs, ctx) ->
                          new Row(
                              rs.getLong(1),
                              rs.getTimestamp(2).toInstant(),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getString(5),
                              rs.getString(6),
                              rs.getString(7),
                              rs.getString(8),
                              rs.getString(9)))
                  .stream()) {
            var it = rows.iterator();
            while (it.hasNext()) {
              Row r = it.next();
              if (r.seq != expectedSeq) {
                return new AuditVerification.Broken(
                    expectedSeq, "entry " + expectedSeq + " is missing (next is " + r.seq + ")");
              }
              if (!r.prevHash.equals(prev)) {
                return new AuditVerification.Broken(
                    r.seq, "entry " + r.seq + " does not link to the hash of entry " + (r.seq - 1));
              }
              String recomputed =
                  hash(prev, r.seq, r.at, r.actor, r.agency, r.action, r.subject, r.details);
              if (!recomputed.equals(r.hash)) {
                return new AuditVerification.Broken(
                    r.seq,
                    "entry " + r.seq + " was altered: its content no longer matches its hash");
              }
              prev = r.hash;
              expectedSeq++;
            }
          }
          var head =
              h.createQuery("select seq, hash from platform.audit_head where id = 1")
                  .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                  .one();
          if (head.getKey() != expectedSeq - 1 || !head.getValue().equals(prev)) {
            return new AuditVerification.Broken(
                expectedSeq,
                "the log ends at entry "
                    + (expectedSeq - 1)
                    + " but the head records entry "
                    + head.getKey()
                    + ": entries were removed from the end");
          }
          return new AuditVerification.Ok(expectedSeq - 1);
        });
  }

  private record Row(
      long seq,
      Instant at,
      String actor,
      String agency,
      String action,
      String subject,
      String details,
      String prevHash,
      String hash) {}

  static String canonicalDetails(Map<String, String> details) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (var e : new TreeMap<>(details).entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      json(sb, e.getKey());
      sb.append(':');
      json(sb, e.getValue());
    }
    return sb.append('}').toString();
  }

  private static void json(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  static String hash(
      String prev,
      long seq,
      Instant at,
      String actor,
      String agency,
      String action,
      String subject,
      String details) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String text =
          prev + '\n' + seq + '\n' + at + '\n' + actor + '\n' + agency + '\n' + action + '\n'
              + subject + '\n' + details;
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
