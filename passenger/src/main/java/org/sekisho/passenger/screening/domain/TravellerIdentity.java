package org.sekisho.passenger.screening.domain;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Who a decision on a hit was about: the traveller's name, date of birth and document as the PNR or
 * API data gave them when the hit was raised. A passenger reference can be handed to another person
 * in a later PNR version (a split, a name change, a re-used reference); a decision stays with the
 * person it was made for, so a hit whose traveller is now {@linkplain #sameAs another person} is
 * reopened.
 *
 * @param name {@code SURNAME/GIVEN} in capitals
 * @param dateOfBirth ISO date, empty when unknown
 * @param document document number in capitals, empty when unknown
 * @param gender {@code M}, {@code F}, … as sent, empty when unknown
 */
public record TravellerIdentity(String name, String dateOfBirth, String document, String gender) {
  private static final char SEP = '|';

  public TravellerIdentity {
    name = clean(name);
    dateOfBirth = clean(dateOfBirth);
    document = clean(document);
    gender = clean(gender);
  }

  /** The identity the facts give. */
  public static TravellerIdentity of(PassengerFacts f) {
    LocalDate dob = f.dateOfBirth();
    return new TravellerIdentity(
        f.surname().toUpperCase(Locale.ROOT) + "/" + f.givenName().toUpperCase(Locale.ROOT),
        dob == null ? "" : dob.toString(),
        f.documentNumber().toUpperCase(Locale.ROOT),
        f.gender().toUpperCase(Locale.ROOT));
  }

  /** The stored form; empty for no identity (hits stored before identities were kept). */
  public String encode() {
    return name + SEP + dateOfBirth + SEP + document + SEP + gender;
  }

  /** Reads {@link #encode()}; null for an empty or damaged value. */
  public static TravellerIdentity decode(String stored) {
    if (stored == null || stored.isEmpty()) {
      return null;
    }
    String[] p = stored.split("\\|", -1);
    return p.length == 4 ? new TravellerIdentity(p[0], p[1], p[2], p[3]) : null;
  }

  /**
   * Whether both describe the same person. Another date of birth or sex (both known) is another
   * person. Another name is another person unless the same document or date of birth ties the two
   * together (an airline correcting a misspelt surname); another document is another person when
   * the name differs too (a renewed passport keeps the name). A date, document or sex that one side
   * lacks is no change: an API list adds them to a PNR passenger.
   */
  public boolean sameAs(TravellerIdentity other) {
    if (differ(dateOfBirth, other.dateOfBirth) || differ(gender, other.gender)) {
      return false;
    }
    boolean sameName = letters(name).equals(letters(other.name));
    boolean tied =
        (!document.isEmpty() && document.equals(other.document))
            || (!dateOfBirth.isEmpty() && dateOfBirth.equals(other.dateOfBirth));
    return sameName || (tied && !differ(document, other.document));
  }

  private static boolean differ(String a, String b) {
    return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
  }

  /** {@code SURNAME/GIVEN (1983-03-09, HR7730112)} for a reason shown to the PNR unit. */
  public String shown() {
    String more =
        dateOfBirth.isEmpty()
            ? document
            : document.isEmpty() ? dateOfBirth : dateOfBirth + ", " + document;
    return more.isEmpty() ? name : name + " (" + more + ")";
  }

  private static String letters(String s) {
    return s.codePoints()
        .filter(Character::isLetterOrDigit)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace(String.valueOf(SEP), " ").strip();
  }
}
