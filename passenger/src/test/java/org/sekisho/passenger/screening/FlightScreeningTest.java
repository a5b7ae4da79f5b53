package org.sekisho.passenger.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.NameNormaliser;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.Watchlist;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.passenger.pnr.domain.ApiPush;
import org.sekisho.passenger.pnr.domain.PaxlstParser;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrPush;
import org.sekisho.passenger.pnr.domain.PnrgovParser;
import org.sekisho.passenger.screening.domain.ApiTravellerKeys;
import org.sekisho.passenger.screening.domain.FlightRef;
import org.sekisho.passenger.screening.domain.FlightScreening;
import org.sekisho.passenger.screening.domain.Hit;
import org.sekisho.passenger.screening.domain.PassengerFacts;
import org.sekisho.passenger.screening.domain.ScreeningRule;
import org.sekisho.passenger.screening.domain.TravellerFacts;

/** Screening a corpus flight: facts read from the PNR, rules and watchlists with explanations. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlightScreeningTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);

  static List<PassengerFacts> corpusFlight() {
    PnrPush push =
        ((Outcome.Accepted<PnrPush>)
                new PnrgovParser(CLOCK).parse(Corpus.text("parsers-pnr/pnrMessagePg77.txt")))
            .value();
    Pnr pnr = push.messages().get(0).pnrs().get(0);
    FlightRef ref = TravellerFacts.flightOf(push.messages().get(0), pnr, LocalDate.of(2013, 5, 24));
    return TravellerFacts.of(ref, pnr, 1, List.of());
  }

  static ScreeningRule rule(long id, String text) {
    return new ScreeningRule(id, ScreeningRule.compile(text).orElseThrow());
  }

  static Watchlist watchlist(WatchlistEntry... entries) {
    Watchlist.Builder b = new Watchlist.Builder(new NameMatcher(new NameNormaliser(), false));
    for (WatchlistEntry e : entries) {
      b.add(e);
    }
    return b.build();
  }

  @Test
  void aGenderOutsideTheDocumentedCodesIsRefusedWhereItIsWritten() {
    Outcome<?> q =
        ScreeningRule.compile(
            "criterion \"Gender\" when gender = \"Q\" then severity low because \"gender code"
                + " nonsense\"");
    assertThat(q.isAccepted()).isFalse();
    assertThat(q.problems().get(0).message()).contains("gender is M, F, U or X, got \"Q\"");
    assertThat(q.problems().get(0).field()).startsWith("line 1, column ");
    assertThat(
            ScreeningRule.compile(
                    "criterion \"Gender\" when gender = \"x\" then severity low because"
                        + " \"undisclosed gender\"")
                .isAccepted())
        .isTrue();
  }

  @Test
  void thePnrGivesTheFactsRulesTest() {
    List<PassengerFacts> pax = corpusFlight();
    assertThat(pax).hasSize(1);
    PassengerFacts p = pax.get(0);
    // booking and the PNR's passenger reference: no name in a key (keys are audited)
    assertThat(p.key()).isEqualTo("TZ/W9TEND/43576");
    assertThat(p.dateOfBirth()).isEqualTo(LocalDate.of(1980, 7, 4));
    assertThat(p.nationality()).isEqualTo("US");
    assertThat(p.documentNumber()).isEqualTo("548721687");
    assertThat(p.payments()).containsExactly("CA");
    assertThat(p.bookingDaysBeforeDeparture()).isEqualTo(5.0);
    assertThat(p.oneWay()).isFalse();
    assertThat(p.route()).containsExactly("SIN", "OOL", "SIN");
    assertThat(p.viaCountries()).containsExactly("SG", "AU");
    assertThat(p.travellingAlone()).isTrue();
  }

  @Test
  void aRuleHitCarriesItsNameSeverityWeightAndReason() {
    FlightScreening engine =
        new FlightScreening(
            List.of(
                rule(
                    7,
                    "criterion \"Cash, alone, booked late\" when payment = \"CA\" and"
                        + " travelling_alone = \"yes\" and booking_days_before_departure <= 7 and"
                        + " via in (\"AU\", \"CO\") then severity high weight 30 because \"cash"
                        + " ticket bought days before, alone\""),
                rule(
                    8,
                    "criterion \"One way\" when one_way = \"yes\" then weight 5 because \"one-way"
                        + " ticket\"")),
            null,
            0.85);
    FlightScreening.Result r = engine.screen(corpusFlight(), List.of(), Map.of());
    assertThat(r.hits()).hasSize(1);
    Hit h = r.hits().get(0);
    assertThat(h.kind()).isEqualTo(Hit.Kind.RULE);
    assertThat(h.source()).isEqualTo("rule:7");
    assertThat(h.severity()).isEqualTo("high");
    assertThat(h.score()).isEqualTo(30.0);
    assertThat(h.explanation()).containsExactly("cash ticket bought days before, alone");
  }

  @Test
  void aWatchlistHitSaysWhichNamePartsMatchedAndWhatCorroborated() {
    Watchlist list =
        watchlist(
            new WatchlistEntry(
                "A1",
                "national-alerts",
                Severity.HIGH,
                List.of("Kevin Vandenberg"),
                List.of(new PartialDate(1980, 7, 4)),
                Set.of("us"),
                Set.of()),
            new WatchlistEntry(
                "A2",
                "national-alerts",
                Severity.LOW,
                List.of("Maria Gonzalez"),
                List.of(),
                Set.of(),
                Set.of()));
    FlightScreening.Result r =
        new FlightScreening(List.of(), list, 0.85).screen(corpusFlight(), List.of(), Map.of());
    assertThat(r.hits()).hasSize(1);
    Hit h = r.hits().get(0);
    assertThat(h.source()).isEqualTo("watchlist:national-alerts/A1");
    assertThat(h.severity()).isEqualTo("high");
    assertThat(String.join("\n", h.explanation()))
        .contains("vandenberg = vandenberg")
        .contains("date of birth same")
        .contains("nationality same");
  }

  @Test
  void aCompanionOfSomeoneOnASeizureLinkedListIsFlagged() {
    PassengerFacts kevin = corpusFlight().get(0);
    PassengerFacts friend =
        new PassengerFacts(
            "TZ/W9TEND/SMITH/JOHN",
            "PNR",
            "TZ/W9TEND",
            1,
            "SMITH",
            "JOHN",
            null,
            "",
            "",
            "",
            "",
            kevin.departureDate(),
            Double.NaN,
            List.of(),
            false,
            List.of(),
            "",
            "",
            0,
            Double.NaN,
            false,
            Set.of(),
            "",
            "",
            "",
            List.of(kevin.key()));
    Watchlist list =
        watchlist(
            new WatchlistEntry(
                "S1",
                FlightScreening.SEIZURE_LINKED,
                Severity.MEDIUM,
                List.of("Kevin Vandenberg"),
                List.of(),
                Set.of(),
                Set.of("548721687")));
    FlightScreening engine =
        new FlightScreening(
            List.of(
                rule(
                    1,
                    "criterion \"Companion\" when companion_of_seizure_linked = \"yes\" then"
                        + " severity high because \"travels with someone linked to a seizure\"")),
            list,
            0.85);
    FlightScreening.Result r = engine.screen(List.of(kevin, friend), List.of(), Map.of());
    assertThat(r.hits())
        .extracting(Hit::subjectKey, Hit::source)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(kevin.key(), "watchlist:seizure-linked/S1"),
            org.assertj.core.groups.Tuple.tuple(friend.key(), "rule:1"));
  }

  @Test
  void apiTravellersFillInThePnrTravellerOfTheSameNameAndOthersAreScreenedToo() {
    PaxlstParser parser = new PaxlstParser(CLOCK);
    ApiPush push =
        ((Outcome.Accepted<ApiPush>) parser.parse(Corpus.text("parsers-apis/apisMessage.txt")))
            .value();
    FlightRef ref = TravellerFacts.flightOf(push.messages().get(0), LocalDate.of(2013, 5, 24));
    List<PassengerFacts> api =
        TravellerFacts.of(ref, push.messages().get(0), ApiTravellerKeys.random());
    assertThat(api).isNotEmpty();
    List<PassengerFacts> merged = FlightScreening.merge(corpusFlight(), api);
    assertThat(merged).hasSize(1 + api.size());
    assertThat(merged.get(0).source()).isEqualTo("PNR");
    PassengerFacts onlyApi = api.get(0);
    PassengerFacts named =
        new PassengerFacts(
            onlyApi.key(),
            "API",
            "",
            0,
            "VANDENBERG",
            "KEVIN",
            LocalDate.of(1980, 7, 4),
            "US",
            "X999",
            "US",
            "M",
            onlyApi.departureDate(),
            Double.NaN,
            List.of(),
            false,
            List.of(),
            "",
            "",
            2,
            Double.NaN,
            false,
            Set.of(),
            "",
            "",
            "",
            List.of());
    List<PassengerFacts> one = FlightScreening.merge(corpusFlight(), List.of(named));
    assertThat(one).hasSize(1);
    assertThat(one.get(0).documentNumber()).isEqualTo("548721687");
    assertThat(one.get(0).bags()).isEqualTo(2);
    assertThat(FlightScreening.subject(one.get(0)).birthDate())
        .isEqualTo(Optional.of(new PartialDate(1980, 7, 4)));
  }

  @Test
  void aChangedNameBetweenVersionsAndTheAgeOnTheDayOfTheFlightAreFieldsToo() {
    PnrPush push =
        ((Outcome.Accepted<PnrPush>)
                new PnrgovParser(CLOCK).parse(Corpus.text("parsers-pnr/pnrMessagePg77.txt")))
            .value();
    Pnr pnr = push.messages().get(0).pnrs().get(0);
    FlightRef ref = TravellerFacts.flightOf(push.messages().get(0), pnr, LocalDate.of(2013, 5, 24));
    List<PassengerFacts> v2 =
        TravellerFacts.of(
            ref,
            pnr,
            2,
            List.of(
                new org.sekisho.passenger.pnr.domain.BookingChange(
                    org.sekisho.passenger.pnr.domain.BookingChange.Kind.NAME, true, "X/Y")));
    FlightScreening engine =
        new FlightScreening(
            List.of(
                rule(
                    3,
                    "criterion \"Renamed\" when pnr_changed in (\"name\", \"seat\") and age"
                        + " between 30 and 40 then weight 25 because \"the name changed after"
                        + " booking\"")),
            null,
            0.85);
    assertThat(engine.screen(v2, List.of(), Map.of()).hits()).hasSize(1);
    assertThat(engine.screen(corpusFlight(), List.of(), Map.of()).hits()).isEmpty();
  }

  @Test
  void aRuleTextWithMistakesIsRefusedWithLineAndColumn() {
    var o =
        ScreeningRule.compile(
            "criterion \"x\" when payment = \"CA\"\n and pnr_changed = \"colour\" then severity"
                + " high because \"because\"");
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().get(0).field()).isEqualTo("line 2, column 20");
    assertThat(o.problems().get(0).message()).contains("name, seat, payment or itinerary");
  }
}
