package org.sekisho.passenger.egate.domain.kiosk;

/**
 * The immigration items answered at the integrated kiosk (the questions of Japan's disembarkation
 * card for foreigners).
 *
 * @param purposeOfVisit e.g. {@code tourism}, {@code business}, {@code visiting relatives}
 * @param intendedStayDays intended length of stay in days (1-365)
 * @param deportationOrRefusalHistory ever deported from, or refused entry to, Japan
 * @param criminalConviction ever found guilty in a criminal case in any country
 * @param carryingProhibitedItems carrying controlled drugs, firearms, swords or explosives
 */
public record ImmigrationAnswers(
    String purposeOfVisit,
    int intendedStayDays,
    boolean deportationOrRefusalHistory,
    boolean criminalConviction,
    boolean carryingProhibitedItems) {
  public ImmigrationAnswers {
    purposeOfVisit = purposeOfVisit == null ? "" : purposeOfVisit.strip();
  }
}
