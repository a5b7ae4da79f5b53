package org.sekisho.passenger.egate.domain.decision;

/** Why a traveller is sent to secondary inspection. */
public enum Reason {
  DOCUMENT_INVALID,
  DOCUMENT_EXPIRED,
  PASSIVE_AUTHENTICATION_FAILED,
  CHIP_MRZ_MISMATCH,
  FACE_MISMATCH,
  DECLARATION_INVALID,
  DECLARATION_NOT_FOR_THIS_PASSPORT,
  GOODS_TO_DECLARE,
  CASH_DECLARED,
  TARGETING_HIT
}
