package org.sekisho.targeting.criteria.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a criterion may test, with their types. Item fields ({@link #itemLevel()}) are read
 * from one goods item at a time: a criterion hits a declaration when one of its items satisfies all
 * of the criterion's item conditions together.
 */
public enum Field {
  KIND(
      FieldType.CODE,
      false,
      "record kind: declaration, postal-item or transport-document (a consignment before its"
          + " goods are declared)",
      EnumSet.noneOf(ListKind.class)),
  OFFICE(FieldType.CODE, false, "declaring customs office", EnumSet.noneOf(ListKind.class)),
  TYPE(FieldType.CODE, false, "IM or EX", EnumSet.noneOf(ListKind.class)),
  MODE(FieldType.CODE, false, "WCO mode of transport (1 sea, 4 air, 5 post)", none()),
  DEPARTURE(FieldType.CODE, false, "country of departure", EnumSet.of(ListKind.COUNTRIES)),
  TRANSPORT_DOCUMENT(
      FieldType.CODE, false, "B/L or air waybill number", EnumSet.of(ListKind.DOCUMENTS)),
  DECLARANT(FieldType.CODE, false, "declarant id or name", EnumSet.of(ListKind.PARTIES)),
  IMPORTER(FieldType.CODE, false, "importer id or name", EnumSet.of(ListKind.PARTIES)),
  EXPORTER(FieldType.CODE, false, "exporter (or sender) id or name", EnumSet.of(ListKind.PARTIES)),
  IMPORTER_COUNTRY(FieldType.CODE, false, "importer's country", EnumSet.of(ListKind.COUNTRIES)),
  EXPORTER_COUNTRY(FieldType.CODE, false, "exporter's country", EnumSet.of(ListKind.COUNTRIES)),
  IMPORTER_PHONE(FieldType.CODE, false, "importer's phone, digits", EnumSet.of(ListKind.PHONES)),
  IMPORTER_ADDRESS(FieldType.TEXT, false, "importer's address", EnumSet.of(ListKind.ADDRESSES)),
  IMPORTER_NAME(FieldType.TEXT, false, "importer's name as written", none()),
  EXPORTER_NAME(FieldType.TEXT, false, "exporter's name as written", none()),
  ITEMS(FieldType.NUMBER, false, "number of goods items", none()),
  TOTAL_VALUE(FieldType.NUMBER, false, "sum of the items' customs values", none()),
  DECLARANT_DECLARATIONS(FieldType.NUMBER, false, "declarant's earlier declarations", none()),
  DECLARANT_INFRACTIONS(FieldType.NUMBER, false, "declarant's earlier infractions", none()),
  IMPORTER_DECLARATIONS(FieldType.NUMBER, false, "importer's earlier declarations", none()),
  IMPORTER_INFRACTIONS(FieldType.NUMBER, false, "importer's earlier infractions", none()),
  IMPORTER_INFRACTION_RATE(
      FieldType.NUMBER, false, "importer's infractions per 100 declarations", none()),
  HS(FieldType.CODE, true, "item HS code (digits)", EnumSet.of(ListKind.HS_CODES)),
  ORIGIN(FieldType.CODE, true, "item country of origin", EnumSet.of(ListKind.COUNTRIES)),
  CURRENCY(FieldType.CODE, true, "item currency (ISO 4217)", none()),
  DESCRIPTION(FieldType.TEXT, true, "item goods description", none()),
  QUANTITY(FieldType.NUMBER, true, "item quantity", none()),
  NET_MASS(FieldType.NUMBER, true, "item net mass in kg", none()),
  VALUE(FieldType.NUMBER, true, "item customs value", none()),
  VALUE_PER_KG(FieldType.NUMBER, true, "item customs value per kg of net mass", none()),
  DUTY_RATE(FieldType.NUMBER, true, "item duty rate in percent", none());

  private final FieldType type;
  private final boolean itemLevel;
  private final String meaning;
  private final Set<ListKind> lists;

  Field(FieldType type, boolean itemLevel, String meaning, Set<ListKind> lists) {
    this.type = type;
    this.itemLevel = itemLevel;
    this.meaning = meaning;
    this.lists = lists;
  }

  private static EnumSet<ListKind> none() {
    return EnumSet.noneOf(ListKind.class);
  }

  public FieldType type() {
    return type;
  }

  public boolean itemLevel() {
    return itemLevel;
  }

  public String meaning() {
    return meaning;
  }

  /** The list kinds this field may be tested against with {@code in list}. */
  public Set<ListKind> listKinds() {
    return EnumSet.copyOf(lists.isEmpty() ? none() : lists);
  }

  boolean accepts(ListKind k) {
    return lists.contains(k);
  }

  /** The name used in criteria ({@code value_per_kg}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Field> ofCode(String s) {
    for (Field f : values()) {
      if (f.code().equals(s)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** A literal in the stored form of this field's values, so comparisons ignore case. */
  String literal(String raw) {
    return switch (this) {
      case HS -> Normal.hs(raw);
      case IMPORTER_PHONE -> Normal.phone(raw);
      case DESCRIPTION -> Normal.text(raw);
      default -> Normal.code(raw);
    };
  }

  /** Party fields match on the id or on the name: two values. */
  int arity() {
    return switch (this) {
      case DECLARANT, IMPORTER, EXPORTER -> 2;
      default -> 1;
    };
  }

  /** A code or text value ({@code alt} 0 or 1 for the two values of a party field). */
  String text(DeclarationView d, ItemView i, int alt) {
    return switch (this) {
      case KIND -> Normal.code(d.recordKind());
      case OFFICE -> d.office();
      case TYPE -> d.type();
      case MODE -> d.mode();
      case DEPARTURE -> d.departure();
      case TRANSPORT_DOCUMENT -> d.transportDocument();
      case DECLARANT -> alt == 0 ? d.declarant().id() : d.declarant().name();
      case IMPORTER -> alt == 0 ? d.importer().id() : d.importer().name();
      case EXPORTER -> alt == 0 ? d.exporter().id() : d.exporter().name();
      case IMPORTER_COUNTRY -> d.importer().country();
      case EXPORTER_COUNTRY -> d.exporter().country();
      case IMPORTER_PHONE -> d.importer().phone();
      case IMPORTER_ADDRESS -> d.importer().address();
      case IMPORTER_NAME -> d.importer().name();
      case EXPORTER_NAME -> d.exporter().name();
      case HS -> i.hs();
      case ORIGIN -> i.origin();
      case CURRENCY -> i.currency();
      case DESCRIPTION -> i.description();
      default -> "";
    };
  }

  /** A number value; NaN when absent. */
  double number(DeclarationView d, ItemView i) {
    return switch (this) {
      case ITEMS -> d.items().size();
      case TOTAL_VALUE -> d.totalValue();
      case DECLARANT_DECLARATIONS -> d.history().declarantDeclarations();
      case DECLARANT_INFRACTIONS -> d.history().declarantInfractions();
      case IMPORTER_DECLARATIONS -> d.history().importerDeclarations();
      case IMPORTER_INFRACTIONS -> d.history().importerInfractions();
      case IMPORTER_INFRACTION_RATE -> d.history().importerInfractionRate();
      case QUANTITY -> i.quantity();
      case NET_MASS -> i.netMassKg();
      case VALUE -> i.customsValue();
      case VALUE_PER_KG -> i.valuePerKg();
      case DUTY_RATE -> i.dutyRate();
      default -> Double.NaN;
    };
  }
}
