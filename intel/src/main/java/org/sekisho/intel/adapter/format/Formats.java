package org.sekisho.intel.adapter.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.sekisho.core.Outcome;
import org.sekisho.intel.application.IngestPorts.RowSources;
import org.sekisho.intel.application.RowSource;

/** Opens the row source for a kind and format (json, csv, kcs). */
public final class Formats implements RowSources {
  /** The column a CSV of each kind cannot do without: the records' source ids. */
  private static final Map<String, String> SOURCE_ID =
      Map.of(
          "declarations", "declarationId",
          "transport-documents", "number",
          "conveyance-movements", "movementId",
          "postal-items", "itemId",
          "seizures", "seizureId");

  @Override
  public RowSource open(String kind, String format, InputStream in) throws IOException {
    return switch (format) {
      case "json" -> new JsonRows(in);
      case "csv" -> checked(kind, new CsvRows(in, kind.equals("declarations")));
      case "kcs" -> new KcsRows(in);
      default -> throw new IllegalArgumentException("unknown format " + format);
    };
  }

  /**
   * The CSV's rows, or one problem about its header when it has no column for the records' source
   * ids: every row would fail for the same reason (a KCS file read as csv gave three problems for
   * each of its 8,134 rows), which the header says once.
   */
  private static RowSource checked(String kind, CsvRows csv) throws IOException {
    List<String> header = csv.header();
    String id = SOURCE_ID.get(kind);
    if (header.isEmpty() || id == null || header.contains(id)) {
      return csv;
    }
    csv.close();
    boolean kcs = header.containsAll(KcsRows.REQUIRED);
    return new OneProblem(
        new RowSource.Row(
            0,
            Outcome.rejected(
                "invalid-header",
                "header",
                "no "
                    + id
                    + " column: not a CSV of "
                    + kind
                    + " as docs/formats/intel-records.md describes"
                    + (kcs
                        ? "; this is a KCS declarations file, ingest it with --format kcs"
                        : " (the header names "
                            + org.sekisho.intel.domain.FieldRules.shorten(String.join(", ", header))
                            + ")"))));
  }

  /** A source whose only row is a problem with the whole input. */
  private static final class OneProblem implements RowSource {
    private Row row;

    OneProblem(Row row) {
      this.row = row;
    }

    @Override
    public boolean hasNext() {
      return row != null;
    }

    @Override
    public Row next() {
      if (row == null) {
        throw new NoSuchElementException();
      }
      Row r = row;
      row = null;
      return r;
    }

    @Override
    public void close() {
      // nothing held
    }
  }
}
