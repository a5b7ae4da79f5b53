package org.sekisho.passenger.egate.domain.declaration;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A traveller's customs declaration for accompanied and unaccompanied articles, with the content of
 * Japan Customs' Form C No. 5360.
 *
 * @param flight flight (or vessel) number, e.g. {@code NH110}
 * @param departedFrom place of departure, e.g. {@code NEW YORK}
 * @param arrival date of arrival in Japan
 * @param surname family name as in the passport (Latin letters)
 * @param givenNames given names as in the passport
 * @param nationality ICAO three-letter code, e.g. {@code JPN}, {@code UTO}
 * @param birthDate date of birth
 * @param passportNumber passport number
 * @param occupation occupation as written by the traveller; may be empty
 * @param addressInJapan where the traveller stays in Japan (hotel or home address)
 * @param phone telephone number in Japan; may be empty
 * @param family accompanying family members by age band
 * @param answers the yes/no questions of the form
 * @param unaccompaniedPieces number of pieces sent separately (0 when none)
 * @param memberPassports the passports of accompanying family members passing under it
 * @param goods the goods listed on the form's B side (name, quantity, value), which the form asks
 *     for when a question of 1 or 3 is answered Yes; empty when none are listed
 */
public record CustomsDeclaration(
    String flight,
    String departedFrom,
    LocalDate arrival,
    String surname,
    String givenNames,
    String nationality,
    LocalDate birthDate,
    String passportNumber,
    String occupation,
    String addressInJapan,
    String phone,
    FamilyMembers family,
    Answers answers,
    int unaccompaniedPieces,
    List<MemberPassport> memberPassports,
    List<Good> goods) {

  /** A declaration listing no goods. */
  public CustomsDeclaration(
      String flight,
      String departedFrom,
      LocalDate arrival,
      String surname,
      String givenNames,
      String nationality,
      LocalDate birthDate,
      String passportNumber,
      String occupation,
      String addressInJapan,
      String phone,
      FamilyMembers family,
      Answers answers,
      int unaccompaniedPieces,
      List<MemberPassport> memberPassports) {
    this(
        flight,
        departedFrom,
        arrival,
        surname,
        givenNames,
        nationality,
        birthDate,
        passportNumber,
        occupation,
        addressInJapan,
        phone,
        family,
        answers,
        unaccompaniedPieces,
        memberPassports,
        List.of());
  }

  /** A declaration naming no family member's passport. */
  public CustomsDeclaration(
      String flight,
      String departedFrom,
      LocalDate arrival,
      String surname,
      String givenNames,
      String nationality,
      LocalDate birthDate,
      String passportNumber,
      String occupation,
      String addressInJapan,
      String phone,
      FamilyMembers family,
      Answers answers,
      int unaccompaniedPieces) {
    this(
        flight,
        departedFrom,
        arrival,
        surname,
        givenNames,
        nationality,
        birthDate,
        passportNumber,
        occupation,
        addressInJapan,
        phone,
        family,
        answers,
        unaccompaniedPieces,
        List.of());
  }

  public CustomsDeclaration {
    flight = nz(flight);
    departedFrom = nz(departedFrom);
    Objects.requireNonNull(arrival, "arrival");
    surname = nz(surname);
    givenNames = nz(givenNames);
    nationality = nz(nationality);
    Objects.requireNonNull(birthDate, "birthDate");
    passportNumber = nz(passportNumber);
    occupation = nz(occupation);
    addressInJapan = nz(addressInJapan);
    phone = nz(phone);
    family = family == null ? new FamilyMembers(0, 0, 0) : family;
    answers = answers == null ? Answers.NOTHING_TO_DECLARE : answers;
    memberPassports = memberPassports == null ? List.of() : List.copyOf(memberPassports);
    goods = goods == null ? List.of() : List.copyOf(goods);
  }

  /**
   * One row of the goods the traveller carries (the form's B side).
   *
   * @param name what the goods are, e.g. {@code Whisky 750 ml}
   * @param quantity how many, at least 1
   * @param valueYen their value in yen, all of them together
   */
  public record Good(String name, int quantity, long valueYen) {
    public Good {
      name = nz(name);
      if (quantity < 1) {
        throw new IllegalArgumentException("quantity must be at least 1, got " + quantity);
      }
      if (valueYen < 0) {
        throw new IllegalArgumentException("value cannot be negative, got " + valueYen);
      }
    }
  }

  /**
   * The accompanying family member this declaration names by the passport presented (nationality
   * and number, as the machine-readable zone writes them); empty when it names none such.
   */
  public Optional<MemberPassport> member(String nationality, String number) {
    return memberPassports.stream()
        .filter(m -> m.nationality().equalsIgnoreCase(nationality))
        .filter(m -> m.number().equalsIgnoreCase(number))
        .findFirst();
  }

  /**
   * The passport of an accompanying family member, who passes the gate with it under this (the head
   * of family's) declaration.
   *
   * @param nationality the ICAO code of the passport, e.g. JPN
   * @param number the passport number as printed, up to 9 letters and digits
   */
  public record MemberPassport(String nationality, String number) {
    public MemberPassport {
      nationality = nz(nationality).toUpperCase(java.util.Locale.ROOT);
      number = nz(number).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
      return nationality + " " + number;
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s.strip();
  }

  /** Accompanying family members by the form's age bands. */
  public record FamilyMembers(int aged20AndOver, int aged6To19, int under6) {
    public FamilyMembers {
      if (aged20AndOver < 0 || aged6To19 < 0 || under6 < 0) {
        throw new IllegalArgumentException("family member counts cannot be negative");
      }
    }
  }

  /**
   * The yes/no questions of Form C No. 5360.
   *
   * @param prohibitedOrRestricted goods prohibited or restricted from entry (narcotics, firearms,
   *     counterfeit goods, plants and animals needing quarantine...)
   * @param overDutyFreeAllowance goods exceeding the duty-free allowances
   * @param commercialGoods commercial goods or samples
   * @param goodsForOthers goods asked by someone else to carry
   * @param cashOverOneMillionYen cash, securities or precious metals over ¥1,000,000 in value
   * @param unaccompaniedBaggage baggage sent separately
   */
  public record Answers(
      boolean prohibitedOrRestricted,
      boolean overDutyFreeAllowance,
      boolean commercialGoods,
      boolean goodsForOthers,
      boolean cashOverOneMillionYen,
      boolean unaccompaniedBaggage) {
    public static final Answers NOTHING_TO_DECLARE =
        new Answers(false, false, false, false, false, false);

    /** Any question answered yes that means goods to show at a customs counter. */
    public boolean goodsToDeclare() {
      return prohibitedOrRestricted
          || overDutyFreeAllowance
          || commercialGoods
          || goodsForOthers
          || unaccompaniedBaggage;
    }
  }
}
