package org.sekisho.intel.adapter.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.RecordFormat;
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
    if (header.isEmpty() || id == null) {
      return csv;
    }
    if (header.contains(id)) {
      List<Problem> unknown = unknownColumns(kind, header);
      if (unknown.isEmpty()) {
        return csv;
      }
      // a column the format does not define would be dropped from every row: said once
      csv.close();
      return new OneProblem(new RowSource.Row(0, new Outcome.Rejected<>(unknown)));
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

  /** The CSV's list columns: one entry each, {@code item.hsCode} for {@code items[i].hsCode}. */
  private static final Map<String, String> LIST_COLUMNS =
      Map.of("item", "items", "person", "persons", "company", "companies");

  /**
   * The header's columns that name no field of the kind ({@link RecordFormat}): a top-level field
   * ({@code office}), a party's ({@code importer.name}) or a list entry's ({@code item.hsCode},
   * {@code person.dateOfBirth}); each problem names the column and, where evident, the one meant.
   */
  static List<Problem> unknownColumns(String kind, List<String> header) {
    RecordFormat.Shape shape =
        RecordFormat.ofKind(kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind)
            .orElseThrow();
    List<Problem> out = new ArrayList<>();
    for (String column : header) {
      int dot = column.indexOf('.');
      if (dot < 0) {
        Optional<RecordFormat.Field> f = shape.field(column);
        if (f.isEmpty()) {
          shape.unknown(column, column).ifPresent(out::add);
        } else if (f.get().shape() != null) {
          out.add(
              Problem.of(
                  "unknown-field",
                  column,
                  "is an object, not a column: its fields are columns of their own ("
                      + (LIST_COLUMNS.containsValue(column) ? singular(column) : column)
                      + "."
                      + f.get().shape().fields().keySet().iterator().next()
                      + ", …)"));
        }
        continue;
      }
      String head = column.substring(0, dot);
      String rest = column.substring(dot + 1);
      String list = LIST_COLUMNS.get(head);
      Optional<RecordFormat.Field> f =
          list != null
              ? shape.field(list).filter(x -> x.form() == RecordFormat.Form.OBJECT_LIST)
              : shape.field(head).filter(x -> x.form() == RecordFormat.Form.OBJECT);
      if (f.isEmpty()) {
        String meant =
            LIST_COLUMNS.containsValue(head) && shape.field(head).isPresent()
                ? singular(head)
                : shape.meant(head).orElse(null);
        out.add(
            Problem.of(
                "unknown-field",
                column,
                "is not a column of a CSV of "
                    + kind
                    + (meant == null ? "" : ": did you mean " + meant + "." + rest + "?")
                    + " (docs/formats/intel-records.md; a column the format does not define is"
                    + " refused, not dropped)"));
      } else if (rest.indexOf('.') >= 0) {
        out.add(Problem.of("unknown-field", column, "is nested deeper than the format goes"));
      } else {
        f.get().shape().unknown(column, rest).ifPresent(out::add);
      }
    }
    return out;
  }

  private static String singular(String list) {
    return LIST_COLUMNS.entrySet().stream()
        .filter(e -> e.getValue().equals(list))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(list);
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
