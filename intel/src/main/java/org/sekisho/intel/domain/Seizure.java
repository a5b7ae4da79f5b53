package org.sekisho.intel.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A seizure, with the fields of the WCO Customs Enforcement Network report: when and where, what
 * and how much, how it was hidden and found, the route, and the persons, companies and conveyance
 * involved.
 *
 * @param place UN/LOCODE or office where the seizure was made
 * @param commodity CEN commodity group, e.g. {@code cocaine}, {@code gold}, {@code cigarettes}
 * @param route countries in order from departure to destination
 * @param detection how it was found: {@code x-ray}, {@code dog}, {@code trace}, {@code targeting},
 *     …
 * @param relatedRecords source ids of declarations, documents or items it was found in, as {@code
 *     kind:id}
 */
public record Seizure(
    String seizureId,
    Instant eventTime,
    String office,
    String place,
    String commodity,
    String hsCode,
    BigDecimal quantity,
    String unit,
    String concealment,
    String detection,
    List<String> route,
    List<Party> persons,
    List<Party> companies,
    String conveyance,
    List<String> relatedRecords,
    String narrative)
    implements IntelRecord {
  public Seizure {
    Objects.requireNonNull(seizureId);
    Objects.requireNonNull(eventTime);
    route = List.copyOf(route);
    persons = List.copyOf(persons);
    companies = List.copyOf(companies);
    relatedRecords = List.copyOf(relatedRecords);
    office = Party.nz(office);
    place = Party.nz(place);
    commodity = Party.nz(commodity);
    hsCode = Party.nz(hsCode);
    unit = Party.nz(unit);
    concealment = Party.nz(concealment);
    detection = Party.nz(detection);
    conveyance = Party.nz(conveyance);
    narrative = Party.nz(narrative);
  }

  @Override
  public RecordKind kind() {
    return RecordKind.SEIZURE;
  }

  @Override
  public String sourceId() {
    return seizureId;
  }

  @Override
  public List<String> countries() {
    return route;
  }

  @Override
  public List<String> hsChapters() {
    return hsCode.length() >= 2 ? List.of(hsCode.substring(0, 2)) : List.of();
  }

  /** "Seizure ID · what, how much · where", leaving out what the seizure does not say. */
  @Override
  public String title() {
    String what =
        (commodity + (quantity == null ? "" : " " + quantity.toPlainString() + " " + unit)).strip();
    StringBuilder sb = new StringBuilder("Seizure ").append(seizureId);
    for (String part : List.of(what, place)) {
      if (!part.isEmpty()) {
        sb.append(" · ").append(part);
      }
    }
    return sb.toString();
  }

  @Override
  public String searchText() {
    List<String> parts =
        new ArrayList<>(
            List.of(
                seizureId,
                commodity,
                hsCode,
                concealment,
                detection,
                conveyance,
                place,
                narrative));
    for (Party p : persons) {
      parts.addAll(List.of(p.name(), p.document(), p.phone(), p.address()));
    }
    for (Party p : companies) {
      parts.addAll(List.of(p.name(), p.id(), p.address(), p.phone()));
    }
    parts.addAll(relatedRecords);
    return Text.fields(parts);
  }
}
