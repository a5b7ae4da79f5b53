package org.sekisho.passenger.egate.domain.decision;

import java.time.LocalDate;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.chip.ChipReading;
import org.sekisho.passenger.egate.domain.declaration.SealedDeclaration;
import org.sekisho.passenger.egate.domain.face.FaceVerification;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;

/**
 * Everything the gate rules look at for one traveller.
 *
 * @param printedMrz the MRZ read optically from the data page
 * @param chip passive-authentication outcome of the chip
 * @param declaration the verified declaration QR, or why it was refused
 * @param face the face comparison, or null when none was made
 * @param targetingHits passenger-targeting hits for this traveller (empty when none)
 * @param today the day of arrival
 * @param faceNotCompared why no face comparison was made when {@code face} is null (empty: derived
 *     from the chip outcome)
 * @param carryingProhibitedItems the traveller answered yes at the kiosk to carrying controlled
 *     drugs, firearms, swords or explosives (an immigration item customs must act on too)
 * @param declarationUse whether this declaration was used by this passport before
 */
public record GateInputs(
    Outcome<MachineReadableZone> printedMrz,
    Outcome<ChipReading> chip,
    Outcome<SealedDeclaration> declaration,
    FaceVerification face,
    List<String> targetingHits,
    LocalDate today,
    String faceNotCompared,
    boolean carryingProhibitedItems,
    DeclarationUse declarationUse) {
  public GateInputs {
    targetingHits = List.copyOf(targetingHits);
    faceNotCompared = faceNotCompared == null ? "" : faceNotCompared;
    declarationUse = declarationUse == null ? new DeclarationUse.First() : declarationUse;
  }

  /** Inputs where the reason for a missing face comparison follows from the chip outcome. */
  public GateInputs(
      Outcome<MachineReadableZone> printedMrz,
      Outcome<ChipReading> chip,
      Outcome<SealedDeclaration> declaration,
      FaceVerification face,
      List<String> targetingHits,
      LocalDate today) {
    this(
        printedMrz,
        chip,
        declaration,
        face,
        targetingHits,
        today,
        "",
        false,
        new DeclarationUse.First());
  }
}
