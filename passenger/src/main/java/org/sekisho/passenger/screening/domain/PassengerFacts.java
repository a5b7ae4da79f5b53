package org.sekisho.passenger.screening.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the latest PNR or API data says about one traveller on one flight: the identity that
 * watchlists are searched with and the facts that passenger rules test. Built by {@link
 * TravellerFacts} from parsed messages; plain data, kept between messages so that a flight can be
 * screened again.
 *
 * @param key identifies the traveller within the flight without naming them: {@code
 *     CARRIER/LOCATOR/REF} for a PNR passenger (the PNR's passenger reference, or {@code #N} by
 *     place when it has none or shares it), {@code API/} and a keyed digest ({@link
 *     ApiTravellerKeys}) for an API traveller
 * @param source {@code PNR} or {@code API}
 * @param booking {@code CARRIER/LOCATOR}, empty when no booking is known
 * @param version PNR version the facts come from (0 for API)
 * @param surname surname as sent
 * @param givenName given names without the title the PNR glues on ({@code MR}, {@code MRS}, …)
 * @param dateOfBirth date of birth, null when unknown
 * @param nationality alpha-2, empty when unknown
 * @param documentNumber travel document number as sent, empty when unknown
 * @param documentCountry issuing country of that document, alpha-2, empty when unknown
 * @param gender {@code M}, {@code F}, … as sent, empty when unknown
 * @param departureDate date of the screened flight
 * @param bookingDaysBeforeDeparture days from booking creation to departure, NaN when unknown
 * @param payments forms of payment (type codes: {@code CA} cash, {@code CC} card, …)
 * @param oneWay whether the itinerary never returns to where it starts
 * @param route airports of the itinerary in order
 * @param origin first airport of the journey
 * @param destination last airport of the journey
 * @param bags checked pieces
 * @param bagWeightKg checked weight in kg, NaN when not sent
 * @param travellingAlone whether the booking holds this traveller only
 * @param changed what changed since the booking's previous version ({@code name}, {@code seat},
 *     {@code payment}, {@code itinerary})
 * @param agency IATA number or office of the travel agency that made the booking, empty when none
 * @param seat seat on the screened flight, empty when none
 * @param bookingClass reservation booking designator on the screened flight
 * @param companions keys of the other travellers on the same booking
 * @param phones phone numbers of the booking's contacts, as lists compare them (their national
 *     significant number, see {@code Normal.phone})
 * @param cardBins the leading digits (6 to 8) of each payment card number as far as the carrier
 *     sends them unmasked; never the whole number
 * @param previousName the traveller's name in the booking's previous version as a person would
 *     write it, when this version changed it ({@code changed} holds {@code name}); empty otherwise
 *     or when it cannot be told whose name it was
 */
public record PassengerFacts(
    String key,
    String source,
    String booking,
    int version,
    String surname,
    String givenName,
    LocalDate dateOfBirth,
    String nationality,
    String documentNumber,
    String documentCountry,
    String gender,
    LocalDate departureDate,
    double bookingDaysBeforeDeparture,
    List<String> payments,
    boolean oneWay,
    List<String> route,
    String origin,
    String destination,
    int bags,
    double bagWeightKg,
    boolean travellingAlone,
    Set<String> changed,
    String agency,
    String seat,
    String bookingClass,
    List<String> companions,
    List<String> phones,
    List<String> cardBins,
    String previousName) {

  public PassengerFacts {
    previousName = previousName == null ? "" : previousName;
    payments = List.copyOf(payments);
    route = List.copyOf(route);
    changed = Set.copyOf(changed);
    companions = List.copyOf(companions);
    phones = List.copyOf(phones);
    cardBins = List.copyOf(cardBins);
  }

  /** Facts without a previous name. */
  public PassengerFacts(
      String key,
      String source,
      String booking,
      int version,
      String surname,
      String givenName,
      LocalDate dateOfBirth,
      String nationality,
      String documentNumber,
      String documentCountry,
      String gender,
      LocalDate departureDate,
      double bookingDaysBeforeDeparture,
      List<String> payments,
      boolean oneWay,
      List<String> route,
      String origin,
      String destination,
      int bags,
      double bagWeightKg,
      boolean travellingAlone,
      Set<String> changed,
      String agency,
      String seat,
      String bookingClass,
      List<String> companions,
      List<String> phones,
      List<String> cardBins) {
    this(
        key,
        source,
        booking,
        version,
        surname,
        givenName,
        dateOfBirth,
        nationality,
        documentNumber,
        documentCountry,
        gender,
        departureDate,
        bookingDaysBeforeDeparture,
        payments,
        oneWay,
        route,
        origin,
        destination,
        bags,
        bagWeightKg,
        travellingAlone,
        changed,
        agency,
        seat,
        bookingClass,
        companions,
        phones,
        cardBins,
        "");
  }

  /** Facts without contacts or payment cards. */
  public PassengerFacts(
      String key,
      String source,
      String booking,
      int version,
      String surname,
      String givenName,
      LocalDate dateOfBirth,
      String nationality,
      String documentNumber,
      String documentCountry,
      String gender,
      LocalDate departureDate,
      double bookingDaysBeforeDeparture,
      List<String> payments,
      boolean oneWay,
      List<String> route,
      String origin,
      String destination,
      int bags,
      double bagWeightKg,
      boolean travellingAlone,
      Set<String> changed,
      String agency,
      String seat,
      String bookingClass,
      List<String> companions) {
    this(
        key,
        source,
        booking,
        version,
        surname,
        givenName,
        dateOfBirth,
        nationality,
        documentNumber,
        documentCountry,
        gender,
        departureDate,
        bookingDaysBeforeDeparture,
        payments,
        oneWay,
        route,
        origin,
        destination,
        bags,
        bagWeightKg,
        travellingAlone,
        changed,
        agency,
        seat,
        bookingClass,
        companions,
        List.of(),
        List.of());
  }

  /** Given names and surname, as a person would write them. */
  public String displayName() {
    return (givenName.isBlank() ? "" : givenName.strip() + " ") + surname.strip();
  }

  /** The countries the itinerary touches (alpha-2, in route order, without repeats). */
  public List<String> viaCountries() {
    return route.stream()
        .map(Places::countryOfAirport)
        .filter(c -> !c.isEmpty())
        .distinct()
        .toList();
  }

  /**
   * The same traveller with the identity data of an API record filled in where the PNR had none.
   */
  public PassengerFacts enrichedWith(PassengerFacts api) {
    return new PassengerFacts(
        key,
        source,
        booking,
        version,
        surname,
        givenName,
        dateOfBirth != null ? dateOfBirth : api.dateOfBirth,
        nationality.isEmpty() ? api.nationality : nationality,
        documentNumber.isEmpty() ? api.documentNumber : documentNumber,
        documentCountry.isEmpty() ? api.documentCountry : documentCountry,
        gender.isEmpty() ? api.gender : gender,
        departureDate,
        bookingDaysBeforeDeparture,
        payments,
        oneWay,
        route,
        origin,
        destination,
        bags > 0 ? bags : api.bags,
        Double.isNaN(bagWeightKg) ? api.bagWeightKg : bagWeightKg,
        travellingAlone,
        changed,
        agency,
        seat.isEmpty() ? api.seat : seat,
        bookingClass,
        companions,
        phones,
        cardBins,
        previousName);
  }

  /** The same traveller with {@code name} as the name before this version changed it. */
  public PassengerFacts withPreviousName(String name) {
    return withKey(key, name);
  }

  /**
   * The same facts under another key, with {@code previousName} as the name before: an API list
   * that names a listed document's holder otherwise keeps the earlier list's key, so the hits stay
   * with the document.
   */
  public PassengerFacts withKey(String newKey, String name) {
    return new PassengerFacts(
        newKey,
        source,
        booking,
        version,
        surname,
        givenName,
        dateOfBirth,
        nationality,
        documentNumber,
        documentCountry,
        gender,
        departureDate,
        bookingDaysBeforeDeparture,
        payments,
        oneWay,
        route,
        origin,
        destination,
        bags,
        bagWeightKg,
        travellingAlone,
        changed,
        agency,
        seat,
        bookingClass,
        companions,
        phones,
        cardBins,
        name);
  }
}
