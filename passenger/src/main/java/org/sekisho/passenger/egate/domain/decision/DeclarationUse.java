package org.sekisho.passenger.egate.domain.decision;

import java.time.ZonedDateTime;

/**
 * Whether the declaration QR shown was used before: a declaration is good for one crossing by each
 * passport it covers (the declarant's own, and each family member's the declarant listed).
 */
public sealed interface DeclarationUse {
  /**
   * This capture holds the declaration for this passport: its first use, a retry of the very
   * capture that first used it, or nothing to hold (no verified declaration, no passport read).
   */
  record First() implements DeclarationUse {}

  /**
   * Another capture used the declaration for this passport before.
   *
   * @param captureId the earlier capture's id (its arrival record)
   * @param kiosk the gate (kiosk device) where it was used
   * @param at when, in the administration's zone
   */
  record Earlier(String captureId, String kiosk, ZonedDateTime at) implements DeclarationUse {}

  /**
   * Whether it was used could not be learnt (the store of uses failed): the gate does not open on a
   * declaration it could not hold.
   */
  record Unknown(String why) implements DeclarationUse {}
}
