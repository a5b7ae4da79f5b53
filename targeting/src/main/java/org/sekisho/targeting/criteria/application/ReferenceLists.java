package org.sekisho.targeting.criteria.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.criteria.domain.ListCsv;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/** Analysts' reference lists: create, import CSV, add and remove entries. */
public final class ReferenceLists {
  private final ListStore store;
  private final CurrentRules rules;

  public ReferenceLists(ListStore store, CurrentRules rules) {
    this.store = store;
    this.rules = rules;
  }

  /**
   * What an import did: entries added, entries removed (a replacement), entries kept whose note
   * changed, and the rows refused (kept out; in an addition the rest are kept, a replacement with
   * any refused row changes nothing).
   */
  public record Imported(int read, int added, int removed, int changed, List<Problem> refused) {
    public Imported {
      refused = List.copyOf(refused);
    }

    public Imported(int read, int added, List<Problem> refused) {
      this(read, added, 0, 0, refused);
    }
  }

  /** How an import treats the entries a list has. */
  public enum Mode {
    /** Adds the rows' entries (a note given again replaces the entry's note). */
    ADD,
    /** The list's entries become exactly the rows', in one new version. */
    REPLACE;

    /** {@code add} or {@code replace}, any case; empty when neither. */
    public static Optional<Mode> ofCode(String code) {
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  /** One page of a list's entries matching {@code query} (value or note, any case). */
  public ListStore.EntryPage entries(String name, String query, int offset, int limit) {
    return store.entries(name, query, offset, limit);
  }

  /**
   * The note of the entry behind a list hit recorded with an assessment ({@code list "name" vN:
   * field value}): the entry the list held at {@code version} that {@code value} (the declared
   * value as matched) is, or for parties and addresses the one it matched by key. Empty when the
   * entry has no note or the list no longer tells which entry it was.
   */
  public Optional<String> hitNote(String name, int version, String value) {
    Optional<String> exact = store.note(name, version, value);
    if (exact.isPresent()) {
      return exact.filter(n -> !n.isBlank());
    }
    // a party or address matched by key (YAMADA Taro hit Taro Yamada): the entry it matched
    return store
        .at(name, version)
        .filter(l -> l.kind() == ListKind.PARTIES || l.kind() == ListKind.ADDRESSES)
        .map(l -> l.match(value))
        .flatMap(entry -> store.note(name, version, entry))
        .filter(n -> !n.isBlank());
  }

  public Map<String, ReferenceList> all() {
    return store.all();
  }

  public Optional<ReferenceList> find(String name) {
    return store.find(name);
  }

  public List<ListCsv.Row> entries(String name, int limit) {
    return store.entries(name, limit);
  }

  public Outcome<ReferenceList> create(String name, String kind, String description, String by) {
    if (!ReferenceList.validName(name)) {
      return Outcome.rejected(
          Problem.of(
                  "invalid-name",
                  "name",
                  "expected lower-case letters, digits and hyphens (up to 63), e.g."
                      + " high-risk-origins")
              .worded("list-name"));
    }
    Optional<ListKind> k = ListKind.ofCode(kind);
    if (k.isEmpty()) {
      return Outcome.rejected(
          Problem.of(
                  "invalid-kind",
                  "kind",
                  "expected parties, countries, hs-codes, documents, addresses or phones")
              .worded("list-kind"));
    }
    if (!store.create(name, k.get(), description == null ? "" : description.strip(), by)) {
      return Outcome.rejected(
          Problem.of("conflict", "name", "a list named " + name + " exists already")
              .worded("list-exists", name));
    }
    rules.reload();
    return Outcome.accepted(store.find(name).orElseThrow());
  }

  /** Imports CSV rows into an existing list; bad rows are refused one by one, good ones kept. */
  public Outcome<Imported> importCsv(String name, String csv, String by) {
    return importCsv(name, csv, by, Mode.ADD);
  }

  /**
   * Imports CSV rows into an existing list. {@link Mode#ADD}: bad rows are refused one by one, good
   * ones kept. {@link Mode#REPLACE}: the list's entries become the rows' (a new version; removed
   * entries stay in the history, so earlier versions replay); a file with any refused row, or none
   * valid, changes nothing and says why.
   */
  public Outcome<Imported> importCsv(String name, String csv, String by, Mode mode) {
    Optional<ReferenceList> l = store.find(name);
    if (l.isEmpty()) {
      return Outcome.rejected("not-found", "name", "no list named " + name);
    }
    ListCsv.Read read = ListCsv.read(csv, l.get().kind());
    if (read.headerRefused()) {
      // its rows would be read by other columns than the writer meant: none is taken
      return new Outcome.Rejected<>(read.problems());
    }
    if (mode == Mode.REPLACE) {
      int rows = read.rows().size() + read.problems().size();
      if (!read.problems().isEmpty()) {
        // half a replacement would drop the entries of the refused rows without a word
        return Outcome.accepted(new Imported(rows, 0, 0, 0, read.problems()));
      }
      if (read.rows().isEmpty()) {
        return Outcome.rejected(
            Problem.of(
                    "empty-replacement",
                    "csv",
                    "a replacement needs at least one entry; remove entries one by one to empty a"
                        + " list")
                .worded("empty-replacement"));
      }
      ListStore.Stored r = store.replaceEntries(name, read.rows(), by);
      rules.reload();
      return Outcome.accepted(new Imported(rows, r.added(), r.removed(), r.changed(), List.of()));
    }
    ListStore.Stored r =
        read.rows().isEmpty()
            ? new ListStore.Stored(0, 0, 0)
            : store.addEntries(name, read.rows(), by);
    if (!read.rows().isEmpty()) {
      rules.reload();
    }
    return Outcome.accepted(
        new Imported(
            read.rows().size() + read.problems().size(),
            r.added(),
            0,
            r.changed(),
            read.problems()));
  }

  public Outcome<Imported> add(String name, String value, String note, String by) {
    Optional<ReferenceList> l = store.find(name);
    if (l.isEmpty()) {
      return Outcome.rejected("not-found", "name", "no list named " + name);
    }
    ListKind.Entry e = l.get().kind().normalise(value);
    if (!e.valid()) {
      return Outcome.rejected(e.refusal().orElseThrow().at("value"));
    }
    List<ListCsv.Row> rows = new ArrayList<>();
    rows.add(new ListCsv.Row(e.value(), note == null ? "" : note.strip()));
    ListStore.Stored r = store.addEntries(name, rows, by);
    rules.reload();
    return Outcome.accepted(new Imported(1, r.added(), 0, r.changed(), List.of()));
  }

  /**
   * Removes an entry (as its list's kind normalises it); the entry's id and the new list version,
   * or empty when the list holds no such entry.
   */
  public Outcome<Optional<ListStore.Removed>> remove(String name, String value, String by) {
    Optional<ReferenceList> l = store.find(name);
    if (l.isEmpty()) {
      return Outcome.rejected("not-found", "name", "no list named " + name);
    }
    ListKind.Entry e = l.get().kind().normalise(value);
    Optional<ListStore.Removed> removed =
        e.valid() ? store.removeEntry(name, e.value(), by) : Optional.empty();
    if (removed.isPresent()) {
      rules.reload();
    }
    return Outcome.accepted(removed);
  }
}
