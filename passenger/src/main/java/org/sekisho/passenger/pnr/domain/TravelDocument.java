package org.sekisho.passenger.pnr.domain;

import java.time.LocalDate;

/**
 * A travel document as the traveller gave it (PNR: SSR DOCS; API: DOC with its DTM and LOC).
 *
 * @param type document type code, e.g. {@code P} passport, {@code I} identity card
 * @param number document number
 * @param issuingCountry issuing state (ISO 3166 alpha-3 or alpha-2 as sent)
 * @param nationality nationality as on the document
 * @param dateOfBirth date of birth, null when absent
 * @param gender {@code M}, {@code F}, {@code U}, or {@code MI}/{@code FI} for infants
 * @param expiry expiry date, null when absent
 * @param surname surname
 * @param givenName first given name
 * @param middleName further given names
 * @param issued date of issue, null when absent
 */
public record TravelDocument(
    String type,
    String number,
    String issuingCountry,
    String nationality,
    LocalDate dateOfBirth,
    String gender,
    LocalDate expiry,
    String surname,
    String givenName,
    String middleName,
    LocalDate issued) {

  /** Whether the gender code marks an infant ({@code MI} or {@code FI}). */
  public boolean marksInfant() {
    return gender.equals("MI") || gender.equals("FI");
  }
}
