package org.sekisho.passenger.egate.application;

import java.util.List;
import java.util.Map;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.referral.RecordedOutcome;

/**
 * Where the officers' outcomes of the gate's referrals are kept, next to the customs arrival
 * records. Append-only: a correction is a new outcome with the next version. Thread-safe.
 */
public interface ReferralOutcomes {
  /**
   * Stores {@code outcome} unless its capture already has an outcome with that version (someone
   * recorded one since the version the officer saw): then a rejection with code {@code conflict}.
   * Never throws for a conflict.
   */
  Outcome<RecordedOutcome> append(RecordedOutcome outcome);

  /** The capture's outcomes, oldest (version 1) first; empty when none. */
  List<RecordedOutcome> history(String captureId);

  /** The latest outcome of each of these captures that has one. */
  Map<String, RecordedOutcome> latest(List<String> captureIds);
}
