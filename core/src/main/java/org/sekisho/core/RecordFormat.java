package org.sekisho.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The intelligence record format of {@code docs/formats/intel-records.md}: the fields every kind of
 * record, party and goods item may carry, and the checks of a party's values, defined once for the
 * intelligence database's ingest and for a record sent to targeting's {@code POST /api/assess}
 * alone, so that what one side refuses the other refuses too.
 *
 * <p>A field the format does not define is refused ({@link #unknownFields}): a misspelt {@code
 * importr} or an item's {@code value} for {@code customsValue} would otherwise be dropped silently,
 * the data lost and (for a value) the value criteria never fired.
 *
 * <p>Pure and thread-safe; no framework: each reader presents its own tree through {@link Names}.
 */
public final class RecordFormat {
  private RecordFormat() {}

  /** The form of a field's value. */
  public enum Form {
    /** Text (a number or true/false read as its text). */
    TEXT,
    /** One text, several separated by {@code ;}, or a list of text. */
    TEXT_LIST,
    /** An object of its own fields (a party). */
    OBJECT,
    /** A list of objects (goods items, seizure persons). */
    OBJECT_LIST
  }

  /**
   * One field of an object.
   *
   * @param form the form of its value
   * @param shape the fields of its object or of each object of its list; null for text
   */
  public record Field(Form form, Shape shape) {}

  /**
   * The fields of one kind of object.
   *
   * @param what what the object is, for messages ({@code a declaration}, {@code a party})
   * @param fields the fields by name, in the order the format lists them
   * @param aliases names a sender may use for a field by another name ({@code value} for {@code
   *     customsValue}), each mapped to the field meant
   */
  public record Shape(String what, Map<String, Field> fields, Map<String, String> aliases) {
    public Shape {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      aliases = Map.copyOf(aliases);
    }

    /** The field named {@code name} exactly, if the format defines it. */
    public Optional<Field> field(String name) {
      return Optional.ofNullable(fields.get(name));
    }

    /**
     * The field a sender most likely meant by a name the format does not define: a known alias, the
     * same name in another case, else the nearest name within a small edit distance.
     */
    public Optional<String> meant(String name) {
      String alias = aliases.get(name.toLowerCase(Locale.ROOT));
      if (alias != null) {
        return Optional.of(alias);
      }
      // two edits in a long name, one in a short one: beyond that the guess is noise
      return Spelling.nearest(name, fields.keySet(), Math.min(2, Math.max(1, name.length() / 4)));
    }

    /**
     * The problem of a name given in this object, or empty when the format defines it.
     *
     * @param path the name's full path, as problems name it ({@code items[0].value})
     */
    public Optional<Problem> unknown(String path, String name) {
      if (fields.containsKey(name)) {
        return Optional.empty();
      }
      Optional<String> meant = meant(name);
      return Optional.of(
          Problem.of(
              "unknown-field",
              path,
              "is not a field of "
                  + what
                  + meant.map(m -> ": did you mean " + m + "?").orElse("")
                  + " (the fields are "
                  + String.join(", ", fields.keySet())
                  + "; a field the format does not define is refused, not dropped)"));
    }
  }

  /**
   * One object of a record as its reader holds it, for {@link #unknownFields}: the names it gives
   * and the objects under them.
   */
  public interface Names {
    /** The names this object gives, as the source writes them. */
    Collection<String> names();

    /** The object at {@code name}; null when the value there is not an object. */
    Names object(String name);

    /**
     * The objects of the list at {@code name}, in order; an entry that is not an object is null
     * (its index stays that of the input); empty when the value there is not a list.
     */
    List<Names> list(String name);
  }

  /** A party: {@code declarant}, {@code importer}, a seizure's persons and companies. */
  public static final Shape PARTY =
      shape(
          "a party",
          texts(
              "kind",
              "name",
              "id",
              "address",
              "phone",
              "email",
              "country",
              "dateOfBirth",
              "document"),
          Map.of(
              "type", "kind",
              "dob", "dateOfBirth",
              "birthdate", "dateOfBirth",
              "born", "dateOfBirth",
              "passport", "document",
              "tel", "phone",
              "telephone", "phone",
              "mail", "email",
              "e-mail", "email"));

  /** A declaration's goods item. */
  public static final Shape ITEM =
      shape(
          "a goods item",
          texts(
              "hsCode",
              "description",
              "origin",
              "quantity",
              "unit",
              "netMassKg",
              "grossMassKg",
              "customsValue",
              "currency",
              "dutyRate"),
          Map.ofEntries(
              Map.entry("value", "customsValue"),
              Map.entry("price", "customsValue"),
              Map.entry("itemprice", "customsValue"),
              Map.entry("hs", "hsCode"),
              Map.entry("hs6", "hsCode"),
              Map.entry("hs10", "hsCode"),
              Map.entry("countryoforigin", "origin"),
              Map.entry("netmass", "netMassKg"),
              Map.entry("grossmass", "grossMassKg"),
              Map.entry("weight", "netMassKg"),
              Map.entry("mass", "netMassKg"),
              Map.entry("taxrate", "dutyRate")));

  /** Fields every kind may carry: the owning agency and the agencies it is shared with. */
  private static final Map<String, Field> EVERY_KIND =
      Map.of("agency", new Field(Form.TEXT, null), "sharedWith", new Field(Form.TEXT_LIST, null));

  /** A customs declaration. */
  public static final Shape DECLARATION =
      kind(
          "a declaration",
          fields(
              "declarationId", Form.TEXT,
              "type", Form.TEXT,
              "date", Form.TEXT,
              "office", Form.TEXT,
              "procedure", Form.TEXT,
              "modeOfTransport", Form.TEXT,
              "declarant", PARTY,
              "importer", PARTY,
              "exporter", PARTY,
              "countryOfDeparture", Form.TEXT,
              "transportDocument", Form.TEXT,
              "items", List.of(ITEM),
              "outcome", Form.TEXT),
          Map.of("consignor", "exporter", "consignee", "importer", "id", "declarationId"));

  /** A bill of lading or air waybill. */
  public static final Shape TRANSPORT_DOCUMENT =
      kind(
          "a transport document",
          fields(
              "number", Form.TEXT,
              "documentType", Form.TEXT,
              "masterNumber", Form.TEXT,
              "date", Form.TEXT,
              "office", Form.TEXT,
              "carrier", Form.TEXT,
              "shipper", PARTY,
              "consignee", PARTY,
              "notifyParty", PARTY,
              "portOfLoading", Form.TEXT,
              "portOfDischarge", Form.TEXT,
              "containers", Form.TEXT_LIST,
              "goodsDescription", Form.TEXT,
              "hsCode", Form.TEXT,
              "grossMassKg", Form.TEXT,
              "packages", Form.TEXT,
              "conveyanceRef", Form.TEXT),
          Map.of("consignor", "shipper", "importer", "consignee", "exporter", "shipper"));

  /** A vessel's or aircraft's arrival or departure. */
  public static final Shape CONVEYANCE_MOVEMENT =
      kind(
          "a conveyance movement",
          fields(
              "movementId", Form.TEXT,
              "mode", Form.TEXT,
              "direction", Form.TEXT,
              "time", Form.TEXT,
              "conveyanceName", Form.TEXT,
              "voyageOrFlight", Form.TEXT,
              "imo", Form.TEXT,
              "mmsi", Form.TEXT,
              "callSign", Form.TEXT,
              "flag", Form.TEXT,
              "port", Form.TEXT,
              "previousPort", Form.TEXT,
              "nextPort", Form.TEXT,
              "operator", Form.TEXT),
          Map.of("date", "time", "vessel", "conveyanceName", "flight", "voyageOrFlight"));

  /** A postal item. */
  public static final Shape POSTAL_ITEM =
      kind(
          "a postal item",
          fields(
              "itemId", Form.TEXT,
              "date", Form.TEXT,
              "office", Form.TEXT,
              "sender", PARTY,
              "addressee", PARTY,
              "contents", Form.TEXT,
              "hsCode", Form.TEXT,
              "declaredValue", Form.TEXT,
              "currency", Form.TEXT,
              "weightKg", Form.TEXT,
              "originCountry", Form.TEXT,
              "destinationCountry", Form.TEXT,
              "category", Form.TEXT),
          Map.of(
              "value", "declaredValue",
              "customsvalue", "declaredValue",
              "weight", "weightKg",
              "recipient", "addressee",
              "consignee", "addressee",
              "consignor", "sender"));

  /** A seizure (WCO CEN fields). */
  public static final Shape SEIZURE =
      kind(
          "a seizure",
          fields(
              "seizureId", Form.TEXT,
              "date", Form.TEXT,
              "office", Form.TEXT,
              "place", Form.TEXT,
              "commodity", Form.TEXT,
              "hsCode", Form.TEXT,
              "quantity", Form.TEXT,
              "unit", Form.TEXT,
              "concealment", Form.TEXT,
              "detection", Form.TEXT,
              "route", Form.TEXT_LIST,
              "persons", List.of(PARTY),
              "companies", List.of(PARTY),
              "conveyance", Form.TEXT,
              "relatedRecords", Form.TEXT_LIST,
              "narrative", Form.TEXT),
          Map.of("person", "persons", "company", "companies"));

  private static final Map<String, Shape> KINDS =
      Map.of(
          "declaration", DECLARATION,
          "transport-document", TRANSPORT_DOCUMENT,
          "conveyance-movement", CONVEYANCE_MOVEMENT,
          "postal-item", POSTAL_ITEM,
          "seizure", SEIZURE);

  /**
   * The shape of a kind of record by its code: {@code declaration}, {@code transport-document},
   * {@code conveyance-movement}, {@code postal-item} or {@code seizure}.
   */
  public static Optional<Shape> ofKind(String code) {
    return Optional.ofNullable(KINDS.get(code));
  }

  /** The outcomes of an inspection a declaration may carry: none, nothing found, an infraction. */
  public static final Set<String> OUTCOMES = Set.of("", "nothing-found", "infraction");

  /**
   * Every name in {@code record} (and in its parties, items and persons) that {@code shape} does
   * not define, each as an {@code unknown-field} problem naming its path ({@code importr}, {@code
   * items[0].value}) and, where one is evident, the field meant. Names under an unknown name are
   * not looked at: the unknown one is the problem.
   */
  public static List<Problem> unknownFields(Shape shape, Names record) {
    List<Problem> out = new ArrayList<>(0);
    unknown(shape, record, "", out);
    return out;
  }

  private static void unknown(Shape shape, Names o, String prefix, List<Problem> out) {
    for (String name : o.names()) {
      Field f = shape.fields().get(name);
      if (f == null) {
        shape.unknown(prefix + name, name).ifPresent(out::add);
        continue;
      }
      switch (f.form()) {
        case OBJECT -> {
          Names n = o.object(name);
          if (n != null) {
            unknown(f.shape(), n, prefix + name + ".", out);
          }
        }
        case OBJECT_LIST -> {
          List<Names> l = o.list(name);
          for (int i = 0; i < l.size(); i++) {
            if (l.get(i) != null) {
              unknown(f.shape(), l.get(i), prefix + name + "[" + i + "].", out);
            }
          }
        }
        case TEXT, TEXT_LIST -> {
          // values, not names: their forms are the readers' to check
        }
      }
    }
  }

  // ---- the checks of a party's values

  /** The kinds of party. */
  public static final Set<String> PARTY_KINDS = Set.of("person", "company", "unknown");

  /** The earliest plausible date of birth. */
  public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private static final Pattern DOCUMENT =
      Pattern.compile("([A-Za-z0-9]{1,3}):([A-Za-z]{2}):([A-Za-z0-9][A-Za-z0-9 -]*)");

  /**
   * The problems of a party's values (each given stripped, empty when absent), named {@code prefix
   * + field}: its kind, e-mail address, date of birth and document. The country, a plain {@link
   * Country}, and the lengths, the storage's, are the readers' own.
   *
   * @param today the last plausible date of birth; null for no upper bound
   */
  public static List<Problem> partyProblems(
      String prefix,
      String kind,
      String email,
      String dateOfBirth,
      String document,
      LocalDate today) {
    List<Problem> out = new ArrayList<>(0);
    if (!kind.isEmpty() && !PARTY_KINDS.contains(kind)) {
      out.add(
          Problem.of(
              "invalid-value",
              prefix + "kind",
              "expected person, company or unknown, got '" + cut(kind) + "'"));
    }
    if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
      out.add(
          Problem.of(
              "invalid-email",
              prefix + "email",
              "expected an e-mail address such as name@example.jp, got '" + cut(email) + "'"));
    }
    if (!dateOfBirth.isEmpty()) {
      try {
        LocalDate born = LocalDate.parse(dateOfBirth);
        // a birth in the future or before anyone living is a typo or a placeholder
        if (born.isBefore(EARLIEST_BIRTH) || (today != null && born.isAfter(today))) {
          out.add(
              Problem.of(
                  "implausible-date",
                  prefix + "dateOfBirth",
                  "expected a date of birth from "
                      + EARLIEST_BIRTH
                      + (today == null ? " on" : " to " + today)
                      + ", got '"
                      + dateOfBirth
                      + "'"));
        }
      } catch (DateTimeException e) {
        out.add(
            Problem.of(
                "invalid-date",
                prefix + "dateOfBirth",
                "expected an ISO date (1980-04-01), got '" + cut(dateOfBirth) + "'"));
      }
    }
    if (!document.isEmpty() && !isDocument(document)) {
      out.add(
          Problem.of(
              "invalid-document",
              prefix + "document",
              "expected TYPE:COUNTRY:NUMBER, e.g. P:JP:TZ1234567 (ICAO document type, ISO 3166-1"
                  + " alpha-2 issuing country, document number), got '"
                  + cut(document)
                  + "'"));
    }
    return out;
  }

  /** A travel or identity document as {@code TYPE:COUNTRY:NUMBER} ({@code P:JP:TZ1234567}). */
  public static boolean isDocument(String v) {
    var m = DOCUMENT.matcher(v);
    return m.matches() && Country.isValidOrUnknown(m.group(2).toUpperCase(Locale.ROOT));
  }

  /**
   * The problem of a declaration's {@code outcome} (given stripped), or empty when it is one of
   * {@link #OUTCOMES}.
   */
  public static Optional<Problem> outcome(String field, String v) {
    if (OUTCOMES.contains(v)) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.of(
            "invalid-value",
            field,
            "expected one of [infraction, nothing-found], got '" + cut(v) + "'"));
  }

  /** A value quoted back in a refusal, cut so that a refusal cannot carry a whole body. */
  private static String cut(String v) {
    return v.length() > 64 ? v.substring(0, 64) + "…" : v;
  }

  private static Map<String, Field> texts(String... names) {
    Map<String, Field> m = new LinkedHashMap<>();
    for (String n : names) {
      m.put(n, new Field(Form.TEXT, null));
    }
    return m;
  }

  /** Name and form pairs: a {@link Form}, a {@link Shape} (an object) or a list of one shape. */
  private static Map<String, Field> fields(Object... namesAndForms) {
    Map<String, Field> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndForms.length; i += 2) {
      Field f =
          switch (namesAndForms[i + 1]) {
            case Form form -> new Field(form, null);
            case Shape s -> new Field(Form.OBJECT, s);
            case List<?> l -> new Field(Form.OBJECT_LIST, (Shape) l.get(0));
            default -> throw new IllegalArgumentException(String.valueOf(namesAndForms[i + 1]));
          };
      m.put((String) namesAndForms[i], f);
    }
    return m;
  }

  private static Shape shape(String what, Map<String, Field> fields, Map<String, String> aliases) {
    return new Shape(what, fields, aliases);
  }

  private static Shape kind(String what, Map<String, Field> fields, Map<String, String> aliases) {
    Map<String, Field> all = new LinkedHashMap<>(fields);
    all.putAll(EVERY_KIND);
    return new Shape(what, all, aliases);
  }
}
