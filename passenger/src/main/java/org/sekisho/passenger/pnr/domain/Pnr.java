package org.sekisho.passenger.pnr.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.sekisho.passenger.edifact.Position;

/**
 * One passenger name record as pushed by the carrier (the segments from one SRC to the next).
 *
 * @param recordLocator booking reference (RCI), e.g. {@code W9TEND}
 * @param carrier airline or system that holds the record
 * @param created when the booking was created (RCI), null when not given
 * @param lastModified last transaction on the booking (DAT 700), null when not given
 * @param booking who created the booking: airline or travel agency (ORG); null when not given
 * @param passengers passengers
 * @param itinerary flights, in the order sent
 * @param addresses addresses of the booking (ADD)
 * @param phones telephone contacts
 * @param emails e-mail contacts
 * @param payments forms of payment
 * @param services special service requests not tied to one passenger
 * @param remarks other service information and free text (IFT), as sent
 * @param history booking history (ABI/SAC)
 * @param historyLines free-text history lines (LTS)
 * @param position where the record starts in the message
 * @param raw the record's segments as sent
 */
public record Pnr(
    String recordLocator,
    String carrier,
    LocalDateTime created,
    LocalDateTime lastModified,
    Originator booking,
    List<Passenger> passengers,
    List<Flight> itinerary,
    List<Address> addresses,
    List<Phone> phones,
    List<Email> emails,
    List<FormOfPayment> payments,
    List<SpecialService> services,
    List<String> remarks,
    List<HistoryEntry> history,
    List<String> historyLines,
    Position position,
    String raw) {
  public Pnr {
    passengers = List.copyOf(passengers);
    itinerary = List.copyOf(itinerary);
    addresses = List.copyOf(addresses);
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    payments = List.copyOf(payments);
    services = List.copyOf(services);
    remarks = List.copyOf(remarks);
    history = List.copyOf(history);
    historyLines = List.copyOf(historyLines);
  }

  /**
   * This record and a later part of the same booking as one: the passengers, contacts, payments,
   * services, remarks and history of both; the flights of {@code other} this one lacks; this one's
   * dates and originator where it has them.
   */
  public Pnr mergedWith(Pnr other) {
    List<Flight> legs = new ArrayList<>(itinerary);
    for (Flight f : other.itinerary) {
      if (!legs.contains(f)) {
        legs.add(f);
      }
    }
    return new Pnr(
        recordLocator,
        carrier,
        created != null ? created : other.created,
        lastModified != null ? lastModified : other.lastModified,
        booking != null ? booking : other.booking,
        concat(passengers, other.passengers),
        legs,
        concat(addresses, other.addresses),
        concat(phones, other.phones),
        concat(emails, other.emails),
        concat(payments, other.payments),
        concat(services, other.services),
        concat(remarks, other.remarks),
        concat(history, other.history),
        concat(historyLines, other.historyLines),
        position,
        raw + other.raw);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Departure airport of the first flight of the itinerary, empty when there is none. */
  public String origin() {
    return itinerary.isEmpty() ? "" : itinerary.get(0).origin();
  }

  /** Arrival airport of the last flight of the itinerary, empty when there is none. */
  public String destination() {
    return itinerary.isEmpty() ? "" : itinerary.get(itinerary.size() - 1).destination();
  }

  /** The code-share flights of the itinerary. */
  public List<Flight> codeShares() {
    return itinerary.stream().filter(Flight::isCodeShare).toList();
  }

  /** All checked baggage of all passengers. */
  public List<Baggage> bags() {
    return passengers.stream().flatMap(p -> p.bags().stream()).toList();
  }

  /** Total checked pieces of all passengers on all flights. */
  public int bagCount() {
    return passengers.stream().mapToInt(Passenger::bagCount).sum();
  }
}
