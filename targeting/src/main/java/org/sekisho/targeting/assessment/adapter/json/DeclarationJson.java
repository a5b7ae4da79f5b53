package org.sekisho.targeting.assessment.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.RecordFormat;
import org.sekisho.targeting.assessment.application.DeclarationParser;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.ItemView;
import org.sekisho.targeting.criteria.domain.PartyView;
import org.sekisho.targeting.criteria.domain.TraderHistory;

/**
 * Reads a declaration, postal item or transport document in the JSON form of
 * docs/formats/intel-records.md into the criteria view. Every problem names its field (dotted path)
 * and the expected form; nothing is thrown.
 */
public final class DeclarationJson implements DeclarationParser {
  /** Largest record accepted, in characters. */
  public static final int MAX_LENGTH = 1_000_000;

  /** The zone whose calendar dates records when none is configured: Japan Customs'. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

  private final ObjectMapper json;
  private final ZoneId zone;

  /** Dates records in {@link #DEFAULT_ZONE}. */
  public DeclarationJson() {
    this(DEFAULT_ZONE);
  }

  /**
   * @param zone the administration's zone: a record's date is the calendar date there of the
   *     instant it gives (a declaration lodged at 08:30 in Tokyo on 1 December, written {@code
   *     2026-11-30T23:30:00Z}, is dated 1 December); a time without offset is read as local time
   *     there; a date alone is taken as it is
   */
  public DeclarationJson(ZoneId zone) {
    this.zone = java.util.Objects.requireNonNull(zone, "zone");
    this.json = new ObjectMapper();
    json.getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build());
  }

  @Override
  public Outcome<DeclarationView> parse(String recordKind, String text) {
    return read(recordKind, text, null);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: what the intelligence database's ingest refuses ({@link SubmittedRecordRules}) is
   * refused too, every problem naming its field.
   */
  @Override
  public Outcome<DeclarationView> parseSubmitted(String recordKind, String text, LocalDate today) {
    return read(recordKind, text, java.util.Objects.requireNonNull(today, "today"));
  }

  /**
   * @param today the day a submitted record is checked on; null to read a record as it is (one
   *     stored, which passed ingest's rules when it came)
   */
  private Outcome<DeclarationView> read(String recordKind, String text, LocalDate today) {
    if (text == null || text.isBlank()) {
      return Outcome.rejected(
          Problem.of("invalid-json", "", "expected a JSON object, got nothing")
              .worded("json-nothing"));
    }
    if (text.length() > MAX_LENGTH) {
      return Outcome.rejected("too-large", "", "a record is at most " + MAX_LENGTH + " characters");
    }
    JsonNode n;
    try {
      n = json.readTree(text);
    } catch (JsonProcessingException | RuntimeException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      // worded with the parser's own account, which no bundle can translate
      return Outcome.rejected(
          Problem.of("invalid-json", "", "not valid JSON: " + msg).worded("json-syntax", msg));
    }
    if (n == null || !n.isObject()) {
      return Outcome.rejected(
          Problem.of("invalid-json", "", "expected a JSON object").worded("json-object"));
    }
    List<Problem> problems = new ArrayList<>();
    String kind = recordKind == null || recordKind.isBlank() ? "declaration" : recordKind.strip();
    Outcome<DeclarationView> read =
        switch (kind) {
          case "declaration", "declarations" -> declaration(n, problems);
          case "postal-item", "postal-items" -> postalItem(n, problems);
          case "transport-document", "transport-documents" -> transportDocument(n, problems);
          default ->
              Outcome.rejected(
                  "invalid-kind",
                  "recordKind",
                  "expected declaration, postal-item or transport-document, got " + kind);
        };
    if (today == null || problems.isEmpty() && !read.isAccepted()) {
      return read;
    }
    List<Problem> all =
        SubmittedRecordRules.merged(
            read.problems(),
            SubmittedRecordRules.problems(
                kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind,
                n,
                read.isAccepted() ? read.orElseThrow().date() : date(n, "date", new ArrayList<>()),
                today));
    return all.isEmpty() ? read : new Outcome.Rejected<>(all);
  }

  private Outcome<DeclarationView> declaration(JsonNode n, List<Problem> problems) {
    String id = required(n, "declarationId", problems);
    LocalDate date = date(n, "date", problems);
    List<ItemView> items = new ArrayList<>();
    JsonNode its = n.get("items");
    if (its == null || !its.isArray() || its.isEmpty()) {
      problems.add(Problem.of("missing-field", "items", "expected a list of at least one item"));
    } else {
      for (int i = 0; i < its.size(); i++) {
        JsonNode it = its.get(i);
        String p = "items[" + i + "]";
        if (!it.isObject()) {
          problems.add(Problem.of("invalid-field", p, "expected an object"));
          continue;
        }
        String hs = text(it, "hsCode");
        if (!hs.matches("\\d{4,10}")) {
          problems.add(
              Problem.of(
                  "invalid-field", p + ".hsCode", "expected 4 to 10 digits, got '" + hs + "'"));
        }
        items.add(
            new ItemView(
                hs,
                text(it, "description"),
                text(it, "origin"),
                number(it, "quantity", p, problems),
                number(it, "netMassKg", p, problems),
                number(it, "customsValue", p, problems),
                text(it, "currency"),
                number(it, "dutyRate", p, problems)));
      }
    }
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    return Outcome.accepted(
        new DeclarationView(
            "declaration",
            id,
            date,
            office(n),
            n.has("type") ? text(n, "type") : "IM",
            text(n, "modeOfTransport"),
            text(n, "countryOfDeparture"),
            text(n, "transportDocument"),
            party(n.get("declarant")),
            party(n.get("importer")),
            party(n.get("exporter")),
            items,
            TraderHistory.NONE,
            procedure(n)));
  }

  private Outcome<DeclarationView> postalItem(JsonNode n, List<Problem> problems) {
    String id = required(n, "itemId", problems);
    LocalDate date = date(n, "date", problems);
    String hs = optionalHs(n, problems);
    double value = number(n, "declaredValue", "", problems);
    double mass = number(n, "weightKg", "", problems);
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    ItemView item =
        new ItemView(
            hs,
            text(n, "contents"),
            text(n, "originCountry"),
            Double.NaN,
            mass,
            value,
            text(n, "currency"),
            Double.NaN);
    return Outcome.accepted(
        new DeclarationView(
            "postal-item",
            id,
            date,
            office(n),
            "IM",
            "5",
            text(n, "originCountry"),
            "",
            PartyView.NONE,
            party(n.get("addressee")),
            party(n.get("sender")),
            List.of(item),
            TraderHistory.NONE,
            java.util.Map.of()));
  }

  /**
   * A consignment's transport document (house or master B/L, air waybill), assessed before the
   * goods are declared: the consignee is read as the importer, the shipper as the exporter, the
   * notify party as the declarant, the port of loading's country as the country of departure and
   * origin, and the goods as one item whose quantity is the package count and whose mass is the
   * gross mass.
   */
  private Outcome<DeclarationView> transportDocument(JsonNode n, List<Problem> problems) {
    String number = required(n, "number", problems);
    LocalDate date = date(n, "date", problems);
    String hs = optionalHs(n, problems);
    String loading = text(n, "portOfLoading");
    if (!loading.isEmpty() && !loading.matches("[A-Za-z]{2}[A-Za-z0-9]{3}")) {
      problems.add(
          Problem.of(
              "invalid-field",
              "portOfLoading",
              "expected a UN/LOCODE of 5 characters like CNSHA, got '" + loading + "'"));
    }
    double packages = number(n, "packages", "", problems);
    double mass = number(n, "grossMassKg", "", problems);
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    String country = loading.isEmpty() ? "" : loading.substring(0, 2);
    String type = text(n, "documentType").toUpperCase(java.util.Locale.ROOT);
    // WCO mode of transport codes, as declarations carry them: 1 sea, 4 air
    String mode =
        switch (type) {
          case "AWB", "HAWB", "MAWB" -> "4";
          case "MBL", "HBL", "BL" -> "1";
          default -> "";
        };
    ItemView item =
        new ItemView(
            hs, text(n, "goodsDescription"), country, packages, mass, Double.NaN, "", Double.NaN);
    return Outcome.accepted(
        new DeclarationView(
            "transport-document",
            number,
            date,
            office(n),
            "IM",
            mode,
            country,
            number,
            party(n.get("notifyParty")),
            party(n.get("consignee")),
            party(n.get("shipper")),
            List.of(item),
            TraderHistory.NONE,
            java.util.Map.of()));
  }

  /** The record's {@code hsCode}: empty when not given, else 4 to 10 digits. */
  private static String optionalHs(JsonNode n, List<Problem> problems) {
    String hs = text(n, "hsCode");
    if (!hs.isEmpty() && !hs.matches("\\d{4,10}")) {
      problems.add(
          Problem.of("invalid-field", "hsCode", "expected 4 to 10 digits, got '" + hs + "'"));
    }
    return hs;
  }

  private static java.util.Map<String, String> procedure(JsonNode n) {
    String p = text(n, "procedure");
    return p.isEmpty() ? java.util.Map.of() : java.util.Map.of("procedure", p);
  }

  private static PartyView party(JsonNode p) {
    if (p == null || !p.isObject()) {
      return PartyView.NONE;
    }
    return new PartyView(
        text(p, "id"), text(p, "name"), text(p, "country"), text(p, "address"), text(p, "phone"));
  }

  /** The office as ingest stores it: trimmed, upper case ({@code jpyok} is {@code JPYOK}). */
  private static String office(JsonNode n) {
    return text(n, "office").toUpperCase(java.util.Locale.ROOT);
  }

  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText("").strip();
  }

  private static String required(JsonNode n, String f, List<Problem> problems) {
    String s = text(n, f);
    if (s.isEmpty()) {
      problems.add(Problem.of("missing-field", f, "required"));
    } else {
      // an id is a code of the format, at most as long as ingest stores one
      RecordFormat.storable(f, s, RecordFormat.MAX_ID).ifPresent(problems::add);
    }
    return s;
  }

  private LocalDate date(JsonNode n, String f, List<Problem> problems) {
    String s = text(n, f);
    if (s.isEmpty()) {
      problems.add(Problem.of("missing-field", f, "required: an ISO 8601 date like 2026-11-27"));
      return null;
    }
    try {
      // the date where the record was lodged, not in UTC or the sender's own offset: effective
      // dates, dry runs and histories count days as the administration does
      return s.length() <= 10
          ? LocalDate.parse(s)
          : OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(s).toLocalDate();
      } catch (DateTimeParseException e2) {
        problems.add(
            Problem.of(
                "invalid-field",
                f,
                "expected an ISO 8601 date (2026-11-27) or date-time with offset, got '"
                    + s
                    + "'"));
        return null;
      }
    }
  }

  private static double number(JsonNode n, String f, String prefix, List<Problem> problems) {
    String s = text(n, f);
    if (s.isEmpty()) {
      return Double.NaN;
    }
    String path = prefix.isEmpty() ? f : prefix + "." + f;
    // The same numbers as the intelligence database stores (any decimal, as Java writes it, e.g.
    // 241.58000000000004 from a float-valued source or 1.5E+7), so that every stored declaration
    // can be assessed; only the sign and the size are checked here.
    double value;
    try {
      value = s.length() > MAX_NUMBER_LENGTH ? Double.NaN : new BigDecimal(s).doubleValue();
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (Double.isNaN(value) || value < 0) {
      problems.add(
          Problem.of(
              "invalid-field",
              path,
              "expected a non-negative decimal like 120.5, got '" + s + "'"));
      return Double.NaN;
    }
    if (value >= MAX_NUMBER) {
      problems.add(
          Problem.of("invalid-field", path, "expected a number below 10^15, got '" + s + "'"));
      return Double.NaN;
    }
    return value;
  }

  private static final int MAX_NUMBER_LENGTH = 400;
  private static final double MAX_NUMBER = 1e15;
}
