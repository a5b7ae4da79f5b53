package org.sekisho.passenger.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrPush;
import org.sekisho.passenger.pnr.domain.PnrgovParser;
import org.sekisho.passenger.screening.application.ScreeningLists;
import org.sekisho.passenger.screening.application.ScreeningStore.ListEntry;
import org.sekisho.passenger.screening.domain.FlightRef;
import org.sekisho.passenger.screening.domain.FlightScreening;
import org.sekisho.passenger.screening.domain.Hit;
import org.sekisho.passenger.screening.domain.PassengerFacts;
import org.sekisho.passenger.screening.domain.PassengerListKind;
import org.sekisho.passenger.screening.domain.ScreeningList;
import org.sekisho.passenger.screening.domain.ScreeningRule;
import org.sekisho.passenger.screening.domain.TravellerFacts;

/** Passenger rules that test fields against the PNR unit's reference lists ({@code in list}). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ListRulesTest {
  private static final Map<String, ScreeningList> LISTS =
      Map.of(
          "source-countries",
          new ScreeningList("source-countries", PassengerListKind.COUNTRIES, 3, Set.of("CO", "AU")),
          "card-bins",
          new ScreeningList("card-bins", PassengerListKind.CARD_BINS, 1, Set.of("370266")),
          "agent-phones",
          new ScreeningList("agent-phones", PassengerListKind.PHONES, 2, Set.of("15555555555")),
          "hubs",
          new ScreeningList("hubs", PassengerListKind.AIRPORTS, 1, Set.of("OOL")));

  private static ScreeningRule.Compiled compiled(String text) {
    Outcome<ScreeningRule.Compiled> o = ScreeningRule.compile(text, LISTS);
    assertThat(o.problems()).isEmpty();
    return o.orElseThrow();
  }

  private static List<Hit> screen(String text, List<PassengerFacts> pax) {
    FlightScreening engine =
        new FlightScreening(List.of(new ScreeningRule(5, compiled(text).rule())), null, 0.85);
    return engine.screen(pax, List.of(), Map.of()).hits();
  }

  @Test
  void aRouteThroughACountryOnTheListHitsAndTheHitNamesTheListVersion() {
    List<Hit> hits =
        screen(
            "criterion \"Through a source country\" when via in list \"source-countries\" then"
                + " severity high weight 20 because \"route through a listed source country\"",
            FlightScreeningTest.corpusFlight());
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).explanation())
        .containsExactly(
            "route through a listed source country", "list \"source-countries\" v3: via AU");
  }

  @Test
  void theCompiledRuleRecordsTheVersionsOfTheListsItTestsAndNoOthers() {
    ScreeningRule.Compiled c =
        compiled(
            "criterion \"x\" when via in list \"source-countries\" or card_bin in list"
                + " \"card-bins\" then weight 1 because \"listed country or card\"");
    assertThat(c.lists()).isEqualTo(Map.of("card-bins", 1, "source-countries", 3));
    assertThat(c.listVersions()).isEqualTo("card-bins v1, source-countries v3");
    assertThat(
            compiled("criterion \"y\" when payment = \"CA\" then weight 1 because \"paid cash\"")
                .lists())
        .isEmpty();
  }

  @Test
  void anUnknownListIsRefusedAtItsLineAndColumn() {
    Outcome<ScreeningRule.Compiled> o =
        ScreeningRule.compile(
            "criterion \"x\"\n  when via in list \"no-such-list\"\n  then weight 1 because \"why"
                + " not\"",
            LISTS);
    assertThat(o.isAccepted()).isFalse();
    Problem p = o.problems().get(0);
    assertThat(p.field()).isEqualTo("line 2, column 20");
    assertThat(p.message()).startsWith("no list named 'no-such-list'").contains("source-countries");
  }

  @Test
  void aListOfTheWrongKindIsRefusedInThePnrUnitsWords() {
    Outcome<ScreeningRule.Compiled> o =
        ScreeningRule.compile(
            "criterion \"x\" when via in list \"card-bins\" then weight 1 because \"wrong kind\"",
            LISTS);
    assertThat(o.problems().get(0).message())
        .isEqualTo("list 'card-bins' holds card-bins; field via takes lists of countries");
    Outcome<ScreeningRule.Compiled> route =
        ScreeningRule.compile(
            "criterion \"x\" when route in list \"source-countries\" then weight 1 because"
                + " \"wrong kind\"",
            LISTS);
    assertThat(route.problems().get(0).message())
        .isEqualTo("list 'source-countries' holds countries; field route takes lists of airports");
  }

  @Test
  void aContactPhoneHitsItsListEntryHoweverEitherIsWritten() {
    var list =
        new ScreeningList(
                "agent-phones",
                PassengerListKind.PHONES,
                1,
                Set.of(PassengerListKind.PHONES.normalise("+81 3-1234-5678").value()))
            .forLanguage();
    for (var written :
        List.of(
            new org.sekisho.passenger.pnr.domain.Phone("H", "81312345678", "+81 3 1234 5678"),
            new org.sekisho.passenger.pnr.domain.Phone("H", "81312345678", "81312345678"),
            new org.sekisho.passenger.pnr.domain.Phone("", "0312345678", "TYO 03-1234-5678"),
            new org.sekisho.passenger.pnr.domain.Phone("", "0081312345678", "0081312345678"))) {
      assertThat(
              list.match(org.sekisho.passenger.screening.domain.TravellerFacts.phoneKey(written)))
          .as(written.text())
          .isNotNull();
    }
    for (var other :
        List.of(
            new org.sekisho.passenger.pnr.domain.Phone("", "0312345679", "03-1234-5679"),
            new org.sekisho.passenger.pnr.domain.Phone("", "66312345678", "+66 3 1234 5678"))) {
      assertThat(list.match(org.sekisho.passenger.screening.domain.TravellerFacts.phoneKey(other)))
          .as(other.text())
          .isNull();
    }
  }

  @Test
  void cardBinsPhonesAndAirportsMatchTheirLists() {
    // the corpus booking paid by card 370266XXXXX0074 and gives phone 1 555 555 5555
    List<PassengerFacts> pax = cardBooking();
    PassengerFacts p = pax.get(0);
    assertThat(p.cardBins()).containsExactly("370266");
    assertThat(
            screen(
                "criterion \"Listed card\" when card_bin in list \"card-bins\" then weight 1"
                    + " because \"card of a listed issuer\"",
                pax))
        .hasSize(1)
        .first()
        .extracting(h -> h.explanation().get(1))
        .isEqualTo("list \"card-bins\" v1: card_bin 370266");
    assertThat(
            screen(
                "criterion \"Not a listed card\" when card_bin not in list \"card-bins\" then"
                    + " weight 1 because \"card of another issuer\"",
                pax))
        .isEmpty();
    assertThat(
            screen(
                "criterion \"Hub\" when route in list \"hubs\" then weight 1 because \"through a"
                    + " hub\"",
                FlightScreeningTest.corpusFlight()))
        .hasSize(1);
    List<PassengerFacts> withPhone = FlightScreeningTest.corpusFlight();
    assertThat(withPhone.get(0).phones()).isNotEmpty();
    ScreeningList phones =
        new ScreeningList(
            "agent-phones", PassengerListKind.PHONES, 2, Set.copyOf(withPhone.get(0).phones()));
    FlightScreening engine =
        new FlightScreening(
            List.of(
                new ScreeningRule(
                    9,
                    ScreeningRule.compile(
                            "criterion \"Phone\" when phone in list \"agent-phones\" then weight 1"
                                + " because \"contact phone on a list\"",
                            Map.of("agent-phones", phones))
                        .orElseThrow()
                        .rule())),
            null,
            0.85);
    assertThat(engine.screen(withPhone, List.of(), Map.of()).hits()).hasSize(1);
  }

  private static List<PassengerFacts> cardBooking() {
    PnrPush push =
        ((Outcome.Accepted<PnrPush>)
                new PnrgovParser(java.time.Clock.systemUTC())
                    .parse(
                        Corpus.text("parsers-pnr/pnrMessagePg77.txt")
                            .replace(
                                "FOP+CA::1999.99'", "FOP+CC::1999.99:AX:370266XXXXX0074:1019'")))
            .value();
    Pnr pnr = push.messages().get(0).pnrs().get(0);
    FlightRef ref =
        TravellerFacts.flightOf(push.messages().get(0), pnr, java.time.LocalDate.of(2013, 5, 24));
    return TravellerFacts.of(ref, pnr, 1, List.of());
  }

  @Test
  void entriesAreNormalisedByKindAndBadOnesSayWhy() {
    assertThat(PassengerListKind.COUNTRIES.normalise("col").value()).isEqualTo("CO");
    assertThat(PassengerListKind.COUNTRIES.normalise("XX").problem()).contains("ISO 3166-1");
    assertThat(PassengerListKind.CARD_BINS.normalise("4111 11").value()).isEqualTo("411111");
    assertThat(PassengerListKind.CARD_BINS.normalise("41").problem()).contains("6 to 8 digits");
    // targeting's phone keys: country code and national number when written internationally,
    // the national number alone when written nationally (the two match on a list)
    assertThat(PassengerListKind.PHONES.normalise("+81 (3) 1234-5678").value())
        .isEqualTo("+81 312345678");
    assertThat(PassengerListKind.PHONES.normalise("03-1234-5678").value()).isEqualTo("312345678");
    assertThat(PassengerListKind.AIRPORTS.normalise("bog").value()).isEqualTo("BOG");
    assertThat(PassengerListKind.AIRPORTS.normalise("BOGO").valid()).isFalse();
    assertThat(PassengerListKind.DOCUMENTS.normalise("tr-123 456").value()).isEqualTo("TR123456");
    assertThat(PassengerListKind.ofCode("card-bins")).contains(PassengerListKind.CARD_BINS);
  }

  @Test
  void listCsvKeepsGoodRowsAndRefusesBadOnesByLine() {
    List<ListEntry> got = new ArrayList<>();
    ScreeningLists.CsvRead r =
        ScreeningLists.readCsv(
            new StringReader(
                "value,note\nCO,cocaine source\n\nXX,not a country\n\"PE\",\"a, quoted note\"\n"
                    + "BO,a,b\n\"VE,unclosed\n"),
            PassengerListKind.COUNTRIES,
            got::add);
    assertThat(got)
        .containsExactly(
            new ListEntry("CO", "cocaine source"), new ListEntry("PE", "a, quoted note"));
    assertThat(r.rows()).isEqualTo(5);
    assertThat(r.refused())
        .extracting(Problem::field)
        .containsExactly("line 4", "line 6", "line 7");
    assertThat(r.refused().get(0).message()).contains("ISO 3166-1");
  }
}
