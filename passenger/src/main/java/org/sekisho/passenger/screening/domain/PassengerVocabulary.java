package org.sekisho.passenger.screening.domain;

import java.util.List;
import java.util.Set;
import org.sekisho.targeting.criteria.domain.ClauseDefinition;
import org.sekisho.targeting.criteria.domain.FieldDefinition;
import org.sekisho.targeting.criteria.domain.FieldType;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.Normal;
import org.sekisho.targeting.criteria.domain.Vocabulary;

/**
 * The fields and clauses of passenger rules (docs/formats/passenger-rules.md): the criteria
 * language of cargo over what PNR and API data carry. A rule ends in {@code then severity … weight
 * …}: there are no lanes, since every hit goes to a person in the PNR unit.
 */
public final class PassengerVocabulary {
  /** Severities a rule may give, lowest first. */
  public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

  private static final List<String> GENDERS = List.of("M", "F", "U", "X");

  private static final List<String> CHANGES = List.of("NAME", "SEAT", "PAYMENT", "ITINERARY");

  public static final Vocabulary<ScreenedPassenger, Void> PASSENGER =
      new Vocabulary<>(
          "passenger",
          List.of(
              FieldDefinition.<ScreenedPassenger, Void>number(
                  "booking_days_before_departure",
                  "days from the booking's creation to departure",
                  p -> p.facts().bookingDaysBeforeDeparture()),
              many(
                  "payment",
                  "form of payment: CA cash, CC card, MS other, … (each of the booking's)",
                  Set.of(),
                  4,
                  (raw, n) -> null,
                  (p, alt) -> at(p.facts().payments(), alt)),
              FieldDefinition.<ScreenedPassenger, Void>flag(
                  "one_way",
                  "the itinerary never returns to its first airport",
                  p -> p.facts().oneWay()),
              airport(
                  "origin",
                  "first airport of the journey (IATA)",
                  1,
                  (p, alt) -> p.facts().origin()),
              airport(
                  "destination",
                  "last airport of the journey (IATA)",
                  1,
                  (p, alt) -> p.facts().destination()),
              airport(
                  "route",
                  "airports of the itinerary (IATA), each of them",
                  8,
                  (p, alt) -> at(p.facts().route(), alt)),
              many(
                  "via",
                  "countries of the itinerary's airports (ISO alpha-2), each of them",
                  Set.of(PassengerListKind.COUNTRIES.language()),
                  8,
                  FieldDefinition::countryCheck,
                  (p, alt) -> at(p.via(), alt)),
              FieldDefinition.<ScreenedPassenger, Void>number(
                  "trips_last_30_days",
                  "the traveller's other flights in the 30 days before this one",
                  ScreenedPassenger::tripsLast30Days),
              FieldDefinition.<ScreenedPassenger, Void>number(
                  "bags", "checked pieces", p -> p.facts().bags()),
              FieldDefinition.<ScreenedPassenger, Void>number(
                  "bag_weight", "checked weight in kg", p -> p.facts().bagWeightKg()),
              FieldDefinition.<ScreenedPassenger, Void>flag(
                  "travelling_alone",
                  "the booking holds this traveller only",
                  p -> p.facts().travellingAlone()),
              FieldDefinition.<ScreenedPassenger, Void>flag(
                  "companion_of_seizure_linked",
                  "someone on the same booking is on a seizure-linked watchlist",
                  ScreenedPassenger::companionOfSeizureLinked),
              many(
                  "pnr_changed",
                  "what changed since the previous PNR version: name, seat, payment, itinerary",
                  Set.of(),
                  4,
                  (raw, n) ->
                      CHANGES.contains(n)
                          ? null
                          : "pnr_changed is name, seat, payment or itinerary, got \"" + raw + "\"",
                  (p, alt) -> at(p.changed(), alt)),
              country("nationality", "nationality (ISO alpha-2)", p -> p.facts().nationality()),
              country(
                  "document_country",
                  "issuing country of the travel document (ISO alpha-2)",
                  p -> p.facts().documentCountry()),
              new FieldDefinition<ScreenedPassenger, Void>(
                  "document",
                  FieldType.CODE,
                  "travel document number (letters and digits compared)",
                  Set.of(PassengerListKind.DOCUMENTS.language()),
                  1,
                  PassengerListKind::document,
                  (raw, n) -> n.isEmpty() ? "a document number needs letters or digits" : null,
                  (p, part, alt) -> PassengerListKind.document(p.facts().documentNumber()),
                  (p, part) -> Double.NaN),
              FieldDefinition.<ScreenedPassenger, Void>number(
                  "age", "age in years on the day of the flight", ScreenedPassenger::age),
              many(
                  "gender",
                  "gender as sent: M, F, U, X",
                  Set.of(),
                  1,
                  (raw, n) ->
                      GENDERS.contains(n) ? null : "gender is M, F, U or X, got \"" + raw + "\"",
                  (p, alt) -> p.facts().gender()),
              many(
                  "agency",
                  "IATA number or office of the booking travel agency",
                  Set.of(PassengerListKind.AGENCIES.language()),
                  1,
                  (raw, n) -> null,
                  (p, alt) -> Normal.code(p.facts().agency())),
              new FieldDefinition<ScreenedPassenger, Void>(
                  "phone",
                  FieldType.CODE,
                  "phone numbers of the booking's contacts (national significant number), each of them",
                  Set.of(PassengerListKind.PHONES.language()),
                  4,
                  Normal::phone,
                  (raw, n) -> n.length() >= 5 ? null : "a phone number has at least 5 digits",
                  (p, part, alt) -> at(p.facts().phones(), alt),
                  (p, part) -> Double.NaN),
              many(
                  "card_bin",
                  "payment card BIN: the 6 to 8 leading digits the carrier sends, each card",
                  Set.of(PassengerListKind.CARD_BINS.language()),
                  4,
                  (raw, n) ->
                      n.matches("\\d{4,8}")
                          ? null
                          : "a card BIN is 4 to 8 digits, got \"" + raw + "\"",
                  (p, alt) -> at(p.facts().cardBins(), alt)),
              one("seat", "seat on the screened flight", p -> p.facts().seat()),
              one(
                  "booking_class",
                  "booking class on the screened flight",
                  p -> p.facts().bookingClass()),
              one("source", "PNR or API", p -> p.facts().source())),
          List.of(
              ClauseDefinition.word(
                  "severity", "a severity: low, medium, high or critical", SEVERITIES),
              ClauseDefinition.whole("weight", 0, 1000)),
          "a field name such as payment, via or booking_days_before_departure",
          "'severity' or 'weight' after 'then'");

  private PassengerVocabulary() {}

  private static String at(List<String> values, int i) {
    return i < values.size() ? values.get(i) : "";
  }

  private static FieldDefinition<ScreenedPassenger, Void> one(
      String code, String meaning, java.util.function.Function<ScreenedPassenger, String> read) {
    return FieldDefinition.code(code, meaning, Set.of(), read);
  }

  private static FieldDefinition<ScreenedPassenger, Void> country(
      String code, String meaning, java.util.function.Function<ScreenedPassenger, String> read) {
    return FieldDefinition.codes(
        code,
        meaning,
        Set.of(PassengerListKind.COUNTRIES.language()),
        1,
        FieldDefinition::countryCheck,
        (p, alt) -> read.apply(p));
  }

  private static FieldDefinition<ScreenedPassenger, Void> airport(
      String code, String meaning, int arity, FieldDefinition.ValueReader<ScreenedPassenger> read) {
    return FieldDefinition.codes(
        code,
        meaning,
        Set.of(PassengerListKind.AIRPORTS.language()),
        arity,
        (raw, n) -> n.matches("[A-Z]{3}") ? null : "an IATA airport code has three letters",
        read);
  }

  private static FieldDefinition<ScreenedPassenger, Void> many(
      String code,
      String meaning,
      Set<ListKind> lists,
      int arity,
      java.util.function.BiFunction<String, String, String> check,
      FieldDefinition.ValueReader<ScreenedPassenger> read) {
    return FieldDefinition.codes(code, meaning, lists, arity, check, read);
  }
}
