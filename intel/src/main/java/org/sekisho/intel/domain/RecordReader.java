package org.sekisho.intel.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sekisho.core.Country;
import org.sekisho.core.HsCode;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.RecordFormat;
import org.sekisho.core.UnLocode;

/**
 * Validates one source row into a record of the intelligence database, collecting every problem of
 * the row (field and expected form) rather than stopping at the first. Field names are those of
 * {@code docs/formats/intel-records.md}, as {@link RecordFormat} defines them: a name the format
 * does not define ({@code importr}, an item's {@code value}) is refused naming its path and the
 * field meant, never dropped. Every value must be storable (see {@link FieldRules}: no NUL
 * character, a length within its field's limit, numbers targeting can read) and every event time
 * plausible: not before {@link FieldRules#EARLIEST_EVENT}, and not more than a year after the
 * clock's today. Pure but for reading the clock: the same row on the same day always gives the same
 * outcome. Thread-safe.
 */
public final class RecordReader {
  private final ZoneId zone;
  private final Clock clock;

  /**
   * A reader without a clock, for tools that check rows of any day: event times are only checked
   * against {@link FieldRules#EARLIEST_EVENT}, with no upper bound.
   *
   * @param zone the zone of source times written without an offset
   */
  public RecordReader(ZoneId zone) {
    this(zone, null);
  }

  /**
   * @param zone the zone of source times written without an offset
   * @param clock today for the latest plausible event time (a year after it); null for none
   */
  public RecordReader(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  public Outcome<IntelRecord> read(RecordKind kind, Fields f) {
    Instant latest =
        clock == null
            ? Instant.MAX
            : LocalDate.ofInstant(clock.instant(), zone)
                .plusYears(1)
                .plusDays(1)
                .atStartOfDay(zone)
                .toInstant();
    Row r = new Row(f, latest, clock == null ? null : LocalDate.ofInstant(clock.instant(), zone));
    IntelRecord rec =
        switch (kind) {
          case DECLARATION -> declaration(r);
          case TRANSPORT_DOCUMENT -> transportDocument(r);
          case CONVEYANCE_MOVEMENT -> movement(r);
          case POSTAL_ITEM -> postalItem(r);
          case SEIZURE -> seizure(r);
        };
    RecordFormat.unknownFields(ingestShape(kind), new Names(f))
        .forEach(p -> r.problems.add(unknownWorded(p)));
    List<Problem> shapes = f.problems();
    if (!shapes.isEmpty()) {
      // A value of the wrong shape reads as absent: what the other checks said of its field
      // ("is required") gives way to the reason.
      Set<String> wrong = new java.util.HashSet<>();
      shapes.forEach(p -> wrong.add(p.field()));
      r.problems.removeIf(p -> wrong.contains(p.field()));
      r.problems.addAll(shapes);
    }
    if (r.problems.isEmpty()) {
      return Outcome.accepted(rec);
    }
    // named as the source names them (a KCS column rather than the JSON path it stands for)
    List<Problem> named = new ArrayList<>(r.problems.size());
    for (Problem p : r.problems) {
      String field = f.sourceName(p.field());
      named.add(field.equals(p.field()) ? p : p.at(field));
    }
    return new Outcome.Rejected<>(named);
  }

  private Declaration declaration(Row r) {
    String id = r.required("declarationId", FieldRules.MAX_ID);
    String type = r.oneOf("type", Set.of("IM", "EX"), "IM");
    Instant t = r.time("date", zone);
    List<Declaration.Item> items = new ArrayList<>();
    List<Fields> rows = r.f.list("items");
    if (rows.isEmpty()) {
      r.problem("missing-field", "items", "a declaration needs at least one goods item");
    }
    for (int i = 0; i < rows.size(); i++) {
      Row ir = r.nested(rows.get(i), "items[" + i + "].");
      // read in the order the fields are documented, so that problems are listed in that order
      String hs = ir.hs("hsCode", true);
      String description = ir.text("description", FieldRules.MAX_TEXT);
      String origin = ir.country("origin", false);
      BigDecimal quantity = ir.decimal("quantity");
      String unit = ir.text("unit", FieldRules.MAX_ID);
      BigDecimal net = ir.decimal("netMassKg");
      BigDecimal gross = ir.decimal("grossMassKg");
      // the assessment API refuses the same
      RecordFormat.massProblem(ir.prefix + "netMassKg", net, gross).ifPresent(ir.problems::add);
      items.add(
          new Declaration.Item(
              i + 1,
              hs,
              description,
              origin,
              quantity,
              unit,
              net,
              gross,
              ir.decimal("customsValue"),
              ir.currency("currency"),
              ir.decimal("dutyRate")));
    }
    return new Declaration(
        id,
        type,
        t,
        // a declaration is lodged at an office, whose worklist shows it
        r.office("office", true),
        r.text("procedure", FieldRules.MAX_ID),
        r.text("modeOfTransport", FieldRules.MAX_ID),
        r.party("declarant"),
        r.party("importer"),
        r.party("exporter"),
        r.country("countryOfDeparture", false),
        r.text("transportDocument", FieldRules.MAX_ID),
        items,
        r.outcome());
  }

  private TransportDocument transportDocument(Row r) {
    String number = r.required("number", FieldRules.MAX_ID);
    List<String> containers = new ArrayList<>();
    List<String> raw = r.strings("containers", FieldRules.MAX_ID);
    for (int i = 0; i < raw.size(); i++) {
      String c = raw.get(i).replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
      if (!CheckDigits.isValidContainer(c)) {
        r.problem(
            "invalid-container",
            "containers[" + i + "]",
            "expected an ISO 6346 container number with a correct check digit (e.g. CSQU3054383), got '"
                + raw.get(i)
                + "'");
      } else {
        containers.add(c);
      }
    }
    return new TransportDocument(
        number,
        r.oneOf("documentType", RecordFormat.DOCUMENT_TYPES, "MBL"),
        r.text("masterNumber", FieldRules.MAX_ID),
        r.time("date", zone),
        r.office("office", false),
        r.text("carrier", FieldRules.MAX_NAME),
        r.party("shipper"),
        r.party("consignee"),
        r.party("notifyParty"),
        r.locode("portOfLoading", false),
        r.locode("portOfDischarge", false),
        containers,
        r.text("goodsDescription", FieldRules.MAX_TEXT),
        r.hs("hsCode", false),
        r.decimal("grossMassKg"),
        r.integer("packages"),
        r.text("conveyanceRef", FieldRules.MAX_ID));
  }

  private ConveyanceMovement movement(Row r) {
    String id = r.required("movementId", FieldRules.MAX_ID);
    String imo = r.text("imo", FieldRules.MAX_ID).replace("IMO", "").strip();
    if (!imo.isEmpty() && !CheckDigits.isValidImo(imo)) {
      r.problem(
          "invalid-imo",
          "imo",
          "expected a 7-digit IMO number with a correct check digit, got '" + imo + "'");
    }
    String mmsi = r.text("mmsi", FieldRules.MAX_ID);
    if (!mmsi.isEmpty() && !mmsi.matches("\\d{9}")) {
      r.problem("invalid-mmsi", "mmsi", "expected 9 digits, got '" + mmsi + "'");
    }
    return new ConveyanceMovement(
        id,
        r.oneOf("mode", Set.of("sea", "air"), null),
        r.oneOf("direction", Set.of("arrival", "departure"), null),
        r.time("time", zone),
        r.text("conveyanceName", FieldRules.MAX_NAME),
        r.text("voyageOrFlight", FieldRules.MAX_ID),
        imo,
        mmsi,
        r.text("callSign", FieldRules.MAX_ID),
        r.country("flag", false),
        r.locode("port", true),
        r.locode("previousPort", false),
        r.locode("nextPort", false),
        r.text("operator", FieldRules.MAX_NAME));
  }

  private PostalItem postalItem(Row r) {
    String id = r.required("itemId", FieldRules.MAX_ID).toUpperCase(Locale.ROOT).replace(" ", "");
    if (!id.isEmpty() && !CheckDigits.isValidS10(id)) {
      r.problem(
          "invalid-item-id",
          "itemId",
          "expected a UPU S10 identifier with a correct check digit (e.g. EE123456785JP), got '"
              + id
              + "'");
    }
    return new PostalItem(
        id,
        r.time("date", zone),
        r.office("office", false),
        r.party("sender"),
        r.party("addressee"),
        r.text("contents", FieldRules.MAX_TEXT),
        r.hs("hsCode", false),
        r.decimal("declaredValue"),
        r.currency("currency"),
        r.decimal("weightKg"),
        r.country("originCountry", false),
        r.country("destinationCountry", false),
        r.postalCategory("category"));
  }

  private Seizure seizure(Row r) {
    String id = r.required("seizureId", FieldRules.MAX_ID);
    List<String> route = new ArrayList<>();
    List<String> raw = r.strings("route", FieldRules.MAX_ID);
    for (int i = 0; i < raw.size(); i++) {
      Outcome<Country> c = Country.parse("route[" + i + "]", raw.get(i));
      switch (c) {
        case Outcome.Accepted<Country> a -> route.add(a.value().code());
        case Outcome.Rejected<Country> rej -> r.problems.addAll(rej.problems());
      }
    }
    List<Party> persons = new ArrayList<>();
    List<Fields> pf = r.f.list("persons");
    for (int i = 0; i < pf.size(); i++) {
      persons.add(r.nested(pf.get(i), "persons[" + i + "].").partyHere("person"));
    }
    List<Party> companies = new ArrayList<>();
    List<Fields> cf = r.f.list("companies");
    for (int i = 0; i < cf.size(); i++) {
      companies.add(r.nested(cf.get(i), "companies[" + i + "].").partyHere("company"));
    }
    String commodity = r.required("commodity", FieldRules.MAX_NAME);
    List<String> related = r.strings("relatedRecords", FieldRules.MAX_NAME);
    for (int i = 0; i < related.size(); i++) {
      if (!isRecordReference(related.get(i))) {
        r.problem(
            "invalid-reference",
            "relatedRecords[" + i + "]",
            "expected kind:id with kind one of "
                + java.util.Arrays.stream(RecordKind.values()).map(RecordKind::code).toList()
                + ", e.g. declaration:D2026112700001, got '"
                + related.get(i)
                + "'");
      }
    }
    return new Seizure(
        id,
        r.time("date", zone),
        r.office("office", false),
        r.text("place", FieldRules.MAX_NAME),
        commodity,
        r.hs("hsCode", false),
        r.decimal("quantity"),
        r.text("unit", FieldRules.MAX_ID),
        r.text("concealment", FieldRules.MAX_TEXT),
        r.text("detection", FieldRules.MAX_NAME),
        route,
        persons,
        companies,
        r.text("conveyance", FieldRules.MAX_NAME),
        related,
        r.text("narrative", FieldRules.MAX_TEXT));
  }

  /** A row's fields as {@link RecordFormat#unknownFields} walks them. */
  private record Names(Fields f) implements RecordFormat.Names {
    @Override
    public java.util.Collection<String> names() {
      return f.names();
    }

    @Override
    public RecordFormat.Names object(String name) {
      return new Names(f.object(name));
    }

    @Override
    public List<RecordFormat.Names> list(String name) {
      List<Fields> l = f.list(name);
      List<RecordFormat.Names> out = new ArrayList<>(l.size());
      l.forEach(e -> out.add(new Names(e)));
      return out;
    }
  }

  /** A reference to another record as {@code kind:id}, the kind a record kind's code. */
  static boolean isRecordReference(String v) {
    int colon = v.indexOf(':');
    return colon > 0
        && colon < v.length() - 1
        && !v.substring(colon + 1).isBlank()
        && RecordKind.ofCode(v.substring(0, colon).strip()).isPresent();
  }

  /** True for date-times that carry Z or a numeric offset after the time. */
  static boolean hasOffset(String v) {
    int t = v.indexOf('T');
    if (t < 0) {
      return false;
    }
    if (v.endsWith("Z")) {
      return true;
    }
    String time = v.substring(t + 1);
    return time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
  }

  /**
   * The kind's format as core defines it, with the name the record API's {@code data} gives the
   * record's time ({@code eventTime}) known as an alias of the field an ingest row gives it in: a
   * record read from the API and sent back is told which field it meant ({@code did you mean
   * date?}).
   */
  static RecordFormat.Shape ingestShape(RecordKind kind) {
    RecordFormat.Shape s = RecordFormat.ofKind(kind.code()).orElseThrow();
    java.util.Map<String, String> aliases = new java.util.HashMap<>(s.aliases());
    aliases.putIfAbsent("eventtime", kind.timeField());
    return new RecordFormat.Shape(s.what(), s.fields(), aliases);
  }

  // the field meant and the format's fields, as core's refusal of an unknown field says them
  private static final java.util.regex.Pattern MEANT =
      java.util.regex.Pattern.compile(": did you mean (.+)\\? \\(the fields are ");
  private static final java.util.regex.Pattern FIELDS =
      java.util.regex.Pattern.compile("\\(the fields are (.+); a field the format does not define");

  /**
   * Core's refusal of a field the format does not define, worded {@code unknown} (the format's
   * fields) or {@code unknown-meant} (the field meant, the format's fields), so that a page or
   * answer in another language says them; its English as core wrote it.
   */
  static Problem unknownWorded(Problem p) {
    java.util.regex.Matcher fields = FIELDS.matcher(p.message());
    if (!fields.find()) {
      return p;
    }
    java.util.regex.Matcher meant = MEANT.matcher(p.message());
    return meant.find()
        ? p.worded("unknown-meant", meant.group(1), fields.group(1))
        : p.worded("unknown", fields.group(1));
  }

  /**
   * A number as it is kept: its value without trailing zeros ({@code 100.0} and {@code 100} are
   * {@code 100}, {@code 12.50} is {@code 12.5}), never in exponent form, so that a row sent again
   * with a number written differently is the same record, not a conflicting version.
   */
  static BigDecimal canonical(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Field access that records problems (with the full field path) instead of throwing. */
  private static final class Row {
    final Fields f;
    final String prefix;
    final List<Problem> problems;
    final Instant latest;
    // the clock's day, for dates that cannot lie ahead (a date of birth); null without a clock
    final LocalDate today;

    Row(Fields f, Instant latest, LocalDate today) {
      this(f, "", new ArrayList<>(), latest, today);
    }

    private Row(Fields f, String prefix, List<Problem> problems, Instant latest, LocalDate today) {
      this.f = f;
      this.prefix = prefix;
      this.problems = problems;
      this.latest = latest;
      this.today = today;
    }

    Row nested(Fields child, String childPrefix) {
      return new Row(child, prefix + childPrefix, problems, latest, today);
    }

    void problem(String code, String field, String message) {
      problems.add(Problem.of(code, prefix + field, message));
    }

    /** A problem with the wording {@code key} and the values it quotes (see Problem#worded). */
    void worded(String code, String field, String message, String key, Object... args) {
      problems.add(Problem.of(code, prefix + field, message).worded(key, args));
    }

    /**
     * The field's text, or null when it cannot be stored (a NUL character, or longer than {@code
     * max}): the problem is then recorded, and no other check of the field repeats the value.
     */
    private String checked(String name, int max) {
      String v = f.text(name);
      Optional<Problem> p = FieldRules.text(prefix + name, v, max);
      if (p.isPresent()) {
        problems.add(FieldRules.wordedText(p.get(), v, max));
        return null;
      }
      return v;
    }

    String text(String name, int max) {
      String v = checked(name, max);
      return v == null ? "" : v;
    }

    String required(String name, int max) {
      String v = checked(name, max);
      if (v == null) {
        return "";
      }
      if (v.isEmpty()) {
        worded("missing-field", name, "is required", "required");
      }
      return v;
    }

    /** The strings of a list field, each checked as {@code name[i]}; unstorable ones left out. */
    List<String> strings(String name, int max) {
      List<String> raw = f.strings(name);
      List<String> out = new ArrayList<>(raw.size());
      for (int i = 0; i < raw.size(); i++) {
        Optional<Problem> p = FieldRules.text(prefix + name + "[" + i + "]", raw.get(i), max);
        if (p.isPresent()) {
          problems.add(FieldRules.wordedText(p.get(), raw.get(i), max));
        } else {
          out.add(raw.get(i));
        }
      }
      return out;
    }

    /** A customs office code: stripped, upper case, at most {@link FieldRules#MAX_OFFICE}. */
    String office(String name, boolean required) {
      String v = checked(name, FieldRules.MAX_OFFICE);
      if (v == null) {
        return "";
      }
      if (v.isEmpty()) {
        if (required) {
          worded(
              "missing-field",
              name,
              "is required (the customs office code, e.g. JPTYO)",
              "required-office");
        }
        return "";
      }
      return v.toUpperCase(Locale.ROOT);
    }

    String oneOf(String name, Set<String> allowed, String dflt) {
      String v = checked(name, FieldRules.MAX_ID);
      if (v == null) {
        return dflt == null ? "" : dflt;
      }
      if (v.isEmpty() && dflt != null) {
        return dflt;
      }
      if (!allowed.contains(v)) {
        problem(
            v.isEmpty() ? "missing-field" : "invalid-value",
            name,
            "expected one of "
                + new java.util.TreeSet<>(allowed)
                + (v.isEmpty() ? "" : ", got '" + v + "'"));
      }
      return v;
    }

    /**
     * A postal item's category, one of {@link RecordFormat#POSTAL_CATEGORIES} in any case (stored
     * in lower case), or empty: any other word ("merchandize", "commercial") would be read as if
     * the item said nothing, so it is refused naming the allowed values.
     */
    String postalCategory(String name) {
      String v = checked(name, FieldRules.MAX_ID);
      if (v == null || v.isEmpty()) {
        return "";
      }
      String c = v.strip().toLowerCase(Locale.ROOT);
      if (!RecordFormat.POSTAL_CATEGORIES.contains(c)) {
        problem(
            "invalid-value",
            name,
            "expected one of "
                + String.join(", ", RecordFormat.POSTAL_CATEGORIES)
                + " (the box ticked on the item's CN22/CN23 customs declaration), got '"
                + FieldRules.shorten(v)
                + "'");
        return "";
      }
      return c;
    }

    /** A declaration's inspection outcome, one of {@link RecordFormat#OUTCOMES}. */
    String outcome() {
      String v = checked("outcome", FieldRules.MAX_ID);
      if (v == null) {
        return "";
      }
      RecordFormat.outcome(prefix + "outcome", v).ifPresent(problems::add);
      return v;
    }

    Instant time(String name, ZoneId zone) {
      String v = checked(name, FieldRules.MAX_ID);
      if (v == null) {
        return Instant.EPOCH;
      }
      if (v.isEmpty()) {
        worded("missing-field", name, "is required (ISO 8601 date or date-time)", "required-time");
        return Instant.EPOCH;
      }
      try {
        Instant t;
        if (v.length() == 10) {
          t = LocalDate.parse(v).atStartOfDay(zone).toInstant();
        } else if (hasOffset(v)) {
          t = OffsetDateTime.parse(v).toInstant();
        } else {
          t = LocalDateTime.parse(v).atZone(zone).toInstant();
        }
        // Before 1950 or more than a year ahead is a typo or a placeholder (9999-12-31), which
        // would otherwise become the newest day of the database.
        if (t.isBefore(FieldRules.EARLIEST_EVENT.atStartOfDay(zone).toInstant())
            || !t.isBefore(latest)) {
          String message =
              "expected a day from "
                  + FieldRules.EARLIEST_EVENT
                  + (latest.equals(Instant.MAX)
                      ? " on"
                      : " to " + LocalDate.ofInstant(latest, zone).minusDays(1))
                  + ", got '"
                  + v
                  + "'";
          if (latest.equals(Instant.MAX)) {
            worded("implausible-time", name, message, "from", FieldRules.EARLIEST_EVENT, v);
          } else {
            worded(
                "implausible-time",
                name,
                message,
                "range",
                FieldRules.EARLIEST_EVENT,
                LocalDate.ofInstant(latest, zone).minusDays(1),
                v);
          }
          return Instant.EPOCH;
        }
        return t;
      } catch (DateTimeException e) {
        worded(
            "invalid-time",
            name,
            "expected an ISO 8601 date (2026-11-27) or date-time (2026-11-27T09:30:00+09:00), got '"
                + v
                + "'",
            "format",
            v);
        return Instant.EPOCH;
      }
    }

    BigDecimal decimal(String name) {
      String v = checked(name, FieldRules.MAX_ID);
      if (v == null || v.isEmpty()) {
        return null;
      }
      try {
        BigDecimal d = new BigDecimal(v);
        Optional<Problem> p = FieldRules.number(prefix + name, d, v);
        if (p.isPresent()) {
          problems.add(p.get());
          return null;
        }
        return canonical(d);
      } catch (NumberFormatException e) {
        worded(
            "invalid-number",
            name,
            "expected a decimal number such as 12.5, got '" + v + "'",
            "decimal",
            v);
        return null;
      }
    }

    int integer(String name) {
      String v = checked(name, FieldRules.MAX_ID);
      if (v == null || v.isEmpty()) {
        return 0;
      }
      try {
        int i = Integer.parseInt(v);
        if (i < 0) {
          worded("invalid-number", name, "must not be negative, got " + v, "negative", v);
        }
        return i;
      } catch (NumberFormatException e) {
        worded("invalid-number", name, "expected a whole number, got '" + v + "'", "whole", v);
        return 0;
      }
    }

    String country(String name, boolean required) {
      String v = checked(name, FieldRules.MAX_ID);
      if (v == null) {
        return "";
      }
      if (v.isEmpty()) {
        if (required) {
          worded(
              "missing-field",
              name,
              "is required (ISO 3166-1 alpha-2; ZZ if unknown)",
              "required-country");
        }
        return "";
      }
      // A declaration, document, movement or item whose country is not known is kept, as ZZ.
      return switch (Country.parseOrUnknown(prefix + name, v)) {
        case Outcome.Accepted<Country> a -> a.value().code();
        case Outcome.Rejected<Country> rej -> {
          problems.addAll(rej.problems());
          yield "";
        }
      };
    }

    String locode(String name, boolean required) {
      String v = checked(name, FieldRules.MAX_ID);
      if (v == null) {
        return "";
      }
      if (v.isEmpty()) {
        if (required) {
          worded("missing-field", name, "is required (UN/LOCODE, e.g. JPTYO)", "required-locode");
        }
        return "";
      }
      return switch (UnLocode.parse(prefix + name, v)) {
        case Outcome.Accepted<UnLocode> a -> a.value().code();
        case Outcome.Rejected<UnLocode> rej -> {
          problems.addAll(rej.problems());
          yield "";
        }
      };
    }

    String hs(String name, boolean required) {
      String v = checked(name, FieldRules.MAX_ID);
      if (v == null) {
        return "";
      }
      if (v.isEmpty()) {
        if (required) {
          worded("missing-field", name, "is required (HS code, 6 to 10 digits)", "required-hs");
        }
        return "";
      }
      return switch (HsCode.parse(prefix + name, v)) {
        case Outcome.Accepted<HsCode> a -> a.value().digits();
        case Outcome.Rejected<HsCode> rej -> {
          problems.addAll(rej.problems());
          yield "";
        }
      };
    }

    String currency(String name) {
      String checked = checked(name, FieldRules.MAX_ID);
      String v = checked == null ? "" : checked.toUpperCase(Locale.ROOT);
      if (v.isEmpty()) {
        return "";
      }
      try {
        java.util.Currency.getInstance(v);
        return v;
      } catch (IllegalArgumentException e) {
        worded(
            "invalid-currency",
            name,
            "expected an ISO 4217 currency code, got '" + v + "'",
            "format",
            v);
        return "";
      }
    }

    Party party(String name) {
      return nested(f.object(name), name + ".").partyHere("");
    }

    Party partyHere(String defaultKind) {
      String checkedKind = checked("kind", FieldRules.MAX_ID);
      String kind = checkedKind == null || checkedKind.isEmpty() ? defaultKind : checkedKind;
      String email = text("email", FieldRules.MAX_NAME);
      String dob = text("dateOfBirth", FieldRules.MAX_ID);
      // typed on a Japanese keyboard (ＡＢ１２３, ：) it is the same document: checked and stored
      // half-width, as phone numbers and the other keys are read
      String document = Normalize.width(text("document", FieldRules.MAX_ID));
      // the same checks as a record sent to targeting alone meets
      problems.addAll(
          RecordFormat.partyProblems(
              prefix, checkedKind == null ? "" : checkedKind, email, dob, document, today));
      return new Party(
          kind,
          text("name", FieldRules.MAX_NAME),
          text("id", FieldRules.MAX_ID),
          text("address", FieldRules.MAX_NAME),
          text("phone", FieldRules.MAX_ID),
          email,
          country("country", false),
          dob,
          document);
    }
  }
}
