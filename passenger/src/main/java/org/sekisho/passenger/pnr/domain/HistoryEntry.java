package org.sekisho.passenger.pnr.domain;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One change recorded in the booking history (ABI with its DAT and SAC groups).
 *
 * @param originator who made the change (ABI), as sent
 * @param at when, null when not given
 * @param actions what was done
 */
public record HistoryEntry(String originator, LocalDateTime at, List<Action> actions) {
  public HistoryEntry {
    actions = List.copyOf(actions);
  }

  /**
   * One action of a history entry.
   *
   * @param code status/action code (SAC), e.g. {@code A} added, {@code X} cancelled
   * @param details the texts, flights and requests the action concerns, as readable lines
   */
  public record Action(String code, List<String> details) {
    public Action {
      details = List.copyOf(details);
    }
  }
}
