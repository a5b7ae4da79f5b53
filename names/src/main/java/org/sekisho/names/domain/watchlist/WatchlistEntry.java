package org.sekisho.names.domain.watchlist;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One person or organisation on a named list.
 *
 * @param id identifier, unique within the list
 * @param listName the list it belongs to (e.g. {@code un-sc}, {@code national-alerts})
 * @param severity how serious a hit is
 * @param names primary name first, then aliases; never empty
 * @param birthDates dates of birth known for the entry (possibly partial)
 * @param nationalities ISO 3166 alpha-2 codes in lower case
 * @param documents passport or identity document numbers, upper case without spaces or dashes
 */
public record WatchlistEntry(
    String id,
    String listName,
    Severity severity,
    List<String> names,
    List<PartialDate> birthDates,
    Set<String> nationalities,
    Set<String> documents) {

  public WatchlistEntry {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a watchlist entry needs a name: " + id);
    }
    names = List.copyOf(names);
    birthDates = List.copyOf(birthDates);
    nationalities = Set.copyOf(nationalities);
    documents = Set.copyOf(documents);
  }

  /** The primary name. */
  public String name() {
    return names.get(0);
  }

  /** A document number reduced to comparable form: upper case letters and digits only. */
  public static String normaliseDocument(String raw) {
    StringBuilder b = new StringBuilder();
    for (char c : raw.toUpperCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Sorted, for stable output. */
  public Set<String> sortedNationalities() {
    return new TreeSet<>(nationalities);
  }
}
