package org.sekisho.intel.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A postal or express item (UPU ITMATT-like): S10 item id with verified check digit, sender,
 * addressee and declared contents.
 */
public record PostalItem(
    String itemId,
    Instant eventTime,
    String office,
    Party sender,
    Party addressee,
    String contents,
    String hsCode,
    BigDecimal declaredValue,
    String currency,
    BigDecimal weightKg,
    String originCountry,
    String destinationCountry,
    String category)
    implements IntelRecord {
  public PostalItem {
    Objects.requireNonNull(itemId);
    Objects.requireNonNull(eventTime);
    office = Party.nz(office);
    contents = Party.nz(contents);
    hsCode = Party.nz(hsCode);
    currency = Party.nz(currency);
    originCountry = Party.nz(originCountry);
    destinationCountry = Party.nz(destinationCountry);
    category = Party.nz(category);
  }

  @Override
  public RecordKind kind() {
    return RecordKind.POSTAL_ITEM;
  }

  @Override
  public String sourceId() {
    return itemId;
  }

  @Override
  public List<String> countries() {
    return originCountry.isEmpty() ? List.of() : List.of(originCountry);
  }

  @Override
  public List<String> hsChapters() {
    return hsCode.length() >= 2 ? List.of(hsCode.substring(0, 2)) : List.of();
  }

  @Override
  public String title() {
    return "Postal item "
        + itemId
        + " · "
        + originCountry
        + " → "
        + destinationCountry
        + (contents.isEmpty() ? "" : " · " + contents);
  }

  @Override
  public String searchText() {
    List<String> parts = new ArrayList<>(List.of(itemId, contents, hsCode, category));
    for (Party p : List.of(sender, addressee)) {
      parts.addAll(List.of(p.name(), p.address(), p.phone(), p.email()));
    }
    return Text.fields(parts);
  }
}
