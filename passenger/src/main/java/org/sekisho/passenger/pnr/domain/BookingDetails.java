package org.sekisho.passenger.pnr.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What one version of a booking says besides its names and payments, as a PNR analyst reads it
 * about a traveller: when the booking was made and by which office, how to reach the travellers,
 * what each checked in and where each sits, and the legs flown. Read back from a stored record;
 * there is none for a masked version.
 *
 * @param created when the booking was created (RCI), in GMT as PNRGOV gives times; null when the
 *     record does not say
 * @param lastModified its last transaction (DAT 700), in GMT; null when not given
 * @param office who made the booking (ORG: airline office or travel agency); null when the record
 *     names none
 * @param itinerary the booking's legs in order
 * @param phones every telephone contact of the record, each with the passenger it belongs to
 * @param emails every e-mail contact of the record, each with the passenger it belongs to
 * @param passengers what the record says of each passenger, in record order
 */
public record BookingDetails(
    LocalDateTime created,
    LocalDateTime lastModified,
    Originator office,
    List<Flight> itinerary,
    List<Phone> phones,
    List<Email> emails,
    List<PassengerPart> passengers) {

  public BookingDetails {
    itinerary = List.copyOf(itinerary);
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    passengers = List.copyOf(passengers);
  }

  /**
   * One passenger's part of the record.
   *
   * @param referenceNumber the passenger's reference (TIF), empty when none
   * @param bags checked bags per flight (TBD)
   * @param seats seat per flight (SSD, SSR SEAT)
   */
  public record PassengerPart(String referenceNumber, List<Baggage> bags, List<Seat> seats) {
    public PassengerPart {
      bags = List.copyOf(bags);
      seats = List.copyOf(seats);
    }

    /** Checked pieces over all flights. */
    public int bagCount() {
      return bags.stream().mapToInt(Baggage::count).sum();
    }
  }

  /**
   * The telephone numbers that concern a passenger: their own first, then the booking's (those of
   * no passenger). A passenger without a reference cannot be told from the others, so only the
   * booking's are theirs for sure.
   */
  public List<Phone> phonesOf(PassengerPart p) {
    List<Phone> out = new ArrayList<>();
    if (!p.referenceNumber().isEmpty()) {
      phones.stream()
          .filter(x -> x.passengerReference().equals(p.referenceNumber()))
          .forEach(out::add);
    }
    phones.stream().filter(x -> x.passengerReference().isEmpty()).forEach(out::add);
    return out;
  }

  /** The e-mail addresses that concern a passenger: their own first, then the booking's. */
  public List<Email> emailsOf(PassengerPart p) {
    List<Email> out = new ArrayList<>();
    if (!p.referenceNumber().isEmpty()) {
      emails.stream()
          .filter(x -> x.passengerReference().equals(p.referenceNumber()))
          .forEach(out::add);
    }
    emails.stream().filter(x -> x.passengerReference().isEmpty()).forEach(out::add);
    return out;
  }
}
