package org.sekisho.passenger.egate.domain.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What became of a traveller the gate referred, as the officer who dealt with them records it. */
public enum ReferralOutcome {
  /** Questioned and let go: nothing to declare or to hold. */
  RELEASED("released"),
  /** The traveller declared the goods and paid the duty and tax. */
  DUTY_PAID("duty-paid"),
  /** Sent on to an examination of the baggage or the person (X-ray, search). */
  EXAMINATION("examination"),
  /** Goods or cash seized. */
  SEIZURE("seizure");

  private final String code;

  ReferralOutcome(String code) {
    this.code = code;
  }

  /** The outcome's name in the API and the form, e.g. {@code duty-paid}. */
  public String code() {
    return code;
  }

  /** Every code, in the order the form offers them. */
  public static final List<String> CODES =
      Arrays.stream(values()).map(ReferralOutcome::code).toList();

  public static Optional<ReferralOutcome> ofCode(String code) {
    return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
  }
}
