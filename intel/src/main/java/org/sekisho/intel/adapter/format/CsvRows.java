package org.sekisho.intel.adapter.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.intel.domain.Fields;

/**
 * RFC 4180 CSV with a header row of field names (see docs/formats/intel-records.md). For
 * declarations, consecutive rows with the same {@code declarationId} are one declaration whose
 * items come from the {@code item.*} columns of each row.
 */
public final class CsvRows extends LookAheadRows {
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final boolean groupItems;
  private final List<String> header;
  private CSVRecord pending;
  private boolean failed;
  private Row headerProblem;

  public CsvRows(InputStream in, boolean groupDeclarationItems) throws IOException {
    Reader r = new InputStreamReader(new BomSkipping(in), StandardCharsets.UTF_8);
    CSVParser p = null;
    Row problem = null;
    try {
      p =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setIgnoreEmptyLines(true)
              .setTrim(true)
              .get()
              .parse(r);
    } catch (IOException
        | IllegalArgumentException
        | IllegalStateException
        | UncheckedIOException e) {
      // A header that cannot be read (unbalanced quote, empty or duplicate names) makes the file
      // unusable.
      problem =
          new Row(
              0,
              Outcome.rejected(
                  "invalid-header",
                  "header",
                  "the first line must name the columns (RFC 4180 CSV): "
                      + JsonRows.firstLine(reason(e))));
      r.close();
    }
    if (p != null
        && p.getHeaderNames().stream()
            .anyMatch(h -> h.indexOf('\uFFFD') >= 0 || h.indexOf(0) >= 0)) {
      // read as UTF-8, a UTF-16 or Shift_JIS file names no column: say why, not which names are
      // unknown
      problem =
          new Row(
              0,
              Outcome.rejected(
                  "invalid-header",
                  "header",
                  "the first line is not UTF-8 text (bytes that are not UTF-8, or NUL characters as"
                      + " UTF-16 writes them): send the file as UTF-8"));
      r.close();
      p = null;
    }
    this.parser = p;
    this.headerProblem = problem;
    this.header = p == null ? List.of() : p.getHeaderNames();
    this.records = p == null ? java.util.Collections.emptyIterator() : p.iterator();
    this.groupItems = groupDeclarationItems;
  }

  /**
   * What went wrong, in the parser's words: the innermost message, without the wrapping exceptions'
   * class names ("org.apache.commons.csv.CSVException: …" means nothing to a user).
   */
  static String reason(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage() == null ? "" : c.getMessage();
    return m.isBlank() ? "unreadable input" : m;
  }

  public List<String> header() {
    return header;
  }

  private CSVRecord read() {
    if (failed) {
      return null;
    }
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      failed = true;
      throw new BrokenCsv(JsonRows.firstLine(reason(e)));
    }
  }

  @Override
  protected Row advance() {
    if (headerProblem != null) {
      Row r = headerProblem;
      headerProblem = null;
      failed = true;
      return r;
    }
    CSVRecord first;
    try {
      if (brokenAhead != null) {
        // found while looking for more items of the row before: reported now, not lost
        BrokenCsv e = brokenAhead;
        brokenAhead = null;
        throw e;
      }
      first = pending != null ? pending : read();
    } catch (BrokenCsv e) {
      return new Row(
          parser.getRecordNumber() + 1,
          Outcome.rejected(
              "invalid-csv",
              "row " + (parser.getRecordNumber() + 1),
              "unreadable CSV (reading stops here): " + e.getMessage()));
    }
    pending = null;
    if (first == null) {
      return null;
    }
    long number = first.getRecordNumber();
    if (!first.isConsistent()) {
      return new Row(
          number,
          Outcome.rejected(
              "invalid-csv",
              "row " + number,
              "expected " + header.size() + " columns as in the header, found " + first.size()));
    }
    if (!groupItems) {
      return new Row(number, Outcome.accepted(new CsvFields(first.toMap(), List.of())));
    }
    List<Map<String, String>> items = new ArrayList<>();
    List<Long> itemRows = new ArrayList<>();
    items.add(first.toMap());
    itemRows.add(number);
    String id = first.isMapped("declarationId") ? first.get("declarationId") : "";
    while (true) {
      CSVRecord r;
      try {
        r = read();
      } catch (BrokenCsv e) {
        brokenAhead = e;
        break;
      }
      if (r == null) {
        break;
      }
      if (!id.isEmpty() && r.isConsistent() && id.equals(r.get("declarationId"))) {
        items.add(r.toMap());
        itemRows.add(r.getRecordNumber());
      } else {
        pending = r;
        break;
      }
    }
    long last = itemRows.get(itemRows.size() - 1);
    List<Problem> split = List.of();
    if (!id.isEmpty()) {
      long[] before = declarations.putIfAbsent(id, new long[] {number, last});
      if (before != null) {
        // Read as a declaration of its own, these rows would be stored as another version of the
        // one above (or alone, when that one was refused): refused, saying where the id was read.
        split =
            List.of(
                Problem.of(
                        "split-declaration",
                        "declarationId",
                        "already read at "
                            + (before[0] == before[1]
                                ? "row " + before[0]
                                : "rows " + before[0] + "–" + before[1])
                            + " of this file; rows of one declaration must be consecutive")
                    .worded(before[0] == before[1] ? "row" : "rows", before[0], before[1]));
      }
    }
    CsvFields fields = new CsvFields(first.toMap(), items, "", split);
    return new Row(number, () -> Outcome.accepted(fields), itemRows);
  }

  @Override
  public void close() throws IOException {
    if (parser != null) {
      parser.close();
    }
  }

  /**
   * The first and last row of each declaration read so far, by id, to tell a declaration whose rows
   * are not consecutive. One small entry a declaration: a file of a million declarations keeps some
   * tens of megabytes.
   */
  private final Map<String, long[]> declarations = new java.util.HashMap<>();

  /** A break in the CSV met while reading ahead for a declaration's items, still to report. */
  private BrokenCsv brokenAhead;

  private static final class BrokenCsv extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BrokenCsv(String message) {
      super(message, null, false, false);
    }
  }

  /** Fields over one CSV row; {@code items} are the rows of a grouped declaration. */
  static final class CsvFields implements Fields {
    private final Map<String, String> row;
    private final List<Map<String, String>> items;
    private final String prefix;
    // what was found wrong with the rows as a whole (a declaration's rows not consecutive)
    private final List<Problem> problems;

    CsvFields(Map<String, String> row, List<Map<String, String>> items) {
      this(row, items, "", List.of());
    }

    private CsvFields(
        Map<String, String> row,
        List<Map<String, String>> items,
        String prefix,
        List<Problem> problems) {
      this.row = row;
      this.items = items;
      this.prefix = prefix;
      this.problems = problems;
    }

    @Override
    public List<Problem> problems() {
      return problems;
    }

    @Override
    public String text(String path) {
      String v = row.get(prefix + path);
      return v == null ? "" : v.strip();
    }

    @Override
    public List<Fields> list(String path) {
      if (path.equals("items")) {
        List<Fields> out = new ArrayList<>();
        for (Map<String, String> m : items) {
          out.add(new CsvFields(m, List.of(), "item.", List.of()));
        }
        return out;
      }
      // persons / companies: one each, in person.* / company.* columns
      String single = path.substring(0, path.length() - 1) + ".";
      boolean any =
          row.keySet().stream().anyMatch(k -> k.startsWith(single) && !row.get(k).isBlank());
      return any ? List.of(new CsvFields(row, List.of(), single, List.of())) : List.of();
    }

    @Override
    public List<String> strings(String path) {
      List<String> out = new ArrayList<>();
      for (String s : text(path).split(";")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
      return out;
    }
  }
}
