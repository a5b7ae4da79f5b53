package org.sekisho.targeting.criteria.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sekisho.core.Problem;
import org.sekisho.core.Spelling;

/**
 * Reads list entries from CSV (RFC 4180, UTF-8): one entry per row, first column the value, an
 * optional second column a note. The first row may be the header {@code value} or {@code
 * value,note}; a first row that is a header by the rules of {@code headerLike} but not that one
 * ({@code nmae,value}, {@code value,nmae}, {@code note,value}, {@code vaule}, {@code name,comment},
 * {@code id}, {@code value;note}) refuses the whole file, naming the column and the header's
 * columns, since its rows would be read by columns other than the writer meant. Rows that are not
 * valid entries of the list's kind are refused one by one with their line; the others are kept. A
 * value given again in the same file (as the kind normalises it: {@code 8504.40} and {@code 850440}
 * are one; {@code 03-3094-7412} and {@code +81 3 3094 7412} one number) is refused naming both
 * lines, so that neither its note nor the row is dropped unseen.
 */
public final class ListCsv {
  private ListCsv() {}

  /** One imported entry. */
  public record Row(String value, String note) {}

  /** The header row's columns, in order: an entry's value, then an optional note. */
  public static final List<String> HEADER = List.of("value", "note");

  /**
   * The entries read and the rows refused.
   *
   * @param headerRefused the first row was a header other than {@link #HEADER}: nothing is read,
   *     and {@code problems} holds only that refusal
   */
  public record Read(List<Row> rows, List<Problem> problems, boolean headerRefused) {
    public Read {
      rows = List.copyOf(rows);
      problems = List.copyOf(problems);
    }

    public Read(List<Row> rows, List<Problem> problems) {
      this(rows, problems, false);
    }
  }

  public static Read read(String text, ListKind kind) {
    List<Row> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (text == null) {
      return new Read(rows, problems);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    int line = 1;
    int pos = 0;
    int n = text.length();
    boolean first = true;
    java.util.Map<String, Integer> lines = new java.util.HashMap<>();
    while (pos < n) {
      int startLine = line;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      String error = null;
      String errorKey = "";
      while (pos < n) {
        char c = text.charAt(pos);
        if (quoted) {
          if (c == '"') {
            if (pos + 1 < n && text.charAt(pos + 1) == '"') {
              cell.append('"');
              pos += 2;
              continue;
            }
            quoted = false;
            pos++;
            continue;
          }
          if (c == '\n') {
            line++;
          }
          cell.append(c);
          pos++;
          continue;
        }
        if (c == '"') {
          if (cell.toString().isBlank() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
            cell.setLength(0);
          } else if (error == null) {
            error = "a '\"' inside an unquoted cell; quote the whole cell";
            errorKey = "csv-quote";
          }
          pos++;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
          wasQuoted = false;
          pos++;
        } else if (c == '\n' || c == '\r') {
          pos++;
          if (c == '\r' && pos < n && text.charAt(pos) == '\n') {
            pos++;
          }
          line++;
          break;
        } else {
          cell.append(c);
          pos++;
        }
      }
      if (quoted && error == null) {
        error = "a quoted cell is not closed";
        errorKey = "csv-unclosed";
      }
      cells.add(cell.toString());
      boolean blank = cells.size() == 1 && cells.get(0).isBlank();
      if (first && !blank) {
        first = false;
        if (error == null && headerLike(cells, kind)) {
          Optional<Problem> wrong = header(cells, startLine);
          if (wrong.isPresent()) {
            return new Read(List.of(), List.of(wrong.get()), true);
          }
          continue;
        }
      }
      if (blank) {
        continue;
      }
      String field = "line " + startLine;
      // PostgreSQL cannot store U+0000 in text
      if (error == null && cells.stream().anyMatch(x -> x.indexOf(0) >= 0)) {
        error = "contains a NUL character (U+0000), which cannot be stored; remove it";
        errorKey = "csv-nul";
      }
      if (error != null) {
        problems.add(Problem.of("invalid-csv", field, error).worded(errorKey));
        continue;
      }
      if (cells.size() > 2) {
        problems.add(
            Problem.of(
                    "invalid-csv",
                    field,
                    "expected at most 2 cells (value, note), got " + cells.size())
                .worded("csv-cells", cells.size()));
        continue;
      }
      ListKind.Entry e = kind.normalise(cells.get(0));
      if (!e.valid()) {
        problems.add(e.refusal().orElseThrow().at(field));
        continue;
      }
      String note = cells.size() > 1 ? cells.get(1).strip() : "";
      if (note.length() > 500) {
        problems.add(
            Problem.of("invalid-entry", field, "the note is longer than 500 characters")
                .worded("entry-note"));
        continue;
      }
      Integer before = lines.putIfAbsent(e.value(), startLine);
      if (before != null && kind == ListKind.PHONES) {
        // one number written two ways (+81 3-3094-7412, 03-3094-7412): the row as written, and the
        // number both rows are
        String written = cells.get(0).strip();
        problems.add(
            Problem.of(
                    "duplicate-entry",
                    field,
                    written
                        + " is the same number as line "
                        + before
                        + " ("
                        + e.value()
                        + "); give each number once (the row on line "
                        + before
                        + " is the one read)")
                .worded("entry-same-number", written, before, e.value()));
        continue;
      }
      if (before != null) {
        problems.add(
            Problem.of(
                    "duplicate-entry",
                    field,
                    e.value()
                        + " is on line "
                        + before
                        + " already; give each value once (the row on line "
                        + before
                        + " is the one read)")
                .worded("entry-twice", e.value(), before));
        continue;
      }
      rows.add(new Row(e.value(), note));
    }
    return new Read(rows, problems);
  }

  /**
   * Words that name a column rather than an entry. A first line whose every cell is one of them (in
   * any case) is a header, so that a file headed {@code name,comment} or {@code id} is refused
   * rather than read with {@code NAME} or {@code ID} as its first entry.
   */
  public static final java.util.Set<String> COLUMN_NAMES =
      java.util.Set.of(
          "value",
          "values",
          "note",
          "notes",
          "name",
          "names",
          "id",
          "ids",
          "comment",
          "comments",
          "remark",
          "remarks",
          "description",
          "code",
          "codes",
          "entry",
          "entries",
          "party",
          "parties",
          "trader",
          "traders",
          "company",
          "document",
          "documents",
          "address",
          "addresses",
          "country",
          "countries",
          "phone",
          "phones",
          "number",
          "hs",
          "hs_code",
          "hscode",
          "type",
          "kind",
          "source",
          "reason",
          "date",
          "label",
          "title");

  /** Kinds whose entries are free text: any word is a valid entry of them. */
  private static final java.util.Set<ListKind> FREE_TEXT =
      java.util.EnumSet.of(ListKind.PARTIES, ListKind.DOCUMENTS, ListKind.ADDRESSES);

  /**
   * Whether a first row is meant as a header, by three rules a writer can predict:
   *
   * <ol>
   *   <li>one of its cells is a column of {@link #HEADER} (any case), or nearly one ({@code vaule},
   *       {@code ntoe}) without being an entry of the list's kind;
   *   <li>every cell is a word of {@link #COLUMN_NAMES} ({@code name,comment}, {@code id}) — on a
   *       list of country codes, HS codes or phone numbers only when the first cell is no valid
   *       entry there, since {@code ID} is Indonesia and {@code NO} Norway;
   *   <li>its one cell, split at semicolons or tabs, is a header by the rules above ({@code
   *       value;note}): a file separated by something other than commas.
   * </ol>
   *
   * A country list's {@code NO}, a party named {@code Value Co} or {@code NAME TRADING} is an
   * entry.
   */
  private static boolean headerLike(List<String> cells, ListKind kind) {
    if (namesColumns(cells, kind)) {
      return true;
    }
    if (cells.size() == 1) {
      List<String> split = List.of(cells.get(0).split("[;\\t]", -1));
      return split.size() > 1 && namesColumns(split, kind);
    }
    return false;
  }

  private static boolean namesColumns(List<String> cells, ListKind kind) {
    for (String c : cells) {
      String s = c.strip();
      if (HEADER.contains(s.toLowerCase(Locale.ROOT))) {
        return true;
      }
      if (s.length() >= 4
          && Spelling.nearest(s, HEADER, 2).isPresent()
          && !kind.normalise(s).valid()) {
        return true;
      }
    }
    // a trailing empty column (name,) says nothing
    List<String> named = new ArrayList<>(cells.stream().map(String::strip).toList());
    while (named.size() > 1 && named.get(named.size() - 1).isEmpty()) {
      named.remove(named.size() - 1);
    }
    boolean allColumns =
        named.stream().allMatch(x -> COLUMN_NAMES.contains(x.toLowerCase(Locale.ROOT)));
    return allColumns && (FREE_TEXT.contains(kind) || !kind.normalise(named.get(0)).valid());
  }

  /**
   * Why a header row is not {@link #HEADER}, naming the first column that is wrong; empty if it is.
   */
  private static Optional<Problem> header(List<String> cells, int line) {
    int given = cells.size();
    // a trailing empty column (value,) says nothing
    while (given > 1 && cells.get(given - 1).isBlank()) {
      given--;
    }
    for (int i = 0; i < given; i++) {
      String name = cells.get(i).strip();
      if (i < HEADER.size() && name.equalsIgnoreCase(HEADER.get(i))) {
        continue;
      }
      String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
      Problem p =
          Problem.of(
              "invalid-header",
              "line " + line + ", column " + (i + 1),
              "the header's column "
                  + (i + 1)
                  + " is '"
                  + shown
                  + "', expected "
                  + (i < HEADER.size() ? "'" + HEADER.get(i) + "'" : "no more columns")
                  + ": the header is value or value,note (an entry's value, then an optional"
                  + " note); or leave it out and start with the first entry");
      return Optional.of(
          i < HEADER.size()
              ? p.worded("header", i + 1, shown, HEADER.get(i))
              : p.worded("header-extra", i + 1, shown));
    }
    return Optional.empty();
  }
}
