package org.sekisho.targeting.model.adapter.kcs;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.model.domain.FraudLabel;
import org.sekisho.targeting.model.domain.KcsDeclaration;

/**
 * Reads Korea Customs Service import declarations (the layout of the public KCS synthetic data set)
 * from CSV, one row at a time. Columns are found by their header names, in any order; extra columns
 * are ignored ("Critical Fraud" in particular is never read). Either "HS6 Code" or "HS10 Code" must
 * be present; an HS10 code is reduced to its first six digits. "Fraud" is optional unless the
 * caller needs labels.
 *
 * <p>Each data row comes back as a {@link Row} holding a declaration or the problems found (the
 * file's line and the data row, column and reason: {@code line 4 (data row 3), column Date}), so a
 * caller can skip bad rows and keep the rest. Blank lines are skipped. Not thread-safe.
 */
public final class KcsDeclarationReader {
  static final String ID = "Declaration ID";
  static final String DATE = "Date";
  static final String OFFICE = "Office ID";
  static final String PROCESS = "Process Type";
  static final String IMPORT_TYPE = "Import Type";
  static final String IMPORT_USE = "Import Use";
  static final String PAYMENT = "Payment Type";
  static final String TRANSPORT = "Mode of Transport";
  static final String DECLARANT = "Declarant ID";
  static final String IMPORTER = "Importer ID";
  static final String SELLER = "Seller ID";
  static final String COURIER = "Courier ID";
  static final String HS6 = "HS6 Code";
  static final String HS10 = "HS10 Code";
  static final String DEPARTURE = "Country of Departure";
  static final String ORIGIN = "Country of Origin";
  static final String TAX_RATE = "Tax Rate";
  static final String TAX_TYPE = "Tax Type";
  static final String ORIGIN_INDICATOR = "Country of Origin Indicator";
  static final String NET_MASS = "Net Mass";
  static final String ITEM_PRICE = "Item Price";
  static final String FRAUD = "Fraud";

  private static final List<String> REQUIRED =
      List.of(
          ID,
          DATE,
          OFFICE,
          PROCESS,
          IMPORT_TYPE,
          IMPORT_USE,
          PAYMENT,
          TRANSPORT,
          DECLARANT,
          IMPORTER,
          SELLER,
          COURIER,
          DEPARTURE,
          ORIGIN,
          TAX_RATE,
          TAX_TYPE,
          ORIGIN_INDICATOR,
          NET_MASS,
          ITEM_PRICE);

  private final CsvReader csv;
  private final Map<String, Integer> columns;
  private final int width;
  private final boolean hs10;
  private final boolean labelled;
  private long row;
  private long line;

  private KcsDeclarationReader(CsvReader csv, Map<String, Integer> columns, int width) {
    this.csv = csv;
    this.columns = columns;
    this.width = width;
    this.hs10 = !columns.containsKey(HS6);
    this.labelled = columns.containsKey(FRAUD);
  }

  /**
   * Reads the header and checks the columns.
   *
   * @param requireLabel whether the "Fraud" column must be present
   * @return a reader positioned at the first data row, or why the file cannot be used
   */
  public static Outcome<KcsDeclarationReader> open(Reader in, boolean requireLabel) {
    CsvReader csv = new CsvReader(in);
    CsvReader.Record header = csv.next();
    if (header == null) {
      return Outcome.rejected("empty-file", "header", "the file is empty; expected a header row");
    }
    if (!header.fields().isAccepted()) {
      return Outcome.rejected(header.fields().problems().getFirst());
    }
    List<String> names = header.fields().orElseThrow();
    Map<String, Integer> cols = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = i == 0 ? names.get(i).replace("\uFEFF", "").strip() : names.get(i).strip();
      if (cols.putIfAbsent(name, i) != null) {
        return Outcome.rejected("duplicate-column", name, "column appears twice in the header");
      }
    }
    List<Problem> problems = new ArrayList<>();
    for (String r : REQUIRED) {
      if (!cols.containsKey(r)) {
        problems.add(Problem.of("missing-column", r, "required column is missing from the header"));
      }
    }
    if (!cols.containsKey(HS6) && !cols.containsKey(HS10)) {
      problems.add(
          Problem.of("missing-column", HS6, "need an \"HS6 Code\" or \"HS10 Code\" column"));
    }
    if (requireLabel && !cols.containsKey(FRAUD)) {
      problems.add(
          Problem.of("missing-column", FRAUD, "the label column is needed here (0 or 1 per row)"));
    }
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    return Outcome.accepted(new KcsDeclarationReader(csv, Map.copyOf(cols), names.size()));
  }

  /**
   * One data row.
   *
   * @param row 1-based data row number (the header is row 0)
   * @param line physical line where it starts
   * @param declaration the declaration, or the problems that made it unusable
   */
  public record Row(long row, long line, Outcome<KcsDeclaration> declaration) {
    /**
     * Where the row is, as its problems name it: {@code line 4 (data row 3)}. The file's line is
     * what an editor shows; the data row counts rows after the header, as the summaries do.
     */
    public String where() {
      return KcsDeclarationReader.where(line, row);
    }
  }

  static String where(long line, long row) {
    return "line " + line + " (data row " + row + ")";
  }

  /** The next data row, or {@code null} at end of input. */
  public Row next() {
    while (true) {
      CsvReader.Record rec = csv.next();
      if (rec == null) {
        return null;
      }
      if (rec.fields().isAccepted()
          && rec.fields().orElseThrow().size() == 1
          && rec.fields().orElseThrow().getFirst().isBlank()) {
        continue; // blank line
      }
      row++;
      line = rec.line();
      if (!rec.fields().isAccepted()) {
        return new Row(
            row,
            rec.line(),
            Outcome.rejected(
                "malformed-csv", where(line, row), rec.fields().problems().getFirst().message()));
      }
      return new Row(row, rec.line(), parse(rec.fields().orElseThrow()));
    }
  }

  private Outcome<KcsDeclaration> parse(List<String> f) {
    if (f.size() != width) {
      return Outcome.rejected(
          "wrong-field-count",
          where(line, row),
          "has " + f.size() + " fields, the header has " + width);
    }
    Parse p = new Parse(f);
    String id = p.text(ID, true);
    LocalDate date = p.date(DATE);
    String office = p.text(OFFICE, true);
    String process = p.text(PROCESS, true);
    String importType = p.text(IMPORT_TYPE, true);
    String importUse = p.text(IMPORT_USE, true);
    String payment = p.text(PAYMENT, true);
    String transport = p.text(TRANSPORT, true);
    String declarant = p.text(DECLARANT, true);
    String importer = p.text(IMPORTER, true);
    String seller = p.text(SELLER, false);
    String courier = p.text(COURIER, false);
    String hs = hs10 ? p.hs(HS10, 10) : p.hs(HS6, 6);
    String departure = p.text(DEPARTURE, true);
    String origin = p.text(ORIGIN, true);
    double taxRate = p.amount(TAX_RATE);
    String taxType = p.text(TAX_TYPE, true);
    String indicator = p.text(ORIGIN_INDICATOR, true);
    double mass = p.amount(NET_MASS);
    double price = p.amount(ITEM_PRICE);
    FraudLabel label = labelled ? p.label(FRAUD) : FraudLabel.UNLABELLED;
    if (!p.problems.isEmpty()) {
      return new Outcome.Rejected<>(p.problems);
    }
    return Outcome.accepted(
        new KcsDeclaration(
            id,
            date,
            office,
            process,
            importType,
            importUse,
            payment,
            transport,
            declarant,
            importer,
            seller,
            courier,
            hs.substring(0, 6),
            departure,
            origin,
            taxRate,
            taxType,
            indicator,
            mass,
            price,
            label));
  }

  /** Collects every problem of a row, not just the first. */
  private final class Parse {
    final List<String> fields;
    final List<Problem> problems = new ArrayList<>();

    Parse(List<String> fields) {
      this.fields = fields;
    }

    private String raw(String column) {
      return fields.get(columns.get(column)).strip();
    }

    private void problem(String code, String column, String message) {
      problems.add(Problem.of(code, where(line, row) + ", column " + column, message));
    }

    String text(String column, boolean required) {
      String v = raw(column);
      if (required && v.isEmpty()) {
        problem("missing-value", column, "is empty; a value is required");
      }
      return v;
    }

    LocalDate date(String column) {
      String v = raw(column);
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        problem("invalid-date", column, "'" + v + "' is not a date in the form YYYY-MM-DD");
        return LocalDate.EPOCH;
      }
    }

    String hs(String column, int digits) {
      String v = raw(column);
      if (v.isEmpty() || v.length() > digits || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
        problem(
            "invalid-hs-code",
            column,
            "'" + v + "' is not an HS code of up to " + digits + " digits");
        return "000000";
      }
      return "0".repeat(digits - v.length()) + v;
    }

    double amount(String column) {
      String v = raw(column);
      try {
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d) || d < 0) {
          problem("invalid-amount", column, "'" + v + "' must be a finite number >= 0");
          return 0;
        }
        return d;
      } catch (NumberFormatException e) {
        problem("invalid-amount", column, "'" + v + "' is not a number");
        return 0;
      }
    }

    FraudLabel label(String column) {
      String v = raw(column);
      return switch (v) {
        case "1", "1.0" -> FraudLabel.FRAUD;
        case "0", "0.0" -> FraudLabel.NO_FRAUD;
        case "" -> FraudLabel.UNLABELLED;
        default -> {
          problem("invalid-label", column, "'" + v + "' must be 0 or 1");
          yield FraudLabel.UNLABELLED;
        }
      };
    }
  }
}
