package org.sekisho.passenger.pnr.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A passenger or crew member of an API (PAXLST) message.
 *
 * @param role NAD party qualifier: {@code FL} passenger, {@code FM} crew member, {@code DDT}/
 *     {@code DDU} in-transit passenger/crew, {@code COT} other
 * @param surname surname
 * @param givenName first given name
 * @param middleName further given names
 * @param gender {@code M}, {@code F}, {@code U} or {@code X}
 * @param dateOfBirth date of birth, null when absent
 * @param nationality nationality (NAT)
 * @param residence country of residence (LOC 174)
 * @param birthPlace place of birth (LOC 180)
 * @param embarkation airport where the traveller boards (LOC 178)
 * @param debarkation airport where the traveller leaves (LOC 179)
 * @param bookingReference reservation locator (RFF AVF)
 * @param passengerReference unique passenger reference (RFF ABO)
 * @param seat seat (RFF SEA), empty when absent
 * @param documents travel documents
 * @param bagCount checked pieces (MEA CT), null when not declared
 * @param bagWeight total bag weight as sent (MEA WT), empty when absent
 * @param bagWeightUnit unit of {@code bagWeight}, e.g. {@code KGM}
 * @param bagTags bag tags (FTX BAG)
 * @param address address given with the name (NAD street, city, region, postcode, country), joined
 *     with ", "; empty when absent
 * @param contacts telephone numbers and e-mail addresses (COM), as sent
 */
public record Traveller(
    String role,
    String surname,
    String givenName,
    String middleName,
    String gender,
    LocalDate dateOfBirth,
    String nationality,
    String residence,
    String birthPlace,
    String embarkation,
    String debarkation,
    String bookingReference,
    String passengerReference,
    String seat,
    List<TravelDocument> documents,
    Integer bagCount,
    String bagWeight,
    String bagWeightUnit,
    List<BagTag> bagTags,
    String address,
    List<String> contacts) {
  public Traveller {
    documents = List.copyOf(documents);
    bagTags = List.copyOf(bagTags);
    contacts = List.copyOf(contacts);
  }

  /** Whether this is a crew member rather than a passenger. */
  public boolean isCrew() {
    return role.equals("FM") || role.equals("DDU");
  }
}
