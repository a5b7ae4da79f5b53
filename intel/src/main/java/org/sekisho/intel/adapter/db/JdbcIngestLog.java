package org.sekisho.intel.adapter.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.intel.application.IngestPorts.IngestLog;
import org.sekisho.intel.application.IngestReport;
import org.sekisho.intel.application.IngestRuns;
import org.sekisho.intel.domain.ProblemReasons;

/**
 * Ingest runs and their row problems in {@code intel.ingest_run} / {@code intel.ingest_problem}. A
 * problem is stored with its reason cut of any value of the row ({@link
 * ProblemReasons#withoutValues}); the values stay in the archived input, opened through {@code
 * archive}.
 */
public final class JdbcIngestLog implements IngestLog, IngestRuns.RunLog {
  private final Jdbi jdbi;
  private final Clock clock;
  private final FileRawArchive archive;

  /** A log whose runs' inputs cannot be read back (tools that only write runs). */
  public JdbcIngestLog(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, null);
  }

  /**
   * @param archive where the runs' inputs are archived, from which {@link #openRaw} reads them
   */
  public JdbcIngestLog(Jdbi jdbi, Clock clock, FileRawArchive archive) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.archive = archive;
  }

  @Override
  public long open(
      String kind,
      String format,
      String source,
      String actor,
      String agency,
      String sha256,
      String archive) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "insert into intel.ingest_run(kind, format, source, actor, agency, sha256,"
                        + " archive, started_at) values (?,?,?,?,?,?,?,?) returning id")
                .bind(0, kind)
                .bind(1, format)
                .bind(2, source)
                .bind(3, actor)
                .bind(4, agency)
                .bind(5, sha256)
                .bind(6, archive)
                .bind(7, Timestamp.from(clock.instant()))
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Optional<IngestRuns.Run> run(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, kind, format, source, actor, coalesce(agency, ''), sha256,"
                        + " started_at, finished_at, coalesce(rows_read, 0), coalesce(stored, 0),"
                        + " coalesce(duplicates, 0), coalesce(conflicts, 0), coalesce(rejected, 0)"
                        + " from intel.ingest_run"
                        + " where id = ?")
                .bind(0, id)
                .map(
                    (rs, ctx) ->
                        new IngestRuns.Run(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getTimestamp(8).toInstant(),
                            Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant),
                            rs.getLong(10),
                            rs.getLong(11),
                            rs.getLong(12),
                            rs.getLong(13),
                            rs.getLong(14)))
                .findOne());
  }

  @Override
  public List<IngestRuns.ListedProblem> problems(long run, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select row_no, source_id, field, code, reason from intel.ingest_problem where"
                        + " run_id = ? order by row_no limit ?")
                .bind(0, run)
                .bind(1, limit)
                .map(
                    (rs, ctx) ->
                        new IngestRuns.ListedProblem(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)))
                .list());
  }

  @Override
  public InputStream openRaw(long run) throws IOException {
    if (archive == null) {
      throw new IOException("this log was given no archive to read inputs from");
    }
    String path =
        jdbi.withHandle(
            h ->
                h.createQuery("select archive from intel.ingest_run where id = ?")
                    .bind(0, run)
                    .mapTo(String.class)
                    .findOne()
                    .orElseThrow(() -> new IOException("no ingest run " + run)));
    return archive.open(Path.of(path));
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
                      + " duplicates = ?, rejected = ?, conflicts = ? where id = ?")
              .bind(0, Timestamp.from(clock.instant()))
              .bind(1, r.rowsRead())
              .bind(2, r.stored())
              .bind(3, r.duplicates())
              .bind(4, r.rejected())
              .bind(5, r.conflicts())
              .bind(6, r.run())
              .execute();
          var batch =
              h.prepareBatch(
                  "insert into intel.ingest_problem(run_id, row_no, source_id, field, code, reason)"
                      + " values (?,?,?,?,?,?)");
          for (IngestReport.RowProblem p : r.problems()) {
            batch
                .bind(0, r.run())
                .bind(1, p.row())
                .bind(2, storable(p.sourceId()))
                .bind(3, storable(ProblemReasons.field(p.problem())))
                .bind(4, storable(p.problem().code()))
                .bind(5, storable(ProblemReasons.withoutValues(p.problem())))
                .add();
          }
          if (!r.problems().isEmpty()) {
            batch.execute();
          }
        });
  }
}
