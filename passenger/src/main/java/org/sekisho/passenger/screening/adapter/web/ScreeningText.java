package org.sekisho.passenger.screening.adapter.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sekisho.passenger.pnr.domain.Baggage;
import org.sekisho.passenger.pnr.domain.BookingChange;
import org.sekisho.passenger.pnr.domain.Originator;
import org.sekisho.passenger.pnr.domain.Phone;
import org.sekisho.passenger.pnr.domain.Seat;
import org.sekisho.passenger.screening.domain.Reason;
import org.sekisho.passenger.screening.domain.Schedule;
import org.sekisho.platform.i18n.Messages;

/**
 * What screening stores as keys and codes (explanations, the system's comments, booking changes,
 * severities), in the reader's language. Used by the pages.
 */
public final class ScreeningText {
  private ScreeningText() {}

  /** One explanation line. */
  public static String line(Messages t, Reason r) {
    return r.render(t::get);
  }

  /**
   * One argument of an explanation line as words: a term (a severity, a kind of match) in the
   * reader's language, data as it is.
   */
  public static String argument(Messages t, String arg) {
    return Reason.termOf(arg).map(t::get).orElse(arg);
  }

  /**
   * A stored comment: the system's reasons in the reader's language, a person's text as written.
   */
  public static String stored(Messages t, String stored) {
    return Reason.encoded(stored) ? line(t, Reason.decode(stored)) : stored;
  }

  /** A change between two booking versions ({@code name removed: KOVAC/MILANMR}). */
  public static String change(Messages t, BookingChange c) {
    return t.get(
        "screening.change."
            + c.kind().name().toLowerCase(Locale.ROOT)
            + (c.added() ? ".added" : ".removed"),
        c.value());
  }

  /**
   * A scheduled time on the administration's clock ({@code 2026-11-28 18:00 JST}) when the
   * airport's zone is known, else as the message gave it with "local" said; empty when the message
   * gave none.
   */
  public static String scheduled(Messages t, java.time.Instant at, java.time.LocalDateTime local) {
    if (at != null) {
      return t.time(at);
    }
    return local == null
        ? ""
        : t.get(
            "screening.localTime",
            local.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
  }

  /** {@code high, medium} as the reader says them; unknown codes as they are. */
  public static String severities(Messages t, String codes) {
    List<String> out = new ArrayList<>();
    for (String c : codes.split(",\\s*")) {
      String key = "screening.severity." + c.strip();
      String shown = t.get(key);
      out.add(shown.equals(key) ? c.strip() : shown);
    }
    return String.join(", ", out);
  }

  private static final java.time.format.DateTimeFormatter LOCAL =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A date and time as the message gave it, local to where it was sent; empty when none. */
  public static String local(java.time.LocalDateTime at) {
    return at == null ? "" : at.format(LOCAL);
  }

  /**
   * A booking's creation (RCI) or last transaction (DAT 700) in the reader's zone, like every other
   * time on the page: PNRGOV gives these in GMT (its implementation guide: times are GMT unless a
   * segment says otherwise), unlike a flight's scheduled times, which are local to the airport.
   * Empty when none.
   */
  public static String bookingTime(Messages t, java.time.LocalDateTime gmt) {
    return gmt == null ? "" : t.time(gmt.toInstant(java.time.ZoneOffset.UTC));
  }

  /** A message key's text, or {@code fallback} when the bundle has no such key. */
  private static String orElse(Messages t, String key, String fallback) {
    String shown = t.get(key);
    return shown.equals(key) ? fallback : shown;
  }

  /**
   * Who made a booking (ORG): {@code IATA agency 70379193 · office LON · GB · airline}; empty when
   * the record names no one.
   */
  public static String office(Messages t, Originator o) {
    if (o == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (!o.agencyNumber().isBlank()) {
      parts.add(t.get("screening.office.agency", o.agencyNumber().strip()));
    }
    if (!o.officeId().isBlank()) {
      parts.add(t.get("screening.office.office", o.officeId().strip()));
    }
    String system = (o.system() + (o.location().isBlank() ? "" : " " + o.location())).strip();
    if (!system.isEmpty()) {
      parts.add(t.get("screening.office.system", system));
    }
    if (!o.city().isBlank()) {
      parts.add(o.city().strip());
    }
    if (!o.country().isBlank()) {
      parts.add(o.country().strip());
    }
    if (!o.originatorType().isBlank()) {
      String type = o.originatorType().strip();
      parts.add(orElse(t, "screening.office.type." + type, type));
    }
    if (!o.agent().isBlank()) {
      parts.add(t.get("screening.office.agent", o.agent().strip()));
    }
    return String.join(" · ", parts);
  }

  /** A telephone contact: {@code 5432109876 (mobile)}. */
  public static String phone(Messages t, Phone p) {
    String type = p.type().isBlank() ? "" : orElse(t, "screening.phoneType." + p.type(), p.type());
    return p.number() + (type.isEmpty() ? "" : " (" + type + ")");
  }

  /** One flight's checked bags: {@code UA988 FRA→IAD: 2 pieces, 53 LB}. */
  public static String bags(Messages t, Baggage b) {
    String weight =
        b.weight().isBlank() ? "" : ", " + b.weight().strip() + " " + b.weightUnit().strip();
    return t.get(
        "screening.bagLine",
        b.flight(),
        b.origin(),
        b.destination(),
        String.valueOf(b.count()),
        weight);
  }

  /** One flight's seat: {@code UA988 FRA→IAD: 22J (Y)}, or that none is assigned yet. */
  public static String seat(Messages t, Seat s) {
    String number =
        s.number().isBlank() || s.number().equals("XXX")
            ? t.get("screening.seatUnassigned")
            : s.number();
    return t.get(
        "screening.seatLine",
        s.flight(),
        s.origin(),
        s.destination(),
        number + (s.cabinClass().isBlank() ? "" : " (" + s.cabinClass() + ")"));
  }

  /**
   * The data-quality warning for a leg scheduled to land before it leaves; empty when its times are
   * plausible or cannot be checked.
   */
  public static String timeWarning(
      Messages t, String designator, String origin, String destination, Schedule schedule) {
    if (!(schedule.check() instanceof Schedule.TimeCheck.ArrivesBeforeDeparture a)) {
      return "";
    }
    long minutes = a.by().toMinutes();
    return t.get(
        "screening.dataQuality.arrivesBeforeDeparture",
        designator,
        origin,
        destination,
        local(a.departureLocal()),
        local(a.arrivalLocal()),
        t.get("screening.duration", String.valueOf(minutes / 60), String.valueOf(minutes % 60)));
  }
}
