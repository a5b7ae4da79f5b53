package org.sekisho.intel.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * An agreement under which the administration may share records of some kinds with a partner agency
 * (a memorandum of understanding with the police, a customs mutual assistance agreement), in force
 * from a day and, where it says so, until a day (both included).
 *
 * @param reference how the agreement is cited, e.g. "MoU NPA–Customs 2024-07"
 */
public record SharingAgreement(
    long id,
    String agency,
    Set<RecordKind> kinds,
    String reference,
    LocalDate validFrom,
    Optional<LocalDate> validUntil) {
  public SharingAgreement {
    kinds = Set.copyOf(kinds);
  }

  /** Whether it allows sharing a record of {@code kind} on {@code day}. */
  public boolean covers(RecordKind kind, LocalDate day) {
    return kinds.contains(kind)
        && !day.isBefore(validFrom)
        && validUntil.map(u -> !day.isAfter(u)).orElse(true);
  }

  /** Where an agreement stands on a day, whatever kinds it covers. */
  public enum State {
    /** Its first day is still to come. */
    NOT_YET,
    /** It allows sharing the kinds it covers today. */
    IN_FORCE,
    /** Its last day has passed (it ran out, or an administrator ended it). */
    ENDED;

    /** The word pages and the API use, e.g. {@code not-yet}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Its state on {@code day}. One ended the day before its first day (withdrawn before it began)
   * never comes into force: it is ended from the start.
   */
  public State state(LocalDate day) {
    if (validUntil.map(u -> u.isBefore(validFrom)).orElse(false)) {
      return State.ENDED;
    }
    if (day.isBefore(validFrom)) {
      return State.NOT_YET;
    }
    return validUntil.map(day::isAfter).orElse(false) ? State.ENDED : State.IN_FORCE;
  }
}
