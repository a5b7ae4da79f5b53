package org.sekisho.names.adapter.file;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sekisho.core.Country;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.WatchlistEntry;

/**
 * Reads watchlist entries from CSV (format: {@code docs/formats/watchlist.md}): header {@code
 * list,id,name,aliases,birth_dates,nationalities,documents,severity}; multi-valued fields separated
 * by {@code ;}. Streams: each entry goes to the consumer as soon as it is read. Bad rows are
 * returned as problems naming row, column and reason; the good rows are kept. A row with a NUL
 * character (U+0000) in any of its fields is such a bad row ({@code invalid-character}).
 *
 * <p>Each refusal carries its wording ({@link Problem#key()}) and the values its message quotes
 * ({@link Problem#args()}), so that another language words it without reading the English back:
 * {@code missing-header}; {@code missing-column} (the column); {@code never-closed} (the line the
 * quote opened on) and {@code after-quote} (the field's place), both {@code malformed-csv}; {@code
 * wrong-field-count} (expected, found); {@code invalid-character}; {@code missing-field}; {@code
 * invalid-date}, {@code invalid-country}, {@code invalid-document} and {@code invalid-severity}
 * (the value). The position is the field: {@code header}, {@code row N} or {@code row N column}, an
 * unnamed column as {@code column N}.
 */
public final class WatchlistCsv {

  /** The header's columns, in order; list, id and name are required. */
  public static final List<String> COLUMNS =
      List.of(
          "list", "id", "name", "aliases", "birth_dates", "nationalities", "documents", "severity");

  private WatchlistCsv() {}

  /** Reads all rows; returns the problems (empty when every row was accepted). */
  public static List<Problem> read(Reader reader, Consumer<WatchlistEntry> sink) {
    CsvReader csv = new CsvReader(reader);
    List<Problem> problems = new ArrayList<>();
    CsvReader.Row header = csv.next();
    if (header == null || !header.fields().isAccepted()) {
      problems.add(
          Problem.of("missing-header", "header", "expected the header " + String.join(",", COLUMNS))
              .worded("missing-header"));
      return problems;
    }
    Map<String, Integer> col = new HashMap<>();
    List<String> h = header.fields().orElseThrow();
    for (int i = 0; i < h.size(); i++) {
      col.put(h.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    for (String required : List.of("list", "id", "name")) {
      if (!col.containsKey(required)) {
        problems.add(
            Problem.of(
                    "missing-column",
                    "header",
                    "column '" + required + "' is required; header was " + h)
                .worded("missing-column", required));
        return problems;
      }
    }
    int rowNumber = 1;
    for (CsvReader.Row row : csv) {
      rowNumber++;
      Outcome<WatchlistEntry> e = entry(row, rowNumber, col, h);
      if (e instanceof Outcome.Accepted<WatchlistEntry> a) {
        sink.accept(a.value());
      } else {
        problems.addAll(e.problems());
      }
    }
    return problems;
  }

  private static Outcome<WatchlistEntry> entry(
      CsvReader.Row row, int rowNumber, Map<String, Integer> col, List<String> header) {
    int width = header.size();
    String where = "row " + rowNumber;
    if (!row.fields().isAccepted()) {
      // the reader's refusal, its wording kept, at the row rather than the line
      return Outcome.rejected(row.fields().problems().get(0).at(where));
    }
    List<String> f = row.fields().orElseThrow();
    if (f.size() != width) {
      return Outcome.rejected(
          Problem.of("wrong-field-count", where, "expected " + width + " fields, found " + f.size())
              .worded("wrong-field-count", width, f.size()));
    }
    for (int i = 0; i < f.size(); i++) {
      if (StorableText.hasNul(f.get(i))) {
        String head = header.get(i).strip().toLowerCase(Locale.ROOT);
        String column = head.isEmpty() || StorableText.hasNul(head) ? "column " + (i + 1) : head;
        return Outcome.rejected(
            Problem.of(
                    StorableText.NUL_CODE,
                    where + " " + column,
                    column + " " + StorableText.NUL_REASON)
                .worded(StorableText.NUL_CODE));
      }
    }
    String list = get(f, col, "list");
    String id = get(f, col, "id");
    String name = get(f, col, "name");
    if (list.isEmpty() || id.isEmpty() || name.isEmpty()) {
      return Outcome.rejected(
          Problem.of("missing-field", where, "list, id and name must not be empty")
              .worded("missing-field"));
    }
    List<String> names = new ArrayList<>();
    names.add(name);
    names.addAll(split(get(f, col, "aliases")));
    List<PartialDate> dates = new ArrayList<>();
    for (String d : split(get(f, col, "birth_dates"))) {
      Outcome<PartialDate> pd = PartialDate.parse(where + " birth_dates", d);
      if (!pd.isAccepted()) {
        return Outcome.rejected(pd.problems().get(0));
      }
      dates.add(pd.orElseThrow());
    }
    Set<String> nationalities = new LinkedHashSet<>();
    for (String n : split(get(f, col, "nationalities"))) {
      String code = n.toUpperCase(Locale.ROOT);
      Outcome<Country> c = Country.parse(where + " nationalities", code);
      if (!c.isAccepted()) {
        // core's refusal quotes the code as it was given, upper-cased
        return Outcome.rejected(c.problems().get(0).worded("invalid-country", code));
      }
      nationalities.add(c.orElseThrow().code().toLowerCase(Locale.ROOT));
    }
    Set<String> documents = new LinkedHashSet<>();
    for (String d : split(get(f, col, "documents"))) {
      String nd = WatchlistEntry.normaliseDocument(d);
      if (nd.isEmpty()) {
        return Outcome.rejected(
            Problem.of(
                    "invalid-document",
                    where + " documents",
                    "document '" + d + "' has no letters or digits")
                .worded("invalid-document", d));
      }
      documents.add(nd);
    }
    String sev = get(f, col, "severity");
    Severity severity = Severity.MEDIUM;
    if (!sev.isEmpty()) {
      Outcome<Severity> s = Severity.parse(where + " severity", sev);
      if (!s.isAccepted()) {
        return Outcome.rejected(s.problems().get(0));
      }
      severity = s.orElseThrow();
    }
    return Outcome.accepted(
        new WatchlistEntry(id, list, severity, names, dates, nationalities, documents));
  }

  private static String get(List<String> f, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null ? "" : f.get(i).strip();
  }

  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.split(";")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
