package org.sekisho.intel.adapter.db;

import java.sql.Timestamp;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.intel.application.IngestPorts.IngestLog;
import org.sekisho.intel.application.IngestReport;

/**
 * Ingest runs and their row problems in {@code intel.ingest_run} / {@code intel.ingest_problem}.
 */
public final class JdbcIngestLog implements IngestLog {
  private final Jdbi jdbi;
  private final Clock clock;

  public JdbcIngestLog(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public long open(
      String kind, String format, String source, String actor, String sha256, String archive) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "insert into intel.ingest_run(kind, format, source, actor, sha256, archive,"
                        + " started_at) values (?,?,?,?,?,?,?) returning id")
                .bind(0, kind)
                .bind(1, format)
                .bind(2, source)
                .bind(3, actor)
                .bind(4, sha256)
                .bind(5, archive)
                .bind(6, Timestamp.from(clock.instant()))
                .mapTo(Long.class)
                .one());
  }

  /**
   * Text PostgreSQL can store: a problem may quote its input (a parser's complaint about a broken
   * line), and a NUL character there would lose the whole run's log.
   */
  static String storable(String s) {
    return s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
  }

  @Override
  public void close(IngestReport r) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "update intel.ingest_run set finished_at = ?, rows_read = ?, stored = ?,"
                      + " duplicates = ?, rejected = ? where id = ?")
              .bind(0, Timestamp.from(clock.instant()))
              .bind(1, r.rowsRead())
              .bind(2, r.stored())
              .bind(3, r.duplicates())
              .bind(4, r.rejected())
              .bind(5, r.run())
              .execute();
          var batch =
              h.prepareBatch(
                  "insert into intel.ingest_problem(run_id, row_no, source_id, field, code, message)"
                      + " values (?,?,?,?,?,?)");
          for (IngestReport.RowProblem p : r.problems()) {
            batch
                .bind(0, r.run())
                .bind(1, p.row())
                .bind(2, storable(p.sourceId()))
                .bind(3, storable(p.problem().field()))
                .bind(4, storable(p.problem().code()))
                .bind(5, storable(p.problem().message()))
                .add();
          }
          if (!r.problems().isEmpty()) {
            batch.execute();
          }
        });
  }
}
