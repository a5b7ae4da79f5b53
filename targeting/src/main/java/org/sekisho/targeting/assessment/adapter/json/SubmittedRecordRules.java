package org.sekisho.targeting.assessment.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sekisho.core.Country;
import org.sekisho.core.Problem;
import org.sekisho.core.RecordFormat;
import org.sekisho.core.UnLocode;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;

/**
 * The rules the intelligence database's ingest applies to a record before storing it
 * (docs/formats/intel-records.md), for records sent to {@code POST /api/assess} directly: a record
 * ingest would refuse is refused here too, each problem naming its field, so that nothing is
 * assessed that no inspector could act on (a declaration without an office) or that is a typo (a
 * date of 9999-12-31). The fields of each kind and the checks of a party's values are the shared
 * kernel's {@link RecordFormat}, which ingest reads with too, so that the two cannot drift, and so
 * are the most characters each text may hold ({@link RecordFormat.Field#max()}): a text over its
 * field's limit is refused {@code too-long}, naming its path and the limit, as ingest refuses it.
 * The rest is written here rather than borrowed: targeting does not depend on the intelligence
 * context.
 *
 * <p>Pure: the day the record is checked on is given.
 */
final class SubmittedRecordRules {
  private SubmittedRecordRules() {}

  /** Earliest plausible event date, as ingest has it. */
  static final LocalDate EARLIEST_EVENT = LocalDate.of(1950, 1, 1);

  /**
   * The categories a postal item may be sent under (docs/formats/intel-records.md): the boxes of
   * the UPU customs declaration CN22/CN23 (gift, documents, commercial sample, returned goods, sale
   * of goods, other), sale of goods written {@code merchandise} and a commercial sample {@code
   * sample}.
   */
  static final List<String> POSTAL_CATEGORIES = RecordFormat.POSTAL_CATEGORIES;

  /** The kinds a record sent alone may be: those targeting assesses. */
  private static final Set<String> KINDS =
      Set.of("declaration", "postal-item", "transport-document");

  /**
   * The problems of a record of {@code kind} ({@code declaration}, {@code postal-item}, {@code
   * transport-document}) that ingest would refuse, beyond those {@link DeclarationJson} finds in
   * any record it reads (missing id, bad HS code, bad number, unreadable date).
   *
   * @param date the record's date as read, or null when it could not be read
   * @param today the day the record is checked on (its date may be at most a year after it)
   */
  static List<Problem> problems(String kind, JsonNode n, LocalDate date, LocalDate today) {
    List<Problem> out = new ArrayList<>();
    if (!KINDS.contains(kind)) {
      return out;
    }
    RecordFormat.Shape shape = RecordFormat.ofKind(kind).orElseThrow();
    // a name the format does not define (an item's value for customsValue) is never dropped
    out.addAll(RecordFormat.unknownFields(shape, new Names(n)));
    // a text ingest could not store (longer than its field's limit, or with a NUL)
    storable(shape, n, "", out);
    // a value of another form than its field's is never dropped silently
    for (var e : shape.fields().entrySet()) {
      String f = e.getKey();
      switch (e.getValue().form()) {
        case TEXT -> text(n, f, f, out);
        case TEXT_LIST -> {
          JsonNode v = n.get(f);
          if (v != null && v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              text(v, i, f + "[" + i + "]", out);
            }
          } else {
            text(n, f, f, out);
          }
        }
        case OBJECT -> party(n, f, today, out);
        case OBJECT_LIST -> {
          // a declaration's items, read below
        }
      }
    }
    if (kind.equals("declaration")) {
      JsonNode items = n.get("items");
      if (items != null && !items.isNull() && !items.isArray()) {
        out.add(
            Problem.of(
                "invalid-type", "items", "expected a list of goods items, got " + form(items)));
      } else if (items != null) {
        for (int i = 0; i < items.size(); i++) {
          JsonNode it = items.get(i);
          if (it.isObject()) {
            for (String f : RecordFormat.ITEM.fields().keySet()) {
              text(it, f, "items[" + i + "]." + f, out);
            }
            country(it, "origin", "items[" + i + "].", out);
            currency(it, "currency", "items[" + i + "].", out);
            masses(it, "items[" + i + "].", out);
          }
        }
      }
      country(n, "countryOfDeparture", "", out);
      RecordFormat.outcome("outcome", plain(n, "outcome")).ifPresent(out::add);
      String type = plain(n, "type");
      if (!type.isEmpty() && !Set.of("IM", "EX").contains(type.toUpperCase(Locale.ROOT))) {
        out.add(
            Problem.of(
                "invalid-field",
                "type",
                "expected IM (import) or EX (export), got '" + cut(type) + "'"));
      }
      String mode = plain(n, "modeOfTransport");
      if (!mode.isEmpty() && !mode.matches("[0-9]{1,2}")) {
        out.add(
            Problem.of(
                "invalid-field",
                "modeOfTransport",
                "expected a mode of transport code of UN/ECE Recommendation 19 (1 sea, 2 rail,"
                    + " 3 road, 4 air, 5 post…, or two digits with the sub-mode), got '"
                    + cut(mode)
                    + "'"));
      }
    }
    if (kind.equals("postal-item")) {
      String id = plain(n, "itemId").toUpperCase(Locale.ROOT).replace(" ", "");
      if (!id.isEmpty() && !isValidS10(id)) {
        out.add(
            Problem.of(
                "invalid-item-id",
                "itemId",
                "expected a UPU S10 identifier with a correct check digit (e.g. EE123456785JP),"
                    + " got '"
                    + id
                    + "'"));
      }
      country(n, "originCountry", "", out);
      country(n, "destinationCountry", "", out);
      currency(n, "currency", "", out);
      // any other word would be assessed as if it said nothing: "merchandize", "commercial"
      String category = plain(n, "category");
      if (!category.isEmpty()
          && !POSTAL_CATEGORIES.contains(category.strip().toLowerCase(Locale.ROOT))) {
        out.add(
            Problem.of(
                "invalid-value",
                "category",
                "expected one of "
                    + String.join(", ", POSTAL_CATEGORIES)
                    + " (the box ticked on the item's CN22/CN23 customs declaration), got '"
                    + cut(category)
                    + "'"));
      }
    }
    if (kind.equals("transport-document")) {
      String type = plain(n, "documentType");
      if (!type.isEmpty() && !RecordFormat.DOCUMENT_TYPES.contains(type)) {
        out.add(
            Problem.of(
                "invalid-value",
                "documentType",
                "expected one of "
                    + new java.util.TreeSet<>(RecordFormat.DOCUMENT_TYPES)
                    + ", got '"
                    + cut(type)
                    + "'"));
      }
      List<String> containers = strings(n.get("containers"));
      for (int i = 0; i < containers.size(); i++) {
        String c = containers.get(i);
        // one too long to store is refused as such above
        if (c.length() <= RecordFormat.MAX_ID && !RecordFormat.isContainerNumber(c)) {
          out.add(
              Problem.of(
                  "invalid-container",
                  "containers[" + i + "]",
                  "expected an ISO 6346 container number with a correct check digit (e.g."
                      + " CSQU3054383), got '"
                      + cut(c)
                      + "'"));
        }
      }
      for (String f : List.of("portOfLoading", "portOfDischarge")) {
        String v = plain(n, f);
        // a port of loading of the wrong shape is refused already, by DeclarationJson
        boolean refused = f.equals("portOfLoading") && !v.matches("[A-Za-z]{2}[A-Za-z0-9]{3}");
        if (!v.isEmpty() && !refused && !UnLocode.isValid(upper(v))) {
          out.addAll(UnLocode.parse(f, v).problems());
        }
      }
    }
    // a declaration is lodged at an office, whose inspectors record what its control finds
    String office = plain(n, "office");
    if (office.isEmpty() && kind.equals("declaration")) {
      out.add(
          Problem.of(
              "missing-field", "office", "is required (the customs office code, e.g. JPTYO)"));
    } else if (!office.isEmpty()
        && office.length() <= RecordFormat.MAX_OFFICE
        && !CriteriaCatalogue.isOfficeCode(upper(office))) {
      // an office no inspector works at would put the record on nobody's worklist; the same
      // test as for a criterion's offices and the selectivity settings
      out.add(
          Problem.of(
              "invalid-office",
              "office",
              "'"
                  + cut(office)
                  + "' is no office code: expected a UN/LOCODE with an optional unit, like JPYOK"
                  + " or JPNRT-MAIL, or an office number"));
    }
    // before 1950 or more than a year ahead is a typo or a placeholder (9999-12-31)
    if (date != null && (date.isBefore(EARLIEST_EVENT) || date.isAfter(today.plusYears(1)))) {
      out.add(
          Problem.of(
              "implausible-time",
              "date",
              "expected a day from "
                  + EARLIEST_EVENT
                  + " to "
                  + today.plusYears(1)
                  + ", got '"
                  + plain(n, "date")
                  + "'"));
    }
    return out;
  }

  /**
   * The problems of a record read ({@code read}, those {@link DeclarationJson} finds) and of its
   * rules ({@code rules}, {@link #problems}) as one list: a field whose text cannot be stored is
   * named for that alone, as ingest names it (what else was said of a 5,000-character date gives
   * way), and a problem said twice is listed once.
   */
  static List<Problem> merged(List<Problem> read, List<Problem> rules) {
    Set<String> unstorable = new java.util.HashSet<>();
    for (Problem p : rules) {
      if (UNSTORABLE.contains(p.code())) {
        unstorable.add(p.field());
      }
    }
    java.util.LinkedHashSet<Problem> out = new java.util.LinkedHashSet<>();
    for (List<Problem> l : List.of(read, rules)) {
      for (Problem p : l) {
        if (!unstorable.contains(p.field()) || UNSTORABLE.contains(p.code())) {
          out.add(p);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The codes of {@link RecordFormat#storable}'s problems. */
  private static final Set<String> UNSTORABLE = Set.of("too-long", "invalid-character");

  /**
   * Every text of {@code o} (and of its parties and items) that ingest could not store, checked as
   * ingest reads it (stripped; a list's entries, or the parts of one text separated by {@code ;},
   * each as {@code name[i]}) against its field's {@link RecordFormat.Field#max()}.
   */
  private static void storable(
      RecordFormat.Shape shape, JsonNode o, String prefix, List<Problem> out) {
    for (var e : shape.fields().entrySet()) {
      String f = e.getKey();
      RecordFormat.Field field = e.getValue();
      JsonNode v = o.get(f);
      if (v == null || v.isNull()) {
        continue;
      }
      switch (field.form()) {
        case TEXT -> {
          if (!v.isContainerNode()) {
            RecordFormat.storable(prefix + f, v.asText("").strip(), field.max())
                .ifPresent(out::add);
          }
        }
        case TEXT_LIST -> {
          List<String> l = strings(v);
          for (int i = 0; i < l.size(); i++) {
            RecordFormat.storable(prefix + f + "[" + i + "]", l.get(i), field.max())
                .ifPresent(out::add);
          }
        }
        case OBJECT -> {
          if (v.isObject()) {
            storable(field.shape(), v, prefix + f + ".", out);
          }
        }
        case OBJECT_LIST -> {
          if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              if (v.get(i).isObject()) {
                storable(field.shape(), v.get(i), prefix + f + "[" + i + "].", out);
              }
            }
          }
        }
      }
    }
  }

  /**
   * The entries of a list field as ingest reads them: a list's texts (not its nulls), or one text's
   * parts separated by {@code ;} as CSV writes them, each stripped; blank parts of a text dropped.
   */
  private static List<String> strings(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull() || v.isObject()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(
          e -> {
            if (!e.isNull() && !e.isContainerNode()) {
              out.add(e.asText("").strip());
            }
          });
      return out;
    }
    for (String s : v.asText("").split(";")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /**
   * A party ({@code importer}): an object of {@link RecordFormat#PARTY}'s text fields, a valid
   * country, and the kind, e-mail address, date of birth and document ingest accepts.
   */
  private static void party(JsonNode n, String f, LocalDate today, List<Problem> out) {
    JsonNode p = n.get(f);
    if (p == null || p.isNull()) {
      return;
    }
    if (!p.isObject()) {
      out.add(
          Problem.of(
              "invalid-type",
              f,
              "expected an object (a party with name, id, country…), got " + form(p)));
      return;
    }
    for (String pf : RecordFormat.PARTY.fields().keySet()) {
      text(p, pf, f + "." + pf, out);
    }
    country(p, "country", f + ".", out);
    out.addAll(
        RecordFormat.partyProblems(
            f + ".",
            plain(p, "kind"),
            plain(p, "email"),
            plain(p, "dateOfBirth"),
            plain(p, "document"),
            today));
  }

  /** A JSON object as {@link RecordFormat#unknownFields} walks it. */
  private record Names(JsonNode n) implements RecordFormat.Names {
    @Override
    public java.util.Collection<String> names() {
      List<String> out = new ArrayList<>(n.size());
      n.fieldNames().forEachRemaining(out::add);
      return out;
    }

    @Override
    public RecordFormat.Names object(String name) {
      JsonNode v = n.get(name);
      return v != null && v.isObject() ? new Names(v) : null;
    }

    @Override
    public List<RecordFormat.Names> list(String name) {
      JsonNode v = n.get(name);
      if (v == null || !v.isArray()) {
        return List.of();
      }
      List<RecordFormat.Names> out = new ArrayList<>(v.size());
      v.forEach(e -> out.add(e.isObject() ? new Names(e) : null));
      return out;
    }
  }

  /** A text field: text, or a number or true/false read as their text; never an object or list. */
  private static void text(JsonNode n, String f, String path, List<Problem> out) {
    JsonNode v = n.get(f);
    if (v != null && v.isContainerNode()) {
      out.add(Problem.of("invalid-type", path, "expected text, got " + form(v)));
    }
  }

  private static void text(JsonNode list, int i, String path, List<Problem> out) {
    JsonNode v = list.get(i);
    if (v != null && v.isContainerNode()) {
      out.add(Problem.of("invalid-type", path, "expected text, got " + form(v)));
    }
  }

  /** A currency: an ISO 4217 code, in any case ({@code jpy} is {@code JPY}). */
  private static void currency(JsonNode n, String f, String prefix, List<Problem> out) {
    String v = plain(n, f);
    if (v.isEmpty()) {
      return;
    }
    boolean known;
    try {
      known = v.matches("[A-Za-z]{3}") && Currency.getInstance(upper(v)) != null;
    } catch (IllegalArgumentException e) {
      known = false;
    }
    if (!known) {
      out.add(
          Problem.of(
              "invalid-currency",
              prefix + f,
              "expected an ISO 4217 currency code such as JPY or USD, got '" + cut(v) + "'"));
    }
  }

  /** An item's net mass (goods alone) cannot exceed its gross mass (goods and packing). */
  private static void masses(JsonNode it, String prefix, List<Problem> out) {
    java.math.BigDecimal net = decimal(plain(it, "netMassKg"));
    java.math.BigDecimal gross = decimal(plain(it, "grossMassKg"));
    RecordFormat.massProblem(prefix + "netMassKg", net, gross).ifPresent(out::add);
  }

  /** A number as ingest reads it, or null (a malformed one is refused elsewhere). */
  private static java.math.BigDecimal decimal(String s) {
    try {
      return s.isEmpty() ? null : new java.math.BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A value quoted back in a refusal, cut so that a refusal cannot carry a whole body. */
  private static String cut(String v) {
    return v.length() > 64 ? v.substring(0, 64) + "…" : v;
  }

  /** A country: ISO 3166-1 alpha-2, or ZZ for unknown. */
  private static void country(JsonNode n, String f, String prefix, List<Problem> out) {
    String v = plain(n, f);
    if (!v.isEmpty()) {
      out.addAll(Country.parseOrUnknown(prefix + f, v).problems());
    }
  }

  private static String plain(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText("").strip();
  }

  private static String upper(String s) {
    return s.replace(" ", "").strip().toUpperCase(Locale.ROOT);
  }

  private static String form(JsonNode v) {
    return switch (v.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "a list";
      case STRING -> "text";
      case NUMBER -> "a number";
      case BOOLEAN -> "true/false";
      default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

  /**
   * UPU S10 item identifier: 2 letters, 8 digits, check digit, 2-letter country, e.g. {@code
   * EE123456785JP}.
   */
  static boolean isValidS10(String s) {
    if (s.length() != 13) {
      return false;
    }
    for (int i : new int[] {0, 1, 11, 12}) {
      char c = s.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    int sum = 0;
    for (int i = 2; i < 11; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      if (i < 10) {
        sum += (c - '0') * S10_WEIGHTS[i - 2];
      }
    }
    int check = 11 - (sum % 11);
    check = check == 10 ? 0 : check == 11 ? 5 : check;
    return check == s.charAt(10) - '0';
  }
}
