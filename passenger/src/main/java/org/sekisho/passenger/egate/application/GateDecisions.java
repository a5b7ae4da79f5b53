package org.sekisho.passenger.egate.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.chip.ChipReading;
import org.sekisho.passenger.egate.domain.decision.GateDecision;
import org.sekisho.passenger.egate.domain.decision.GateInputs;
import org.sekisho.passenger.egate.domain.decision.GateRules;
import org.sekisho.passenger.egate.domain.declaration.SealedDeclaration;
import org.sekisho.passenger.egate.domain.face.FaceVerification;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;
import org.sekisho.passenger.egate.domain.mrz.MrzParser;

/**
 * The server-side e-Gate decision for one traveller: reads the printed MRZ, authenticates the chip,
 * verifies the declaration QR, asks targeting, and applies {@link GateRules}.
 *
 * <p>Never throws for bad traveller input: every failure becomes a referral reason. Thread-safe
 * when its ports are.
 */
public final class GateDecisions {
  private final MrzParser mrzParser;
  private final PassiveAuthentication passiveAuthentication;
  private final DeclarationQrService declarations;
  private final TargetingCheck targeting;
  private final Clock clock;

  public GateDecisions(
      PassiveAuthentication passiveAuthentication,
      DeclarationQrService declarations,
      TargetingCheck targeting,
      Clock clock) {
    this.mrzParser = new MrzParser(clock);
    this.passiveAuthentication = passiveAuthentication;
    this.declarations = declarations;
    this.targeting = targeting;
    this.clock = clock;
  }

  /**
   * Decides for one traveller.
   *
   * @param mrzLines the printed MRZ as read by the document reader
   * @param chip the chip files read at the gate
   * @param declarationQr the QR text read from the traveller's phone or paper
   * @param face the face comparison already made at the kiosk
   */
  public GateDecision decide(
      List<String> mrzLines, ChipFiles chip, String declarationQr, FaceVerification face) {
    Outcome<MachineReadableZone> mrz = mrzParser.parse(mrzLines);
    Outcome<ChipReading> chipReading = passiveAuthentication.verify(chip);
    Outcome<SealedDeclaration> declaration = declarations.readText(declarationQr);
    List<String> hits =
        mrz instanceof Outcome.Accepted<MachineReadableZone> a
            ? targeting.hits(a.value())
            : List.of();
    return GateRules.decide(
        new GateInputs(mrz, chipReading, declaration, face, hits, LocalDate.now(clock)));
  }
}
