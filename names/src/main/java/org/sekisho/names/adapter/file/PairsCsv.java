package org.sekisho.names.adapter.file;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.sekisho.core.Outcome;
import org.sekisho.names.application.NamePair;
import org.sekisho.names.application.PairScoring;

/**
 * Reads a pairs file with header {@code id,left,right} (columns in any order, extra columns
 * ignored) as a stream of rows; each bad row is rejected with its row number and reason.
 */
public final class PairsCsv implements PairScoring.PairSource {

  private final CsvReader csv;
  private final int idCol;
  private final int leftCol;
  private final int rightCol;
  private final int width;

  private PairsCsv(CsvReader csv, int idCol, int leftCol, int rightCol, int width) {
    this.csv = csv;
    this.idCol = idCol;
    this.leftCol = leftCol;
    this.rightCol = rightCol;
    this.width = width;
  }

  /** Reads the header; rejects the file when it lacks one of the three columns. */
  public static Outcome<PairsCsv> open(CsvReader csv) {
    CsvReader.Row header = csv.next();
    if (header == null) {
      return Outcome.rejected("empty-file", "header", "the file is empty; expected id,left,right");
    }
    if (!header.fields().isAccepted()) {
      return Outcome.rejected(header.fields().problems().get(0));
    }
    List<String> h = header.fields().orElseThrow();
    int id = indexOf(h, "id");
    int left = indexOf(h, "left");
    int right = indexOf(h, "right");
    if (id < 0 || left < 0 || right < 0) {
      return Outcome.rejected(
          "missing-column", "header", "header " + h + " must name the columns id, left and right");
    }
    return Outcome.accepted(new PairsCsv(csv, id, left, right, h.size()));
  }

  private static int indexOf(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Iterator<Outcome<NamePair>> iterator() {
    Iterator<CsvReader.Row> rows = csv.iterator();
    return new Iterator<>() {
      private int rowNumber = 1;

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Outcome<NamePair> next() {
        CsvReader.Row row = rows.next();
        rowNumber++;
        String where = "row " + rowNumber + " (line " + row.line() + ")";
        if (!row.fields().isAccepted()) {
          return Outcome.rejected("malformed-csv", where, row.fields().problems().get(0).message());
        }
        List<String> f = row.fields().orElseThrow();
        if (f.size() != width) {
          return Outcome.rejected(
              "wrong-field-count",
              where,
              "expected " + width + " fields as in the header, found " + f.size());
        }
        String id = f.get(idCol).strip();
        if (id.isEmpty()) {
          return Outcome.rejected("missing-id", where, "the id column is empty");
        }
        String left = f.get(leftCol);
        String right = f.get(rightCol);
        if (left.isBlank() || right.isBlank()) {
          return Outcome.rejected(
              "missing-name", where, "both left and right names are required (id " + id + ")");
        }
        return Outcome.accepted(new NamePair(id, left, right));
      }
    };
  }
}
