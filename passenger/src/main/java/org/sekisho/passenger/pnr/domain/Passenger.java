package org.sekisho.passenger.pnr.domain;

import java.util.List;

/**
 * A passenger of a booking (TIF and everything the PNR attaches to that passenger).
 *
 * @param surname surname as sent
 * @param givenName given names (often with title, e.g. {@code MOLLYMRS}) as sent
 * @param type passenger type code, e.g. {@code A} adult, {@code C} child, {@code IN} infant
 * @param referenceNumber the passenger's reference number in the PNR (TIF), e.g. {@code 1} or
 *     {@code 1.1}
 * @param uniqueId unique passenger reference (REF), empty when absent
 * @param infant whether the passenger is an infant (type IN, or DOCS gender MI/FI on its own
 *     record)
 * @param withInfant whether an infant travels on this passenger's lap
 * @param documents travel documents (SSR DOCS)
 * @param addresses addresses (SSR DOCA)
 * @param otherDocuments visas and other documents (SSR DOCO)
 * @param seats seats, one per flight at most
 * @param bags checked baggage
 * @param tickets tickets
 * @param frequentFlyers frequent flyer accounts
 * @param infants infants on this passenger's lap (SSR INFT)
 * @param services other special service requests for this passenger
 */
public record Passenger(
    String surname,
    String givenName,
    String type,
    String referenceNumber,
    String uniqueId,
    boolean infant,
    boolean withInfant,
    List<TravelDocument> documents,
    List<TravellerAddress> addresses,
    List<OtherDocument> otherDocuments,
    List<Seat> seats,
    List<Baggage> bags,
    List<Ticket> tickets,
    List<FrequentFlyer> frequentFlyers,
    List<Infant> infants,
    List<SpecialService> services) {
  public Passenger {
    documents = List.copyOf(documents);
    addresses = List.copyOf(addresses);
    otherDocuments = List.copyOf(otherDocuments);
    seats = List.copyOf(seats);
    bags = List.copyOf(bags);
    tickets = List.copyOf(tickets);
    frequentFlyers = List.copyOf(frequentFlyers);
    infants = List.copyOf(infants);
    services = List.copyOf(services);
  }

  /** Total checked pieces over all flights. */
  public int bagCount() {
    return bags.stream().mapToInt(Baggage::count).sum();
  }
}
