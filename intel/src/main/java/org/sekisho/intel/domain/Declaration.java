package org.sekisho.intel.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * An import or export goods declaration (WCO Data Model: declaration header with its goods items).
 *
 * @param declarationId the declaration number (source id)
 * @param type {@code IM} import or {@code EX} export
 * @param procedure customs procedure / process type code as declared
 * @param modeOfTransport transport mode at the border (WCO code list, e.g. 1 sea, 4 air, 5 post)
 * @param countryOfDeparture ISO alpha-2, may be empty
 * @param transportDocument B/L or AWB number the goods travel under, may be empty
 * @param outcome inspection result when known ({@code ""}, {@code nothing-found}, {@code
 *     infraction})
 */
public record Declaration(
    String declarationId,
    String type,
    Instant eventTime,
    String office,
    String procedure,
    String modeOfTransport,
    Party declarant,
    Party importer,
    Party exporter,
    String countryOfDeparture,
    String transportDocument,
    List<Item> items,
    String outcome)
    implements IntelRecord {

  /**
   * A goods item.
   *
   * @param hsCode HS code digits (6 to 10)
   * @param origin country of origin, ISO alpha-2
   * @param netMassKg net mass in kilograms, null when not declared
   * @param customsValue customs value in {@code currency}, null when not declared
   * @param dutyRate duty rate in percent, null when not declared
   */
  public record Item(
      int sequence,
      String hsCode,
      String description,
      String origin,
      BigDecimal quantity,
      String unit,
      BigDecimal netMassKg,
      BigDecimal grossMassKg,
      BigDecimal customsValue,
      String currency,
      BigDecimal dutyRate) {
    public Item {
      hsCode = Party.nz(hsCode);
      description = Party.nz(description);
      origin = Party.nz(origin);
      unit = Party.nz(unit);
      currency = Party.nz(currency);
    }
  }

  public Declaration {
    Objects.requireNonNull(declarationId);
    Objects.requireNonNull(eventTime);
    items = List.copyOf(items);
    office = Party.nz(office);
    procedure = Party.nz(procedure);
    modeOfTransport = Party.nz(modeOfTransport);
    countryOfDeparture = Party.nz(countryOfDeparture);
    transportDocument = Party.nz(transportDocument);
    outcome = Party.nz(outcome);
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DECLARATION;
  }

  @Override
  public String sourceId() {
    return declarationId;
  }

  @Override
  public List<String> countries() {
    LinkedHashSet<String> c = new LinkedHashSet<>();
    if (!countryOfDeparture.isEmpty()) {
      c.add(countryOfDeparture);
    }
    items.forEach(
        i -> {
          if (!i.origin().isEmpty()) {
            c.add(i.origin());
          }
        });
    return List.copyOf(c);
  }

  @Override
  public List<String> hsChapters() {
    return items.stream()
        .map(Item::hsCode)
        .filter(h -> h.length() >= 2)
        .map(h -> h.substring(0, 2))
        .distinct()
        .toList();
  }

  @Override
  public String title() {
    String who = importer.name().isEmpty() ? importer.id() : importer.name();
    String what = items.isEmpty() ? "" : items.get(0).description();
    return (type.equals("EX") ? "Export" : "Import")
        + " declaration "
        + declarationId
        + (who.isEmpty() ? "" : " · " + who)
        + (what.isEmpty() ? "" : " · " + what);
  }

  @Override
  public String searchText() {
    List<String> parts = new ArrayList<>();
    parts.add(declarationId);
    parts.add(transportDocument);
    for (Party p : List.of(declarant, importer, exporter)) {
      parts.add(p.name());
      parts.add(p.id());
      parts.add(p.address());
      parts.add(p.phone());
      parts.add(p.email());
    }
    for (Item i : items) {
      parts.add(i.hsCode());
      parts.add(i.description());
    }
    return Text.fields(parts);
  }
}
