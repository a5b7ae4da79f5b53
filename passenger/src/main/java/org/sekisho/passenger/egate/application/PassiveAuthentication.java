package org.sekisho.passenger.egate.application;

import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.chip.ChipReading;

/**
 * Passive authentication of a passport chip (ICAO Doc 9303 part 11): the document security object
 * is signed by a document signer whose certificate chains to a configured CSCA, and every data
 * group read hashes to the value signed.
 *
 * <p>Contract: never throws for bad chip data; a refusal names the reason (codes {@code
 * chip-unreadable}, {@code chip-unknown-csca}, {@code chip-signer-invalid}, {@code
 * chip-signature-invalid}, {@code chip-hash-mismatch}, {@code chip-unsigned-data-group}, {@code
 * chip-missing-data-group}). Implementations are thread-safe.
 */
@FunctionalInterface
public interface PassiveAuthentication {
  Outcome<ChipReading> verify(ChipFiles files);
}
