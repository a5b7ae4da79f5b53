package org.sekisho.intel.application;

import java.util.List;
import org.sekisho.core.Problem;

/**
 * What one ingest run did.
 *
 * @param rowsRead rows seen in the input
 * @param stored records newly stored
 * @param duplicates valid records whose identity was already stored (nothing added)
 * @param rejected rows refused, each listed in {@code problems} (up to {@link #MAX_LISTED} rows)
 * @param sha256 hash of the archived raw input
 */
public record IngestReport(
    long run,
    String kind,
    String format,
    String source,
    long rowsRead,
    long stored,
    long duplicates,
    long rejected,
    List<RowProblem> problems,
    String sha256,
    String archive,
    long millis) {
  public static final int MAX_LISTED = 1000;

  /** A problem of one input row. */
  public record RowProblem(long row, String sourceId, Problem problem) {}
}
