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
 * @param explanation why, line by line: the rule's reason and list evidence, or which name parts
 *     matched how and what date of birth, nationality and document said
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
    List<String> explanation) {

  public Hit {
    explanation = List.copyOf(explanation);
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
