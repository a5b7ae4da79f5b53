package org.sekisho.targeting.criteria.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.targeting.criteria.domain.ListCsv;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/** Port: reference lists and their entries. Every change raises the list's version by one. */
public interface ListStore {
  Map<String, ReferenceList> all();

  Optional<ReferenceList> find(String name);

  /** Creates an empty list; false when the name is taken. */
  boolean create(String name, ListKind kind, String description, String by);

  /**
   * Adds or updates entries (by value): how many were new and how many had their note changed
   * ({@link Stored#removed()} is 0).
   */
  Stored addEntries(String name, List<ListCsv.Row> rows, String by);

  /** Removes one entry; false when it was not on the list. */
  /**
   * Removes an entry from the current version of a list (a new version without it); empty when the
   * list holds no such entry.
   */
  java.util.Optional<Removed> removeEntry(String name, String value, String by);

  /** An entry removed: its id and the list version that no longer holds it. */
  record Removed(long entryId, int version) {}

  /**
   * The list as it was at {@code version} (entries are never deleted, so every version can be
   * rebuilt); empty when the list or the version does not exist.
   */
  Optional<ReferenceList> at(String name, int version);

  /**
   * The note of the entry {@code value} (as stored, normalised) that the list held at {@code
   * version}; empty when it held no such entry. Notes are not versioned: a note changed since is
   * read as it is now.
   */
  Optional<String> note(String name, int version, String value);

  /** Entries with notes, for display. */
  List<ListCsv.Row> entries(String name, int limit);

  /**
   * One page of a list's entries, by value: those whose value or note holds {@code query} (any
   * case; every entry when it is empty), from {@code offset}, at most {@code limit}, with how many
   * match in all.
   */
  EntryPage entries(String name, String query, int offset, int limit);

  /** A page of entries and the number matching in all. */
  record EntryPage(List<ListCsv.Row> rows, int total) {
    public EntryPage {
      rows = List.copyOf(rows);
    }
  }

  /**
   * Makes the list's entries exactly {@code rows} in one new version: entries not among them are
   * removed (kept in the history, as every removal is), the others added or their notes updated.
   *
   * @return how many were added, how many removed, and how many kept with a changed note
   */
  Stored replaceEntries(String name, List<ListCsv.Row> rows, String by);

  /** What storing entries changed: entries added, removed, and kept with another note. */
  record Stored(int added, int removed, int changed) {}
}
