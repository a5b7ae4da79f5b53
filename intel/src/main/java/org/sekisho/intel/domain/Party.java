package org.sekisho.intel.domain;

/**
 * A person or company named in a record (importer, exporter, declarant, consignee, sender,
 * suspect). Absent text is the empty string, never null.
 *
 * @param kind {@code person}, {@code company} or {@code unknown}
 * @param id the party's identifier in the source (trader number, EORI, corporate number), may be
 *     empty
 * @param dateOfBirth ISO date for persons, may be empty
 * @param document travel or identity document as {@code TYPE:COUNTRY:NUMBER}, may be empty
 */
public record Party(
    String kind,
    String name,
    String id,
    String address,
    String phone,
    String email,
    String country,
    String dateOfBirth,
    String document) {
  public Party {
    kind = nz(kind).isEmpty() ? "unknown" : kind;
    name = nz(name);
    id = nz(id);
    address = nz(address);
    phone = nz(phone);
    email = nz(email);
    country = nz(country);
    dateOfBirth = nz(dateOfBirth);
    document = nz(document);
  }

  static String nz(String s) {
    return s == null ? "" : s.strip();
  }

  public boolean isEmpty() {
    return name.isEmpty()
        && id.isEmpty()
        && phone.isEmpty()
        && email.isEmpty()
        && address.isEmpty();
  }
}
