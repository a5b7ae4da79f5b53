package org.sekisho.intel.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A transport document: master or house bill of lading, or air waybill, with the containers it
 * covers.
 *
 * @param documentType {@code MBL}, {@code HBL} or {@code AWB}
 * @param masterNumber for a house document, the master document it belongs to
 * @param containers ISO 6346 container numbers (check digit verified on ingest)
 * @param conveyanceRef vessel voyage or flight the goods are carried on, may be empty
 */
public record TransportDocument(
    String number,
    String documentType,
    String masterNumber,
    Instant eventTime,
    String office,
    String carrier,
    Party shipper,
    Party consignee,
    Party notifyParty,
    String portOfLoading,
    String portOfDischarge,
    List<String> containers,
    String goodsDescription,
    String hsCode,
    BigDecimal grossMassKg,
    int packages,
    String conveyanceRef)
    implements IntelRecord {
  public TransportDocument {
    Objects.requireNonNull(number);
    Objects.requireNonNull(eventTime);
    containers = List.copyOf(containers);
    documentType = Party.nz(documentType);
    masterNumber = Party.nz(masterNumber);
    office = Party.nz(office);
    carrier = Party.nz(carrier);
    portOfLoading = Party.nz(portOfLoading);
    portOfDischarge = Party.nz(portOfDischarge);
    goodsDescription = Party.nz(goodsDescription);
    hsCode = Party.nz(hsCode);
    conveyanceRef = Party.nz(conveyanceRef);
  }

  @Override
  public RecordKind kind() {
    return RecordKind.TRANSPORT_DOCUMENT;
  }

  @Override
  public String sourceId() {
    return number;
  }

  @Override
  public List<String> countries() {
    List<String> c = new ArrayList<>();
    if (portOfLoading.length() == 5) {
      c.add(portOfLoading.substring(0, 2));
    }
    if (!shipper.country().isEmpty() && !c.contains(shipper.country())) {
      c.add(shipper.country());
    }
    return List.copyOf(c);
  }

  @Override
  public List<String> hsChapters() {
    return hsCode.length() >= 2 ? List.of(hsCode.substring(0, 2)) : List.of();
  }

  @Override
  public String title() {
    return documentType
        + " "
        + number
        + " · "
        + portOfLoading
        + " → "
        + portOfDischarge
        + (consignee.name().isEmpty() ? "" : " · " + consignee.name());
  }

  @Override
  public String searchText() {
    List<String> parts =
        new ArrayList<>(
            List.of(
                number,
                masterNumber,
                carrier,
                goodsDescription,
                hsCode,
                conveyanceRef,
                portOfLoading,
                portOfDischarge));
    parts.addAll(containers);
    for (Party p : List.of(shipper, consignee, notifyParty)) {
      parts.addAll(List.of(p.name(), p.id(), p.address(), p.phone(), p.email()));
    }
    return Text.fields(parts);
  }
}
