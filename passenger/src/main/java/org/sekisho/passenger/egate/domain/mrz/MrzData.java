package org.sekisho.passenger.egate.domain.mrz;

/**
 * What goes into a machine-readable zone, as an issuing office would enter it: names in any script,
 * codes or English country names, dates as YYMMDD.
 *
 * @param format the layout to produce
 * @param documentCode 'P', 'ID', 'V', 'VB'... (padded with '<' to two characters)
 * @param issuingState code or English country name of the issuing state or organisation
 * @param surname primary identifier, any script
 * @param givenNames secondary identifier, any script; may be empty
 * @param documentNumber up to 9 characters (TD1 and TD2 allow longer numbers)
 * @param nationality code or English country name
 * @param birthDate YYMMDD
 * @param sex M, F, X or empty for unspecified
 * @param expiryDate YYMMDD
 * @param optionalData optional data (TD3: personal number); may be empty
 * @param optionalData2 TD1 only: optional data on line 2; may be empty
 */
public record MrzData(
    MrzFormat format,
    String documentCode,
    String issuingState,
    String surname,
    String givenNames,
    String documentNumber,
    String nationality,
    String birthDate,
    String sex,
    String expiryDate,
    String optionalData,
    String optionalData2) {

  public MrzData {
    documentCode = nz(documentCode);
    issuingState = nz(issuingState);
    surname = nz(surname);
    givenNames = nz(givenNames);
    documentNumber = nz(documentNumber);
    nationality = nz(nationality);
    birthDate = nz(birthDate);
    sex = nz(sex);
    expiryDate = nz(expiryDate);
    optionalData = nz(optionalData);
    optionalData2 = nz(optionalData2);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
