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
}
