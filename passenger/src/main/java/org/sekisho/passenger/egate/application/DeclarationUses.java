package org.sekisho.passenger.egate.application;

import java.time.Instant;
import org.sekisho.core.Outcome;

/**
 * Where the gates keep which declaration each passport used, so that one declaration QR is good for
 * one crossing by each passport it covers, across gates and restarts. Thread-safe.
 */
public interface DeclarationUses {
  /**
   * One use of a declaration.
   *
   * @param declarationId the verified declaration's id ({@code SealedDeclaration#id})
   * @param passport the passport presented, {@code NATIONALITY:NUMBER}
   * @param captureId the capture that used it
   * @param kiosk the kiosk device (gate) where it was used
   * @param at when
   */
  record Use(String declarationId, String passport, String captureId, String kiosk, Instant at) {}

  /**
   * Claims the declaration for the passport: answers the use that holds it, which is {@code use}
   * itself when no capture held it before (or {@code use}'s own capture did: a retry of the same
   * capture), the earlier use otherwise. Of two gates claiming at once, exactly one holds it. A
   * rejection when the store could not be asked; never throws for that.
   */
  Outcome<Use> claim(Use use);
}
