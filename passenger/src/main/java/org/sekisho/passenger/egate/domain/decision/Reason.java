package org.sekisho.passenger.egate.domain.decision;

/** Why a traveller is sent to secondary inspection. */
public enum Reason {
  DOCUMENT_INVALID,
  /** The document is not a passport book (an identity card, a visa): this is a passport gate. */
  DOCUMENT_NOT_A_PASSPORT,
  DOCUMENT_EXPIRED,
  PASSIVE_AUTHENTICATION_FAILED,
  CHIP_MRZ_MISMATCH,
  FACE_MISMATCH,
  /** No face comparison was made (no authenticated chip portrait, no live image, no model). */
  FACE_NOT_COMPARED,
  DECLARATION_INVALID,
  DECLARATION_NOT_FOR_THIS_PASSPORT,
  /** The declaration is for another day of arrival (an old QR shown again, or one made ahead). */
  DECLARATION_NOT_FOR_TODAY,
  /**
   * The declaration was already used by this passport at a gate (the same QR shown a second time,
   * at the same or another gate): good for one crossing.
   */
  DECLARATION_ALREADY_USED,
  /** Whether the declaration was used before could not be checked (the store of uses failed). */
  DECLARATION_USE_NOT_CHECKED,
  GOODS_TO_DECLARE,
  CASH_DECLARED,
  /**
   * The traveller answered yes at the kiosk to carrying controlled drugs, firearms, swords or
   * explosives: goods customs stops at the border, whatever the declaration says.
   */
  PROHIBITED_ITEMS_ANSWERED,
  TARGETING_HIT
}
