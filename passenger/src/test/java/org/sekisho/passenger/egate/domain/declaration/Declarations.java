package org.sekisho.passenger.egate.domain.declaration;

import java.time.LocalDate;

/** Sample declarations for tests. */
public final class Declarations {
  private Declarations() {}

  public static CustomsDeclaration nothingToDeclare() {
    return new CustomsDeclaration(
        "NH110",
        "NEW YORK",
        LocalDate.of(2026, 1, 15),
        "ERIKSSON",
        "ANNA MARIA",
        "UTO",
        LocalDate.of(1974, 8, 12),
        "L898902C3",
        "ENGINEER",
        "東京都千代田区丸の内1-1-1 ホテル関所",
        "+81 3 1234 5678",
        new CustomsDeclaration.FamilyMembers(1, 0, 2),
        CustomsDeclaration.Answers.NOTHING_TO_DECLARE,
        0);
  }

  public static CustomsDeclaration withCash() {
    CustomsDeclaration d = nothingToDeclare();
    return new CustomsDeclaration(
        d.flight(),
        d.departedFrom(),
        d.arrival(),
        d.surname(),
        d.givenNames(),
        d.nationality(),
        d.birthDate(),
        d.passportNumber(),
        d.occupation(),
        d.addressInJapan(),
        d.phone(),
        d.family(),
        new CustomsDeclaration.Answers(false, true, false, false, true, true),
        2);
  }
}
