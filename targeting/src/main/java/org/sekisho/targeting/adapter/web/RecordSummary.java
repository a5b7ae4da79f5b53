package org.sekisho.targeting.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * What the analyst deciding a lane and the inspector examining the goods read of the assessed
 * record on its assessment page: its transport facts, parties and goods, as they were submitted
 * (the criteria see a normalised form). Field names are those of docs/formats/intel-records.md;
 * labels are message keys.
 *
 * @param facts label key and value, only those given
 * @param parties role label key and the party's fields, only parties given
 * @param goods one row per goods item
 */
public record RecordSummary(List<Fact> facts, List<PartyRow> parties, List<Goods> goods) {
  private static final ObjectMapper JSON = new ObjectMapper();
  // message keys of field labels: this prefix and the field's name in intel-records.md
  private static final String LABEL = "targeting.field.";

  /**
   * A labelled fact, e.g. the port of loading.
   *
   * @param words the message key of what a coded value means ({@code targeting.mode.4}: air), or
   *     empty when the value is shown as it is
   */
  public record Fact(String label, String value, String words) {
    /** A fact shown as written. */
    public Fact(String label, String value) {
      this(label, value, "");
    }

    /**
     * The value as a page shows it: a code with its meaning in the reader's language ({@code air
     * (4)}, {@code 航空 (4)}), a code the bundle does not know and any other value as written.
     */
    public String shown(org.sekisho.platform.i18n.Messages t) {
      if (words.isEmpty()) {
        // a date-time (stored in UTC) as other pages show times: in the reader's zone (JST)
        return instant(value).map(t::time).orElse(value);
      }
      String w = t.get(words);
      return w.equals(words) ? value : w + " (" + value + ")";
    }
  }

  /** {@code value} as an instant when it is an ISO date-time with an offset or Z; else empty. */
  static java.util.Optional<java.time.Instant> instant(String value) {
    if (value.indexOf('T') < 0) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  /** A party in its role on the record. */
  public record PartyRow(String role, String name, String id, String country, String address) {}

  /** A goods item as submitted (numbers as written). */
  public record Goods(
      String hs,
      String description,
      String origin,
      String quantity,
      String massKg,
      String value,
      String currency) {}

  public RecordSummary {
    facts = List.copyOf(facts);
    parties = List.copyOf(parties);
    goods = List.copyOf(goods);
  }

  /** The value of the fact from {@code field} (a field name of intel-records.md), if given. */
  public java.util.Optional<String> fact(String field) {
    return facts.stream().filter(f -> f.label().equals(LABEL + field)).map(Fact::value).findFirst();
  }

  public boolean isEmpty() {
    return facts.isEmpty() && parties.isEmpty() && goods.isEmpty();
  }

  /**
   * The summary of a stored record of {@code kind} ({@code declaration}, {@code postal-item},
   * {@code transport-document}); empty when the JSON cannot be read.
   */
  public static RecordSummary of(String kind, String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (java.io.IOException | RuntimeException e) {
      return new RecordSummary(List.of(), List.of(), List.of());
    }
    if (n == null || !n.isObject()) {
      return new RecordSummary(List.of(), List.of(), List.of());
    }
    List<Fact> facts = new ArrayList<>();
    List<PartyRow> parties = new ArrayList<>();
    List<Goods> goods = new ArrayList<>();
    // when it was declared (posted, issued), as the record gives it
    facts(n, facts, "date");
    switch (kind) {
      case "postal-item" -> {
        coded(n, facts, "category", "targeting.postal-category.");
        facts(n, facts, "destinationCountry");
        parties(n, parties, "sender", "addressee");
        goods.add(
            new Goods(
                text(n, "hsCode"),
                text(n, "contents"),
                text(n, "originCountry"),
                "",
                text(n, "weightKg"),
                text(n, "declaredValue"),
                text(n, "currency")));
      }
      case "transport-document" -> {
        coded(n, facts, "documentType", "targeting.document-type.");
        facts(
            n,
            facts,
            "masterNumber",
            "carrier",
            "portOfLoading",
            "portOfDischarge",
            "containers",
            "conveyanceRef");
        parties(n, parties, "shipper", "consignee", "notifyParty");
        goods.add(
            new Goods(
                text(n, "hsCode"),
                text(n, "goodsDescription"),
                "",
                text(n, "packages"),
                text(n, "grossMassKg"),
                "",
                ""));
      }
      default -> {
        coded(n, facts, "type", "targeting.declaration-type.");
        facts(n, facts, "procedure");
        // a mode of UN/ECE Recommendation 19 (4 air), or a sub-mode of it (41): the first digit
        String mode = text(n, "modeOfTransport");
        if (!mode.isEmpty()) {
          facts.add(
              new Fact(
                  LABEL + "modeOfTransport",
                  mode,
                  mode.matches("\\d{1,2}") ? "targeting.mode." + mode.charAt(0) : ""));
        }
        facts(n, facts, "countryOfDeparture", "transportDocument");
        parties(n, parties, "declarant", "importer", "exporter");
        JsonNode items = n.get("items");
        if (items != null && items.isArray()) {
          for (JsonNode i : items) {
            String quantity = text(i, "quantity");
            String unit = text(i, "unit");
            goods.add(
                new Goods(
                    text(i, "hsCode"),
                    text(i, "description"),
                    text(i, "origin"),
                    quantity.isEmpty() || unit.isEmpty() ? quantity : quantity + " " + unit,
                    text(i, "netMassKg"),
                    text(i, "customsValue"),
                    text(i, "currency")));
          }
        }
      }
    }
    return new RecordSummary(facts, parties, goods);
  }

  private static void facts(JsonNode n, List<Fact> facts, String... fields) {
    for (String f : fields) {
      String v = text(n, f);
      if (!v.isEmpty()) {
        facts.add(new Fact(LABEL + f, v));
      }
    }
  }

  /** A coded field, shown with what its code means ({@code prefix} and the code, lower case). */
  private static void coded(JsonNode n, List<Fact> facts, String field, String prefix) {
    String v = text(n, field);
    if (!v.isEmpty()) {
      String code = v.toLowerCase(java.util.Locale.ROOT);
      facts.add(new Fact(LABEL + field, v, code.matches("[a-z-]{1,20}") ? prefix + code : ""));
    }
  }

  private static void parties(JsonNode n, List<PartyRow> parties, String... roles) {
    for (String role : roles) {
      JsonNode p = n.get(role);
      if (p == null || !p.isObject()) {
        continue;
      }
      PartyRow row =
          new PartyRow(
              LABEL + role, text(p, "name"), text(p, "id"), text(p, "country"), text(p, "address"));
      if (!(row.name() + row.id() + row.country() + row.address()).isEmpty()) {
        parties.add(row);
      }
    }
  }

  /** A field as text: strings and numbers as written, a list of strings joined; else empty. */
  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull() || v.isObject()) {
      return "";
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(e -> parts.add(e.isValueNode() ? e.asText() : ""));
      return String.join(", ", parts.stream().filter(s -> !s.isBlank()).toList());
    }
    return v.asText("").strip();
  }
}
