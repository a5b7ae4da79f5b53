package org.sekisho.passenger.pnr.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * What rules and analysts compare between two versions of a booking: passenger names, seats and
 * forms of payment, each as a sorted list of readable values, and the itinerary in travel order (by
 * departure date and time, legs of one day as the booking lists them when no time is known).
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
    // facts stored before legs were kept in travel order were sorted by name: put them by date
    itinerary = List.copyOf(byDate(itinerary));
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
    List<Flight> legs = new ArrayList<>(pnr.itinerary());
    // stable: legs with the same date and no time keep the booking's order
    legs.sort(
        Comparator.comparing(Flight::departureDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(
                f -> f.departure() == null ? null : f.departure().toLocalTime(),
                Comparator.nullsLast(Comparator.naturalOrder())));
    LinkedHashSet<String> itinerary = new LinkedHashSet<>();
    for (Flight f : legs) {
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

  /** The itinerary's lines ({@code DESIGNATOR O-D DATE}) by their date, stably; undated last. */
  private static List<String> byDate(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.sort(
        Comparator.comparing(
            BookingFacts::dateOf, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  private static String dateOf(String line) {
    int space = line.lastIndexOf(' ');
    String last = space < 0 ? "" : line.substring(space + 1);
    return last.matches("\\d{4}-\\d{2}-\\d{2}") ? last : null;
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
