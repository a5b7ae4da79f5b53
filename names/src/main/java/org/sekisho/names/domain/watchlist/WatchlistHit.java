package org.sekisho.names.domain.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sekisho.names.domain.NameComparison;

/**
 * A list entry that the subject may be, with the evidence: which of the entry's names matched and
 * how, and what the date of birth, nationality and document said.
 *
 * @param entry the list entry
 * @param matchedName the entry's name (primary or alias) that matched best
 * @param name the name comparison with its part-by-part explanation
 * @param corroboration date of birth, nationality and document evidence
 * @param score the name score adjusted by the corroboration, in [0, 1]
 */
public record WatchlistHit(
    WatchlistEntry entry,
    String matchedName,
    NameComparison name,
    List<Corroboration> corroboration,
    double score) {

  public WatchlistHit {
    corroboration = List.copyOf(corroboration);
  }

  /**
   * Whether the subject holds a document the entry lists: such a hit is raised whatever the name
   * score.
   */
  public boolean documentMatch() {
    for (Corroboration c : corroboration) {
      if (c.evidence() == Corroboration.Evidence.DOCUMENT && c.agreement() == Agreement.SAME) {
        return true;
      }
    }
    return false;
  }

  /** One line for an analyst. */
  public String explanation() {
    List<String> parts = new ArrayList<>();
    parts.add(
        String.format(
            Locale.ROOT,
            "%.3f %s/%s (%s) '%s'",
            score,
            entry.listName(),
            entry.id(),
            entry.severity().name().toLowerCase(Locale.ROOT),
            matchedName));
    parts.add("name " + name.explanation());
    for (Corroboration c : corroboration) {
      parts.add(c.toString());
    }
    return String.join(" | ", parts);
  }
}
