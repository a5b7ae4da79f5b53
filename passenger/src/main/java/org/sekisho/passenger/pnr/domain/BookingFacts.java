package org.sekisho.passenger.pnr.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What rules and analysts compare between two versions of a booking: passenger names, seats, forms
 * of payment and the itinerary, each as a sorted list of readable values.
 *
 * @param names {@code SURNAME/GIVEN} per passenger
 * @param seats {@code SURNAME/GIVEN | FLIGHT ORIGIN-DESTINATION SEAT}
 * @param payments {@code TYPE VENDOR ACCOUNT AMOUNT}
 * @param itinerary {@code DESIGNATOR ORIGIN-DESTINATION DATE}
 */
public record BookingFacts(
    List<String> names, List<String> seats, List<String> payments, List<String> itinerary) {
  public BookingFacts {
    names = List.copyOf(names);
    seats = List.copyOf(seats);
    payments = List.copyOf(payments);
    itinerary = List.copyOf(itinerary);
  }

  /** The facts of {@code pnr}. */
  public static BookingFacts of(Pnr pnr) {
    TreeSet<String> names = new TreeSet<>();
    TreeSet<String> seats = new TreeSet<>();
    for (Passenger p : pnr.passengers()) {
      String name = p.surname() + "/" + p.givenName();
      names.add(name);
      for (Seat s : p.seats()) {
        seats.add(
            name
                + " | "
                + s.flight()
                + " "
                + s.origin()
                + "-"
                + s.destination()
                + " "
                + s.number());
      }
    }
    TreeSet<String> payments = new TreeSet<>();
    for (FormOfPayment f : pnr.payments()) {
      payments.add(
          String.join(" ", f.type(), f.vendor(), f.account(), f.amount())
              .replaceAll(" +", " ")
              .strip());
    }
    TreeSet<String> itinerary = new TreeSet<>();
    for (Flight f : pnr.itinerary()) {
      itinerary.add(
          f.designator()
              + " "
              + f.origin()
              + "-"
              + f.destination()
              + (f.departureDate() == null ? "" : " " + f.departureDate()));
    }
    return new BookingFacts(
        List.copyOf(names), List.copyOf(seats), List.copyOf(payments), List.copyOf(itinerary));
  }

  /** What changed from {@code previous} to this version; empty when nothing did. */
  public List<BookingChange> changesSince(BookingFacts previous) {
    List<BookingChange> changes = new ArrayList<>();
    diff(BookingChange.Kind.NAME, previous.names, names, changes);
    diff(BookingChange.Kind.SEAT, previous.seats, seats, changes);
    diff(BookingChange.Kind.PAYMENT, previous.payments, payments, changes);
    diff(BookingChange.Kind.ITINERARY, previous.itinerary, itinerary, changes);
    return changes;
  }

  private static void diff(
      BookingChange.Kind kind, List<String> before, List<String> after, List<BookingChange> out) {
    for (String b : before) {
      if (!after.contains(b)) {
        out.add(new BookingChange(kind, false, b));
      }
    }
    for (String a : after) {
      if (!before.contains(a)) {
        out.add(new BookingChange(kind, true, a));
      }
    }
  }
}
