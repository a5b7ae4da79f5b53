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
 * @param face the face comparison
 * @param targetingHits passenger-targeting hits for this traveller (empty when none)
 * @param today the day of arrival
 */
public record GateInputs(
    Outcome<MachineReadableZone> printedMrz,
    Outcome<ChipReading> chip,
    Outcome<SealedDeclaration> declaration,
    FaceVerification face,
    List<String> targetingHits,
    LocalDate today) {
  public GateInputs {
    targetingHits = List.copyOf(targetingHits);
  }
}
