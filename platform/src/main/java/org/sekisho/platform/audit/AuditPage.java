package org.sekisho.platform.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of the audit log, newest first.
 *
 * @param entries at most the query's limit
 * @param next where the next (older) page starts: pass it as {@code before}; empty when no older
 *     entry matches
 * @param textScanCapped the free-text filter looked through its most entries for this page ({@link
 *     AuditSearch#TEXT_SCAN}) and stopped: older entries may still match, from {@code next} on. The
 *     page may then hold fewer entries than the limit, even none
 */
public record AuditPage(List<AuditEntry> entries, OptionalLong next, boolean textScanCapped) {
  public AuditPage {
    entries = List.copyOf(entries);
  }

  /** Whether older entries may match: a next page exists. */
  public boolean more() {
    return next.isPresent();
  }
}
