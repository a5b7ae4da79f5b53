package org.sekisho.passenger.screening.adapter.cli;

/** The CSV header of docs/formats/watchlist.md. */
final class NamedWatchlistImportTestData {
  static final String HEADER =
      "list,id,name,aliases,birth_dates,nationalities,documents,severity\n";

  private NamedWatchlistImportTestData() {}
}
