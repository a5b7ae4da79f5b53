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
import org.sekisho.passenger.pnr.Corpus;

/** PAXLST messages from the GTAS corpus, checked against the values in its EXPECTED.json. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PaxlstParserTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final PaxlstParser parser = new PaxlstParser(CLOCK);

  private ApiMessage message(String file) {
    Outcome<ApiPush> o = parser.parse(Corpus.text(file));
    assertThat(o.problems()).as(file).isEmpty();
    List<ApiMessage> messages = o.orElseThrow().messages();
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  static List<String> apiFiles() {
    return Corpus.apiFiles();
  }

  @ParameterizedTest
  @MethodSource("apiFiles")
  void everyCorpusMessageIsUsableAndHasAFlight(String file) {
    ApiMessage m = message(file);
    assertThat(m.flights()).isNotEmpty();
    assertThat(m.flights()).allSatisfy(f -> assertThat(f.origin()).hasSize(3));
  }

  @Test
  void oneTdtWithDepartureAndArrivalIsOneLeg() {
    List<Flight> flights = message("paxlst-inline/paxlst_single_tdt_one_leg.edi").flights();
    assertThat(flights).hasSize(1);
    Flight f = flights.get(0);
    assertThat(f.paddedNumber()).isEqualTo("0123");
    assertThat(f.number()).isEqualTo("123");
    assertThat(f.carrier()).isEqualTo("UA");
    assertThat(f.origin()).isEqualTo("YVR");
    assertThat(f.destination()).isEqualTo("JFK");
    assertThat(f.departure()).isEqualTo(LocalDateTime.of(2007, 4, 29, 12, 30));
    assertThat(f.arrival()).isEqualTo(LocalDateTime.of(2007, 4, 29, 16, 0));
  }

  @Test
  void eachTdtWithRoutingLocationsIsALeg() {
    List<Flight> flights = message("paxlst-inline/paxlst_multiple_tdt_one_leg_each.edi").flights();
    assertThat(flights).extracting(Flight::paddedNumber).containsExactly("0123", "0124");
    assertThat(flights).extracting(Flight::origin).containsExactly("YVR", "JFK");
    assertThat(flights).extracting(Flight::destination).containsExactly("JFK", "ATL");
  }

  @Test
  void oneTdtWithRoutingAndArrivalLocationsGivesTwoLegsOfTheSameFlight() {
    List<Flight> flights = message("paxlst-inline/paxlst_single_tdt_loc92.edi").flights();
    assertThat(flights).extracting(Flight::paddedNumber).containsExactly("0250", "0250");
    assertThat(flights).extracting(Flight::origin).containsExactly("JFK", "ANC");
    assertThat(flights).extracting(Flight::destination).containsExactly("ANC", "ICN");
  }

  @Test
  void bagCountAndWeightComeFromMea() {
    Traveller t = message("paxlst-inline/paxlst_bags_weight_and_count.edi").travellers().get(0);
    assertThat(t.bagCount()).isEqualTo(4);
    assertThat(t.bagWeight()).isEqualTo("80");
    assertThat(t.bagWeightUnit()).isEqualTo("KGM");
    Traveller countOnly = message("paxlst-inline/paxlst_bags_count_only.edi").travellers().get(0);
    assertThat(countOnly.bagCount()).isEqualTo(4);
    assertThat(countOnly.bagWeight()).isEmpty();
  }

  @Test
  void withoutMeaTheBagCountIsUndeclaredAndTheTagsAreKept() {
    Traveller t = message("paxlst-inline/paxlst_bags_no_mea.edi").travellers().get(0);
    assertThat(t.bagCount()).isNull();
    assertThat(t.bagTags())
        .extracting(BagTag::number)
        .containsExactly("0443", "0444", "0445", "0446");
    Traveller two = message("paxlst-inline/paxlst_bags_no_mea_ftx_count_2.edi").travellers().get(0);
    assertThat(two.bagTags().get(3).consecutive()).isEqualTo(2);
  }

  @Test
  void passengerDetailsAndDocuments() {
    Traveller t = message("paxlst-inline/paxlst_bags_weight_and_count.edi").travellers().get(0);
    assertThat(t.surname()).isEqualTo("FENNER");
    assertThat(t.givenName()).isEqualTo("JACKI");
    assertThat(t.middleName()).isEqualTo("ANJA");
    assertThat(t.gender()).isEqualTo("F");
    assertThat(t.dateOfBirth()).isEqualTo(LocalDate.of(1970, 6, 2));
    assertThat(t.nationality()).isEqualTo("USA");
    assertThat(t.embarkation()).isEqualTo("WDH");
    assertThat(t.debarkation()).isEqualTo("FRA");
    assertThat(t.bookingReference()).isEqualTo("9C7313");
    assertThat(t.seat()).isEqualTo("44G");
    assertThat(t.documents()).hasSize(2);
    assertThat(t.documents().get(0).number()).isEqualTo("448763368");
    assertThat(t.documents().get(0).expiry()).isEqualTo(LocalDate.of(2022, 5, 18));
    assertThat(t.documents().get(0).issuingCountry()).isEqualTo("USA");
  }

  @Test
  void theRandomApisMessageHasTwoFlights() {
    ApiMessage m = message("parsers-apis/apisMessage.txt");
    assertThat(m.flights()).hasSize(2);
    assertThat(m.travellers()).extracting(Traveller::surname).containsExactly("CLARK", "CLARK");
    assertThat(m.transactionReference()).isEqualTo("AJYTR1070219");
    assertThat(m.reportingParty()).isEqualTo("JOHN SMITH");
    assertThat(m.travellers().get(1).dateOfBirth()).isEqualTo(LocalDate.of(1973, 4, 7));
  }

  @Test
  void aCrewListMarksCrewMembers() {
    ApiMessage m = message("loader-apis/Test1.txt");
    assertThat(m.documentType()).isEqualTo("250");
    assertThat(m.travellers()).hasSize(8).allMatch(Traveller::isCrew);
    assertThat(m.travellers().get(0).birthPlace()).isEqualTo("Hartford USA");
  }

  @Test
  void unaWithOtherSeparatorsIsHonoured() {
    ApiMessage m = message("loader-apis/airline2.edi");
    assertThat(m.travellers()).hasSize(10);
    assertThat(m.travellers().get(0).documents().get(0).number()).isEqualTo("178556534");
    assertThat(m.flights().get(0).designator()).isEqualTo("TN506");
  }

  @Test
  void aPnrIsNotAnApiMessage() {
    Outcome<ApiPush> o = parser.parse(Corpus.text("parsers-pnr/pnrMessagePg77.txt"));
    assertThat(o.problems()).extracting(p -> p.code()).containsExactly("not-paxlst");
  }

  @Test
  void version5TravellerAddressContactsAndCrewDocumentsAreRead() {
    String text =
        "UNA:+.? 'UNB+UNOA:4+APIS*ABE+USADHS+190401:0900+000000001++USADHS'"
            + "UNH+PAX001+PAXLST:D:05B:UN:IATA+API01+01:F'BGM+745'"
            + "TDT+20+BA117+++BA'LOC+125+LHR'DTM+189:201904011230:203'LOC+87+JFK'DTM+232:201904011530:203'"
            + "NAD+FL+++DOE:JANE:MARY+1 HIGH STREET+LONDON++SW1A 1AA+GBR'ATT+2++F'DTM+329:19800229'"
            + "COM+447700900123:TE+JANE.DOE?@EXAMPLE.COM:EM'GEI+4+ZZZ'LOC+178+LHR'LOC+179+JFK'NAT+2+GBR'"
            + "DOC+P:110:111+123456789'DTM+36:20300101'DTM+182:20200101'LOC+91+GBR'"
            + "DOC+V:110:111+V98765'DTM+36:20250101'LOC+91+USA'CNT+42:1'UNT+22+PAX001'UNZ+1+000000001'";
    ApiMessage m = parser.parse(text).orElseThrow().messages().get(0);
    assertThat(m.flights().get(0).departure()).isEqualTo(LocalDateTime.of(2019, 4, 1, 12, 30));
    Traveller t = m.travellers().get(0);
    assertThat(t.address()).isEqualTo("1 HIGH STREET, LONDON, SW1A 1AA, GBR");
    assertThat(t.contacts()).containsExactly("447700900123", "JANE.DOE@EXAMPLE.COM");
    assertThat(t.dateOfBirth()).isEqualTo(LocalDate.of(1980, 2, 29));
    assertThat(t.documents()).extracting(TravelDocument::type).containsExactly("P", "V");
    assertThat(t.documents().get(0).issued()).isEqualTo(LocalDate.of(2020, 1, 1));
    assertThat(t.documents().get(1).issuingCountry()).isEqualTo("USA");
  }
}
