package org.sekisho.passenger.screening.domain;

import java.util.List;
import java.util.Locale;

/**
 * An automated hit on a traveller: never a decision, always for a person of the PNR unit to review.
 *
 * @param subjectKey the traveller ({@link PassengerFacts#key()})
 * @param subjectName the traveller's name as sent
 * @param booking {@code CARRIER/LOCATOR}, empty when none
 * @param kind a rule or a watchlist
 * @param source what hit, stable across screenings: {@code rule:<id>} or {@code
 *     watchlist:<list>/<entry>}
 * @param title the rule's name, or the list entry's name that matched
 * @param severity low, medium, high or critical
 * @param score the rule's weight, or the watchlist score in [0, 1]
 * @param reasons why, line by line, as message keys with their arguments (stored so, shown in the
 *     reader's language): the rule's reason, list evidence and the values it tested, or which name
 *     parts matched how and what date of birth, nationality and document said
 */
public record Hit(
    String subjectKey,
    String subjectName,
    String booking,
    Kind kind,
    String source,
    String title,
    String severity,
    double score,
    List<Reason> reasons) {

  public Hit {
    reasons = List.copyOf(reasons);
  }

  /** The explanation in English, line by line. */
  public List<String> explanation() {
    return reasons.stream().map(Reason::english).toList();
  }

  /** What produced a hit. */
  public enum Kind {
    RULE,
    WATCHLIST;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
