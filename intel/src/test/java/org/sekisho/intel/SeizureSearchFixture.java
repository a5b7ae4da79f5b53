package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sekisho.intel.adapter.db.JdbcIntelQueries;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IntelViews;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;

/**
 * Seizures ingested and searched over a test database without the web: the set-up the reading and
 * search tests share. The database is migrated for platform and intel; ingest runs as the command
 * line of customs-jp and searches read as a customs officer unless told otherwise, at a clock fixed
 * on 2026-11-28.
 */
final class SeizureSearchFixture {
  static final Actor CLI = new Actor("system:test", "customs-jp", true);
  static final IntelViews.Reader READER = new IntelViews.Reader("officer", "customs-jp");

  private final Database db;
  private final IngestRecords ingest;
  private final JdbcIntelQueries queries;

  SeizureSearchFixture(Database db, Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
    this.queries = new JdbcIntelQueries(db.jdbi(), ZoneOffset.UTC, clock, TestIngest.JSON);
  }

  /** Ingests seizures (JSON lines) as the command line; at least one must be stored. */
  void ingest(String lines) {
    InputStream in = new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    assertThat(ingest.ingest(RecordKind.SEIZURE, "json", "test", in, CLI).orElseThrow().stored())
        .isPositive();
  }

  /** The ids of the stored records whose source id starts with {@code prefix}, by source id. */
  Map<String, Long> recordIds(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select source_id, id from intel.record where source_id like :p escape"
                            + " '\\'")
                    .bind(
                        "p",
                        prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** The ids of the records the first page of a search for {@code q} lists to a customs officer. */
  List<Long> hits(String q) {
    return hits(q, READER);
  }

  /** The ids of the records the first page of a search for {@code q} lists to {@code reader}. */
  List<Long> hits(String q, IntelViews.Reader reader) {
    return page(q, reader).hits().stream().map(IntelViews.Hit::id).toList();
  }

  /** The first page of a search for {@code q}, 50 records, as {@code reader} reads it. */
  IntelViews.SearchPage page(String q, IntelViews.Reader reader) {
    return queries.search(
        new IntelViews.SearchQuery(
            q,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            50),
        reader);
  }
}
