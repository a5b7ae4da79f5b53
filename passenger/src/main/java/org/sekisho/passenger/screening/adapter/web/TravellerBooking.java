package org.sekisho.passenger.screening.adapter.web;

import java.util.ArrayList;
import java.util.List;
import org.sekisho.passenger.pnr.adapter.json.PnrRecordJson;
import org.sekisho.passenger.pnr.application.PnrStore;
import org.sekisho.passenger.pnr.domain.Baggage;
import org.sekisho.passenger.pnr.domain.BookingDetails;
import org.sekisho.passenger.pnr.domain.Email;
import org.sekisho.passenger.pnr.domain.Flight;
import org.sekisho.passenger.pnr.domain.Phone;
import org.sekisho.passenger.pnr.domain.Seat;
import org.sekisho.passenger.screening.domain.PassengerFacts;
import org.sekisho.passenger.screening.domain.Schedule;
import org.sekisho.passenger.screening.domain.TravellerFacts;

/**
 * What the traveller page shows of the booking version a PNR traveller's facts come from: when and
 * by whom the booking was made, the traveller's contacts (their own, then the booking's), their
 * checked bags and seats per flight, and the legs whose times are wrong. A masked version shows
 * none of it: its record is gone from the working tables, and the page says so.
 *
 * @param version the booking version
 * @param masked whether retention masked it
 * @param details what its record says; null when masked
 * @param passenger the traveller's part of the record; null when masked or not found
 */
public record TravellerBooking(
    int version, boolean masked, BookingDetails details, BookingDetails.PassengerPart passenger) {

  /**
   * The version {@code p}'s facts come from (the latest when it is not among {@code versions});
   * null for an API traveller or a booking without versions.
   */
  static TravellerBooking of(PassengerFacts p, List<PnrStore.Version> versions) {
    if (!p.source().equals("PNR") || versions.isEmpty()) {
      return null;
    }
    PnrStore.Version v =
        versions.stream()
            .filter(x -> x.version() == p.version())
            .findFirst()
            .orElse(versions.get(versions.size() - 1));
    if (v.masked()) {
      return new TravellerBooking(v.version(), true, null, null);
    }
    BookingDetails d = PnrRecordJson.details(v.recordJson()).orElse(null);
    if (d == null) {
      return new TravellerBooking(v.version(), false, null, null);
    }
    List<String> keys =
        TravellerFacts.passengerKeys(
            p.booking(),
            d.passengers().stream().map(BookingDetails.PassengerPart::referenceNumber).toList());
    int i = keys.indexOf(p.key());
    return new TravellerBooking(v.version(), false, d, i < 0 ? null : d.passengers().get(i));
  }

  /** The traveller's telephone contacts, their own first; the booking's alone when not found. */
  public List<Phone> phones() {
    if (details == null) {
      return List.of();
    }
    return passenger == null
        ? details.phones().stream().filter(x -> x.passengerReference().isEmpty()).toList()
        : details.phonesOf(passenger);
  }

  /** The traveller's e-mail contacts, their own first. */
  public List<Email> emails() {
    if (details == null) {
      return List.of();
    }
    return passenger == null
        ? details.emails().stream().filter(x -> x.passengerReference().isEmpty()).toList()
        : details.emailsOf(passenger);
  }

  /** Whether a contact is the traveller's own rather than the booking's. */
  public boolean own(String passengerReference) {
    return !passengerReference.isEmpty();
  }

  /** The traveller's checked bags per flight. */
  public List<Baggage> bags() {
    return passenger == null ? List.of() : passenger.bags();
  }

  /** The traveller's seats per flight. */
  public List<Seat> seats() {
    return passenger == null ? List.of() : passenger.seats();
  }

  /** The legs of the booking scheduled to land before they leave. */
  public List<Flight> legsArrivingBeforeDeparture() {
    List<Flight> out = new ArrayList<>();
    if (details != null) {
      for (Flight f : details.itinerary()) {
        if (Schedule.of(f).check() instanceof Schedule.TimeCheck.ArrivesBeforeDeparture) {
          out.add(f);
        }
      }
    }
    return out;
  }
}
