package org.sekisho.targeting.adapter.web;

import org.sekisho.platform.i18n.Messages;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.worklist.application.WorkItem;
import org.sekisho.targeting.worklist.application.WorkStatus;

/**
 * Where an item stands, as a page says it. A referred item in the blue lane is no referral for
 * inspection: its goods are released and its documents audited after release (post-clearance
 * audit), so it is said as that, and the inspectors' queue leaves it out.
 */
public final class StatusWords {
  private StatusWords() {}

  /** {@code w}'s status in the reader's language. */
  public static String of(Messages t, WorkItem w) {
    String key = "targeting.status." + w.status().code();
    return t.get(
        w.status() == WorkStatus.REFERRED && w.finalLane() == Lane.BLUE ? key + ".blue" : key);
  }
}
