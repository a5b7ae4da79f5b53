package org.sekisho.targeting.worklist.application;

import java.util.Locale;
import org.sekisho.targeting.selectivity.domain.Lane;

/** Where an assessed record is in the targeting workflow. */
public enum WorkStatus {
  /** Selected for control; waits for an analyst to confirm, lower or raise the lane. */
  OPEN,
  /** Lane confirmed; the office's inspectors see it as a referral. */
  REFERRED,
  /** Released (green), by selectivity or by an analyst. */
  RELEASED,
  /** Inspected; the outcome is recorded and is a label for the model. */
  CLOSED,
  /**
   * Replaced by a newer assessment of the same record: sent alone first, it was stored by the
   * intelligence database with other content and assessed anew. Kept, with the reason, but no
   * longer worked.
   */
  SUPERSEDED;

  /** The status an assessment starts in: released when green, open for an analyst otherwise. */
  public static WorkStatus assessedAs(Lane lane) {
    return lane == Lane.GREEN ? RELEASED : OPEN;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
