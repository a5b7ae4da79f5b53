package org.sekisho.passenger.egate.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.passenger.egate.Travellers;
import org.sekisho.passenger.egate.adapter.chip.CscaMasterList;
import org.sekisho.passenger.egate.adapter.chip.JmrtdPassiveAuthentication;
import org.sekisho.passenger.egate.adapter.chip.SpecimenChipIssuer;
import org.sekisho.passenger.egate.adapter.qr.DeclarationKeyFiles;
import org.sekisho.passenger.egate.adapter.qr.ZxingQrImages;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.decision.GateDecision;
import org.sekisho.passenger.egate.domain.decision.Reason;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.kiosk.ImmigrationAnswers;
import org.sekisho.passenger.egate.domain.kiosk.Purpose;
import org.sekisho.passenger.egate.domain.kiosk.PurposeRecord;
import org.sekisho.passenger.egate.domain.kiosk.TravellerField;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KioskCheckInTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  private static final SpecimenChipIssuer ISSUER = SpecimenChipIssuer.create("UT", CLOCK.instant());

  private final KeyPair keys = DeclarationKeyFiles.generate();
  private final ZxingQrImages qr = new ZxingQrImages();
  private final DeclarationQrService declarations =
      new DeclarationQrService(
          qr,
          Map.of("K1", keys.getPublic()),
          Optional.of(new DeclarationQrService.SigningKey("K1", keys.getPrivate())),
          CLOCK);
  private final List<PurposeRecord> toCustoms = new ArrayList<>();
  private final List<PurposeRecord> toImmigration = new ArrayList<>();
  private final List<AuditEvent> audit = new ArrayList<>();
  private final List<String> faceLog = new ArrayList<>();
  private final InMemoryDeclarationUses uses = new InMemoryDeclarationUses();

  /** Fake matcher: identical bytes match perfectly, anything else scores 0.1. */
  private final FaceMatcher sameImage =
      new FaceMatcher() {
        @Override
        public double similarity(byte[] a, byte[] b) {
          return java.util.Arrays.equals(a, b) ? 1.0 : 0.1;
        }

        @Override
        public String model() {
          return "same-image 1";
        }
      };

  private KioskCheckIn kiosk(CustomsArrivalRecords customs) {
    return new KioskCheckIn(
        new JmrtdPassiveAuthentication(new CscaMasterList(List.of(ISSUER.csca())), CLOCK),
        declarations,
        new FaceVerifications(sameImage, 0.6, faceLog::add),
        passport -> List.of(),
        customs,
        r -> {
          toImmigration.add(r);
          return Outcome.accepted("imm-" + r.captureId());
        },
        uses,
        audit::add,
        CLOCK);
  }

  private KioskCheckIn kiosk() {
    return kiosk(
        r -> {
          toCustoms.add(r);
          return Outcome.accepted("cus-" + r.captureId());
        });
  }

  private static final ImmigrationAnswers TOURIST =
      new ImmigrationAnswers("tourism", 10, false, false, false);

  @Test
  void aYesToCarryingControlledDrugsOrWeaponsIsACustomsReferralNotOnlyAnImmigrationAnswer() {
    Travellers t = Travellers.of(ISSUER, TODAY);
    byte[] frame = qr.png(declarations.sealText(t.declaration()));
    KioskCheckIn.Result r =
        kiosk()
            .checkIn(
                new KioskCheckIn.Capture(
                    t.mrz(),
                    Optional.of(t.chip()),
                    Optional.empty(),
                    frame,
                    t.portrait(),
                    new ImmigrationAnswers("tourism", 10, false, false, true)),
                new KioskCheckIn.Kiosk("kiosk-hnd-07", "customs-jp", "HND"));
    assertThat(r.decision()).isInstanceOf(GateDecision.SecondaryInspection.class);
    assertThat(((GateDecision.SecondaryInspection) r.decision()).referrals())
        .extracting(ref -> ref.reason().name())
        .containsExactly("PROHIBITED_ITEMS_ANSWERED");
    assertThat(toCustoms.get(toCustoms.size() - 1).fields())
        .containsEntry(TravellerField.KIOSK_OFFICE, "HND")
        .hasEntrySatisfying(
            TravellerField.GATE_REFERRALS,
            v -> assertThat(v).startsWith("PROHIBITED_ITEMS_ANSWERED: "));
  }

  @Test
  void aTravellerWithAValidPassportQrAndFacePassesAndBothRecordsAreSent() {
    Travellers t = Travellers.of(ISSUER, TODAY);
    byte[] frame = qr.png(declarations.sealText(t.declaration()));
    KioskCheckIn.Result r =
        kiosk()
            .checkIn(
                new KioskCheckIn.Capture(
                    t.mrz(), Optional.of(t.chip()), Optional.empty(), frame, t.portrait(), TOURIST),
                new KioskCheckIn.Kiosk("kiosk-hnd-07", "customs-jp"));
    assertThat(r.decision()).isInstanceOf(GateDecision.Pass.class);
    assertThat(r.face()).hasValueSatisfying(f -> assertThat(f.similarity()).isEqualTo(1.0));
    assertThat(toCustoms).hasSize(1);
    assertThat(toImmigration).hasSize(1);
    assertThat(r.customsDelivery()).isEqualTo(Outcome.accepted("cus-" + r.captureId()));
    PurposeRecord customs = toCustoms.get(0);
    PurposeRecord immigration = toImmigration.get(0);
    assertThat(customs.purpose()).isEqualTo(Purpose.CUSTOMS);
    assertThat(customs.fields())
        .containsEntry(TravellerField.DOCUMENT_NUMBER, Travellers.NUMBER)
        .containsEntry(TravellerField.FLIGHT, "NH110")
        .containsEntry(TravellerField.PHONE_IN_JAPAN, "+81 3 1234 5678")
        .containsEntry(TravellerField.GATE_DECISION, "pass")
        .doesNotContainKeys(
            TravellerField.SEX,
            TravellerField.PURPOSE_OF_VISIT,
            TravellerField.CRIMINAL_CONVICTION,
            TravellerField.FACE_VERIFICATION);
    assertThat(immigration.fields())
        .containsEntry(TravellerField.DOCUMENT_NUMBER, Travellers.NUMBER)
        .containsEntry(TravellerField.SEX, "F")
        .containsEntry(TravellerField.PURPOSE_OF_VISIT, "tourism")
        .containsEntry(TravellerField.INTENDED_STAY_DAYS, "10")
        .doesNotContainKeys(
            TravellerField.PHONE_IN_JAPAN,
            TravellerField.DECLARATION_ANSWERS,
            TravellerField.TARGETING_HITS,
            TravellerField.GATE_DECISION,
            TravellerField.OCCUPATION);
    assertThat(immigration.captureId()).isEqualTo(customs.captureId()).isEqualTo(r.captureId());
  }

  @Test
  void theDecisionWithFaceThresholdAndScoreIsAudited() {
    Travellers t = Travellers.of(ISSUER, TODAY);
    kiosk()
        .checkIn(
            new KioskCheckIn.Capture(
                t.mrz(),
                Optional.of(t.chip()),
                Optional.of(declarations.sealText(t.declaration())),
                new byte[0],
                new byte[] {1, 2, 3},
                TOURIST),
            new KioskCheckIn.Kiosk("kiosk-hnd-07", "customs-jp"));
    assertThat(audit).hasSize(1);
    AuditEvent e = audit.get(0);
    assertThat(e.actor()).isEqualTo("kiosk-hnd-07");
    assertThat(e.action()).isEqualTo("egate.decision");
    assertThat(e.subject()).isEqualTo("passport:UTO:" + Travellers.NUMBER);
    assertThat(e.details())
        .containsEntry("decision", "secondary-inspection")
        .containsEntry("reasons", "FACE_MISMATCH")
        .containsEntry("face", "mismatch")
        .containsEntry("face.similarity", "0.1000")
        .containsEntry("face.threshold", "0.6000")
        .containsEntry("face.model", "same-image 1");
    assertThat(faceLog)
        .containsExactly("face mismatch: similarity 0.1000 threshold 0.6000 model same-image 1");
  }

  @Test
  void theFaceImagesTheChipAndTheQrFrameAreErasedAfterTheDecision() {
    Travellers t = Travellers.of(ISSUER, TODAY);
    ChipFiles chip = Travellers.of(ISSUER, TODAY).chip();
    byte[] live = t.portrait().clone();
    byte[] frame = qr.png(declarations.sealText(t.declaration()));
    KioskCheckIn.Result r =
        kiosk()
            .checkIn(
                new KioskCheckIn.Capture(
                    t.mrz(), Optional.of(chip), Optional.empty(), frame, live, TOURIST),
                new KioskCheckIn.Kiosk("k", "a"));
    assertThat(r.decision()).isInstanceOf(GateDecision.Pass.class);
    assertThat(live).containsOnly(0);
    assertThat(frame).containsOnly(0);
    assertThat(chip.dataGroup(2)).isNotEmpty().containsOnly(0);
    assertThat(chip.dataGroup(1)).containsOnly(0);
  }

  @Test
  void anAlteredQrSendsTheTravellerToSecondaryInspectionWithTheSignatureReason() {
    Travellers t = Travellers.of(ISSUER, TODAY);
    String altered = Travellers.altered(declarations.sealText(t.declaration()));
    KioskCheckIn.Result r =
        kiosk()
            .checkIn(
                new KioskCheckIn.Capture(
                    t.mrz(),
                    Optional.of(t.chip()),
                    Optional.empty(),
                    qr.png(altered),
                    t.portrait(),
                    TOURIST),
                new KioskCheckIn.Kiosk("k", "a"));
    assertThat(r.decision())
        .isInstanceOfSatisfying(
            GateDecision.SecondaryInspection.class,
            s -> {
              assertThat(s.referrals()).hasSize(1);
              assertThat(s.referrals().get(0).reason()).isEqualTo(Reason.DECLARATION_INVALID);
              assertThat(s.referrals().get(0).detail()).contains("qr-signature-invalid");
            });
    assertThat(toCustoms.get(0).fields().get(TravellerField.DECLARATION_SIGNATURE))
        .startsWith("refused: qr-signature-invalid");
  }

  @Test
  void withoutAChipThereIsNoFaceComparisonAndTheLiveImageIsStillErased() {
    Travellers t = Travellers.of(ISSUER, TODAY);
    byte[] live = t.portrait().clone();
    KioskCheckIn.Result r =
        kiosk()
            .checkIn(
                new KioskCheckIn.Capture(
                    t.mrz(),
                    Optional.empty(),
                    Optional.of(declarations.sealText(t.declaration())),
                    null,
                    live,
                    TOURIST),
                new KioskCheckIn.Kiosk("k", "a"));
    assertThat(r.face()).isEmpty();
    assertThat(live).containsOnly(0);
    assertThat(((GateDecision.SecondaryInspection) r.decision()).referrals())
        .extracting(x -> x.reason())
        .containsExactly(Reason.PASSIVE_AUTHENTICATION_FAILED, Reason.FACE_NOT_COMPARED);
  }

  @Test
  void aFailingCustomsEndpointDoesNotBlockTheDecisionOrTheImmigrationRecord() {
    Travellers t = Travellers.of(ISSUER, TODAY);
    KioskCheckIn.Result r =
        kiosk(
                rec -> {
                  throw new IllegalStateException("connection refused");
                })
            .checkIn(
                new KioskCheckIn.Capture(
                    t.mrz(),
                    Optional.of(t.chip()),
                    Optional.of(declarations.sealText(t.declaration())),
                    null,
                    t.portrait(),
                    TOURIST),
                new KioskCheckIn.Kiosk("k", "a"));
    assertThat(r.decision()).isInstanceOf(GateDecision.Pass.class);
    assertThat(r.customsDelivery().isAccepted()).isFalse();
    assertThat(r.customsDelivery().problems().get(0).message()).contains("connection refused");
    assertThat(toImmigration).hasSize(1);
    assertThat(audit.get(0).details().get("customs.record")).startsWith("failed:");
  }

  @Test
  void withNoFaceModelTheTravellerIsReferredAsNotComparedAndNotAsAMismatch() {
    Travellers t = Travellers.of(ISSUER, TODAY);
    KioskCheckIn noModel =
        new KioskCheckIn(
            new JmrtdPassiveAuthentication(new CscaMasterList(List.of(ISSUER.csca())), CLOCK),
            declarations,
            new FaceVerifications(
                new org.sekisho.passenger.egate.adapter.face.NoFaceModel(), 1.0, faceLog::add),
            passport -> List.of(),
            r -> Outcome.accepted("cus"),
            r -> Outcome.accepted("imm"),
            uses,
            audit::add,
            CLOCK);
    KioskCheckIn.Result r =
        noModel.checkIn(
            new KioskCheckIn.Capture(
                t.mrz(),
                Optional.of(t.chip()),
                Optional.of(declarations.sealText(t.declaration())),
                null,
                t.portrait().clone(),
                TOURIST),
            new KioskCheckIn.Kiosk("k", "a"));
    assertThat(r.face()).isEmpty();
    assertThat(((GateDecision.SecondaryInspection) r.decision()).referrals())
        .containsExactly(
            new org.sekisho.passenger.egate.domain.decision.Referral(
                Reason.FACE_NOT_COMPARED,
                "no face model configured",
                "detail.face.noModel",
                java.util.List.of()));
    assertThat(audit.get(0).details())
        .containsEntry("face", "not compared: no face model configured");
    assertThat(faceLog).isEmpty();
  }

  /** A check-in with a copy of {@code t}'s chip, which the kiosk erases after reading. */
  private KioskCheckIn.Result checkIn(KioskCheckIn k, Travellers t, String qrText, String kiosk) {
    ChipFiles chip = new ChipFiles(t.chip().com(), t.chip().dataGroups(), t.chip().sod());
    return k.checkIn(
        new KioskCheckIn.Capture(
            t.mrz(), Optional.of(chip), Optional.of(qrText), null, t.portrait().clone(), TOURIST),
        new KioskCheckIn.Kiosk(kiosk, "customs-jp", "HND"));
  }

  private static List<String> reasons(KioskCheckIn.Result r) {
    return r.decision() instanceof GateDecision.SecondaryInspection s
        ? s.referrals().stream().map(ref -> ref.reason().name()).toList()
        : List.of();
  }

  @Test
  void aHeadOfFamilysDeclarationServesTheHeadAndEachListedPassportOnceEach() {
    Travellers head = Travellers.of(ISSUER, TODAY);
    Travellers member = Travellers.member(ISSUER, TODAY);
    CustomsDeclaration d = head.declaration();
    String qrText =
        declarations.sealText(
            new CustomsDeclaration(
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
                new CustomsDeclaration.FamilyMembers(0, 1, 0),
                d.answers(),
                0,
                List.of(new CustomsDeclaration.MemberPassport("UTO", Travellers.MEMBER_NUMBER))));
    KioskCheckIn k = kiosk();
    assertThat(checkIn(k, head, qrText, "kiosk-hnd-01").decision())
        .isInstanceOf(GateDecision.Pass.class);
    assertThat(checkIn(k, member, qrText, "kiosk-hnd-01").decision())
        .isInstanceOf(GateDecision.Pass.class);
    assertThat(uses.size()).isEqualTo(2);
    // the daughter's passport shown again with the same QR, at another gate
    KioskCheckIn.Result again = checkIn(k, member, qrText, "kiosk-hnd-02");
    assertThat(reasons(again)).containsExactly("DECLARATION_ALREADY_USED");
    assertThat(((GateDecision.SecondaryInspection) again.decision()).referrals().get(0).detail())
        .startsWith("this declaration was already used at gate kiosk-hnd-01 at 2026-03-10 09:00 ");
    assertThat(toCustoms.get(toCustoms.size() - 1).fields())
        .containsEntry(TravellerField.DECLARATION_ID, again.declaration().orElseThrow().id());
  }

  @Test
  void whenTheStoreOfUsesFailsTheGateRefersRatherThanOpenOnADeclarationItCouldNotHold() {
    Travellers t = Travellers.of(ISSUER, TODAY);
    KioskCheckIn broken =
        new KioskCheckIn(
            new JmrtdPassiveAuthentication(new CscaMasterList(List.of(ISSUER.csca())), CLOCK),
            declarations,
            new FaceVerifications(sameImage, 0.6, faceLog::add),
            passport -> List.of(),
            r -> Outcome.accepted("cus"),
            r -> Outcome.accepted("imm"),
            use -> Outcome.rejected("store-failed", "declaration_use", "connection refused"),
            audit::add,
            CLOCK);
    KioskCheckIn.Result r =
        checkIn(broken, t, declarations.sealText(t.declaration()), "kiosk-hnd-01");
    assertThat(reasons(r)).containsExactly("DECLARATION_USE_NOT_CHECKED");
    assertThat(audit.get(audit.size() - 1).details())
        .containsEntry("reasons", "DECLARATION_USE_NOT_CHECKED");
  }
}
