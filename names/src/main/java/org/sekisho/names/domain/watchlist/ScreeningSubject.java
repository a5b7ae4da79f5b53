package org.sekisho.names.domain.watchlist;

import java.util.Optional;

/**
 * The person (or company) screened against the watchlists: a name and whatever corroborating data
 * the declaration, API or PNR carried.
 *
 * @param name the name as received
 * @param birthDate date of birth, if known
 * @param nationality ISO 3166 alpha-2 code in lower case, if known
 * @param document passport or identity document number, if known
 */
public record ScreeningSubject(
    String name,
    Optional<PartialDate> birthDate,
    Optional<String> nationality,
    Optional<String> document) {

  /** A subject known by name only. */
  public static ScreeningSubject named(String name) {
    return new ScreeningSubject(name, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
