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

  /** Adds or updates entries (by value); returns how many were new. */
  int addEntries(String name, List<ListCsv.Row> rows, String by);

  /** Removes one entry; false when it was not on the list. */
  boolean removeEntry(String name, String value, String by);

  /** Entries with notes, for display. */
  List<ListCsv.Row> entries(String name, int limit);
}
