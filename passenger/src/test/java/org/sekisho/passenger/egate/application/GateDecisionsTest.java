package org.sekisho.passenger.egate.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.passenger.egate.adapter.chip.CscaMasterList;
import org.sekisho.passenger.egate.adapter.chip.JmrtdPassiveAuthentication;
import org.sekisho.passenger.egate.adapter.chip.SpecimenChipIssuer;
import org.sekisho.passenger.egate.adapter.qr.DeclarationKeyFiles;
import org.sekisho.passenger.egate.adapter.qr.ZxingQrImages;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.decision.GateDecision;
import org.sekisho.passenger.egate.domain.decision.Reason;
import org.sekisho.passenger.egate.domain.decision.Referral;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.declaration.Declarations;
import org.sekisho.passenger.egate.domain.face.FaceVerification;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GateDecisionsTest {
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final SpecimenChipIssuer ISSUER = SpecimenChipIssuer.create("UT", NOW);
  private static final KeyPair QR_KEYS = DeclarationKeyFiles.generate();
  private static final List<String> MRZ =
      new org.sekisho.passenger.egate.domain.mrz.MrzGenerator()
          .generate(
              new org.sekisho.passenger.egate.domain.mrz.MrzData(
                  org.sekisho.passenger.egate.domain.mrz.MrzFormat.TD3,
                  "P",
                  "UTO",
                  "ERIKSSON",
                  "ANNA MARIA",
                  "L898902C3",
                  "UTO",
                  "740812",
                  "F",
                  "300415",
                  "ZE184226B",
                  ""))
          .orElseThrow();
  private static final FaceVerification GOOD_FACE = new FaceVerification(0.81, 0.6, "test");

  private final DeclarationQrService qr =
      new DeclarationQrService(
          new ZxingQrImages(),
          Map.of("K1", QR_KEYS.getPublic()),
          Optional.of(new DeclarationQrService.SigningKey("K1", QR_KEYS.getPrivate())),
          CLOCK);

  private GateDecisions gate(TargetingCheck targeting) {
    return new GateDecisions(
        new JmrtdPassiveAuthentication(new CscaMasterList(List.of(ISSUER.csca())), CLOCK),
        qr,
        targeting,
        CLOCK);
  }

  private ChipFiles chip() {
    return ISSUER.issue(
        String.join("", MRZ), SpecimenChipIssuer.placeholderPortrait(40, 50, 3), 40, 50);
  }

  private static List<Reason> reasons(GateDecision d) {
    return d instanceof GateDecision.SecondaryInspection s
        ? s.referrals().stream().map(Referral::reason).toList()
        : List.of();
  }

  @Test
  void aGenuineTravellerWithNothingToDeclarePasses() {
    GateDecision d =
        gate(m -> List.of())
            .decide(MRZ, chip(), qr.sealText(Declarations.nothingToDeclare()), GOOD_FACE);
    assertThat(d).isInstanceOf(GateDecision.Pass.class);
  }

  @Test
  void cashAndGoodsSendTheTravellerToACustomsOfficerWithBothReasons() {
    GateDecision d =
        gate(m -> List.of()).decide(MRZ, chip(), qr.sealText(Declarations.withCash()), GOOD_FACE);
    assertThat(reasons(d)).containsExactly(Reason.GOODS_TO_DECLARE, Reason.CASH_DECLARED);
  }

  @Test
  void aTamperedChipAFaceMismatchAndATargetingHitAreAllListed() {
    ChipFiles tampered = chip().withDataGroup(2, new byte[] {0x75, 0x00});
    GateDecision d =
        gate(m -> List.of("watchlist W-17"))
            .decide(
                MRZ,
                tampered,
                qr.sealText(Declarations.nothingToDeclare()),
                new FaceVerification(0.2, 0.6, "test"));
    assertThat(reasons(d))
        .containsExactly(
            Reason.PASSIVE_AUTHENTICATION_FAILED, Reason.FACE_MISMATCH, Reason.TARGETING_HIT);
  }

  @Test
  void anExpiredPassportAndAForgedQrAreReferred() {
    List<String> expired =
        List.of(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    ChipFiles chip =
        ISSUER.issue(
            String.join("", expired), SpecimenChipIssuer.placeholderPortrait(40, 50, 3), 40, 50);
    String forged =
        org.sekisho.passenger.egate.domain.declaration.DeclarationQrFormat.seal(
            Declarations.nothingToDeclare(),
            "K1",
            DeclarationKeyFiles.generate().getPrivate(),
            NOW);
    GateDecision d = gate(m -> List.of()).decide(expired, chip, forged, GOOD_FACE);
    assertThat(reasons(d)).containsExactly(Reason.DOCUMENT_EXPIRED, Reason.DECLARATION_INVALID);
  }

  @Test
  void aDeclarationForAnotherPassportIsReferred() {
    CustomsDeclaration other = Declarations.nothingToDeclare();
    other =
        new CustomsDeclaration(
            other.flight(),
            other.departedFrom(),
            other.arrival(),
            other.surname(),
            other.givenNames(),
            other.nationality(),
            other.birthDate(),
            "ZZ9999999",
            other.occupation(),
            other.addressInJapan(),
            other.phone(),
            other.family(),
            other.answers(),
            0);
    GateDecision d = gate(m -> List.of()).decide(MRZ, chip(), qr.sealText(other), GOOD_FACE);
    assertThat(reasons(d)).containsExactly(Reason.DECLARATION_NOT_FOR_THIS_PASSPORT);
  }

  private static CustomsDeclaration declaration(
      String surname, String given, String nationality, java.time.LocalDate arrival) {
    CustomsDeclaration d = Declarations.nothingToDeclare();
    return new CustomsDeclaration(
        d.flight(),
        d.departedFrom(),
        arrival,
        surname,
        given,
        nationality,
        d.birthDate(),
        d.passportNumber(),
        d.occupation(),
        d.addressInJapan(),
        d.phone(),
        d.family(),
        d.answers(),
        0);
  }

  private static List<String> mrz(
      org.sekisho.passenger.egate.domain.mrz.MrzFormat format, String code, String number) {
    return new org.sekisho.passenger.egate.domain.mrz.MrzGenerator()
        .generate(
            new org.sekisho.passenger.egate.domain.mrz.MrzData(
                format,
                code,
                "UTO",
                "ERIKSSON",
                "ANNA MARIA",
                number,
                "UTO",
                "740812",
                "F",
                "300415",
                "",
                ""))
        .orElseThrow();
  }

  @Test
  void aDeclarationInSomeoneElsesNameOrNationalityIsReferredEvenWithTheSamePassportNumber() {
    java.time.LocalDate today = java.time.LocalDate.of(2026, 1, 15);
    GateDecision smith =
        gate(m -> List.of())
            .decide(
                MRZ, chip(), qr.sealText(declaration("SMITH", "JOHN", "UTO", today)), GOOD_FACE);
    assertThat(reasons(smith)).containsExactly(Reason.DECLARATION_NOT_FOR_THIS_PASSPORT);
    assertThat(((GateDecision.SecondaryInspection) smith).referrals().get(0).detail())
        .startsWith("differs in surname, given names:");
    GateDecision british =
        gate(m -> List.of())
            .decide(
                MRZ,
                chip(),
                qr.sealText(declaration("ERIKSSON", "ANNA MARIA", "GBR", today)),
                GOOD_FACE);
    assertThat(reasons(british)).containsExactly(Reason.DECLARATION_NOT_FOR_THIS_PASSPORT);
  }

  @Test
  void theNameIsComparedInTheMrzAlphabetSoAHyphenatedGivenNamePasses() {
    GateDecision d =
        gate(m -> List.of())
            .decide(
                MRZ,
                chip(),
                qr.sealText(
                    declaration(
                        "ERIKSSON", "ANNA-MARIA", "UTO", java.time.LocalDate.of(2026, 1, 15))),
                GOOD_FACE);
    assertThat(d).isInstanceOf(GateDecision.Pass.class);
  }

  @Test
  void aDeclarationForAnEarlierOrLaterArrivalIsReferredButADelayedFlightIsNot() {
    for (java.time.LocalDate arrival :
        List.of(java.time.LocalDate.of(2025, 12, 16), java.time.LocalDate.of(2026, 4, 9))) {
      GateDecision d =
          gate(m -> List.of())
              .decide(
                  MRZ,
                  chip(),
                  qr.sealText(declaration("ERIKSSON", "ANNA MARIA", "UTO", arrival)),
                  GOOD_FACE);
      assertThat(reasons(d))
          .as("arrival %s", arrival)
          .containsExactly(Reason.DECLARATION_NOT_FOR_TODAY);
    }
    GateDecision delayed =
        gate(m -> List.of())
            .decide(
                MRZ,
                chip(),
                qr.sealText(
                    declaration(
                        "ERIKSSON", "ANNA MARIA", "UTO", java.time.LocalDate.of(2026, 1, 14))),
                GOOD_FACE);
    assertThat(delayed).isInstanceOf(GateDecision.Pass.class);
  }

  @Test
  void anIdentityCardOrAVisaIsNotAPassportAndIsReferred() {
    List<String> card = mrz(org.sekisho.passenger.egate.domain.mrz.MrzFormat.TD1, "I", "D23145890");
    List<String> visa =
        mrz(org.sekisho.passenger.egate.domain.mrz.MrzFormat.MRVA, "V", "L898902C3");
    for (List<String> doc : List.of(card, visa)) {
      CustomsDeclaration d = Declarations.nothingToDeclare();
      String number = doc == card ? "D23145890" : "L898902C3";
      CustomsDeclaration decl =
          new CustomsDeclaration(
              d.flight(),
              d.departedFrom(),
              d.arrival(),
              d.surname(),
              d.givenNames(),
              d.nationality(),
              d.birthDate(),
              number,
              d.occupation(),
              d.addressInJapan(),
              d.phone(),
              d.family(),
              d.answers(),
              0);
      ChipFiles chip =
          ISSUER.issue(
              String.join("", doc), SpecimenChipIssuer.placeholderPortrait(40, 50, 3), 40, 50);
      GateDecision g = gate(m -> List.of()).decide(doc, chip, qr.sealText(decl), GOOD_FACE);
      assertThat(reasons(g)).as("%s", doc).containsExactly(Reason.DOCUMENT_NOT_A_PASSPORT);
    }
  }

  @Test
  void withoutAFaceComparisonTheReasonIsFaceNotComparedNotAMismatch() {
    GateDecision d =
        gate(m -> List.of())
            .decide(MRZ, chip(), qr.sealText(Declarations.nothingToDeclare()), null);
    assertThat(reasons(d)).containsExactly(Reason.FACE_NOT_COMPARED);
    assertThat(((GateDecision.SecondaryInspection) d).referrals().get(0).detail())
        .isEqualTo("no live face image");
  }
}
