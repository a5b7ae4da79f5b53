package org.sekisho.targeting.model.domain;

/** What an inspection found for a declaration, when known. */
public enum FraudLabel {
  /** Inspected and found fraudulent. */
  FRAUD,
  /** Inspected and found in order. */
  NO_FRAUD,
  /** Not inspected, or the outcome is not part of the input. */
  UNLABELLED;

  /** 1 for fraud, 0 otherwise. */
  public int asInt() {
    return this == FRAUD ? 1 : 0;
  }
}
