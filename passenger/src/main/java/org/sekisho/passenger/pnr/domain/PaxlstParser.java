package org.sekisho.passenger.pnr.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.edifact.DataElement;
import org.sekisho.passenger.edifact.EdifactMessage;
import org.sekisho.passenger.edifact.Interchange;
import org.sekisho.passenger.edifact.InterchangeParser;
import org.sekisho.passenger.edifact.Segment;
import org.sekisho.passenger.edifact.Warning;

/**
 * Maps UN/EDIFACT PAXLST (D:02B, D:05B and the WCO/IATA/ICAO API guidelines v5) onto {@link
 * ApiPush}: reporting party, flight legs (TDT with LOC 125/87/92 and DTM 189/232), and each
 * passenger or crew member with documents, places, references, seat and bags.
 *
 * <p>Flight legs: under each TDT, LOC 125 (departure) and LOC 87 (arrival) open and close a leg;
 * LOC 92 (routing) opens a leg when none is open and closes it otherwise; the DTM after a LOC gives
 * its time. Lenient: an unknown or broken segment becomes a {@link Warning} with its position.
 * Rejected only when the text holds no PAXLST message. Never throws. Thread-safe.
 */
public final class PaxlstParser {
  private static final Set<String> TRAVELLER_ROLES = Set.of("FL", "FM", "DDT", "DDU", "COT", "ZZZ");
  private static final Set<String> IGNORED =
      Set.of("UNS", "GEI", "EMP", "QTY", "CPI", "ERP", "FTX", "COM", "RFF", "DTM", "LOC", "CTA");
  private final InterchangeParser envelope = new InterchangeParser();
  private final Clock clock;

  /**
   * @param clock gives the reference year for two-digit birth years when the interchange has no
   *     preparation date
   */
  public PaxlstParser(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Parses the text of one PAXLST interchange. */
  public Outcome<ApiPush> parse(String text) {
    Outcome<Interchange> read = envelope.parse(text);
    if (!(read instanceof Outcome.Accepted<Interchange> accepted)) {
      return Outcome.rejected(read.problems().get(0));
    }
    Interchange interchange = accepted.value();
    List<Warning> warnings = new ArrayList<>(interchange.warnings());
    int referenceYear = PnrgovParser.referenceYear(interchange.header(), clock);
    List<ApiMessage> messages = new ArrayList<>();
    for (EdifactMessage m : interchange.messages()) {
      if (!m.type().equals("PAXLST")) {
        warnings.add(
            Warning.at(
                m.header(),
                "unexpected-message-type",
                "message '"
                    + m.reference()
                    + "' is "
                    + (m.type().isEmpty() ? "untyped" : m.type())
                    + ", not PAXLST; skipped"));
        continue;
      }
      messages.add(new Reader(m, referenceYear, warnings).read());
    }
    if (messages.isEmpty()) {
      return Outcome.rejected(
          "not-paxlst",
          "UNH",
          "no PAXLST message in the interchange (UNH must name PAXLST, e.g."
              + " UNH+1+PAXLST:D:05B:UN:IATA')");
    }
    warnings.sort(java.util.Comparator.comparingInt(w -> w.position().offset()));
    return Outcome.accepted(new ApiPush(interchange.header(), messages, warnings));
  }

  /** Reads one message; single use. */
  private static final class Reader {
    private final EdifactMessage message;
    private final int referenceYear;
    private final List<Warning> warnings;
    private String documentType = "";
    private String transaction = "";
    private String reportingParty = "";
    private final List<String> phones = new ArrayList<>();
    private final List<Flight> flights = new ArrayList<>();
    private final List<TravellerBuilder> travellers = new ArrayList<>();
    private Integer declared;
    // flight state
    private String carrier = "";
    private String number = "";
    private Stop open;
    private Stop lastStop;
    private TravellerBuilder traveller;
    private DocumentBuilder document;

    Reader(EdifactMessage message, int referenceYear, List<Warning> warnings) {
      this.message = message;
      this.referenceYear = referenceYear;
      this.warnings = warnings;
    }

    /** A LOC of a flight with the time its DTM gives. */
    private static final class Stop {
      final String airport;
      LocalDateTime at;

      Stop(String airport) {
        this.airport = airport;
      }
    }

    ApiMessage read() {
      for (Segment s : message.segments()) {
        accept(s);
      }
      closeFlight();
      List<Traveller> built = new ArrayList<>();
      for (TravellerBuilder t : travellers) {
        built.add(t.build());
      }
      if (declared != null && declared != built.size()) {
        warnings.add(
            Warning.at(
                message.header(),
                "traveller-count",
                "CNT declares " + declared + " travellers, the message has " + built.size()));
      }
      return new ApiMessage(
          message.reference(),
          message.version(),
          message.release(),
          documentType,
          transaction,
          reportingParty,
          phones,
          flights,
          built,
          declared);
    }

    private static boolean isCountry(String code) {
      // D is Germany on machine-readable documents
      return code.equals("D")
          || (code.length() == 2
              ? org.sekisho.core.Country.isValid(code)
              : code.length() == 3
                  && java.util.Arrays.stream(java.util.Locale.getISOCountries())
                      .anyMatch(a2 -> java.util.Locale.of("", a2).getISO3Country().equals(code)));
    }

    private void warn(Segment s, String code, String text) {
      warnings.add(Warning.at(s, code, text));
    }

    private void accept(Segment s) {
      switch (s.tag()) {
        case "BGM" -> documentType = s.value(1).strip();
        case "RFF" -> rff(s);
        case "NAD" -> nad(s);
        case "COM" -> {
          if (traveller != null) {
            for (DataElement e : s.elements()) {
              if (!e.component(0).isBlank()) {
                traveller.contacts.add(e.component(0).strip());
              }
            }
          } else {
            for (DataElement e : s.elements()) {
              if (!e.component(0).isBlank()) {
                phones.add(e.component(0).strip());
              }
            }
          }
        }
        case "TDT" -> tdt(s);
        case "LOC" -> loc(s);
        case "DTM" -> dtm(s);
        case "ATT" -> {
          if (traveller != null && s.value(1).strip().equals("2")) {
            traveller.gender = s.value(3, 0).strip();
          }
        }
        case "NAT" -> {
          if (traveller != null) {
            String nat = s.value(2, 0).strip();
            // ZZZ (and anything not ISO 3166) says nothing about the traveller: kept empty, said
            if (nat.isEmpty() || nat.equals("ZZZ") || !isCountry(nat)) {
              warn(
                  s,
                  "unknown-nationality",
                  "NAT '" + nat + "' is no ISO 3166 country; nationality left unknown");
            } else {
              traveller.nationality = nat;
            }
          }
        }
        case "DOC" -> {
          if (traveller == null) {
            warn(s, "unassigned-document", "DOC before any traveller (NAD); ignored");
            return;
          }
          if (s.value(2, 0).isBlank()) {
            warn(s, "missing-document-number", "DOC has no document number");
          }
          document = new DocumentBuilder(s.value(1, 0).strip(), s.value(2, 0).strip());
          traveller.documents.add(document);
        }
        case "MEA" -> mea(s);
        case "FTX" -> ftx(s);
        case "CNT" -> cnt(s);
        default -> {
          if (!IGNORED.contains(s.tag())) {
            warn(s, "unknown-segment", "segment " + s.tag() + " is not part of PAXLST; ignored");
          }
        }
      }
    }

    private void rff(Segment s) {
      String qualifier = s.value(1, 0).strip();
      String value = s.value(1, 1).strip();
      if (traveller == null) {
        if (qualifier.equals("TN")) {
          transaction = value;
        }
        return;
      }
      switch (qualifier) {
        case "AVF" -> traveller.booking = value;
        case "ABO" -> traveller.reference = value;
        case "SEA" -> traveller.seat = value;
        default -> {}
      }
    }

    private void nad(Segment s) {
      String role = s.value(1).strip();
      if (TRAVELLER_ROLES.contains(role)) {
        closeFlight();
        DataElement name = s.element(4);
        traveller =
            new TravellerBuilder(
                role, name.component(0).strip(), name.component(1).strip(), middle(name));
        List<String> address = new ArrayList<>();
        for (int i = 5; i <= 9; i++) {
          String part = PnrgovParser.join(s.element(i)).strip();
          if (!part.isEmpty()) {
            address.add(part);
          }
        }
        traveller.address = String.join(", ", address);
        travellers.add(traveller);
        document = null;
      } else if (role.equals("MS") && traveller == null) {
        reportingParty = PnrgovParser.join(s.element(4)).strip();
        if (reportingParty.isEmpty()) {
          reportingParty = PnrgovParser.join(s.element(2)).strip();
        }
      } else if (traveller == null) {
        warn(s, "unknown-party", "NAD party '" + role + "' is not a traveller role; ignored");
      }
    }

    private static String middle(DataElement name) {
      List<String> c = name.components();
      List<String> rest = new ArrayList<>();
      for (int i = 2; i < c.size(); i++) {
        if (!c.get(i).isBlank()) {
          rest.add(c.get(i).strip());
        }
      }
      return String.join(" ", rest);
    }

    private void tdt(Segment s) {
      closeFlight();
      String ref = s.value(2, 0).strip().replace(" ", "");
      String declaredCarrier = s.value(5, 0).strip();
      if (!declaredCarrier.isEmpty() && ref.startsWith(declaredCarrier)) {
        carrier = declaredCarrier;
        number = ref.substring(declaredCarrier.length());
      } else {
        int split = carrierLength(ref);
        carrier = ref.substring(0, split);
        number = ref.substring(split);
      }
      if (ref.isEmpty()) {
        warn(s, "missing-flight", "TDT has no flight identification; expected e.g. TDT+20+UA123");
      }
    }

    /** Two-character IATA designator, or three letters (ICAO) when the fourth is a digit. */
    private static int carrierLength(String ref) {
      if (ref.length() >= 4
          && Character.isLetter(ref.charAt(0))
          && Character.isLetter(ref.charAt(1))
          && Character.isLetter(ref.charAt(2))
          && Character.isDigit(ref.charAt(3))) {
        return 3;
      }
      return Math.min(2, ref.length());
    }

    private void loc(Segment s) {
      String qualifier = s.value(1).strip();
      String place = s.value(2, 0).strip();
      if (traveller == null) {
        switch (qualifier) {
          case "125" -> {
            if (open != null) {
              warn(
                  s,
                  "open-leg",
                  "departure from "
                      + place
                      + " while the leg from "
                      + open.airport
                      + " has no arrival; that leg is dropped");
            }
            open = new Stop(place);
            lastStop = open;
          }
          case "87" -> {
            Stop arrival = new Stop(place);
            if (open == null) {
              warn(
                  s,
                  "open-leg",
                  "arrival at " + place + " without a departure (LOC 125 or 92); leg dropped");
            } else {
              legs.add(new Stop[] {open, arrival});
              open = null;
            }
            lastStop = arrival;
          }
          case "92" -> {
            Stop stop = new Stop(place);
            if (open == null) {
              open = stop;
            } else {
              legs.add(new Stop[] {open, stop});
              open = null;
            }
            lastStop = stop;
          }
          default -> lastStop = null;
        }
        return;
      }
      switch (qualifier) {
        case "178" -> traveller.embarkation = place;
        case "179" -> traveller.debarkation = place;
        case "174" -> traveller.residence = place;
        case "180" -> traveller.birthPlace = PnrgovParser.join(s.element(2)).strip();
        case "91" -> {
          if (document != null) {
            document.country = place;
          }
        }
        default -> {}
      }
    }

    private final List<Stop[]> legs = new ArrayList<>();

    private void closeFlight() {
      if (open != null && message != null) {
        warnings.add(
            Warning.at(
                message.header(),
                "open-leg",
                "flight "
                    + carrier
                    + number
                    + " leg from "
                    + open.airport
                    + " has no arrival; dropped"));
        open = null;
      }
      for (Stop[] leg : legs) {
        LocalDateTime dep = leg[0].at;
        LocalDateTime arr = leg[1].at;
        flights.add(
            new Flight(
                carrier,
                number,
                leg[0].airport,
                leg[1].airport,
                dep == null ? null : dep.toLocalDate(),
                dep == null ? null : dep.toLocalTime(),
                arr == null ? null : arr.toLocalDate(),
                arr == null ? null : arr.toLocalTime(),
                "",
                "",
                "",
                "",
                ""));
      }
      legs.clear();
      lastStop = null;
    }

    private void dtm(Segment s) {
      String qualifier = s.value(1, 0).strip();
      String value = s.value(1, 1).strip();
      String format = s.value(1, 2).strip();
      if (traveller == null) {
        if ((qualifier.equals("189") || qualifier.equals("232")) && lastStop != null) {
          lastStop.at = dateTime(s, value, format);
        }
        return;
      }
      switch (qualifier) {
        case "329" -> traveller.birth = date(s, value, true, "date of birth");
        case "36" -> {
          if (document != null) {
            document.expiry = date(s, value, false, "document expiry");
          }
        }
        case "182" -> {
          if (document != null) {
            document.issued = date(s, value, false, "document issue date");
          }
        }
        default -> {}
      }
    }

    private LocalDateTime dateTime(Segment s, String value, String format) {
      String digits = value.replaceAll("\\s", "");
      LocalDate d = null;
      String time = "";
      if (digits.length() == 10 && Dates.digits(digits) && !format.equals("203")) {
        d = Dates.yymmdd(digits.substring(0, 6), false, referenceYear);
        time = digits.substring(6);
      } else if (digits.length() == 12 && Dates.digits(digits)) {
        d = Dates.yymmdd(digits.substring(0, 8), false, referenceYear);
        time = digits.substring(8);
      }
      var t = time.isEmpty() ? null : Dates.hhmm(time);
      if (d == null || t == null) {
        warn(
            s,
            "invalid-date",
            "date and time '"
                + value
                + "' is not of the form YYMMDDHHMM (201) or CCYYMMDDHHMM (203); left out");
        return null;
      }
      return d.atTime(t);
    }

    private LocalDate date(Segment s, String value, boolean birth, String what) {
      if (value.isEmpty()) {
        return null;
      }
      LocalDate d = Dates.yymmdd(value, birth, referenceYear);
      if (d == null) {
        warn(
            s,
            "invalid-date",
            what + " '" + value + "' is not a date of the form YYMMDD; left out");
      }
      return d;
    }

    private void mea(Segment s) {
      if (traveller == null) {
        return;
      }
      String qualifier = s.value(1).strip();
      DataElement measure = s.element(3);
      switch (qualifier) {
        case "CT" -> {
          String n = measure.component(0).strip();
          if (n.isEmpty()) {
            n = measure.component(1).strip();
          }
          if (Dates.digits(n) && n.length() < 5) {
            traveller.bagCount = Integer.parseInt(n);
          } else {
            warn(s, "invalid-number", "bag count '" + n + "' is not a number; left out");
          }
        }
        case "WT" -> {
          traveller.bagWeightUnit = measure.component(0).strip();
          traveller.bagWeight = measure.component(1).strip();
        }
        default -> {}
      }
    }

    private void ftx(Segment s) {
      if (traveller == null || !s.value(1).strip().equals("BAG")) {
        return;
      }
      DataElement tag = s.element(4);
      String text = tag.component(0).strip();
      if (text.isEmpty()) {
        return;
      }
      String count = tag.component(1).strip();
      int run =
          Dates.digits(count) && count.length() < 5 ? Math.max(1, Integer.parseInt(count)) : 1;
      String carrierCode = "";
      String serial = text;
      if (text.length() > 2
          && Character.isLetter(text.charAt(0))
          && Dates.digits(text.substring(2))) {
        carrierCode = text.substring(0, 2);
        serial = text.substring(2);
      }
      traveller.tags.add(new BagTag(carrierCode, serial, run, ""));
    }

    private void cnt(Segment s) {
      String n = s.value(1, 1).strip();
      if (n.isEmpty()) {
        n = s.value(2, 0).strip();
      }
      if (Dates.digits(n) && n.length() < 7) {
        declared = Integer.parseInt(n);
      } else {
        warn(s, "invalid-number", "CNT count '" + n + "' is not a number; ignored");
      }
    }
  }

  private static final class DocumentBuilder {
    final String type;
    final String number;
    String country = "";
    LocalDate expiry;
    LocalDate issued;

    DocumentBuilder(String type, String number) {
      this.type = type;
      this.number = number;
    }
  }

  private static final class TravellerBuilder {
    final String role;
    final String surname;
    final String given;
    final String middle;
    String gender = "";
    LocalDate birth;
    String nationality = "";
    String residence = "";
    String birthPlace = "";
    String embarkation = "";
    String debarkation = "";
    String booking = "";
    String reference = "";
    String seat = "";
    Integer bagCount;
    String bagWeight = "";
    String bagWeightUnit = "";
    final List<DocumentBuilder> documents = new ArrayList<>();
    final List<BagTag> tags = new ArrayList<>();
    String address = "";
    final List<String> contacts = new ArrayList<>();

    TravellerBuilder(String role, String surname, String given, String middle) {
      this.role = role;
      this.surname = surname;
      this.given = given;
      this.middle = middle;
    }

    Traveller build() {
      List<TravelDocument> docs = new ArrayList<>();
      for (DocumentBuilder d : documents) {
        docs.add(
            new TravelDocument(
                d.type,
                d.number,
                d.country,
                nationality,
                birth,
                gender,
                d.expiry,
                surname,
                given,
                middle,
                d.issued));
      }
      return new Traveller(
          role,
          surname,
          given,
          middle,
          gender,
          birth,
          nationality,
          residence,
          birthPlace,
          embarkation,
          debarkation,
          booking,
          reference,
          seat,
          docs,
          bagCount,
          bagWeight,
          bagWeightUnit,
          tags,
          address,
          contacts);
    }
  }
}
