package org.sekisho.passenger.egate.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.chip.ChipReading;
import org.sekisho.passenger.egate.domain.decision.DeclarationUse;
import org.sekisho.passenger.egate.domain.decision.GateDecision;
import org.sekisho.passenger.egate.domain.decision.GateInputs;
import org.sekisho.passenger.egate.domain.decision.GateRules;
import org.sekisho.passenger.egate.domain.decision.Referral;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.declaration.SealedDeclaration;
import org.sekisho.passenger.egate.domain.face.FaceVerification;
import org.sekisho.passenger.egate.domain.kiosk.ArrivalCapture;
import org.sekisho.passenger.egate.domain.kiosk.ImmigrationAnswers;
import org.sekisho.passenger.egate.domain.kiosk.Purpose;
import org.sekisho.passenger.egate.domain.kiosk.TravellerField;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;
import org.sekisho.passenger.egate.domain.mrz.MrzParser;
import org.sekisho.passenger.egate.domain.referral.GateReferrals;

/**
 * The integrated kiosk: one capture of passport (printed MRZ and chip), declaration QR, live face
 * and immigration items gives the gate decision; the capture is then split by the field-level
 * purpose rules ({@link TravellerField}) into a customs record and an immigration record, each sent
 * through its own port; the decision, with the face threshold and score, goes to the audit trail.
 *
 * <p>Face images are deleted after the decision: the live capture and the QR camera frame are
 * zeroed in the caller's arrays and the chip files are erased, whatever the outcome. Never throws
 * for bad traveller input. Thread-safe when its ports are.
 */
public final class KioskCheckIn {
  /**
   * The kiosk device that captured the traveller.
   *
   * @param office the office the kiosk stands in (its account's office; blank when it has none):
   *     that office's officers deal with the travellers it refers
   */
  public record Kiosk(String id, String agency, String office) {
    public Kiosk {
      office = office == null ? "" : office.strip();
    }

    /** A kiosk with no office on record. */
    public Kiosk(String id, String agency) {
      this(id, agency, "");
    }
  }

  /**
   * One capture.
   *
   * @param mrzLines the printed MRZ as read by the document reader
   * @param chip the chip files, when the chip was read
   * @param qrText the declaration QR text when a scanner decoded it; otherwise {@code qrFrame}
   * @param qrFrame a camera frame showing the declaration QR (empty when {@code qrText} is given)
   * @param liveFace the live face capture (JPEG or PNG)
   * @param immigration the immigration items
   * @param requestId the kiosk's own id for this capture, sent again when it retries the request
   *     (its answer lost): the same kiosk and request id give the same capture id, so a retry is
   *     the same capture, not a second use of the declaration; empty: every request is a capture
   */
  public record Capture(
      List<String> mrzLines,
      Optional<ChipFiles> chip,
      Optional<String> qrText,
      byte[] qrFrame,
      byte[] liveFace,
      ImmigrationAnswers immigration,
      Optional<String> requestId) {
    public Capture {
      mrzLines = List.copyOf(mrzLines);
      qrFrame = qrFrame == null ? new byte[0] : qrFrame;
      liveFace = liveFace == null ? new byte[0] : liveFace;
      requestId = requestId == null ? Optional.empty() : requestId.filter(r -> !r.isBlank());
    }

    /** A capture the kiosk gave no request id. */
    public Capture(
        List<String> mrzLines,
        Optional<ChipFiles> chip,
        Optional<String> qrText,
        byte[] qrFrame,
        byte[] liveFace,
        ImmigrationAnswers immigration) {
      this(mrzLines, chip, qrText, qrFrame, liveFace, immigration, Optional.empty());
    }
  }

  /**
   * What the kiosk shows and the officer needs.
   *
   * @param captureId the capture's identifier, in both records and the audit entry
   * @param decision pass or secondary inspection with reasons
   * @param face the face comparison, empty when none could be made (no authenticated chip, no live
   *     image or no face model configured; the referral reason {@code FACE_NOT_COMPARED} says
   *     which)
   * @param declaration the verified declaration, or why it was refused
   * @param customsDelivery the customs endpoint's receipt, or why it failed
   * @param immigrationDelivery the immigration endpoint's receipt, or why it failed
   */
  public record Result(
      String captureId,
      GateDecision decision,
      Optional<FaceVerification> face,
      Outcome<SealedDeclaration> declaration,
      Outcome<String> customsDelivery,
      Outcome<String> immigrationDelivery) {}

  private final MrzParser mrzParser;
  private final PassiveAuthentication passiveAuthentication;
  private final DeclarationQrService declarations;
  private final FaceVerifications faces;
  private final TargetingCheck targeting;
  private final CustomsArrivalRecords customs;
  private final ImmigrationArrivalRecords immigration;
  private final DeclarationUses uses;
  private final AuditTrail audit;
  private final Clock clock;

  public KioskCheckIn(
      PassiveAuthentication passiveAuthentication,
      DeclarationQrService declarations,
      FaceVerifications faces,
      TargetingCheck targeting,
      CustomsArrivalRecords customs,
      ImmigrationArrivalRecords immigration,
      DeclarationUses uses,
      AuditTrail audit,
      Clock clock) {
    this.mrzParser = new MrzParser(clock);
    this.passiveAuthentication = passiveAuthentication;
    this.declarations = declarations;
    this.faces = faces;
    this.targeting = targeting;
    this.customs = customs;
    this.immigration = immigration;
    this.uses = uses;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Decides for one traveller, sends both records and audits the decision. A verified declaration
   * is held for the passport presented ({@link DeclarationUses}): shown again by another capture,
   * at this gate or another, the traveller is referred.
   */
  public Result checkIn(Capture capture, Kiosk kiosk) {
    String captureId =
        capture
            .requestId()
            .map(r -> captureId(kiosk, r))
            .orElseGet(() -> UUID.randomUUID().toString());
    Instant at = clock.instant();
    Outcome<MachineReadableZone> mrz;
    Outcome<ChipReading> chip;
    Outcome<SealedDeclaration> declaration;
    FaceVerification face = null;
    String faceNotCompared = "";
    try {
      mrz = mrzParser.parse(capture.mrzLines());
      chip =
          capture
              .chip()
              .map(passiveAuthentication::verify)
              .orElseGet(
                  () ->
                      Outcome.rejected(
                          "chip-not-read", "chip", "the passport chip was not read at the kiosk"));
      declaration = readDeclaration(capture);
      if (!(chip instanceof Outcome.Accepted<ChipReading> c)) {
        faceNotCompared = "no authenticated chip portrait to compare with";
      } else if (capture.liveFace().length == 0) {
        faceNotCompared = "no live face image";
      } else if (!faces.configured()) {
        faceNotCompared = "no face model configured";
      } else {
        face = faces.verify(c.value().face(), capture.liveFace());
      }
    } finally {
      // Face images are deleted after the decision (DESIGN section 7), whatever happened.
      Arrays.fill(capture.liveFace(), (byte) 0);
      Arrays.fill(capture.qrFrame(), (byte) 0);
      capture.chip().ifPresent(ChipFiles::erase);
    }
    List<String> hits =
        mrz instanceof Outcome.Accepted<MachineReadableZone> a
            ? targeting.hits(a.value())
            : List.of();
    DeclarationUse use = use(mrz, declaration, captureId, kiosk, at);
    GateInputs inputs =
        new GateInputs(
            mrz,
            chip,
            declaration,
            face,
            hits,
            LocalDate.now(clock),
            faceNotCompared,
            capture.immigration() != null && capture.immigration().carryingProhibitedItems(),
            use);
    GateDecision decision = GateRules.decide(inputs);
    // a family member passing with their own passport under the head of family's declaration
    Optional<String> declarant = Optional.empty();
    if (declaration instanceof Outcome.Accepted<SealedDeclaration> head
        && GateRules.familyMember(inputs).isPresent()) {
      CustomsDeclaration d = head.value().declaration();
      declarant = Optional.of(d.nationality() + ":" + d.passportNumber());
    }
    ArrivalCapture all =
        new ArrivalCapture(
            captureId,
            kiosk.id(),
            at,
            fields(
                mrz,
                chip,
                declaration,
                face,
                hits,
                decision,
                capture.immigration(),
                kiosk,
                declarant));
    // The two records go to two endpoints (HTTP services in production): sent side by side, so
    // the traveller waits for the slower one rather than for both in turn.
    Outcome<String> toCustoms;
    Outcome<String> toImmigration;
    try (ExecutorService send = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Outcome<String>> c =
          send.submit(() -> deliver(() -> customs.send(all.recordFor(Purpose.CUSTOMS))));
      toImmigration = deliver(() -> immigration.send(all.recordFor(Purpose.IMMIGRATION)));
      toCustoms = await(c);
    }
    audit.record(
        new AuditEvent(
            at,
            kiosk.id(),
            kiosk.agency(),
            "egate.decision",
            mrz instanceof Outcome.Accepted<MachineReadableZone> a
                ? "passport:" + a.value().issuingState() + ":" + a.value().documentNumber()
                : "capture:" + captureId,
            auditDetails(
                captureId,
                decision,
                face,
                faceNotCompared,
                toCustoms,
                toImmigration,
                declarant,
                declaration,
                use)));
    return new Result(
        captureId, decision, Optional.ofNullable(face), declaration, toCustoms, toImmigration);
  }

  /**
   * The capture id of the kiosk's request id: a name-based UUID of the kiosk and the request id, so
   * that a retry is the same capture and two kiosks' request ids never meet.
   */
  static String captureId(Kiosk kiosk, String requestId) {
    return UUID.nameUUIDFromBytes(
            ("sekisho-egate-capture\n" + kiosk.id() + "\n" + requestId)
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /**
   * Holds the verified declaration for the passport presented: {@code First} when this capture
   * holds it (or there is nothing to hold: no verified declaration, no passport read, and such a
   * traveller is referred for that already).
   */
  private DeclarationUse use(
      Outcome<MachineReadableZone> mrz,
      Outcome<SealedDeclaration> declaration,
      String captureId,
      Kiosk kiosk,
      Instant at) {
    if (!(declaration instanceof Outcome.Accepted<SealedDeclaration> d)
        || !(mrz instanceof Outcome.Accepted<MachineReadableZone> m)) {
      return new DeclarationUse.First();
    }
    DeclarationUses.Use mine =
        new DeclarationUses.Use(
            d.value().id(),
            m.value().nationality() + ":" + m.value().documentNumber(),
            captureId,
            kiosk.id(),
            at);
    Outcome<DeclarationUses.Use> held;
    try {
      held = uses.claim(mine);
    } catch (RuntimeException e) {
      // a port must not throw; if it does, the gate still does not open on an unheld declaration
      held = Outcome.rejected("store-failed", "declaration_use", String.valueOf(e.getMessage()));
    }
    return switch (held) {
      case Outcome.Rejected<DeclarationUses.Use> r ->
          new DeclarationUse.Unknown(r.problems().get(0).message());
      case Outcome.Accepted<DeclarationUses.Use> h ->
          h.value().captureId().equals(captureId)
              ? new DeclarationUse.First()
              : new DeclarationUse.Earlier(
                  h.value().captureId(), h.value().kiosk(), h.value().at().atZone(clock.getZone()));
    };
  }

  private Outcome<SealedDeclaration> readDeclaration(Capture capture) {
    if (capture.qrText().isPresent() && !capture.qrText().get().isBlank()) {
      return declarations.readText(capture.qrText().get());
    }
    if (capture.qrFrame().length > 0) {
      return declarations.readImage(capture.qrFrame());
    }
    return Outcome.rejected("qr-missing", "declaration", "no declaration QR was shown");
  }

  private static Outcome<String> await(Future<Outcome<String>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.rejected("delivery-failed", "endpoint", "interrupted while sending");
    } catch (ExecutionException e) {
      return Outcome.rejected("delivery-failed", "endpoint", String.valueOf(e.getCause()));
    }
  }

  private static Outcome<String> deliver(java.util.function.Supplier<Outcome<String>> send) {
    try {
      return send.get();
    } catch (RuntimeException e) {
      // A port must not throw, but an endpoint outage must never block the gate decision.
      return Outcome.rejected("delivery-failed", "endpoint", String.valueOf(e.getMessage()));
    }
  }

  private static Map<String, String> auditDetails(
      String captureId,
      GateDecision decision,
      FaceVerification face,
      String faceNotCompared,
      Outcome<String> toCustoms,
      Outcome<String> toImmigration,
      Optional<String> declarant,
      Outcome<SealedDeclaration> declaration,
      DeclarationUse use) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("capture", captureId);
    d.put("decision", decisionCode(decision));
    if (declaration instanceof Outcome.Accepted<SealedDeclaration> a) {
      d.put("declaration.id", a.value().id());
    }
    // by ids: which capture used this declaration first, where and when
    if (use instanceof DeclarationUse.Earlier e) {
      d.put(
          "declaration.used",
          "capture " + e.captureId() + " at " + e.kiosk() + " " + e.at().toInstant());
    }
    // by ids: whose declaration covers this family member
    declarant.ifPresent(p -> d.put("declaration", "family member of passport:" + p));
    if (decision instanceof GateDecision.SecondaryInspection s) {
      d.put(
          "reasons",
          s.referrals().stream().map(r -> r.reason().name()).collect(Collectors.joining(",")));
    }
    if (face == null) {
      d.put("face", "not compared: " + faceNotCompared);
    } else {
      d.put("face", face.match() ? "match" : "mismatch");
      d.put("face.similarity", String.format(Locale.ROOT, "%.4f", face.similarity()));
      d.put("face.threshold", String.format(Locale.ROOT, "%.4f", face.threshold()));
      d.put("face.model", face.model());
    }
    d.put("customs.record", delivery(toCustoms));
    d.put("immigration.record", delivery(toImmigration));
    return d;
  }

  private static String delivery(Outcome<String> o) {
    return switch (o) {
      case Outcome.Accepted<String> a -> a.value();
      case Outcome.Rejected<String> r -> "failed: " + r.problems().get(0).message();
    };
  }

  /** {@code pass} or {@code secondary-inspection}. */
  public static String decisionCode(GateDecision d) {
    return d instanceof GateDecision.Pass ? "pass" : "secondary-inspection";
  }

  private static Map<TravellerField, String> fields(
      Outcome<MachineReadableZone> mrz,
      Outcome<ChipReading> chip,
      Outcome<SealedDeclaration> declaration,
      FaceVerification face,
      List<String> hits,
      GateDecision decision,
      ImmigrationAnswers answers,
      Kiosk kiosk,
      Optional<String> declarant) {
    Map<TravellerField, String> f = new EnumMap<>(TravellerField.class);
    declarant.ifPresent(p -> f.put(TravellerField.DECLARED_BY, p));
    if (!kiosk.office().isEmpty()) {
      f.put(TravellerField.KIOSK_OFFICE, kiosk.office());
    }
    if (mrz instanceof Outcome.Accepted<MachineReadableZone> a) {
      MachineReadableZone m = a.value();
      f.put(TravellerField.DOCUMENT_TYPE, m.field("document_code").replace("<", ""));
      f.put(TravellerField.ISSUING_STATE, m.issuingState());
      f.put(TravellerField.DOCUMENT_NUMBER, m.documentNumber());
      f.put(TravellerField.SURNAME, m.field("primary_identifier"));
      f.put(TravellerField.GIVEN_NAMES, m.field("secondary_identifier"));
      f.put(TravellerField.NATIONALITY, m.nationality());
      m.birthDate().ifPresent(b -> f.put(TravellerField.BIRTH_DATE, b.toString()));
      f.put(TravellerField.SEX, m.field("sex").replace("<", "X"));
      m.expiryDate().ifPresent(e -> f.put(TravellerField.DOCUMENT_EXPIRY, e.toString()));
    }
    f.put(
        TravellerField.CHIP_AUTHENTICATION,
        switch (chip) {
          case Outcome.Accepted<ChipReading> c -> "passed (CSCA " + c.value().csca() + ")";
          case Outcome.Rejected<ChipReading> r -> "failed: " + r.problems().get(0).code();
        });
    f.put(
        TravellerField.FACE_VERIFICATION,
        face == null
            ? "not compared"
            : String.format(
                Locale.ROOT,
                "%s (similarity %.4f, threshold %.4f, %s)",
                face.match() ? "match" : "mismatch",
                face.similarity(),
                face.threshold(),
                face.model()));
    switch (declaration) {
      case Outcome.Accepted<SealedDeclaration> a -> {
        CustomsDeclaration d = a.value().declaration();
        f.put(TravellerField.FLIGHT, d.flight());
        f.put(TravellerField.ARRIVAL_DATE, d.arrival().toString());
        f.put(TravellerField.DEPARTED_FROM, d.departedFrom());
        // The declarant's own address, occupation and telephone are not a family member's: a
        // member's record keeps what the declaration says for the whole family (goods, cash,
        // family counts) and names whose declaration it is (DECLARED_BY), never the head's
        // personal details as if they were the member's.
        if (declarant.isEmpty()) {
          f.put(TravellerField.ADDRESS_IN_JAPAN, d.addressInJapan());
          f.put(TravellerField.OCCUPATION, d.occupation());
          f.put(TravellerField.PHONE_IN_JAPAN, d.phone());
        }
        f.put(
            TravellerField.FAMILY_MEMBERS,
            d.family().aged20AndOver()
                + " aged 20+, "
                + d.family().aged6To19()
                + " aged 6-19, "
                + d.family().under6()
                + " under 6");
        f.put(TravellerField.DECLARATION_ANSWERS, answers(d.answers()));
        f.put(TravellerField.UNACCOMPANIED_PIECES, Integer.toString(d.unaccompaniedPieces()));
        if (!d.goods().isEmpty()) {
          f.put(
              TravellerField.DECLARED_GOODS,
              d.goods().stream()
                  .map(g -> g.name() + "\t" + g.quantity() + "\t" + g.valueYen())
                  .collect(Collectors.joining("\n")));
        }
        f.put(
            TravellerField.DECLARATION_SIGNATURE,
            "verified (key " + a.value().keyId() + ", signed " + a.value().signedAt() + ")");
        f.put(TravellerField.DECLARATION_ID, a.value().id());
      }
      case Outcome.Rejected<SealedDeclaration> r ->
          f.put(
              TravellerField.DECLARATION_SIGNATURE,
              "refused: " + r.problems().get(0).code() + " " + r.problems().get(0).message());
    }
    f.put(TravellerField.TARGETING_HITS, String.join("; ", hits));
    f.put(TravellerField.GATE_DECISION, decisionText(decision));
    if (decision instanceof GateDecision.SecondaryInspection s) {
      f.put(
          TravellerField.GATE_REFERRALS,
          s.referrals().stream()
              .map(r -> r.reason().name() + ": " + r.detail())
              .collect(Collectors.joining("; ")));
      f.put(TravellerField.GATE_REFERRAL_DETAILS, GateReferrals.encodeDetails(s.referrals()));
    }
    if (!(mrz instanceof Outcome.Accepted<MachineReadableZone>)
        && declaration instanceof Outcome.Accepted<SealedDeclaration> a) {
      CustomsDeclaration d = a.value().declaration();
      f.put(TravellerField.DECLARED_NAME, (d.surname() + " " + d.givenNames()).strip());
    }
    if (answers != null) {
      f.put(TravellerField.PURPOSE_OF_VISIT, answers.purposeOfVisit());
      f.put(TravellerField.INTENDED_STAY_DAYS, Integer.toString(answers.intendedStayDays()));
      f.put(
          TravellerField.DEPORTATION_OR_REFUSAL_HISTORY,
          yesNo(answers.deportationOrRefusalHistory()));
      f.put(TravellerField.CRIMINAL_CONVICTION, yesNo(answers.criminalConviction()));
      f.put(TravellerField.CARRYING_PROHIBITED_ITEMS, yesNo(answers.carryingProhibitedItems()));
    }
    return f;
  }

  private static String decisionText(GateDecision d) {
    return switch (d) {
      case GateDecision.Pass p -> "pass";
      case GateDecision.SecondaryInspection s ->
          "secondary inspection: "
              + s.referrals().stream()
                  .map(Referral::reason)
                  .map(Enum::name)
                  .collect(Collectors.joining(", "));
    };
  }

  private static String answers(CustomsDeclaration.Answers a) {
    return "prohibited="
        + yesNo(a.prohibitedOrRestricted())
        + " over-allowance="
        + yesNo(a.overDutyFreeAllowance())
        + " commercial="
        + yesNo(a.commercialGoods())
        + " for-others="
        + yesNo(a.goodsForOthers())
        + " cash-over-1M-yen="
        + yesNo(a.cashOverOneMillionYen())
        + " unaccompanied="
        + yesNo(a.unaccompaniedBaggage());
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
