package org.sekisho.names.domain.watchlist;

import java.util.Locale;

/**
 * Evidence beyond the name that supports or weakens a hit.
 *
 * @param evidence which data was compared: date of birth, nationality or document
 * @param agreement whether it agrees
 * @param detail what was compared, for the analyst
 * @param adjustment added to the name score (negative when the data disagree)
 */
public record Corroboration(
    Evidence evidence, Agreement agreement, String detail, double adjustment) {

  /** The kind of corroborating data. */
  public enum Evidence {
    DATE_OF_BIRTH,
    NATIONALITY,
    DOCUMENT
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s (%s, %+.2f)",
        evidence.name().toLowerCase(Locale.ROOT).replace('_', ' '),
        agreement.name().toLowerCase(Locale.ROOT),
        detail,
        adjustment);
  }
}
