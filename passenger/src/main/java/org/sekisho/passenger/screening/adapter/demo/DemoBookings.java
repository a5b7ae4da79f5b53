package org.sekisho.passenger.screening.adapter.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes PNRGOV pushes (UN/EDIFACT, as airlines send them to a PNR unit) for the demo flights: one
 * message per flight with every booking on it. Only what screening reads is written: booking
 * locator and creation date, the travel agency, a contact phone, the passengers with their SSR
 * DOCS, the forms of payment, the itinerary, and checked bags. Deterministic: the same bookings
 * give the same text.
 */
final class DemoBookings {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("ddMMyy", Locale.ROOT);
  private static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("ddMMMyy", Locale.ROOT);

  private DemoBookings() {}

  /**
   * One leg of an itinerary, departing on {@code date} and arriving {@code days} later (local times
   * at each end: an overnight flight lands the next day).
   */
  record Leg(
      String carrier,
      String number,
      LocalDate date,
      String depart,
      String arrive,
      String from,
      String to,
      int days) {
    /** A leg that lands on the day it departs. */
    Leg(
        String carrier,
        String number,
        LocalDate date,
        String depart,
        String arrive,
        String from,
        String to) {
      this(carrier, number, date, depart, arrive, from, to, 0);
    }
  }

  /**
   * A traveller of a booking.
   *
   * @param nationality alpha-3, as documents carry it
   */
  record Traveller(
      String surname,
      String given,
      String title,
      String gender,
      LocalDate dateOfBirth,
      String nationality,
      String passport) {}

  /**
   * A booking on a demo flight.
   *
   * @param daysBefore days between the booking's creation and the first leg
   * @param payment {@code FOP} element text, e.g. {@code CA::1200.00} or {@code
   *     CC::980.00:VI:45399912XXXX1234:0828}
   * @param agency IATA number of the booking agency, empty for a direct booking
   * @param phone the contact phone as written, empty for none
   * @param bags checked pieces of the first traveller (0 for none)
   * @param bagKg their weight
   */
  record Booking(
      String locator,
      int daysBefore,
      List<Traveller> travellers,
      String payment,
      List<Leg> legs,
      String agency,
      String phone,
      int bags,
      int bagKg) {}

  /** The PNRGOV push of one flight ({@code pushed}) with its bookings. */
  static String push(Leg pushed, List<Booking> bookings, String reference) {
    List<String> seg = new ArrayList<>();
    seg.add("UNH+" + reference + "+PNRGOV:11:1:IA+" + pushed.carrier() + reference);
    seg.add("MSG+:22");
    seg.add("ORG+" + pushed.carrier() + ":NRT+++" + pushed.carrier() + ":SYS");
    seg.add(tvl(pushed, false));
    seg.add("EQN+" + bookings.size());
    for (Booking b : bookings) {
      LocalDate created = b.legs().get(0).date().minusDays(b.daysBefore());
      seg.add("SRC");
      seg.add("RCI+" + pushed.carrier() + ":" + b.locator() + "::" + created.format(DAY) + ":1015");
      seg.add("DAT+700:" + created.format(DAY) + ":1015");
      if (!b.agency().isEmpty()) {
        seg.add("ORG+1A:TYO+" + b.agency() + ":TYOXX2100+++T");
      }
      if (!b.phone().isEmpty()) {
        seg.add("ADD++700:1-2-3 DEMO STREET:TOKYO:::JP:1000001:" + b.phone());
      }
      int ref = 1;
      for (Traveller t : b.travellers()) {
        seg.add("TIF+" + t.surname() + "+" + t.given() + t.title() + ":A:" + ref);
        seg.add(
            "SSR+DOCS:HK:1:"
                + pushed.carrier()
                + ":::::/P/"
                + t.nationality()
                + "/"
                + t.passport()
                + "/"
                + t.nationality()
                + "/"
                + t.dateOfBirth().format(DOB).toUpperCase(Locale.ROOT)
                + "/"
                + t.gender()
                + "/"
                + LocalDate.of(2031, 6, 30).format(DOB).toUpperCase(Locale.ROOT)
                + "/"
                + t.surname()
                + "/"
                + t.given()
                + "+::"
                + ref);
        seg.add("FOP+" + b.payment());
        ref++;
      }
      for (Leg l : b.legs()) {
        seg.add(tvl(l, true));
        seg.add("RPI+" + b.travellers().size() + "+HK");
      }
      if (b.bags() > 0) {
        Traveller first = b.travellers().get(0);
        seg.add("TRI++1:::1");
        seg.add("TIF+" + first.surname() + "+" + first.given() + first.title() + ":A:1");
        seg.add(
            "TBD++"
                + String.format(Locale.ROOT, "%02d", b.bags())
                + ":"
                + b.bagKg()
                + ":700+++"
                + pushed.carrier()
                + ":"
                + String.format(Locale.ROOT, "%04d", 1000 + b.bags())
                + "::"
                + pushed.from()
                + ":"
                + String.format(Locale.ROOT, "%03d", b.bags()));
      }
    }
    seg.add("UNT+" + (seg.size() + 1) + "+" + reference);
    StringBuilder out = new StringBuilder();
    String day = pushed.date().format(DAY);
    out.append("UNB+IATA:1+")
        .append(pushed.carrier())
        .append("+JPCUSTOMS+")
        .append(day)
        .append(":0600+")
        .append(reference)
        .append("'\n");
    for (String s : seg) {
      out.append(s).append("'\n");
    }
    out.append("UNZ+1+").append(reference).append("'\n");
    return out.toString();
  }

  private static String tvl(Leg l, boolean withClass) {
    return "TVL+"
        + l.date().format(DAY)
        + ":"
        + l.depart()
        + ":"
        + l.date().plusDays(l.days()).format(DAY)
        + ":"
        + l.arrive()
        + "+"
        + l.from()
        + "+"
        + l.to()
        + "+"
        + l.carrier()
        + "+"
        + l.number()
        + (withClass ? ":Y" : "");
  }
}
