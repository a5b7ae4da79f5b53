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

  /**
   * The origin, the sender's country, the destination and the addressee's country, each once: an
   * item whose sender writes CN but no originCountry is still found by a search for CN, and an item
   * sent to the US by a search for US (V24 adds the destination to items stored before).
   */
  @Override
  public List<String> countries() {
    java.util.LinkedHashSet<String> c = new java.util.LinkedHashSet<>();
    for (String country :
        List.of(originCountry, sender.country(), destinationCountry, addressee.country())) {
      if (!country.isEmpty()) {
        c.add(country);
      }
    }
    return List.copyOf(c);
  }

  @Override
  public List<String> hsChapters() {
    return hsCode.length() >= 2 ? List.of(hsCode.substring(0, 2)) : List.of();
  }

  /**
   * "Postal item ID · from → to · contents", leaving out what the item does not say: where from is
   * the origin, else the sender's country, where to the destination, else the addressee's; an arrow
   * stays on the side that is known.
   */
  @Override
  public String title() {
    String from = originCountry.isEmpty() ? sender.country() : originCountry;
    String to = destinationCountry.isEmpty() ? addressee.country() : destinationCountry;
    String route = from.isEmpty() && to.isEmpty() ? "" : (from + " → " + to).strip();
    StringBuilder sb = new StringBuilder("Postal item ").append(itemId);
    for (String part : List.of(route, contents)) {
      if (!part.isEmpty()) {
        sb.append(" · ").append(part);
      }
    }
    return sb.toString();
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
