package org.sekisho.passenger.pnr.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.edifact.DataElement;
import org.sekisho.passenger.edifact.EdifactMessage;
import org.sekisho.passenger.edifact.Interchange;
import org.sekisho.passenger.edifact.InterchangeHeader;
import org.sekisho.passenger.edifact.InterchangeParser;
import org.sekisho.passenger.edifact.Segment;
import org.sekisho.passenger.edifact.Warning;

/**
 * Maps PNRGOV EDIFACT (IATA PNRGOV 11.1 and later; older versions are read the same way, with a
 * warning) onto {@link PnrPush}: the pushed flight, and per record (SRC) the booking, passengers,
 * itinerary with code-shares, infants, seats, bags, SSR DOCS/DOCA/DOCO, contacts, forms of payment,
 * travel agency and booking history.
 *
 * <p>Lenient: an unknown or broken segment becomes a {@link Warning} with its position and the rest
 * is kept. Rejected only when the text holds no PNRGOV message or no record at all. Never throws.
 * Thread-safe.
 */
public final class PnrgovParser {
  private static final Set<String> IGNORED =
      Set.of("FAR", "PTK", "TXD", "EBD", "EQN", "MSG", "UNS", "CVR", "ERC", "TXT");
  private static final java.util.regex.Pattern SEAT_IN_TEXT =
      java.util.regex.Pattern.compile("\\G(\\d{1,3}[A-K])[NSWA]?\\s*");
  private final InterchangeParser envelope = new InterchangeParser();
  private final Clock clock;

  /**
   * @param clock gives the reference year for two-digit birth years when the interchange has no
   *     preparation date
   */
  public PnrgovParser(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Parses the text of one PNRGOV interchange. */
  public Outcome<PnrPush> parse(String text) {
    Outcome<Interchange> read = envelope.parse(text);
    if (!(read instanceof Outcome.Accepted<Interchange> accepted)) {
      org.sekisho.core.Problem p = read.problems().get(0);
      // the envelope's example header is a PAXLST one; this endpoint wants PNRGOV
      return Outcome.rejected(
          p.code().equals("no-message")
              ? org.sekisho.core.Problem.of(
                  p.code(),
                  p.field(),
                  p.message().replace("UNH+1+PAXLST:D:05B:UN:IATA'", "UNH+1+PNRGOV:11:1:IA'"))
              : p);
    }
    Interchange interchange = accepted.value();
    List<Warning> warnings = new ArrayList<>(interchange.warnings());
    int referenceYear = referenceYear(interchange.header(), clock);
    List<PnrMessage> messages = new ArrayList<>();
    for (EdifactMessage m : interchange.messages()) {
      if (!m.type().equals("PNRGOV")) {
        warnings.add(
            Warning.at(
                m.header(),
                "unexpected-message-type",
                "message '"
                    + m.reference()
                    + "' is "
                    + (m.type().isEmpty() ? "untyped" : m.type())
                    + ", not PNRGOV; skipped"));
        continue;
      }
      if (Dates.digits(m.version())
          && m.version().length() < 4
          && Integer.parseInt(m.version()) < 11) {
        warnings.add(
            Warning.at(
                m.header(),
                "old-version",
                "PNRGOV version "
                    + m.version()
                    + "."
                    + m.release()
                    + " is older than 11.1; read as 11.1"));
      }
      messages.add(new MessageReader(m, referenceYear, warnings).read());
    }
    if (messages.isEmpty()) {
      return Outcome.rejected(
          "not-pnrgov",
          "UNH",
          "no PNRGOV message in the interchange (UNH must name PNRGOV, e.g."
              + " UNH+1+PNRGOV:11:1:IA')");
    }
    boolean declaredEmpty =
        messages.stream().allMatch(m -> m.declaredCount() != null && m.declaredCount() == 0);
    if (messages.stream().allMatch(m -> m.pnrs().isEmpty()) && !declaredEmpty) {
      return Outcome.rejected(
          "no-pnr",
          "SRC",
          "the PNRGOV message holds no record: expected an SRC segment before each PNR");
    }
    warnings.sort(java.util.Comparator.comparingInt(w -> w.position().offset()));
    return Outcome.accepted(new PnrPush(interchange.header(), messages, warnings));
  }

  static int referenceYear(Optional<InterchangeHeader> header, Clock clock) {
    return header
        .map(h -> Dates.yymmdd(h.preparationDate(), false, 0))
        .map(LocalDate::getYear)
        .orElse(LocalDate.now(clock).getYear());
  }

  /** Where in a record the reader is: what a TIF, DAT or SSR refers to depends on it. */
  private enum Area {
    GENERAL,
    PASSENGER,
    ITINERARY,
    CHECK_IN,
    HISTORY
  }

  /** Reads one message; single use, not thread-safe. */
  private static final class MessageReader {
    private final EdifactMessage message;
    private final int referenceYear;
    private final List<Warning> warnings;
    private String function = "";
    private Originator sender;
    private Flight pushed;
    private Integer declared;
    private final List<PnrBuilder> pnrs = new ArrayList<>();

    MessageReader(EdifactMessage message, int referenceYear, List<Warning> warnings) {
      this.message = message;
      this.referenceYear = referenceYear;
      this.warnings = warnings;
    }

    PnrMessage read() {
      PnrBuilder pnr = null;
      for (Segment s : message.segments()) {
        if (s.tag().equals("SRC")) {
          pnr = new PnrBuilder(s, this);
          pnrs.add(pnr);
          continue;
        }
        if (pnr == null) {
          header(s);
        } else {
          pnr.accept(s);
        }
      }
      List<Pnr> records = new ArrayList<>();
      for (PnrBuilder b : pnrs) {
        Pnr built = b.build();
        Pnr same = null;
        for (Pnr r : records) {
          if (!built.recordLocator().isEmpty()
              && r.recordLocator().equals(built.recordLocator())
              && r.carrier().equals(built.carrier())) {
            same = r;
            break;
          }
        }
        if (same == null) {
          records.add(built);
        } else {
          // one push holds one version of a booking: two records with one locator are one
          // booking sent in parts, never a change from one to the other
          warnings.add(
              new Warning(
                  "duplicate-record-locator",
                  built.position(),
                  "SRC",
                  "record locator "
                      + built.recordLocator()
                      + " appears twice in this message (segments "
                      + same.position().segment()
                      + " and "
                      + built.position().segment()
                      + "); read as one booking with the passengers and data of both"));
          records.set(records.indexOf(same), same.mergedWith(built));
        }
      }
      if (declared != null && declared != pnrs.size()) {
        warnings.add(
            Warning.at(
                message.header(),
                "record-count",
                "EQN declares " + declared + " records, the message has " + pnrs.size()));
      }
      return new PnrMessage(
          message.reference(),
          message.version(),
          message.release(),
          function,
          sender,
          pushed,
          declared,
          records);
    }

    private void header(Segment s) {
      switch (s.tag()) {
        case "MSG" -> function = s.value(1, 1).isEmpty() ? s.value(1, 0) : s.value(1, 1);
        case "ORG" -> sender = originator(s);
        case "TVL" -> pushed = flight(s);
        case "EQN" -> {
          String n = s.value(1).strip();
          if (Dates.digits(n) && n.length() < 7) {
            declared = Integer.parseInt(n);
          } else {
            warn(s, "invalid-number", "EQN count '" + n + "' is not a number; ignored");
          }
        }
        default ->
            warn(
                s,
                "unexpected-segment",
                "segment "
                    + s.tag()
                    + " before the first SRC; expected MSG, ORG, TVL or EQN;"
                    + " ignored");
      }
    }

    void warn(Segment s, String code, String text) {
      warnings.add(Warning.at(s, code, text));
    }

    Originator originator(Segment s) {
      return new Originator(
          s.value(1, 0),
          s.value(1, 1),
          s.value(2, 0),
          s.value(2, 1),
          s.value(3, 0),
          join(s.element(4)),
          s.value(5, 0),
          s.value(6, 0),
          s.value(6, 1),
          s.value(7, 0));
    }

    /** A flight from TVL: dates, origin, destination, carriers, number and class. */
    Flight flight(Segment s) {
      DataElement when = s.element(1);
      LocalDate depDate = date(s, when.component(0), "departure date");
      LocalTime depTime = time(s, when.component(1), "departure time");
      String arrDateText = when.component(2);
      String arrTimeText = when.component(3);
      if (arrTimeText.isEmpty() && arrDateText.strip().length() == 4) {
        // some senders leave out the arrival date without keeping its place
        arrTimeText = arrDateText;
        arrDateText = "";
      }
      LocalDate arrDate = arrDateText.isEmpty() ? null : date(s, arrDateText, "arrival date");
      LocalTime arrTime = time(s, arrTimeText, "arrival time");
      boolean inferred = false;
      if (arrDate == null && arrDateText.isEmpty() && arrTime != null) {
        arrDate = depDate;
        inferred = depDate != null;
      }
      String marketing = s.value(4, 0).strip();
      String operating = s.value(4, 1).strip();
      return new Flight(
          marketing,
          s.value(5, 0).strip(),
          s.value(2, 0).strip(),
          s.value(3, 0).strip(),
          depDate,
          depTime,
          arrDate,
          arrTime,
          s.value(5, 1).strip(),
          operating.equals(marketing) ? "" : operating,
          "",
          "",
          "",
          inferred);
    }

    LocalDate date(Segment s, String text, String what) {
      if (text.isBlank()) {
        return null;
      }
      LocalDate d = Dates.ddmmyy(text);
      if (d == null) {
        warn(
            s, "invalid-date", what + " '" + text + "' is not a date of the form DDMMYY; left out");
      }
      return d;
    }

    LocalTime time(Segment s, String text, String what) {
      if (text.isBlank()) {
        return null;
      }
      LocalTime t = Dates.hhmm(text);
      if (t == null) {
        warn(s, "invalid-time", what + " '" + text + "' is not a time of the form HHMM; left out");
      }
      return t;
    }

    LocalDate ssrDate(Segment s, String text, boolean birth, String what) {
      if (text.isBlank()) {
        return null;
      }
      LocalDate d = Dates.ddmmmyy(text, birth, referenceYear);
      if (d == null) {
        warn(
            s,
            "invalid-date",
            what + " '" + text + "' is not a date of the form DDMMMYY; left out");
      }
      return d;
    }
  }

  /** Letters only: names wrapped across lines gain stray blanks. */
  static String letters(String s) {
    return s.replaceAll("[^\\p{L}]", "");
  }

  static String join(DataElement e) {
    return String.join(":", e.components().stream().filter(c -> !c.isBlank()).toList());
  }

  static String texts(Segment s, int fromElement) {
    List<String> parts = new ArrayList<>();
    for (int i = fromElement; i <= s.size(); i++) {
      String t = join(s.element(i)).strip();
      if (!t.isEmpty()) {
        parts.add(t);
      }
    }
    return String.join(" ", parts);
  }

  /** Collects one record (SRC to the next SRC). */
  private static final class PnrBuilder {
    private final MessageReader reader;
    private final Segment src;
    private final StringBuilder raw = new StringBuilder();
    private String locator = "";
    private String carrier = "";
    private LocalDateTime created;
    private LocalDateTime lastModified;
    private Originator booking;
    private final List<PassengerBuilder> passengers = new ArrayList<>();
    private final List<Flight> itinerary = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private final List<Phone> phones = new ArrayList<>();
    private final List<Email> emails = new ArrayList<>();
    private final List<FormOfPayment> payments = new ArrayList<>();
    private final List<SpecialService> services = new ArrayList<>();
    private final List<String> remarks = new ArrayList<>();
    private final List<HistoryBuilder> history = new ArrayList<>();
    private final List<String> historyLines = new ArrayList<>();
    private Area area = Area.GENERAL;
    private PassengerBuilder current;
    private PassengerBuilder checkIn;
    private Ticket lastTicket;
    private PassengerBuilder lastTicketHolder;
    private int lastPayment = -1;

    PnrBuilder(Segment src, MessageReader reader) {
      this.src = src;
      this.reader = reader;
      raw.append(src.raw());
    }

    void accept(Segment s) {
      raw.append(s.raw());
      if (area == Area.HISTORY && historySegment(s)) {
        return;
      }
      switch (s.tag()) {
        case "RCI" -> rci(s);
        case "DAT" -> dat(s);
        case "ORG" -> {
          if (area == Area.GENERAL && booking == null) {
            booking = reader.originator(s);
          }
        }
        case "ADD" -> add(s);
        case "IFT" -> ift(s);
        case "TIF" -> tif(s);
        case "FTI" -> {
          if (current != null) {
            current.frequentFlyers.add(
                new FrequentFlyer(s.value(1, 0), s.value(1, 1), s.value(1, 6)));
          }
        }
        case "REF" -> {
          if (current != null && current.uniqueId.isEmpty()) {
            current.uniqueId = s.value(1, 1).isEmpty() ? s.value(1, 0) : s.value(1, 1);
          }
        }
        case "SSR" -> ssr(s);
        case "TKT" -> tkt(s);
        case "MON" -> mon(s);
        case "FOP" -> fop(s);
        case "TVL" -> tvl(s);
        case "TRA" -> tra(s);
        case "RPI" -> {
          if (!itinerary.isEmpty()) {
            int last = itinerary.size() - 1;
            itinerary.set(last, itinerary.get(last).withStatus(s.value(2).strip()));
          }
        }
        case "APD" -> {
          if (!itinerary.isEmpty()) {
            int last = itinerary.size() - 1;
            itinerary.set(last, itinerary.get(last).withAircraft(s.value(1, 0).strip()));
          }
        }
        case "TRI" -> {
          area = Area.CHECK_IN;
          checkIn = null;
        }
        case "SSD" -> ssd(s);
        case "TBD" -> tbd(s);
        case "ABI" -> abi(s);
        case "LTS" -> historyLines.add(texts(s, 1));
        case "SRC" -> throw new IllegalStateException("SRC is handled by the message reader");
        default -> {
          if (!IGNORED.contains(s.tag())) {
            reader.warn(
                s,
                "unknown-segment",
                "segment " + s.tag() + " is not part of a PNRGOV record; ignored");
          }
        }
      }
    }

    private void rci(Segment s) {
      if (!locator.isEmpty()) {
        return;
      }
      DataElement e = s.element(1);
      carrier = e.component(0).strip();
      locator = e.component(1).strip();
      String date = e.component(3);
      String time = e.component(4);
      if (e.component(2).strip().length() == 6
          && Dates.digits(e.component(2).strip())
          && e.component(4).isEmpty()) {
        // control type left out without keeping its place: RCI+UA:7C789A:230818:1220
        date = e.component(2);
        time = e.component(3);
      }
      LocalDate d = reader.date(s, date, "booking date");
      LocalTime t = reader.time(s, time, "booking time");
      if (d != null) {
        created = d.atTime(t == null ? LocalTime.MIDNIGHT : t);
      }
    }

    private void dat(Segment s) {
      if (area == Area.GENERAL) {
        for (DataElement e : s.elements()) {
          if (e.component(0).equals("700")) {
            LocalDate d = reader.date(s, e.component(1), "last transaction date");
            LocalTime t = reader.time(s, e.component(2), "last transaction time");
            if (d != null) {
              lastModified = d.atTime(t == null ? LocalTime.MIDNIGHT : t);
            }
          }
        }
      } else if (area == Area.PASSENGER && lastTicket != null) {
        for (DataElement e : s.elements()) {
          if (e.component(0).equals("710")) {
            LocalDate d = reader.date(s, e.component(1), "ticket issue date");
            replaceTicket(
                new Ticket(
                    lastTicket.number(),
                    lastTicket.type(),
                    lastTicket.baseFare(),
                    lastTicket.total(),
                    lastTicket.currency(),
                    d));
          }
        }
      }
    }

    private void add(Segment s) {
      DataElement e = s.element(2);
      Address a =
          new Address(
              e.component(0).strip(),
              e.component(1).strip(),
              e.component(2).strip(),
              e.component(3).strip(),
              e.component(5).strip(),
              e.component(6).strip(),
              e.component(7).strip());
      if (area == Area.PASSENGER
          && lastPayment >= 0
          && payments.get(lastPayment).billingAddress().isEmpty()) {
        FormOfPayment p = payments.get(lastPayment);
        payments.set(
            lastPayment,
            p.withBilling(
                p.holderName(),
                String.join(" ", List.of(a.street(), a.city(), a.country(), a.postcode())).strip(),
                p.billingPhone()));
        return;
      }
      addresses.add(a);
      if (!a.telephone().isEmpty()) {
        Contacts.phoneIn(a.telephone()).ifPresent(ph -> phones.add(ph.of(contactOwner())));
      }
    }

    private void ift(Segment s) {
      String type = s.value(1, 1);
      if (type.equals("43") && lastPayment >= 0) {
        FormOfPayment p = payments.get(lastPayment);
        payments.set(
            lastPayment, p.withBilling(join(s.element(2)), join(s.element(3)), join(s.element(4))));
        return;
      }
      String text = texts(s, 2);
      if (text.isEmpty()) {
        return;
      }
      Optional<Contacts.Found> contact = Contacts.fromCtc(text);
      if (contact.isPresent()) {
        String owner = contactOwner();
        contact.get().phone().ifPresent(ph -> phones.add(ph.of(owner)));
        contact.get().email().ifPresent(em -> emails.add(em.of(owner)));
      } else {
        remarks.add(text);
      }
    }

    /**
     * Whose a contact (ADD telephone, OSI CTC) is: the passenger whose part of the record it comes
     * in (after their TIF), by reference; empty for the booking's own part, before any passenger.
     */
    private String contactOwner() {
      return area == Area.PASSENGER && current != null ? current.reference : "";
    }

    private void tif(Segment s) {
      String surname = s.value(1, 0).strip();
      String given = s.value(2, 0).strip();
      String type = s.value(2, 1).strip();
      String ref = s.value(2, 2).strip();
      if (surname.isEmpty() || given.isEmpty()) {
        // kept (the booking is real) but it cannot be screened by name: say so
        reader.warn(
            s,
            "missing-name",
            "passenger "
                + (ref.isEmpty() ? "" : ref + " ")
                + "has no "
                + (surname.isEmpty() && given.isEmpty()
                    ? "surname or given name"
                    : surname.isEmpty() ? "surname" : "given name")
                + " (TIF expects TIF+SURNAME+GIVEN:TYPE:REF); kept, but watchlists cannot"
                + " match it by name");
      }
      if (area == Area.ITINERARY || area == Area.CHECK_IN) {
        PassengerBuilder found = find(ref, surname, given);
        if (found == null) {
          reader.warn(
              s,
              "unknown-passenger",
              "passenger "
                  + surname
                  + "/"
                  + given
                  + " in the flight data is not in the name"
                  + " list; added");
          found = new PassengerBuilder(surname, given, type, ref, s.value(2, 3).strip());
          passengers.add(found);
        }
        checkIn = found;
        return;
      }
      current = new PassengerBuilder(surname, given, type, ref, s.value(2, 3).strip());
      passengers.add(current);
      area = Area.PASSENGER;
    }

    private PassengerBuilder find(String ref, String surname, String given) {
      if (!ref.isEmpty()) {
        for (PassengerBuilder p : passengers) {
          if (p.reference.equals(ref)) {
            return p;
          }
        }
      }
      for (PassengerBuilder p : passengers) {
        if (p.surname.equals(surname) && p.given.equals(given)) {
          return p;
        }
      }
      return null;
    }

    /** The passenger an SSR or seat concerns: by reference, else the one in hand. */
    private PassengerBuilder passengerFor(String ref) {
      if (!ref.isEmpty()) {
        PassengerBuilder p = find(ref, "\u0000", "\u0000");
        if (p != null) {
          return p;
        }
      }
      if (area == Area.PASSENGER && current != null) {
        return current;
      }
      if (area == Area.CHECK_IN && checkIn != null) {
        return checkIn;
      }
      return passengers.size() == 1 ? passengers.get(0) : null;
    }

    private void ssr(Segment s) {
      DataElement e = s.element(1);
      String code = e.component(0).strip();
      String ref = s.value(2, 2).strip();
      String text = e.component(8).strip();
      SpecialService service =
          new SpecialService(
              code,
              e.component(1).strip(),
              e.component(3).strip(),
              e.component(6).strip(),
              e.component(7).strip(),
              text,
              ref);
      PassengerBuilder p = passengerFor(ref);
      switch (code) {
        case "DOCS" -> {
          if (p == null) {
            reader.warn(
                s,
                "unassigned-document",
                "SSR DOCS names no passenger of the record; kept with the record");
            services.add(service);
          } else {
            TravelDocument d = docs(s, text);
            if (!p.documents.contains(d)) {
              p.documents.add(d);
            }
          }
        }
        case "DOCA" -> {
          if (p == null) {
            services.add(service);
          } else {
            List<String> f = fields(text);
            TravellerAddress a =
                new TravellerAddress(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5));
            if (!p.addresses.contains(a)) {
              p.addresses.add(a);
            }
          }
        }
        case "DOCO" -> {
          if (p == null) {
            services.add(service);
          } else {
            List<String> f = fields(text);
            OtherDocument o =
                new OtherDocument(
                    f.get(0),
                    f.get(1),
                    f.get(2),
                    f.get(3),
                    reader.ssrDate(s, f.get(4), false, "DOCO date of issue"),
                    f.get(5),
                    f.get(6).equals("I"));
            if (!p.otherDocuments.contains(o)) {
              p.otherDocuments.add(o);
            }
          }
        }
        case "INFT" -> {
          if (p == null) {
            services.add(service);
          } else {
            List<String> f = fields(text.startsWith("/") ? text : "/" + text);
            Infant inf =
                new Infant(
                    f.get(0), f.get(1), reader.ssrDate(s, f.get(2), true, "infant date of birth"));
            if (!p.infants.contains(inf)) {
              p.infants.add(inf);
            }
          }
        }
        case "SEAT" -> seatRequest(s, service);
        case "CTCE", "CTCM" -> {
          // the passenger's own e-mail or mobile (IATA Resolution 830d), filed with the contacts
          Optional<Contacts.Found> contact = Contacts.fromContactSsr(code, text);
          if (contact.isEmpty()) {
            (p == null ? services : p.services).add(service);
          } else {
            String owner = p == null ? "" : p.reference;
            contact.get().phone().ifPresent(ph -> phones.add(ph.of(owner)));
            contact.get().email().ifPresent(em -> emails.add(em.of(owner)));
          }
        }
        default -> {
          if (p == null) {
            services.add(service);
          } else {
            p.services.add(service);
          }
        }
      }
    }

    private TravelDocument docs(Segment s, String text) {
      List<String> f = fields(text);
      return new TravelDocument(
          f.get(0),
          f.get(2),
          f.get(1),
          f.get(3),
          reader.ssrDate(s, f.get(4), true, "DOCS date of birth"),
          f.get(5),
          reader.ssrDate(s, f.get(6), false, "DOCS expiry date"),
          f.get(7),
          f.get(8),
          f.get(9),
          null);
    }

    /** Slash-separated SSR free text; a leading slash is optional. Always 12 fields or more. */
    private static List<String> fields(String text) {
      String t = text.startsWith("/") ? text.substring(1) : text;
      List<String> f = new ArrayList<>();
      for (String part : t.split("/", -1)) {
        f.add(part.strip());
      }
      while (f.size() < 12) {
        f.add("");
      }
      return f;
    }

    private void seatRequest(Segment s, SpecialService service) {
      int flight = flightFor(service.boardPoint(), service.offPoint());
      boolean any = false;
      for (int i = 2; i <= s.size(); i++) {
        DataElement e = s.element(i);
        String seat = e.component(0).strip();
        if (seat.isEmpty()) {
          continue;
        }
        any = true;
        PassengerBuilder p = passengerFor(e.component(2).strip());
        if (p == null || flight < 0) {
          reader.warn(
              s,
              "unassigned-seat",
              "seat " + seat + " names no passenger or flight of the record; ignored");
          continue;
        }
        p.seat(flight, seat, "", false);
      }
      if (!any && !seatsInText(s, service, flight)) {
        services.add(service);
      }
    }

    /**
     * Seats given in the SSR SEAT free text instead of in their own elements: {@code 22C} for one
     * passenger, or {@code .03BN03AN} (row, letter, optional smoking indicator) for the passengers
     * in their order in the record.
     */
    private boolean seatsInText(Segment s, SpecialService service, int flight) {
      String text = service.text().replaceFirst("^[./]", "").strip();
      if (!text.matches("(\\d{1,3}[A-K][NSWA]?\\s*)+")) {
        return false;
      }
      java.util.regex.Matcher m = SEAT_IN_TEXT.matcher(text);
      List<String> seats = new ArrayList<>();
      while (m.find()) {
        seats.add(m.group(1));
      }
      if (seats.isEmpty() || flight < 0) {
        return false;
      }
      PassengerBuilder p =
          service.passengerReference().isEmpty()
              ? null
              : passengerFor(service.passengerReference());
      if (seats.size() == 1 && p == null) {
        p = passengerFor("");
      }
      if (p != null && seats.size() == 1) {
        p.seat(flight, seats.get(0), "", false);
        return true;
      }
      List<PassengerBuilder> seated = passengers.stream().filter(x -> !x.isInfant()).toList();
      if (seats.size() != seated.size()) {
        reader.warn(
            s,
            "unassigned-seat",
            "SSR SEAT text '"
                + service.text()
                + "' gives "
                + seats.size()
                + " seats for "
                + seated.size()
                + " passengers; kept as a request");
        return false;
      }
      for (int k = 0; k < seats.size(); k++) {
        seated.get(k).seat(flight, seats.get(k), "", false);
      }
      return true;
    }

    private int flightFor(String board, String off) {
      if (!board.isEmpty()) {
        for (int i = 0; i < itinerary.size(); i++) {
          Flight f = itinerary.get(i);
          if (f.origin().equals(board) && (off.isEmpty() || f.destination().equals(off))) {
            return i;
          }
        }
      }
      return itinerary.size() - 1;
    }

    private void ssd(Segment s) {
      PassengerBuilder p = checkIn != null ? checkIn : passengerFor("");
      if (p == null || itinerary.isEmpty()) {
        reader.warn(
            s, "unassigned-seat", "SSD names no passenger or flight of the record; ignored");
        return;
      }
      p.seat(itinerary.size() - 1, s.value(1, 0).strip(), s.value(5, 0).strip(), true);
    }

    private void tbd(Segment s) {
      PassengerBuilder p = checkIn != null ? checkIn : passengerFor("");
      if (p == null || itinerary.isEmpty()) {
        reader.warn(
            s, "unassigned-bags", "TBD names no passenger or flight of the record; ignored");
        return;
      }
      Flight f = itinerary.get(itinerary.size() - 1);
      DataElement q = s.element(2);
      List<BagTag> tags = new ArrayList<>();
      for (int i = 5; i <= s.size(); i++) {
        DataElement t = s.element(i);
        if (t.isEmpty()) {
          continue;
        }
        String consecutive = t.component(2).strip();
        int run =
            Dates.digits(consecutive) && consecutive.length() < 5
                ? Integer.parseInt(consecutive)
                : 1;
        tags.add(
            new BagTag(
                t.component(0).strip(),
                t.component(1).strip(),
                Math.max(1, run),
                t.component(3).strip()));
      }
      String quantity = q.component(0).strip();
      int count;
      if (Dates.digits(quantity) && quantity.length() < 5) {
        count = Integer.parseInt(quantity);
      } else {
        if (!quantity.isEmpty()) {
          reader.warn(
              s,
              "invalid-number",
              "bag count '" + quantity + "' is not a number; counted the tags");
        }
        count = tags.stream().mapToInt(BagTag::consecutive).sum();
      }
      String unit =
          switch (q.component(2).strip()) {
            case "700" -> "KG";
            case "701" -> "LB";
            default -> q.component(2).strip();
          };
      Flight pushed = reader.pushed;
      p.bags.add(
          new Baggage(
              f.designator(),
              f.origin(),
              f.destination(),
              count,
              q.component(1).strip(),
              unit,
              tags,
              s.value(4).strip().equals("MP"),
              pushed != null && f.sameFlightAs(pushed)));
    }

    private void tkt(Segment s) {
      if (current == null) {
        reader.warn(s, "unassigned-ticket", "TKT before any passenger; ignored");
        return;
      }
      lastTicket = new Ticket(s.value(1, 0).strip(), s.value(1, 1).strip(), "", "", "", null);
      lastTicketHolder = current;
      current.tickets.add(lastTicket);
    }

    private void mon(Segment s) {
      if (lastTicket == null) {
        return;
      }
      String base = lastTicket.baseFare();
      String total = lastTicket.total();
      String currency = lastTicket.currency();
      for (DataElement e : s.elements()) {
        switch (e.component(0).strip()) {
          case "B" -> base = e.component(1).strip();
          case "T" -> total = e.component(1).strip();
          default -> {}
        }
        if (!e.component(2).isBlank()) {
          currency = e.component(2).strip();
        }
      }
      replaceTicket(
          new Ticket(
              lastTicket.number(), lastTicket.type(), base, total, currency, lastTicket.issued()));
    }

    private void replaceTicket(Ticket t) {
      List<Ticket> list = lastTicketHolder.tickets;
      list.set(list.size() - 1, t);
      lastTicket = t;
    }

    private void fop(Segment s) {
      String ref = area == Area.PASSENGER && current != null ? current.reference : "";
      for (DataElement e : s.elements()) {
        if (e.isEmpty()) {
          continue;
        }
        payments.add(
            new FormOfPayment(
                e.component(0).strip(),
                e.component(2).strip(),
                e.component(3).strip(),
                e.component(4).strip(),
                e.component(5).strip(),
                "",
                "",
                "",
                ref));
        lastPayment = payments.size() - 1;
      }
    }

    private void tvl(Segment s) {
      boolean onlyNumber =
          s.element(1).isEmpty()
              && s.element(2).isEmpty()
              && s.element(3).isEmpty()
              && s.element(4).isEmpty()
              && !s.value(5, 0).isBlank();
      if (onlyNumber) {
        if (itinerary.isEmpty()) {
          reader.warn(
              s, "orphan-operating-flight", "operating flight number before any flight; ignored");
          return;
        }
        int last = itinerary.size() - 1;
        Flight f = itinerary.get(last);
        itinerary.set(last, f.withOperating("", s.value(5, 0).strip(), s.value(5, 1).strip()));
        return;
      }
      itinerary.add(reader.flight(s));
      area = Area.ITINERARY;
      checkIn = null;
      lastPayment = -1;
    }

    private void tra(Segment s) {
      if (itinerary.isEmpty()) {
        reader.warn(s, "orphan-operating-flight", "TRA before any flight; ignored");
        return;
      }
      int last = itinerary.size() - 1;
      itinerary.set(
          last,
          itinerary
              .get(last)
              .withOperating(s.value(1, 0).strip(), s.value(2, 0).strip(), s.value(2, 1).strip()));
    }

    private void abi(Segment s) {
      area = Area.HISTORY;
      history.add(new HistoryBuilder(texts(s, 1)));
    }

    /** History: returns true when the segment belongs to the current history entry. */
    private boolean historySegment(Segment s) {
      HistoryBuilder h = history.get(history.size() - 1);
      switch (s.tag()) {
        case "ABI" -> {
          return false;
        }
        case "DAT" -> {
          DataElement e = s.element(1);
          LocalDate d = reader.date(s, e.component(1), "history date");
          LocalTime t = reader.time(s, e.component(2), "history time");
          if (d != null) {
            h.at = d.atTime(t == null ? LocalTime.MIDNIGHT : t);
          }
          return true;
        }
        case "SAC" -> {
          h.actions.add(new ActionBuilder(s.value(3).strip()));
          return true;
        }
        case "TVL" -> {
          Flight f = reader.flight(s);
          h.detail(
              "flight "
                  + f.designator()
                  + (f.bookingClass().isEmpty() ? "" : " class " + f.bookingClass())
                  + " "
                  + f.origin()
                  + "-"
                  + f.destination()
                  + (f.departureDate() == null ? "" : " " + f.departureDate()));
          return true;
        }
        case "IFT",
            "RPI",
            "SSR",
            "TIF",
            "FOP",
            "ADD",
            "TKT",
            "ORG",
            "FTI",
            "REF",
            "EBD",
            "FAR",
            "TRA",
            "APD",
            "MON",
            "PTK",
            "TXD",
            "RCI" -> {
          h.detail(s.tag() + " " + texts(s, 1));
          return true;
        }
        default -> {
          return false;
        }
      }
    }

    Pnr build() {
      if (locator.isEmpty()) {
        reader.warn(src, "missing-locator", "record has no RCI record locator");
      }
      moveInfantDocuments();
      List<Passenger> built = new ArrayList<>();
      for (PassengerBuilder p : passengers) {
        built.add(p.build(itinerary));
      }
      List<HistoryEntry> entries = new ArrayList<>();
      for (HistoryBuilder h : history) {
        entries.add(h.build());
      }
      return new Pnr(
          locator,
          carrier,
          created,
          lastModified,
          booking,
          built,
          itinerary,
          addresses,
          phones,
          emails,
          payments,
          services,
          remarks,
          entries,
          historyLines,
          src.position(),
          raw.toString());
    }

    /** An infant's DOCS is often filed under the adult: give it to the infant's own record. */
    private void moveInfantDocuments() {
      for (PassengerBuilder adult : passengers) {
        for (TravelDocument d : List.copyOf(adult.documents)) {
          if (!d.marksInfant() || adult.isInfant()) {
            continue;
          }
          for (PassengerBuilder other : passengers) {
            if (other != adult
                && other.isInfant()
                && letters(other.surname).equals(letters(d.surname()))
                && letters(other.given).startsWith(letters(d.givenName()))) {
              adult.documents.remove(d);
              if (!other.documents.contains(d)) {
                other.documents.add(d);
              }
              adult.withInfant = true;
              break;
            }
          }
        }
      }
    }
  }

  /** Collects one passenger. */
  private static final class PassengerBuilder {
    final String surname;
    final String given;
    final String type;
    final String reference;
    String uniqueId = "";
    boolean withInfant;
    final List<TravelDocument> documents = new ArrayList<>();
    final List<TravellerAddress> addresses = new ArrayList<>();
    final List<OtherDocument> otherDocuments = new ArrayList<>();
    final Map<Integer, String[]> seats = new LinkedHashMap<>();
    final List<Baggage> bags = new ArrayList<>();
    final List<Ticket> tickets = new ArrayList<>();
    final List<FrequentFlyer> frequentFlyers = new ArrayList<>();
    final List<Infant> infants = new ArrayList<>();
    final List<SpecialService> services = new ArrayList<>();

    PassengerBuilder(
        String surname, String given, String type, String reference, String infantIndicator) {
      this.surname = surname;
      this.given = given;
      this.type = type;
      this.reference = reference;
      this.withInfant = infantIndicator.equals("1");
    }

    boolean isInfant() {
      return type.equals("IN") || type.equals("INF");
    }

    /** One seat per flight: check-in data (SSD) wins over the request (SSR SEAT). */
    void seat(int flight, String number, String cabin, boolean checkedIn) {
      String[] known = seats.get(flight);
      if (known == null || checkedIn) {
        String keepCabin = known != null && cabin.isEmpty() ? known[1] : cabin;
        String keepNumber = number.isEmpty() && known != null ? known[0] : number;
        seats.put(flight, new String[] {keepNumber, keepCabin});
      }
    }

    Passenger build(List<Flight> itinerary) {
      List<Seat> built = new ArrayList<>();
      seats.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> {
                Flight f = itinerary.get(e.getKey());
                built.add(
                    new Seat(
                        f.designator(),
                        f.origin(),
                        f.destination(),
                        e.getValue()[0],
                        e.getValue()[1]));
              });
      boolean infant =
          isInfant()
              || (!documents.isEmpty() && documents.stream().allMatch(TravelDocument::marksInfant));
      return new Passenger(
          surname,
          given,
          type,
          reference,
          uniqueId,
          infant,
          withInfant || !infants.isEmpty(),
          documents,
          addresses,
          otherDocuments,
          built,
          bags,
          tickets,
          frequentFlyers,
          infants,
          services);
    }
  }

  private static final class HistoryBuilder {
    final String originator;
    LocalDateTime at;
    final List<ActionBuilder> actions = new ArrayList<>();

    HistoryBuilder(String originator) {
      this.originator = originator;
    }

    void detail(String text) {
      if (actions.isEmpty()) {
        actions.add(new ActionBuilder(""));
      }
      actions.get(actions.size() - 1).details.add(text.strip());
    }

    HistoryEntry build() {
      return new HistoryEntry(
          originator,
          at,
          actions.stream().map(a -> new HistoryEntry.Action(a.code, a.details)).toList());
    }
  }

  private static final class ActionBuilder {
    final String code;
    final List<String> details = new ArrayList<>();

    ActionBuilder(String code) {
      this.code = code;
    }
  }
}
