package org.sekisho.passenger.pnr.domain;

import java.util.List;

/**
 * One PAXLST message: a passenger or crew list for a flight.
 *
 * @param reference message reference (UNH)
 * @param version message version, e.g. {@code D}
 * @param release message release, e.g. {@code 05B}
 * @param documentType BGM document name code: {@code 745} passenger list, {@code 250} crew list,
 *     others as sent
 * @param transactionReference transaction reference (RFF TN), empty when absent
 * @param reportingParty name of the person or office that sent the list (NAD MS)
 * @param reportingPhones their telephone numbers (COM), as sent
 * @param flights flight legs (TDT/LOC/DTM)
 * @param travellers passengers or crew
 * @param declaredCount number of travellers the message declares (CNT), null when absent
 */
public record ApiMessage(
    String reference,
    String version,
    String release,
    String documentType,
    String transactionReference,
    String reportingParty,
    List<String> reportingPhones,
    List<Flight> flights,
    List<Traveller> travellers,
    Integer declaredCount) {
  public ApiMessage {
    reportingPhones = List.copyOf(reportingPhones);
    flights = List.copyOf(flights);
    travellers = List.copyOf(travellers);
  }
}
