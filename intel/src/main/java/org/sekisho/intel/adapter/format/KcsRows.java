package org.sekisho.intel.adapter.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.intel.application.RowSource;
import org.sekisho.intel.domain.Fields;

/**
 * The Korea Customs Service synthetic declarations CSV (arXiv 2208.02484), read as it is and mapped
 * onto declaration fields. Both published versions are accepted ({@code HS6 Code} or {@code HS10
 * Code}).
 */
public final class KcsRows implements RowSource {
  static final Set<String> REQUIRED =
      Set.of(
          "Declaration ID", "Date", "Office ID", "Importer ID", "Country of Origin", "Item Price");

  private final CsvRows csv;
  private final String hsColumn;
  private final Row headerProblem;
  private boolean headerReported;

  public KcsRows(InputStream in) throws IOException {
    this.csv = new CsvRows(in, false);
    List<String> h = csv.header();
    this.hsColumn = h.contains("HS10 Code") ? "HS10 Code" : "HS6 Code";
    var missing = REQUIRED.stream().filter(c -> !h.contains(c)).sorted().toList();
    this.headerProblem =
        missing.isEmpty() && h.contains(hsColumn)
            ? null
            : new Row(
                0,
                Outcome.rejected(
                    "invalid-header",
                    "header",
                    "not a KCS declarations file: missing columns "
                        + missing
                        + (h.contains(hsColumn) ? "" : " and HS6 Code / HS10 Code")));
  }

  @Override
  public boolean hasNext() {
    return headerProblem != null ? !headerReported : csv.hasNext();
  }

  @Override
  public Row next() {
    if (headerProblem != null) {
      if (headerReported) {
        throw new NoSuchElementException();
      }
      headerReported = true;
      return headerProblem;
    }
    Row r = csv.next();
    return switch (r.fields()) {
      case Outcome.Accepted<Fields> a ->
          new Row(r.number(), Outcome.accepted(new KcsFields(a.value(), hsColumn)));
      case Outcome.Rejected<Fields> rej -> r;
    };
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }

  /** Presents a KCS row under the names of docs/formats/intel-records.md. */
  private record KcsFields(Fields row, String hsColumn) implements Fields {
    private static final Map<String, String> TOP =
        Map.ofEntries(
            Map.entry("declarationId", "Declaration ID"),
            Map.entry("date", "Date"),
            Map.entry("office", "Office ID"),
            Map.entry("procedure", "Process Type"),
            Map.entry("modeOfTransport", "Mode of Transport"),
            Map.entry("countryOfDeparture", "Country of Departure"),
            Map.entry("declarant.id", "Declarant ID"),
            Map.entry("importer.id", "Importer ID"),
            Map.entry("exporter.id", "Seller ID"));

    private static final Map<String, String> ITEM =
        Map.of(
            "origin", "Country of Origin",
            "netMassKg", "Net Mass",
            "customsValue", "Item Price",
            "dutyRate", "Tax Rate");

    @Override
    public String text(String path) {
      if (path.equals("type")) {
        return "IM";
      }
      if (path.equals("outcome")) {
        String fraud = row.text("Fraud");
        // any other value is a problem of the row (see problems())
        return fraud.equals("1") ? "infraction" : fraud.equals("0") ? "nothing-found" : "";
      }
      if (path.equals("importer.kind") || path.equals("exporter.kind")) {
        return "company";
      }
      String col = TOP.get(path);
      return col == null ? "" : row.text(col);
    }

    @Override
    public List<Fields> list(String path) {
      return path.equals("items") ? List.of(new Item(row, hsColumn)) : List.of();
    }

    @Override
    public List<String> strings(String path) {
      return List.of();
    }

    @Override
    public List<Problem> problems() {
      String fraud = row.text("Fraud");
      if (fraud.isEmpty() || fraud.equals("0") || fraud.equals("1")) {
        return List.of();
      }
      return List.of(
          Problem.of(
              "invalid-value",
              "Fraud",
              "expected 0 (nothing found) or 1 (infraction), or nothing when not inspected; got '"
                  + org.sekisho.intel.domain.FieldRules.shorten(fraud)
                  + "'"));
    }

    /** The KCS column a declaration field is read from, so problems name what the file holds. */
    @Override
    public String sourceName(String path) {
      for (Map.Entry<String, String> e : TOP.entrySet()) {
        if (e.getKey().equals(path)) {
          return e.getValue();
        }
      }
      if (path.equals("outcome")) {
        return "Fraud";
      }
      if (path.startsWith("items[0].")) {
        String field = path.substring("items[0].".length());
        return field.equals("hsCode") ? hsColumn : ITEM.getOrDefault(field, path);
      }
      return path;
    }
  }

  private record Item(Fields row, String hsColumn) implements Fields {
    @Override
    public String text(String path) {
      return switch (path) {
        case "hsCode" -> row.text(hsColumn);
        case "origin" -> row.text("Country of Origin");
        case "netMassKg" -> row.text("Net Mass");
        case "customsValue" -> row.text("Item Price");
        case "dutyRate" -> row.text("Tax Rate");
        case "description" -> "";
        default -> "";
      };
    }

    @Override
    public List<Fields> list(String path) {
      return List.of();
    }

    @Override
    public List<String> strings(String path) {
      return List.of();
    }
  }
}
