package org.sekisho.intel.adapter.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.sekisho.intel.application.IngestPorts.RecordStore;
import org.sekisho.intel.application.IngestPorts.Saved;
import org.sekisho.intel.application.StoredRecord;
import org.sekisho.intel.domain.EntityRef;
import org.sekisho.intel.domain.IntelRecord;

/**
 * Bulk storage through PostgreSQL {@code COPY}. A record is identified by its kind and source id
 * within its owning agency: records whose {@code (kind, source_id, agency)} is already stored are
 * skipped, and another agency's record with the same source id is neither a duplicate nor looked
 * at; entities are resolved (and new ones committed) first; then the batch's records and links are
 * copied straight into their tables in one transaction. When a concurrent ingest stores one of the
 * same records in between, the same rows go through staging tables and an insert that skips what is
 * already there. Thread-safe (each call uses its own connection).
 */
public final class JdbcRecordStore implements RecordStore {
  private final DataSource ds;
  private final ObjectMapper json;
  private final ObjectMapper readBack;
  // a record as stored: numbers in plain form with every digit (0.0000001, never 1E-7)
  private final com.fasterxml.jackson.databind.ObjectWriter plain;
  private final Clock clock;
  private final EntityCache entities = new EntityCache(500_000, EntityReadings.shared());

  public JdbcRecordStore(DataSource ds, ObjectMapper json, Clock clock) {
    this.ds = ds;
    this.json = json;
    this.plain =
        json.writer().with(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    // the stored JSON also holds derived properties (a party's "empty")
    this.readBack =
        json.copy()
            .disable(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.clock = clock;
  }

  @Override
  public Saved saveBatch(List<StoredRecord> batch) {
    if (batch.isEmpty()) {
      return Saved.of(0);
    }
    // A source id repeated within one batch for the same agency is stored (and linked) once; a
    // repeat with other content is a conflicting version, the first kept.
    Map<String, StoredRecord> byId = new LinkedHashMap<>();
    Map<String, Integer> positions = new HashMap<>();
    List<Integer> conflicting = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      StoredRecord s = batch.get(i);
      String identity = identity(s.agency(), s.record().kind().code(), s.record().sourceId());
      StoredRecord first = byId.putIfAbsent(identity, s);
      if (first == null) {
        positions.put(identity, i);
      } else if (!sameValue(first.record(), s.record())) {
        conflicting.add(i);
      }
    }
    try (Connection c = ds.getConnection()) {
      dropStored(c, byId, positions, conflicting);
      if (byId.isEmpty()) {
        return new Saved(0, sorted(conflicting));
      }
      Map<EntityCache.Key, Long> entityIds = entities.resolve(c, byId.values());
      CopyText rows = copyText(byId.values(), entityIds, reserveIds(c, byId.size()));
      c.setAutoCommit(false);
      try {
        int added;
        try {
          added = copyStraight(c, rows);
        } catch (SQLException e) {
          if (!"23505".equals(e.getSQLState())) {
            throw e;
          }
          // Another ingest stored some of these source ids after our check: the same rows go
          // through staging tables and an insert that skips what is already stored.
          c.rollback();
          added = copySkippingStored(c, rows, positions, conflicting);
        }
        c.commit();
        return new Saved(added, sorted(conflicting));
      } catch (SQLException | IOException | RuntimeException e) {
        // Rolled back before auto-commit is switched on again, which would commit the half.
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store a batch of " + batch.size() + " records", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** COPY text of a batch's record rows and link rows, and how many records it holds. */
  private record CopyText(StringBuilder records, StringBuilder links, int count) {}

  private static final String RECORD_COLUMNS =
      "id, kind, source_id, event_time, recorded_at, office, agency, shared_with, countries,"
          + " hs_chapters, title, doc, data, ingest_run";

  private CopyText copyText(
      java.util.Collection<StoredRecord> stored, Map<EntityCache.Key, Long> entityIds, long[] ids)
      throws IOException {
    StringBuilder records = new StringBuilder(stored.size() * 700);
    StringBuilder links = new StringBuilder(stored.size() * 100);
    String recordedAt = clock.instant().toString();
    int i = 0;
    for (StoredRecord s : stored) {
      IntelRecord r = s.record();
      String id = Long.toString(ids[i++]);
      row(
          records,
          id,
          r.kind().code(),
          r.sourceId(),
          r.eventTime().toString(),
          recordedAt,
          r.office(),
          s.agency(),
          array(s.sharedWith()),
          array(r.countries()),
          array(r.hsChapters()),
          r.title(),
          tsvector(s.tokens()),
          plain.writeValueAsString(r),
          Long.toString(s.ingestRun()));
      // One link per entity and role. A record names a handful of entities, so earlier links
      // are checked by a scan rather than a set built per record.
      List<EntityRef> refs = s.entities();
      long[] linked = new long[refs.size()];
      for (int j = 0; j < refs.size(); j++) {
        EntityRef e = refs.get(j);
        Long entity = entityIds.get(EntityCache.key(e.type(), e.key()));
        linked[j] = entity == null ? -1 : entity;
        if (entity == null || linkedBefore(refs, linked, j)) {
          continue;
        }
        row(links, id, entity.toString(), e.role());
      }
    }
    return new CopyText(records, links, stored.size());
  }

  private static boolean linkedBefore(List<EntityRef> refs, long[] linked, int j) {
    for (int k = 0; k < j; k++) {
      if (linked[k] == linked[j] && refs.get(k).role().equals(refs.get(j).role())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bulk path: records (with ids reserved from the sequence) and links copied straight into
   * their tables, so PostgreSQL does no joins per row. Fails with a unique violation when a record
   * was stored since the check.
   */
  private static int copyStraight(Connection c, CopyText rows) throws SQLException, IOException {
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    copy.copyIn("copy intel.record(" + RECORD_COLUMNS + ") from stdin", reader(rows.records()));
    copy.copyIn(
        "copy intel.record_entity(record_id, entity_id, role) from stdin", reader(rows.links()));
    return rows.count();
  }

  /**
   * The same rows through staging tables: records already stored are skipped (the insert waits for
   * a concurrent ingest to commit), and only the records inserted here are linked.
   */
  private int copySkippingStored(
      Connection c, CopyText rows, Map<String, Integer> positions, List<Integer> conflicting)
      throws SQLException, IOException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "create temp table if not exists stage_record (like intel.record) on commit delete rows");
      st.execute(
          "create temp table if not exists stage_link (like intel.record_entity) on commit delete"
              + " rows");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn("copy stage_record(" + RECORD_COLUMNS + ") from stdin", reader(rows.records()));
      copy.copyIn("copy stage_link(record_id, entity_id, role) from stdin", reader(rows.links()));
      // Temporary tables get no statistics on their own; without them the planner joins by
      // nested loops.
      st.execute("analyze stage_link");
      try (var rs =
          st.executeQuery(
              "with added as (insert into intel.record("
                  + RECORD_COLUMNS
                  + ") select "
                  + RECORD_COLUMNS
                  + " from stage_record on conflict (kind, source_id, agency) do nothing returning id),"
                  + " linked as (insert into intel.record_entity(record_id, entity_id, role)"
                  + " select l.record_id, l.entity_id, l.role from stage_link l"
                  + " join added a on a.id = l.record_id returning 1)"
                  + " select count(*) from added")) {
        rs.next();
        int added = rs.getInt(1);
        // the rows skipped because the other ingest stored them first: kept as it stored them,
        // and told when their content differs
        try (var skipped =
            st.executeQuery(
                "select s.agency, s.kind, s.source_id from stage_record s join intel.record r on"
                    + " r.kind = s.kind and r.source_id = s.source_id and r.agency = s.agency"
                    + " and r.id <> s.id where cast(r.data as jsonb) <> cast(s.data as jsonb)")) {
          while (skipped.next()) {
            Integer at =
                positions.get(
                    identity(skipped.getString(1), skipped.getString(2), skipped.getString(3)));
            if (at != null) {
              conflicting.add(at);
            }
          }
        }
        return added;
      }
    }
  }

  private static List<Integer> sorted(List<Integer> positions) {
    List<Integer> out = new ArrayList<>(positions);
    out.sort(null);
    return out;
  }

  private static String identity(String agency, String kind, String sourceId) {
    return agency + "\u0000" + kind + "\u0000" + sourceId;
  }

  /**
   * Removes from {@code byId} the records whose agency already stores their (kind, source id),
   * adding to {@code conflicting} the positions of those stored with other content. Only the
   * ingesting agency's own records are looked at, so a repeat tells nothing about what other
   * agencies hold. New ids cost nothing more than the look-up; a stored one is compared by a hash
   * of its JSON, read with the look-up, and only when the hashes differ by reading it back (a
   * version of Sekisho that writes the JSON differently must not make every repeat a conflict).
   */
  private void dropStored(
      Connection c,
      Map<String, StoredRecord> byId,
      Map<String, Integer> positions,
      List<Integer> conflicting)
      throws SQLException, IOException {
    // one look-up per agency and kind in the batch (nearly always one)
    Map<List<String>, List<String>> idsByOwnerAndKind = new HashMap<>();
    for (StoredRecord s : byId.values()) {
      idsByOwnerAndKind
          .computeIfAbsent(List.of(s.agency(), s.record().kind().code()), k -> new ArrayList<>())
          .add(s.record().sourceId());
    }
    for (Map.Entry<List<String>, List<String>> k : idsByOwnerAndKind.entrySet()) {
      String agency = k.getKey().get(0);
      String kind = k.getKey().get(1);
      List<String> differing = new ArrayList<>();
      try (var ps =
          c.prepareStatement(
              "select source_id, md5(data::text) from intel.record where kind = ? and source_id ="
                  + " any(?) and agency = ?")) {
        ps.setString(1, kind);
        ps.setArray(2, c.createArrayOf("text", k.getValue().toArray()));
        ps.setString(3, agency);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            String identity = identity(agency, kind, rs.getString(1));
            StoredRecord repeat = byId.remove(identity);
            if (repeat != null
                && !md5(plain.writeValueAsString(repeat.record())).equals(rs.getString(2))) {
              differing.add(rs.getString(1));
              byId.put(identity, repeat); // until read back below
            }
          }
        }
      }
      if (!differing.isEmpty()) {
        compareReadBack(c, agency, kind, differing, byId, positions, conflicting);
      }
    }
  }

  /**
   * Compares the stored records {@code sourceIds} (of one agency and kind) with the batch's, read
   * back as records: each is taken out of {@code byId}, and its position added to {@code
   * conflicting} when they differ.
   */
  private void compareReadBack(
      Connection c,
      String agency,
      String kind,
      List<String> sourceIds,
      Map<String, StoredRecord> byId,
      Map<String, Integer> positions,
      List<Integer> conflicting)
      throws SQLException, IOException {
    try (var ps =
        c.prepareStatement(
            "select source_id, data::text from intel.record where kind = ? and source_id = any(?)"
                + " and agency = ?")) {
      ps.setString(1, kind);
      ps.setArray(2, c.createArrayOf("text", sourceIds.toArray()));
      ps.setString(3, agency);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          String identity = identity(agency, kind, rs.getString(1));
          StoredRecord repeat = byId.remove(identity);
          if (repeat == null) {
            continue;
          }
          IntelRecord stored =
              readBack.readerFor(repeat.record().getClass()).readValue(rs.getString(2));
          if (!sameValue(stored, repeat.record())) {
            conflicting.add(positions.get(identity));
          }
        }
      }
    }
  }

  /**
   * Numbers compared by value: {@code 100.0} is {@code 100}. Records stored before numbers were
   * kept without trailing zeros hold them as sent.
   */
  private static final java.util.Comparator<com.fasterxml.jackson.databind.JsonNode> BY_VALUE =
      (x, y) -> {
        if (x.equals(y)) {
          return 0;
        }
        if (x.isNumber() && y.isNumber()) {
          return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
        }
        return 1;
      };

  /**
   * Whether two versions of a record hold the same values: equal, or equal once each number is
   * compared by its value (a record stored with {@code 100.0} and a repeat with {@code 100}).
   */
  private boolean sameValue(IntelRecord a, IntelRecord b) {
    if (a.equals(b)) {
      return true;
    }
    com.fasterxml.jackson.databind.JsonNode x = json.valueToTree(a);
    com.fasterxml.jackson.databind.JsonNode y = json.valueToTree(b);
    return x.equals(BY_VALUE, y);
  }

  private static String md5(String text) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("MD5")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }

  private static long[] reserveIds(Connection c, int n) throws SQLException {
    long[] ids = new long[n];
    try (var ps =
        c.prepareStatement("select nextval('intel.record_id_seq') from generate_series(1, ?)")) {
      ps.setInt(1, n);
      try (var rs = ps.executeQuery()) {
        int i = 0;
        while (rs.next()) {
          ids[i++] = rs.getLong(1);
        }
      }
    }
    return ids;
  }

  /** A tsvector literal of whole lexemes, as {@code array_to_tsvector} would make. */
  static String tsvector(List<String> tokens) {
    StringBuilder sb = new StringBuilder(tokens.size() * 10);
    for (String t : tokens) {
      if (t.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append('\'');
      for (int j = 0; j < t.length(); j++) {
        char ch = t.charAt(j);
        if (ch == '\'' || ch == '\\') {
          sb.append(ch);
        }
        sb.append(ch);
      }
      sb.append('\'');
    }
    return sb.toString();
  }

  private static java.io.InputStream reader(StringBuilder sb) {
    // Encoded in one pass; the driver's reader path encodes buffer by buffer.
    return new java.io.ByteArrayInputStream(
        sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** One line of COPY text format: tab-separated, with backslash escapes. */
  private static void row(StringBuilder sb, String... cols) {
    for (int i = 0; i < cols.length; i++) {
      if (i > 0) {
        sb.append('\t');
      }
      escape(sb, cols[i]);
    }
    sb.append('\n');
  }

  private static void escape(StringBuilder sb, String s) {
    int clean = 0;
    while (clean < s.length()) {
      char ch = s.charAt(clean);
      if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
        break;
      }
      clean++;
    }
    // Most values need no escaping: copied whole.
    sb.append(s, 0, clean);
    for (int i = clean; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
  }

  /** A PostgreSQL array literal, each element double-quoted. */
  static String array(List<String> values) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"');
      String v = values.get(i);
      for (int j = 0; j < v.length(); j++) {
        char ch = v.charAt(j);
        if (ch == '"' || ch == '\\') {
          sb.append('\\');
        }
        sb.append(ch);
      }
      sb.append('"');
    }
    return sb.append('}').toString();
  }
}
