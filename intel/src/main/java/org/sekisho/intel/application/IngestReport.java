package org.sekisho.intel.application;

import java.util.List;
import org.sekisho.core.Problem;

/**
 * What one ingest run did.
 *
 * @param rowsRead rows seen in the input
 * @param stored records newly stored
 * @param duplicates valid records already stored with the same content (nothing added)
 * @param conflicts valid records whose identity was already stored, or came earlier in the input,
 *     with different content: not stored (the version stored first is kept), each listed in {@code
 *     problems} with the code {@link #CONFLICTING_VERSION}
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
    long conflicts,
    long rejected,
    List<RowProblem> problems,
    String sha256,
    String archive,
    long millis) {
  public static final int MAX_LISTED = 1000;

  /** The problem code of a row whose id is stored with other content. */
  public static final String CONFLICTING_VERSION = "conflicting-version";

  /** The problem code of an input that held no rows (listed as row 0). */
  public static final String EMPTY_INPUT = "empty-input";

  /** A problem of one input row. */
  public record RowProblem(long row, String sourceId, Problem problem) {}
}
