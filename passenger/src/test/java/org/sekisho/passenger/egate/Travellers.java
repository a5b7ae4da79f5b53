package org.sekisho.passenger.egate;

import java.time.LocalDate;
import java.util.List;
import org.sekisho.passenger.egate.adapter.chip.ChipDumpJson;
import org.sekisho.passenger.egate.adapter.chip.SpecimenChipIssuer;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.declaration.Base45;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.mrz.MrzData;
import org.sekisho.passenger.egate.domain.mrz.MrzFormat;
import org.sekisho.passenger.egate.domain.mrz.MrzGenerator;

/** A specimen traveller for kiosk tests: passport MRZ, chip, portrait and matching declaration. */
public record Travellers(
    List<String> mrz, ChipFiles chip, byte[] portrait, CustomsDeclaration declaration) {

  public static final LocalDate BIRTH = LocalDate.of(1985, 4, 12);
  public static final String NUMBER = "TK1234567";

  public static Travellers of(SpecimenChipIssuer issuer, LocalDate today) {
    List<String> mrz =
        new MrzGenerator()
            .generate(
                new MrzData(
                    MrzFormat.TD3,
                    "P",
                    "UTO",
                    "ERIKSSON",
                    "ANNA MARIA",
                    NUMBER,
                    "UTO",
                    yymmdd(BIRTH),
                    "F",
                    yymmdd(today.plusYears(5)),
                    "",
                    ""))
            .orElseThrow();
    byte[] portrait = SpecimenChipIssuer.placeholderPortrait(120, 160, 77);
    ChipFiles chip = issuer.issue(String.join("", mrz), portrait, 120, 160);
    CustomsDeclaration d =
        new CustomsDeclaration(
            "NH110",
            "NEW YORK",
            today,
            "ERIKSSON",
            "ANNA MARIA",
            "UTO",
            BIRTH,
            NUMBER,
            "ENGINEER",
            "HOTEL SEKISHO TOKYO",
            "+81 3 1234 5678",
            new CustomsDeclaration.FamilyMembers(0, 0, 0),
            CustomsDeclaration.Answers.NOTHING_TO_DECLARE,
            0);
    return new Travellers(mrz, chip, portrait, d);
  }

  /** The passport number of {@link #member}, the head of family's daughter. */
  public static final String MEMBER_NUMBER = "TK7654321";

  /**
   * A family member of {@link #of}'s traveller with a passport of her own ({@link #MEMBER_NUMBER}),
   * whom the head of family's declaration may list; her {@code declaration} is the head's, naming
   * no member.
   */
  public static Travellers member(SpecimenChipIssuer issuer, LocalDate today) {
    List<String> mrz =
        new MrzGenerator()
            .generate(
                new MrzData(
                    MrzFormat.TD3,
                    "P",
                    "UTO",
                    "ERIKSSON",
                    "LINA",
                    MEMBER_NUMBER,
                    "UTO",
                    yymmdd(LocalDate.of(2015, 8, 3)),
                    "F",
                    yymmdd(today.plusYears(5)),
                    "",
                    ""))
            .orElseThrow();
    byte[] portrait = SpecimenChipIssuer.placeholderPortrait(120, 160, 140);
    ChipFiles chip = issuer.issue(String.join("", mrz), portrait, 120, 160);
    return new Travellers(mrz, chip, portrait, of(issuer, today).declaration());
  }

  /** The chip as the kiosk page uploads it: JSON with Base64 files. */
  public String chipJson() {
    return ChipDumpJson.write(chip);
  }

  /** The same QR text with one body byte changed: its signature no longer verifies. */
  public static String altered(String qrText) {
    byte[] payload = Base45.decode(qrText.substring("SKD1:".length())).orElseThrow();
    // Byte 40 lies inside the declared fields (after version, key id and time).
    payload[40] ^= 0x01;
    return "SKD1:" + Base45.encode(payload);
  }

  private static String yymmdd(LocalDate d) {
    return String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
  }
}
