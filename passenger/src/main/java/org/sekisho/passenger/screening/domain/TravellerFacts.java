package org.sekisho.passenger.screening.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sekisho.passenger.pnr.domain.ApiMessage;
import org.sekisho.passenger.pnr.domain.Baggage;
import org.sekisho.passenger.pnr.domain.BookingChange;
import org.sekisho.passenger.pnr.domain.Flight;
import org.sekisho.passenger.pnr.domain.FormOfPayment;
import org.sekisho.passenger.pnr.domain.Passenger;
import org.sekisho.passenger.pnr.domain.Phone;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrMessage;
import org.sekisho.passenger.pnr.domain.Seat;
import org.sekisho.passenger.pnr.domain.TravelDocument;
import org.sekisho.passenger.pnr.domain.Traveller;
import org.sekisho.targeting.criteria.domain.Normal;

/** Reads {@link PassengerFacts} out of parsed PNRGOV and PAXLST messages. Pure functions. */
public final class TravellerFacts {
  private static final List<String> TITLES =
      List.of("MSTR", "MISS", "MRS", "CHD", "INF", "MR", "MS", "DR");

  private TravellerFacts() {}

  /** The flight a PNR was pushed for (its first leg when the message names none), or null. */
  public static FlightRef flightOf(PnrMessage message, Pnr pnr, LocalDate received) {
    Flight pushed = legOf(message, pnr);
    return pushed == null ? null : FlightRef.of(pushed, received);
  }

  /**
   * The leg a PNR was pushed for as the message gives it (its first leg when the message names
   * none), or null: the message's own flight, completed from the booking's matching leg when the
   * message leaves out its date or times.
   */
  public static Flight legOf(PnrMessage message, Pnr pnr) {
    Flight pushed = message.flight();
    if (pushed == null) {
      return pnr.itinerary().isEmpty() ? null : pnr.itinerary().get(0);
    }
    if (pushed.departureDate() == null || pushed.departure() == null || pushed.arrival() == null) {
      for (Flight leg : pnr.itinerary()) {
        if (leg.sameFlightAs(pushed)
            && leg.departureDate() != null
            && (pushed.departureDate() == null || leg.departure() != null)) {
          return leg;
        }
      }
    }
    return pushed;
  }

  /** The flight of an API list (its first leg), or null when it names none. */
  public static FlightRef flightOf(ApiMessage message, LocalDate received) {
    return message.flights().isEmpty() ? null : FlightRef.of(message.flights().get(0), received);
  }

  /** The schedule of an API list's first leg ({@link Schedule#UNKNOWN} when it names none). */
  public static Schedule scheduleOf(ApiMessage message) {
    return message.flights().isEmpty() ? Schedule.UNKNOWN : Schedule.of(message.flights().get(0));
  }

  /** The passengers of one booking version on {@code flight}. */
  public static List<PassengerFacts> of(
      FlightRef flight, Pnr pnr, int version, List<BookingChange> changes) {
    String booking = pnr.carrier() + "/" + pnr.recordLocator();
    List<String> route = route(pnr.itinerary());
    String origin = pnr.origin();
    String destination = pnr.destination();
    boolean oneWay =
        !pnr.itinerary().isEmpty()
            && pnr.itinerary().stream().noneMatch(f -> f.destination().equals(origin));
    double daysBefore =
        pnr.created() == null
            ? Double.NaN
            : ChronoUnit.DAYS.between(pnr.created().toLocalDate(), flight.departureDate());
    Flight leg =
        pnr.itinerary().stream()
            .filter(f -> f.origin().equals(flight.origin()))
            .findFirst()
            .orElse(null);
    Set<String> changed = new LinkedHashSet<>();
    for (BookingChange c : changes) {
      changed.add(c.kind().name().toLowerCase(Locale.ROOT));
    }
    String agency =
        pnr.booking() == null
            ? ""
            : !pnr.booking().agencyNumber().isBlank()
                ? pnr.booking().agencyNumber().strip()
                : "T".equals(pnr.booking().originatorType()) ? pnr.booking().officeId() : "";
    List<String> phones = new ArrayList<>();
    for (Phone ph : pnr.phones()) {
      String key = phoneKey(ph);
      if (!key.isEmpty() && !phones.contains(key) && phones.size() < 4) {
        phones.add(key);
      }
    }
    List<String> keys = keys(booking, pnr.passengers());
    List<PassengerFacts> out = new ArrayList<>();
    for (int i = 0; i < pnr.passengers().size(); i++) {
      Passenger p = pnr.passengers().get(i);
      TravelDocument doc = document(p.documents());
      List<String> payments = new ArrayList<>();
      List<String> bins = new ArrayList<>();
      for (FormOfPayment f : pnr.payments()) {
        if (f.passengerReference().isEmpty()
            || f.passengerReference().equals(p.referenceNumber())) {
          payments.add(f.type().strip().toUpperCase(Locale.ROOT));
          String bin = cardBin(f.account());
          if (!bin.isEmpty() && !bins.contains(bin)) {
            bins.add(bin);
          }
        }
      }
      List<String> companions = new ArrayList<>(keys);
      companions.remove(keys.get(i));
      out.add(
          new PassengerFacts(
              keys.get(i),
              "PNR",
              booking,
              version,
              p.surname().strip(),
              given(p.givenName()),
              doc == null ? null : doc.dateOfBirth(),
              doc == null ? "" : Places.country(doc.nationality()),
              doc == null ? "" : doc.number().strip(),
              doc == null ? "" : Places.country(doc.issuingCountry()),
              doc == null ? "" : doc.gender(),
              flight.departureDate(),
              daysBefore,
              payments,
              oneWay,
              route,
              origin,
              destination,
              p.bagCount(),
              weightKg(p.bags()),
              pnr.passengers().size() == 1,
              changed,
              agency,
              seat(p.seats(), flight),
              leg == null ? "" : leg.bookingClass(),
              companions,
              phones,
              bins,
              changed.contains("name") ? previousName(p, changes) : ""));
    }
    return out;
  }

  /**
   * The name a passenger had in the booking's previous version, as a person would write it, told
   * from the changes alone: when one name went and one came and the one that came is this
   * passenger's. Empty when the changes cannot say whose name went (the screening then asks the
   * traveller's previous facts, kept by the passenger's reference).
   */
  static String previousName(Passenger p, List<BookingChange> changes) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (BookingChange c : changes) {
      if (c.kind() == BookingChange.Kind.NAME) {
        (c.added() ? added : removed).add(c.value());
      }
    }
    if (added.size() != 1
        || removed.size() != 1
        || !added.get(0).equals(p.surname() + "/" + p.givenName())) {
      return "";
    }
    String old = removed.get(0);
    int slash = old.indexOf('/');
    String surname = slash < 0 ? old : old.substring(0, slash);
    String givenName = slash < 0 ? "" : given(old.substring(slash + 1));
    return (givenName.isBlank() ? "" : givenName.strip() + " ") + surname.strip();
  }

  /**
   * One key per passenger of a booking: {@code CARRIER/LOCATOR/REF} by the passenger's reference
   * number in the PNR (TIF), which the carrier keeps when it corrects a name, so a hit and its
   * disposition stay with the person from version to version. A passenger without a reference, or
   * with one another passenger of the record also carries, gets {@code #N} by its place in the
   * record. Never a name: keys go into the audit log and URLs.
   */
  static List<String> keys(String booking, List<Passenger> passengers) {
    return passengerKeys(booking, passengers.stream().map(Passenger::referenceNumber).toList());
  }

  /**
   * The traveller keys of a booking's passengers given their reference numbers in record order, as
   * {@link #keys(String, List)} makes them: so that a stored record's passenger can be found again
   * by the key of the traveller it became.
   */
  public static List<String> passengerKeys(String booking, List<String> references) {
    Map<String, Integer> refs = new HashMap<>();
    for (String r : references) {
      refs.merge(r.strip(), 1, Integer::sum);
    }
    List<String> keys = new ArrayList<>(references.size());
    for (int i = 0; i < references.size(); i++) {
      String ref = references.get(i).strip();
      boolean unique = !ref.isEmpty() && refs.get(ref) == 1 && ref.matches("[A-Za-z0-9.]{1,8}");
      keys.add(booking + "/" + (unique ? ref : "#" + (i + 1)));
    }
    return keys;
  }

  /**
   * The BIN of a card number as the carrier sends it: its leading digits, up to 8, when at least 6
   * come before the masking ({@code 370266XXXXX0074} → {@code 370266}); empty otherwise. Only the
   * BIN is kept, never the whole number.
   */
  static String cardBin(String account) {
    if (account == null) {
      return "";
    }
    String a = account.strip().replace(" ", "").replace("-", "");
    int n = 0;
    while (n < a.length() && n < 8 && a.charAt(n) >= '0' && a.charAt(n) <= '9') {
      n++;
    }
    return n >= 6 ? a.substring(0, n) : "";
  }

  /** The travellers of an API list, keyed by {@code keys}. */
  public static List<PassengerFacts> of(
      FlightRef flight, ApiMessage message, ApiTravellerKeys keys) {
    List<String> route = route(message.flights());
    List<PassengerFacts> out = new ArrayList<>();
    for (Traveller t : message.travellers()) {
      TravelDocument doc = document(t.documents());
      String given = (t.givenName() + " " + t.middleName()).strip();
      String key =
          keys.key(
              t.surname(),
              given,
              t.dateOfBirth(),
              doc == null ? "" : doc.number(),
              Places.country(t.nationality()));
      double kg = number(t.bagWeight());
      if (t.bagWeightUnit().toUpperCase(Locale.ROOT).startsWith("LB")) {
        kg *= 0.45359237;
      }
      out.add(
          new PassengerFacts(
              key,
              "API",
              t.bookingReference().isBlank() ? "" : flight.carrier() + "/" + t.bookingReference(),
              0,
              t.surname().strip(),
              given,
              t.dateOfBirth(),
              Places.country(t.nationality()),
              doc == null ? "" : doc.number().strip(),
              doc == null ? "" : Places.country(doc.issuingCountry()),
              t.gender(),
              flight.departureDate(),
              Double.NaN,
              List.of(),
              false,
              route,
              t.embarkation().isBlank() ? flight.origin() : t.embarkation(),
              t.debarkation().isBlank() ? flight.destination() : t.debarkation(),
              t.bagCount() == null ? 0 : t.bagCount(),
              kg,
              false,
              Set.of(),
              "",
              t.seat(),
              "",
              List.of()));
    }
    return out;
  }

  /**
   * Whether two API travellers are the same passenger, so that a later list for the flight replaces
   * what an earlier one said about them: the same document (number and nationality, a nationality
   * one side lacks being no difference) when both carry a document number; otherwise the same name
   * and date of birth, a date of birth one side lacks (unreadable in a first list) being no
   * difference. Two documents that differ are two people even under one name (namesakes).
   */
  public static boolean sameApiPassenger(PassengerFacts a, PassengerFacts b) {
    String docA = up(a.documentNumber());
    String docB = up(b.documentNumber());
    if (!docA.isEmpty() && !docB.isEmpty()) {
      return docA.equals(docB) && !differ(a.nationality(), b.nationality());
    }
    boolean sameName =
        letters(a.surname()).equals(letters(b.surname()))
            && letters(a.givenName()).equals(letters(b.givenName()));
    return sameName
        && (a.dateOfBirth() == null
            || b.dateOfBirth() == null
            || a.dateOfBirth().equals(b.dateOfBirth()));
  }

  private static boolean differ(String a, String b) {
    return !a.isBlank() && !b.isBlank() && !a.strip().equalsIgnoreCase(b.strip());
  }

  private static String letters(String s) {
    return up(s)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /** Given names without the title a PNR glues to their end ({@code KEVINMR} → {@code KEVIN}). */
  static String given(String raw) {
    String g = up(raw);
    for (String t : TITLES) {
      if (g.endsWith(" " + t)) {
        return g.substring(0, g.length() - t.length()).strip();
      }
      if (g.endsWith(t) && g.length() - t.length() >= 2) {
        return g.substring(0, g.length() - t.length()).strip();
      }
    }
    return g;
  }

  private static String up(String s) {
    return s == null ? "" : s.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static List<String> route(List<Flight> legs) {
    List<String> out = new ArrayList<>();
    for (Flight f : legs) {
      if (out.isEmpty() || !out.get(out.size() - 1).equals(f.origin())) {
        out.add(f.origin());
      }
      out.add(f.destination());
    }
    return out;
  }

  private static TravelDocument document(List<TravelDocument> docs) {
    for (TravelDocument d : docs) {
      if (d.type().equals("P") && !d.number().isBlank()) {
        return d;
      }
    }
    return docs.isEmpty() ? null : docs.get(0);
  }

  private static String seat(List<Seat> seats, FlightRef flight) {
    for (Seat s : seats) {
      if (s.origin().equals(flight.origin()) && !s.number().equals("XXX")) {
        return s.number();
      }
    }
    return seats.isEmpty() || seats.get(0).number().equals("XXX") ? "" : seats.get(0).number();
  }

  private static double weightKg(List<Baggage> bags) {
    double kg = 0;
    boolean any = false;
    for (Baggage b : bags) {
      double w = number(b.weight());
      if (!Double.isNaN(w)) {
        any = true;
        String unit = b.weightUnit().toUpperCase(Locale.ROOT);
        kg += unit.equals("LB") || unit.equals("701") ? w * 0.45359237 : w;
      }
    }
    return any ? kg : Double.NaN;
  }

  private static double number(String s) {
    if (s == null || s.isBlank()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * A contact's phone as lists of phones hold it: its national significant number ({@link
   * Normal#phone}); a {@code +} written before the digits says they start with the country code,
   * and digits that read as a valid international number are taken as one (airline contacts often
   * leave the {@code +} out).
   */
  public static String phoneKey(Phone ph) {
    String digits = ph.number() == null ? "" : ph.number().strip();
    String written = ph.text() == null ? "" : ph.text().replaceAll("[\\s\\-./()]", "");
    return written.contains("+" + digits)
        ? Normal.phone("+" + digits)
        : Normal.phoneMaybeInternational(digits);
  }
}
