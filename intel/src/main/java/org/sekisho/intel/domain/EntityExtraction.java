package org.sekisho.intel.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entities a record names, keyed for resolution. Pure and deterministic. */
public final class EntityExtraction {
  private EntityExtraction() {}

  /**
   * A party as a record names it.
   *
   * @param role what it is to the record ({@code importer}, {@code seller}, {@code suspect}, …),
   *     the role of its links
   */
  public record NamedParty(String role, Party party) {}

  /** The parties a record names, in the order of its fields; empty parties left out. */
  public static List<NamedParty> parties(IntelRecord record) {
    List<NamedParty> out = new ArrayList<>();
    switch (record) {
      case Declaration d -> {
        named(out, d.declarant(), "declarant");
        named(out, d.importer(), d.type().equals("EX") ? "exporter" : "importer");
        named(out, d.exporter(), d.type().equals("EX") ? "consignee" : "seller");
      }
      case TransportDocument t -> {
        named(out, t.shipper(), "shipper");
        named(out, t.consignee(), "consignee");
        named(out, t.notifyParty(), "notify");
      }
      case ConveyanceMovement m -> {
        // a movement names a vessel or aircraft, no party
      }
      case PostalItem p -> {
        named(out, p.sender(), "sender");
        named(out, p.addressee(), "addressee");
      }
      case Seizure s -> {
        s.persons().forEach(p -> named(out, p, "suspect"));
        s.companies().forEach(p -> named(out, p, "company"));
      }
    }
    return out;
  }

  private static void named(List<NamedParty> out, Party p, String role) {
    if (p != null && !p.isEmpty()) {
      out.add(new NamedParty(role, p));
    }
  }

  /** The entities one party stands for: its name, trader id, address, phone, e-mail, document. */
  public static List<EntityRef> of(NamedParty p) {
    return of(p, "");
  }

  /**
   * As {@link #of(NamedParty)}, for a party of a record handled by an office of {@code
   * officeCountry} (see {@link #officeCountry}), in which a phone number that is none in the
   * party's country is read.
   */
  public static List<EntityRef> of(NamedParty p, String officeCountry) {
    List<EntityRef> out = new ArrayList<>();
    party(out, p.party(), p.role(), officeCountry);
    return out;
  }

  /**
   * The country of an office code (UN/LOCODE, e.g. JPTYO: JP), or empty when its first two letters
   * are no ISO 3166-1 code.
   */
  public static String officeCountry(String office) {
    if (office == null || office.length() < 2) {
      return "";
    }
    String c = office.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
    return org.sekisho.core.Country.isValid(c) ? c : "";
  }

  public static List<EntityRef> of(IntelRecord record) {
    List<EntityRef> out = new ArrayList<>();
    String officeCountry = officeCountry(record.office());
    for (NamedParty p : parties(record)) {
      party(out, p.party(), p.role(), officeCountry);
    }
    switch (record) {
      case Declaration d -> {
        if (!d.transportDocument().isEmpty()) {
          add(
              out,
              "transport-document",
              Normalize.idKey(d.transportDocument()),
              d.transportDocument(),
              "transport-document");
        }
      }
      case TransportDocument t -> {
        for (String c : t.containers()) {
          add(out, "container", c, c, "container");
        }
        if (!t.masterNumber().isEmpty()) {
          add(
              out,
              "transport-document",
              Normalize.idKey(t.masterNumber()),
              t.masterNumber(),
              "master");
        }
        add(out, "transport-document", Normalize.idKey(t.number()), t.number(), "self");
      }
      case ConveyanceMovement m -> {
        vessel(out, m.imo(), m.mmsi(), m.conveyanceName(), m.flag(), m.mode());
        if (m.mode().equals("air")) {
          String written =
              flightKey(m.voyageOrFlight()).isEmpty() ? m.conveyanceName() : m.voyageOrFlight();
          add(out, "flight", flightKey(written), written, "conveyance");
        }
      }
      case PostalItem p -> {
        // its parties only
      }
      case Seizure s -> {
        // a flight number (FX680, JL 621) is a flight, which meets the flight's movements; any
        // other conveyance is a vessel by name, offered as a candidate of the vessels of that
        // name that port calls key by IMO or MMSI number
        String flight = flightKey(s.conveyance());
        if (!flight.isEmpty()) {
          add(out, "flight", flight, s.conveyance(), "conveyance");
        } else if (!s.conveyance().isEmpty()) {
          add(
              out,
              "vessel",
              "NAME:" + Normalize.companyKey(s.conveyance()),
              s.conveyance(),
              "conveyance");
        }
      }
    }
    // One link per (type, key, role): a party named twice in a record is one link.
    Map<String, EntityRef> unique = new LinkedHashMap<>();
    for (EntityRef r : out) {
      unique.putIfAbsent(r.type() + "\u0000" + r.key() + "\u0000" + r.role(), r);
    }
    return List.copyOf(unique.values());
  }

  // an IATA airline designator (two letters or digits, not two digits) and 1 to 4 digits, perhaps
  // with an operational suffix letter: FX680, JL 621, 9W0123, NH10A
  private static final java.util.regex.Pattern FLIGHT =
      java.util.regex.Pattern.compile("([A-Z][A-Z0-9]|[0-9][A-Z]) ?0*([0-9]{1,4})([A-Z]?)");

  /**
   * The key of a flight number ({@code JL621} for {@code jl 0621}), or empty when the text is no
   * flight number.
   */
  public static String flightKey(String text) {
    String folded = Normalize.fold(text == null ? "" : text);
    var m = FLIGHT.matcher(folded);
    if (!m.matches()) {
      return "";
    }
    return m.group(1) + m.group(2) + m.group(3);
  }

  private static void vessel(
      List<EntityRef> out, String imo, String mmsi, String name, String flag, String mode) {
    if (!mode.equals("sea")) {
      return;
    }
    if (CheckDigits.isValidImo(imo)) {
      add(out, "vessel", "IMO" + imo.replace("IMO", "").strip(), name, "conveyance");
    } else if (mmsi.matches("\\d{9}")) {
      add(out, "vessel", "MMSI" + mmsi, name, "conveyance");
    } else if (!name.isEmpty()) {
      add(out, "vessel", "NAME:" + Normalize.companyKey(name) + "|" + flag, name, "conveyance");
    }
  }

  private static void party(List<EntityRef> out, Party p, String role, String officeCountry) {
    if (p == null || p.isEmpty()) {
      return;
    }
    if (!p.name().isEmpty()) {
      boolean person = p.kind().equals("person");
      add(out, person ? "person" : "company", nameKey(p), p.name(), role);
    }
    if (!p.id().isEmpty()) {
      add(out, "trader", Normalize.idKey(p.id()), p.id(), role);
    }
    if (!p.address().isEmpty()) {
      add(out, "address", Normalize.addressKey(p.address()), p.address(), role);
    }
    if (!p.phone().isEmpty()) {
      add(out, "phone", Normalize.phoneKey(p.phone(), p.country(), officeCountry), p.phone(), role);
    }
    if (!p.email().isEmpty()) {
      add(out, "email", Normalize.emailKey(p.email()), p.email(), role);
    }
    if (!p.document().isEmpty()) {
      add(out, "document", Normalize.idKey(p.document()), p.document(), role);
    }
  }

  /**
   * The key of a party's name: a person's with the date of birth, a company's with its country,
   * where the record gives them. The same name in two countries is two companies (ORCHID FOODS of
   * Taiwan and of Korea are not one trader); a name given without them stays its own key, which
   * fuzzy candidates and merges join to the others where an analyst finds them one.
   */
  static String nameKey(Party p) {
    boolean person = p.kind().equals("person");
    String key = person ? Normalize.personKey(p.name()) : Normalize.companyKey(p.name());
    String qualifier = person ? p.dateOfBirth() : p.country();
    if (key.isBlank() || qualifier.isEmpty()) {
      return key;
    }
    // the qualifier is kept whole when a long name is cut to the index's limit
    return cap(key, MAX_KEY - qualifier.length() - 1) + "|" + qualifier;
  }

  /**
   * The longest match key, in UTF-16 units: a key is unique per type in a B-tree index, whose
   * entries PostgreSQL limits to about 2,700 bytes.
   */
  static final int MAX_KEY = 400;

  private static void add(
      List<EntityRef> out, String type, String key, String display, String role) {
    if (key != null && !key.isBlank()) {
      out.add(new EntityRef(type, cap(key), display, role));
    }
  }

  private static String cap(String key) {
    return cap(key, MAX_KEY);
  }

  private static String cap(String key, int max) {
    if (key.length() <= max) {
      return key;
    }
    return key.substring(0, Character.isHighSurrogate(key.charAt(max - 1)) ? max - 1 : max);
  }
}
