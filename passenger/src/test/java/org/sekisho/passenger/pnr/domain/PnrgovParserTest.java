package org.sekisho.passenger.pnr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.edifact.Warning;
import org.sekisho.passenger.pnr.Corpus;

/** PNRGOV messages from the GTAS corpus, checked against the values in its EXPECTED.json. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PnrgovParserTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final PnrgovParser parser = new PnrgovParser(CLOCK);

  private PnrPush push(String file) {
    Outcome<PnrPush> o = parser.parse(Corpus.text(file));
    assertThat(o.problems()).as(file).isEmpty();
    return o.orElseThrow();
  }

  private Pnr only(String file) {
    List<Pnr> pnrs = push(file).pnrs();
    assertThat(pnrs).hasSize(1);
    return pnrs.get(0);
  }

  static List<String> pnrFiles() {
    return Corpus.pnrFiles();
  }

  @ParameterizedTest
  @MethodSource("pnrFiles")
  void everyCorpusMessageIsUsableAndEveryRecordHasALocatorAndPassengers(String file) {
    PnrPush push = push(file);
    assertThat(push.pnrs()).isNotEmpty();
    for (Pnr p : push.pnrs()) {
      assertThat(p.recordLocator()).as(file).isNotEmpty();
      assertThat(p.passengers()).as(file + " " + p.recordLocator()).isNotEmpty();
      assertThat(p.raw()).startsWith("SRC");
    }
    assertThat(push.warnings()).allSatisfy(w -> assertThat(w.position().line()).isPositive());
  }

  @Test
  void pnrOriginIsTheFirstLegOfTheItineraryNotThePushedFlight() {
    PnrPush push = push("parsers-pnr/pnrMessageExample.txt");
    Pnr pnr = push.pnrs().get(0);
    assertThat(pnr.origin()).isEqualTo("WDH");
    assertThat(push.messages().get(0).flight().origin()).isEqualTo("FRA");
    assertThat(pnr.itinerary())
        .extracting(Flight::designator)
        .containsExactly("ET834", "ET706", "UA988");
  }

  @Test
  void seatsCarryTheCabinClassOfTheCheckInData() {
    Passenger first = only("parsers-pnr/pnrMessageExample.txt").passengers().get(0);
    assertThat(first.surname()).isEqualTo("LOBB");
    assertThat(first.seats()).hasSize(3);
    assertThat(first.seats().get(1).cabinClass()).isEqualTo("Y");
    assertThat(first.seats().get(1).flight()).isEqualTo("ET706");
    assertThat(first.seats().get(2).number()).isEqualTo("22C");
  }

  @Test
  void bagsOfAllPassengersAddUpToTheDeclaredPieces() {
    Pnr pnr = only("parsers-pnr/pnrMessageExample.txt");
    assertThat(pnr.bagCount()).isEqualTo(18);
    Passenger habte = pnr.passengers().get(4);
    assertThat(habte.bags().get(0).count()).isEqualTo(4);
    assertThat(habte.bags().get(0).tags())
        .extracting(BagTag::number)
        .containsExactly("0853", "0854", "0855", "0856");
  }

  @Test
  void bookingCreationComesFromRciWithSeconds() {
    Pnr pnr = only("parsers-pnr/pnrMessagePg77.txt");
    assertThat(pnr.created()).isEqualTo(LocalDateTime.of(2013, 5, 23, 18, 13, 48));
    assertThat(pnr.recordLocator()).isEqualTo("W9TEND");
    Passenger p = pnr.passengers().get(0);
    assertThat(p.referenceNumber()).isEqualTo("43576");
    assertThat(p.uniqueId()).isEqualTo("43576");
    TravelDocument d = p.documents().get(0);
    assertThat(d.surname()).isEqualTo("VANDENBERG");
    assertThat(d.dateOfBirth()).isEqualTo(LocalDate.of(1980, 7, 4));
    assertThat(d.expiry()).isEqualTo(LocalDate.of(2019, 1, 12));
    assertThat(d.number()).isEqualTo("548721687");
  }

  @Test
  void historyKeepsItsFlightsOutOfTheItinerary() {
    Pnr pnr = only("parsers-pnr/pnrMessagePg77.txt");
    assertThat(pnr.itinerary()).hasSize(2);
    assertThat(pnr.history()).hasSize(3);
    HistoryEntry first = pnr.history().get(0);
    assertThat(first.at()).isEqualTo(LocalDateTime.of(2013, 5, 23, 18, 13));
    assertThat(first.actions().get(0).code()).isEqualTo("X");
    assertThat(first.actions().get(0).details()).anyMatch(d -> d.contains("VANDENBERG KEVIN"));
    assertThat(pnr.history().get(1).actions().get(0).details())
        .anyMatch(d -> d.startsWith("flight TZ0006 class S SIN-OOL 2013-05-28"));
  }

  @Test
  void codeSharesNameMarketingAndOperatingFlights() {
    Pnr pnr = only("parsers-pnr/modifyPnr77ForCodeShare.txt");
    List<Flight> shares = pnr.codeShares();
    assertThat(shares).extracting(Flight::designator).containsExactly("SQ5678", "DL8976");
    assertThat(shares).extracting(Flight::operatingNumber).containsExactly("1524", "972");
    assertThat(shares).extracting(Flight::operatingCarrier).containsExactly("SK", "KL");
    assertThat(shares.get(1).operatingDesignator()).isEqualTo("KL972");
    assertThat(Flight.padded(shares.get(1).operatingNumber())).isEqualTo("0972");
  }

  @Test
  void aBrokenTimeIsAWarningWithItsPositionAndTheFlightIsKept() {
    PnrPush push = push("parsers-pnr/modifyPnr77ForCodeShare.txt");
    Warning w =
        push.warnings().stream()
            .filter(x -> x.code().equals("invalid-time"))
            .findFirst()
            .orElseThrow();
    assertThat(w.tag()).isEqualTo("TVL");
    assertThat(w.position().line()).isEqualTo(31);
    assertThat(w.message()).contains("4321");
    Flight f = push.pnrs().get(0).itinerary().get(3);
    assertThat(f.origin()).isEqualTo("OOL");
    assertThat(f.arrivalTime()).isNull();
  }

  @Test
  void phoneNumbersComeFromAddressesAndContactElementsInOrder() {
    for (String file : List.of("parsers-pnr/pnrPhoneCTC_M.txt", "parsers-pnr/pnrPhoneCTCM.txt")) {
      Pnr pnr = only(file);
      assertThat(pnr.phones()).extracting(Phone::number).containsExactly("8675309", "123456789");
      assertThat(pnr.phones().get(1).type()).isEqualTo("M");
      assertThat(pnr.emails().get(0).address()).isEqualTo("MOLLY_LOUUNT+50BB@GMAIL.COM");
    }
    Pnr pnr = only("parsers-pnr/pnrAddressPhoneCTCM.txt");
    assertThat(pnr.phones()).extracting(Phone::number).containsExactly("8675309", "5432109876");
    assertThat(pnr.addresses().get(0).city()).isEqualTo("RIO DE JANEIRO");
    assertThat(pnr.addresses().get(0).country()).isEqualTo("BR");
  }

  @Test
  void messagesWithoutOrgOrMsgAndBadlyFormedOnesStillParse() {
    assertThat(only("parsers-pnr/pnrNoOrgMsg.txt").passengers()).hasSize(1);
    PnrPush bad = push("parsers-pnr/pnrBadFormat.txt");
    assertThat(bad.pnrs().get(0).passengers())
        .extracting(Passenger::surname)
        .containsExactly("DORON", "LENDROT");
    assertThat(bad.warnings()).isNotEmpty();
  }

  @Test
  void bookingDetailBagsNameCarrierDestinationAndWhetherOnThePushedFlight() {
    Pnr pnr = only("parsers-pnr/pnrWithPrefixesAndBookingDetailBags.txt");
    assertThat(pnr.bagCount()).isEqualTo(4);
    Baggage first = pnr.bags().get(0);
    assertThat(first.tags().get(0).carrier()).isEqualTo("UA");
    assertThat(first.tags().get(0).destination()).isEqualTo("KWI");
    assertThat(first.onPushedFlight()).isFalse();
    assertThat(pnr.codeShares())
        .extracting(Flight::operatingDesignator)
        .containsExactly("LH624", "LH625");
  }

  @Test
  void aBigMessageHasBags() {
    assertThat(push("parsers-pnr/bigMessagePnr.txt").pnrs().get(0).bags()).isNotEmpty();
  }

  @Test
  void aPushIsSplitIntoRecordsAtSrc() {
    String text =
        "UNA:+.?*'\nUNB+IATA:1+DL++101209:2100+020A07'\nUNH+1+PNRGOV:10:1:IA+F6C2C268'\nMSG+:22'\n"
            + "ORG+DL:ATL+52519950'\nTVL+121210:0915+LHR+JFK+DL+324'\nEQN+2'SRC'RCI+DL:MFN4TI1'SRC'"
            + "RCI+DL:MFN4TI2'SRC'RCI+DL:MFN4TI3'UNT+135+1'\nUNZ+1+020A07'";
    PnrPush push = parser.parse(text).orElseThrow();
    assertThat(push.pnrs())
        .extracting(Pnr::raw)
        .containsExactly("SRC'RCI+DL:MFN4TI1'", "SRC'RCI+DL:MFN4TI2'", "SRC'RCI+DL:MFN4TI3'");
    assertThat(push.messages().get(0).function()).isEqualTo("22");
    assertThat(push.warnings()).extracting(Warning::code).contains("record-count", "old-version");
  }

  @Test
  void adultAndInfantAreTwoPassengersAndTheInfantGetsItsOwnDocument() {
    Pnr pnr = only("loader-pnr/adult_and_infant.edi");
    Passenger adult = pnr.passengers().get(0);
    Passenger infant = pnr.passengers().get(1);
    assertThat(adult.withInfant()).isTrue();
    assertThat(adult.infant()).isFalse();
    assertThat(adult.infants())
        .containsExactly(new Infant("TESTSURNAMETWO", "TESTNAMETWO", LocalDate.of(2011, 8, 10)));
    assertThat(adult.documents()).extracting(TravelDocument::gender).containsExactly("F");
    assertThat(infant.infant()).isTrue();
    assertThat(infant.documents()).extracting(TravelDocument::gender).containsExactly("FI");
  }

  @Test
  void codeShareInTheGtasLoaderMessageAndPassengerSeatsFromCheckIn() {
    PnrPush push = push("loader-pnr/codeshare.edi");
    Pnr first = push.pnrs().get(0);
    Flight f = first.itinerary().get(0);
    assertThat(f.designator()).isEqualTo("KE609");
    assertThat(f.operatingCarrier()).isEqualTo("SQ");
    assertThat(f.operatingNumber()).isEqualTo("303");
    assertThat(first.passengers().get(0).seats().get(0).number()).isEqualTo("039G");
    assertThat(first.passengers().get(0).bags().get(0).count()).isEqualTo(2);
  }

  @Test
  void aPaxlstIsNotAPnr() {
    Outcome<PnrPush> o = parser.parse(Corpus.text("parsers-apis/apisMessage.txt"));
    assertThat(o.problems()).extracting(p -> p.code()).containsExactly("not-pnrgov");
  }

  @Test
  void aPnrgovMessageWithoutAnyRecordIsRejected() {
    Outcome<PnrPush> o =
        parser.parse("UNH+1+PNRGOV:11:1:IA'MSG+:22'TVL+121210:0915+LHR+JFK+DL+324'UNT+4+1'");
    assertThat(o.problems()).extracting(p -> p.code()).containsExactly("no-pnr");
    assertThat(parser.parse("UNH+1+PNRGOV:11:1:IA'EQN+0'UNT+3+1'").isAccepted()).isTrue();
  }

  @Test
  void anOverlongVersionNumberFoundByTheFuzzTestIsReadNotACrash() {
    Outcome<PnrPush> o =
        parser.parse("UNH+1+PNRGOV:13123456789:1:IA'SRC'RCI+UA:ABC123'TIF+A+B:A:1'UNT+5+1'");
    assertThat(o.orElseThrow().pnrs().get(0).recordLocator()).isEqualTo("ABC123");
  }

  @Test
  void seatsGivenInTheSeatRequestTextGoToThePassengersInOrder() {
    Pnr first = push("loader-pnr/pnr_split.edi").pnrs().get(0);
    assertThat(first.passengers().get(0).seats())
        .extracting(Seat::number)
        .containsExactly("03B", "03B");
    assertThat(first.passengers().get(1).seats())
        .extracting(Seat::number)
        .containsExactly("03A", "03A");
    assertThat(first.passengers().get(0).seats())
        .extracting(Seat::flight)
        .containsExactly("AM498", "AM499");
    Outcome<PnrPush> one =
        parser.parse(
            "UNH+1+PNRGOV:13:1:IA'SRC'RCI+UA:ABC123'TIF+A+B:A:1'TIF+C+D:A:2'"
                + "TVL+010326:1220::1505+FRA+IAD+UA+988:Y'SSR+SEAT:HK:1:UA:::FRA:IAD:48E+::2'UNT+8+1'");
    Pnr pnr = one.orElseThrow().pnrs().get(0);
    assertThat(pnr.passengers().get(1).seats()).extracting(Seat::number).containsExactly("48E");
    assertThat(pnr.passengers().get(0).seats()).isEmpty();
  }

  @Test
  void docaAndDocoGoToThePassengerTheyName() {
    String text =
        "UNH+1+PNRGOV:13:1:IA'SRC'RCI+UA:DOC123'TIF+SMITH+JOHNMR:A:1'TIF+SMITH+JANEMRS:A:2'"
            + "TVL+010326:1220::1505+FRA+IAD+UA+988:Y'"
            + "SSR+DOCA:HK:1:UA:::::/D/USA/1 MAIN ST/NEW YORK/NY/10001+::2'"
            + "SSR+DOCO:HK:1:UA:::::/LONDON GBR/V/12345123/NEW YORK CITY/12JUN09/USA+::1'"
            + "SSR+DOCS:HK:1:UA:::::/P/GBR/123/GBR/29FEB84/M/01JAN31/SMITH/JOHN+::1'UNT+9+1'";
    Pnr pnr = parser.parse(text).orElseThrow().pnrs().get(0);
    Passenger john = pnr.passengers().get(0);
    Passenger jane = pnr.passengers().get(1);
    assertThat(jane.addresses())
        .containsExactly(new TravellerAddress("D", "USA", "1 MAIN ST", "NEW YORK", "NY", "10001"));
    assertThat(john.otherDocuments())
        .containsExactly(
            new OtherDocument(
                "LONDON GBR",
                "V",
                "12345123",
                "NEW YORK CITY",
                LocalDate.of(2009, 6, 12),
                "USA",
                false));
    assertThat(john.documents().get(0).dateOfBirth()).isEqualTo(LocalDate.of(1984, 2, 29));
    assertThat(john.addresses()).isEmpty();
  }

  private Pnr record(String file, String locator) {
    return push(file).pnrs().stream()
        .filter(p -> p.recordLocator().equals(locator))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aContactInAPassengersPartOfTheRecordIsTheirsAndOneBeforeAnyPassengerIsTheBookings() {
    // XL/74LZ22: seven passengers, each with an OSI CTCE right after their TIF
    Pnr seven = record("parsers-pnr/bigbigPnr.txt", "74LZ22");
    assertThat(seven.emails())
        .extracting(e -> e.passengerReference() + " " + e.address())
        .containsExactly(
            "1 WALKER_MONTGOMERY@GMAIL.COM",
            "2 CAITLIN.SIMMONDS@HOTMAIL.COM",
            "3 LOURDES_CHANDRARK@GMAIL.COM",
            "4 MAISIE.ASPEY@HOTMAIL.COM",
            "5 BRENT.CANDELARIA@YAHOO.COM",
            "6 BETHANY_RUSH@GMAIL.COM",
            "7 ALONSO_SHEFFIELD@GMAIL.COM");
    // XL/BGXFR4: the ADD telephone comes before the TIF (the booking's); CTCH and the travel
    // agent's CTCT come after it
    Pnr one = record("parsers-pnr/bigbigPnr.txt", "BGXFR4");
    assertThat(one.phones())
        .extracting(p -> p.passengerReference() + " " + p.type() + " " + p.number())
        .containsExactly("  0086886196478164", "1 H 1234536789", "1 T 8667464647");
    // UA/0995F0: the booking's own telephone and the passenger's e-mail
    Pnr raval = only("loader-pnr/pnr4.txt");
    assertThat(raval.phones())
        .singleElement()
        .satisfies(p -> assertThat(p.passengerReference()).isEmpty());
    assertThat(raval.emails())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.address()).isEqualTo("CHRISTOPHER.RAVAL@HOTMAIL.COM");
              assertThat(e.passengerReference()).isEqualTo("1");
            });
  }

  @Test
  void theContactSsrsCtceAndCtcmAreThePassengersOwnEmailAndMobile() {
    // the corpus message of page 77 with the contact SSRs IATA Resolution 830d has carriers send
    // (SR CTCE-TZ HK1/KEVIN..VANDENBERG//EXAMPLE.COM/EN, SR CTCM-TZ HK1/15551234567/EN), one
    // without an address, and one in the booking's part before any passenger
    String text =
        Corpus.text("parsers-pnr/pnrMessagePg77.txt")
            .replace(
                "TKT+:700'",
                "SSR+CTCE:HK:1:TZ:::::KEVIN..VANDENBERG//EXAMPLE.COM/EN+::43576'"
                    + "SSR+CTCM:HK:1:TZ:::::15551234567/EN+::43576'"
                    + "SSR+CTCE:HK:1:TZ:::::PAX REFUSED+::43576'TKT+:700'")
            .replace(
                "DAT+700:230513:2125+710:230513:2124'",
                "SSR+CTCE:HK:1:TZ:::::BOOKINGS./DESK//EXAMPLE.ORG'DAT+700:230513:2125+710:230513:2124'");
    assertThat(text).contains("SSR+CTCM").contains("BOOKINGS./DESK");
    Pnr pnr = parser.parse(text).orElseThrow().pnrs().get(0);
    assertThat(pnr.emails())
        .extracting(e -> e.passengerReference() + " " + e.address())
        .containsExactly(" BOOKINGS-DESK@EXAMPLE.ORG", "43576 KEVIN_VANDENBERG@EXAMPLE.COM");
    assertThat(pnr.phones())
        .extracting(p -> p.passengerReference() + " " + p.type() + " " + p.number())
        .contains("43576 M 15551234567");
    // read as contacts, not kept as services too; one without an address stays a service
    assertThat(pnr.passengers().get(0).services())
        .extracting(SpecialService::code)
        .containsExactly("CTCE");
    assertThat(pnr.passengers().get(0).services().get(0).text()).isEqualTo("PAX REFUSED");
    assertThat(pnr.services()).extracting(SpecialService::code).doesNotContain("CTCE", "CTCM");
  }

  @Test
  void anArrivalTimeSentWithoutItsDateTakesTheDepartureDateAndSaysSo() {
    Pnr raval = only("loader-pnr/pnr4.txt");
    // TVL+260819:1220::1505+FRA+IAD: no arrival date sent
    Flight out = raval.itinerary().get(0);
    assertThat(out.arrivalDate()).isEqualTo(java.time.LocalDate.of(2019, 8, 26));
    assertThat(out.arrivalDateInferred()).isTrue();
    // TVL+150819:1720:160819:0720+IAD+FRA: both dates sent
    Flight back = raval.itinerary().get(1);
    assertThat(back.arrivalDate()).isEqualTo(java.time.LocalDate.of(2019, 8, 16));
    assertThat(back.arrivalDateInferred()).isFalse();
  }
}
