package org.sekisho.passenger.egate.domain.decision;

import java.util.List;

/** What the gate does with a traveller: open, or send to a customs officer with reasons. */
public sealed interface GateDecision {
  /** The gate opens. */
  record Pass() implements GateDecision {}

  /** Secondary inspection; {@code referrals} is never empty. */
  record SecondaryInspection(List<Referral> referrals) implements GateDecision {
    public SecondaryInspection {
      if (referrals.isEmpty()) {
        throw new IllegalArgumentException("secondary inspection needs a reason");
      }
      referrals = List.copyOf(referrals);
    }
  }
}
