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
 * record, party and goods item may carry, the most characters each text field may hold ({@link
 * Field#max()}), and the checks of a party's values, defined once for the intelligence database's
 * ingest and for a record sent to targeting's {@code POST /api/assess} alone, so that what one side
 * refuses the other refuses too.
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

  /** Source ids, document and trader numbers, codes, numbers and dates: at most this many. */
  public static final int MAX_ID = 100;

  /** Customs office codes. */
  public static final int MAX_OFFICE = 35;

  /** Names, addresses, places, e-mail addresses, carriers, operators. */
  public static final int MAX_NAME = 500;

  /** Free text: goods descriptions, contents, concealment, narrative. */
  public static final int MAX_TEXT = 10_000;

  /**
   * One field of an object.
   *
   * @param form the form of its value
   * @param shape the fields of its object or of each object of its list; null for text
   * @param max the most characters its text (each entry's, for a list) may have once stripped, so
   *     that an id fits its index, a word a search lexeme and a page stays readable: {@link
   *     #MAX_ID}, {@link #MAX_OFFICE}, {@link #MAX_NAME} or {@link #MAX_TEXT}; 0 for an object or a
   *     list of objects, whose own fields have theirs
   */
  public record Field(Form form, Shape shape, int max) {}

  // the forms of text fields, each with its limit
  private static final Field CODE = new Field(Form.TEXT, null, MAX_ID);
  private static final Field OFFICE = new Field(Form.TEXT, null, MAX_OFFICE);
  private static final Field NAME = new Field(Form.TEXT, null, MAX_NAME);
  private static final Field FREE_TEXT = new Field(Form.TEXT, null, MAX_TEXT);
  private static final Field CODES = new Field(Form.TEXT_LIST, null, MAX_ID);
  private static final Field NAMES = new Field(Form.TEXT_LIST, null, MAX_NAME);

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
          fields(
              "kind", CODE,
              "name", NAME,
              "id", CODE,
              "address", NAME,
              "phone", CODE,
              "email", NAME,
              "country", CODE,
              "dateOfBirth", CODE,
              "document", CODE),
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
          fields(
              "hsCode", CODE,
              "description", FREE_TEXT,
              "origin", CODE,
              "quantity", CODE,
              "unit", CODE,
              "netMassKg", CODE,
              "grossMassKg", CODE,
              "customsValue", CODE,
              "currency", CODE,
              "dutyRate", CODE),
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
  private static final Map<String, Field> EVERY_KIND = Map.of("agency", CODE, "sharedWith", CODES);

  /** A customs declaration. */
  public static final Shape DECLARATION =
      kind(
          "a declaration",
          fields(
              "declarationId", CODE,
              "type", CODE,
              "date", CODE,
              "office", OFFICE,
              "procedure", CODE,
              "modeOfTransport", CODE,
              "declarant", PARTY,
              "importer", PARTY,
              "exporter", PARTY,
              "countryOfDeparture", CODE,
              "transportDocument", CODE,
              "items", List.of(ITEM),
              "outcome", CODE),
          Map.of("consignor", "exporter", "consignee", "importer", "id", "declarationId"));

  /** A bill of lading or air waybill. */
  public static final Shape TRANSPORT_DOCUMENT =
      kind(
          "a transport document",
          fields(
              "number", CODE,
              "documentType", CODE,
              "masterNumber", CODE,
              "date", CODE,
              "office", OFFICE,
              "carrier", NAME,
              "shipper", PARTY,
              "consignee", PARTY,
              "notifyParty", PARTY,
              "portOfLoading", CODE,
              "portOfDischarge", CODE,
              "containers", CODES,
              "goodsDescription", FREE_TEXT,
              "hsCode", CODE,
              "grossMassKg", CODE,
              "packages", CODE,
              "conveyanceRef", CODE),
          Map.of("consignor", "shipper", "importer", "consignee", "exporter", "shipper"));

  /** A vessel's or aircraft's arrival or departure. */
  public static final Shape CONVEYANCE_MOVEMENT =
      kind(
          "a conveyance movement",
          fields(
              "movementId", CODE,
              "mode", CODE,
              "direction", CODE,
              "time", CODE,
              "conveyanceName", NAME,
              "voyageOrFlight", CODE,
              "imo", CODE,
              "mmsi", CODE,
              "callSign", CODE,
              "flag", CODE,
              "port", CODE,
              "previousPort", CODE,
              "nextPort", CODE,
              "operator", NAME),
          Map.of("date", "time", "vessel", "conveyanceName", "flight", "voyageOrFlight"));

  /** A postal item. */
  public static final Shape POSTAL_ITEM =
      kind(
          "a postal item",
          fields(
              "itemId", CODE,
              "date", CODE,
              "office", OFFICE,
              "sender", PARTY,
              "addressee", PARTY,
              "contents", FREE_TEXT,
              "hsCode", CODE,
              "declaredValue", CODE,
              "currency", CODE,
              "weightKg", CODE,
              "originCountry", CODE,
              "destinationCountry", CODE,
              "category", CODE),
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
              "seizureId", CODE,
              "date", CODE,
              "office", OFFICE,
              "place", NAME,
              "commodity", NAME,
              "hsCode", CODE,
              "quantity", CODE,
              "unit", CODE,
              "concealment", FREE_TEXT,
              "detection", NAME,
              "route", CODES,
              "persons", List.of(PARTY),
              "companies", List.of(PARTY),
              "conveyance", NAME,
              "relatedRecords", NAMES,
              "narrative", FREE_TEXT),
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

  /**
   * The problem of a text that cannot be stored in {@code field}, or empty: {@code
   * invalid-character} when it holds a NUL character (which PostgreSQL cannot store in text), else
   * {@code too-long} when it is longer than {@code max} characters (its field's {@link
   * Field#max()}). The message never repeats the value. The intelligence database's ingest refuses
   * the same in the same words.
   *
   * @param value the value as read, stripped
   */
  public static Optional<Problem> storable(String field, String value, int max) {
    if (value.indexOf('\u0000') >= 0) {
      return Optional.of(
          Problem.of(
              "invalid-character",
              field,
              "contains a NUL character (U+0000), which cannot be stored"));
    }
    if (value.length() > max) {
      return Optional.of(
          Problem.of(
              "too-long", field, "expected at most " + max + " characters, got " + value.length()));
    }
    return Optional.empty();
  }

  /**
   * The problem of a goods item whose net mass (goods alone) exceeds its gross mass (goods and
   * packing), named at {@code netField}; empty otherwise, when either is not given, or when the
   * gross mass is 0 (how some feeds write one not known).
   */
  public static Optional<Problem> massProblem(
      String netField, java.math.BigDecimal net, java.math.BigDecimal gross) {
    if (net == null || gross == null || gross.signum() <= 0 || net.compareTo(gross) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.of(
            "invalid-field",
            netField,
            "the net mass ("
                + net.toPlainString()
                + " kg) is more than the gross mass ("
                + gross.toPlainString()
                + " kg): expected at most the gross mass"));
  }

  /** The kinds of transport document: master and house bill of lading, air waybill. */
  public static final Set<String> DOCUMENT_TYPES = Set.of("MBL", "HBL", "AWB");

  /**
   * The categories a postal item may be sent under, as the format writes them (lower case): the
   * boxes of the UPU customs declaration CN22/CN23 (gift, documents, commercial sample, returned
   * goods, sale of goods, other), sale of goods written {@code merchandise} and a commercial sample
   * {@code sample}. Any other word would be read as if the item said nothing, so ingest and
   * targeting's {@code POST /api/assess} refuse it.
   */
  public static final List<String> POSTAL_CATEGORIES =
      List.of("documents", "gift", "merchandise", "other", "returned", "sample");

  /**
   * Whether {@code v} is an ISO 6346 container number with a correct check digit: owner code (3
   * letters), category (U, J or Z), 6 digits and the check digit, e.g. {@code CSQU3054383}; spaces
   * and hyphens are ignored and letters may be in any case ({@code csqu 305438-3}).
   */
  public static boolean isContainerNumber(String v) {
    String s = v.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    if (!CONTAINER.matcher(s).matches()) {
      return false;
    }
    return containerCheckValue(s.substring(0, 10)) % 10 == s.charAt(10) - '0';
  }

  /**
   * The ISO 6346 check value of a container number's first ten characters (owner code and category
   * in upper case, then six digits): 0 to 10, a 10 being written as the digit 0 (which is why
   * owners avoid serials that give it).
   */
  public static int containerCheckValue(String first10) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      char c = first10.charAt(i);
      sum += (i < 4 ? containerLetter(c) : c - '0') << i;
    }
    return sum % 11;
  }

  private static final Pattern CONTAINER = Pattern.compile("[A-Z]{3}[UJZ][0-9]{7}");

  /** ISO 6346 letter values run from 10 (A) to 38 (Z), skipping multiples of 11. */
  private static int containerLetter(char c) {
    int v = 10;
    for (char x = 'A'; x < c; x++) {
      v++;
      if (v % 11 == 0) {
        v++;
      }
    }
    return v;
  }

  /** A value quoted back in a refusal, cut so that a refusal cannot carry a whole body. */
  private static String cut(String v) {
    return v.length() > 64 ? v.substring(0, 64) + "…" : v;
  }

  /** Name and form pairs: a text {@link Field}, a {@link Shape} (an object) or a list of one. */
  private static Map<String, Field> fields(Object... namesAndForms) {
    Map<String, Field> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndForms.length; i += 2) {
      Field f =
          switch (namesAndForms[i + 1]) {
            case Field text -> text;
            case Shape s -> new Field(Form.OBJECT, s, 0);
            case List<?> l -> new Field(Form.OBJECT_LIST, (Shape) l.get(0), 0);
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
