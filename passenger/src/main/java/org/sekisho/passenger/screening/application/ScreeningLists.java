package org.sekisho.passenger.screening.application;

import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.names.adapter.file.CsvReader;
import org.sekisho.names.adapter.file.StorableText;
import org.sekisho.passenger.screening.application.ScreeningStore.ListEntry;
import org.sekisho.passenger.screening.application.ScreeningStore.ReferenceListRow;
import org.sekisho.passenger.screening.domain.PassengerListKind;
import org.sekisho.passenger.screening.domain.ScreeningList;

/**
 * The PNR unit's reference lists (source countries, card BINs, phones, agencies, airports,
 * documents) that passenger rules test with {@code in list}: create, import CSV, add and remove
 * entries. Every change raises the list's version, is audited, and reloads the rules so that the
 * next screening uses the new entries.
 */
public final class ScreeningLists {
  /** Most rows one CSV import reads. */
  public static final int MAX_ROWS = 1_000_000;

  private final ScreeningStore store;
  private final PassengerScreening screening;
  private final AuditTrail audit;
  private final Clock clock;

  public ScreeningLists(
      ScreeningStore store, PassengerScreening screening, AuditTrail audit, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.screening = Objects.requireNonNull(screening, "screening");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What an import did.
   *
   * @param read rows read (valid and refused)
   * @param added entries that were not on the list before
   * @param version the list's version after the import
   * @param refused the rows refused, each with its line and why; the others were kept
   */
  public record Imported(int read, int added, int version, List<Problem> refused) {
    public Imported {
      refused = List.copyOf(refused);
    }
  }

  public List<ReferenceListRow> all() {
    return store.referenceListRows();
  }

  public Optional<ReferenceListRow> find(String name) {
    return store.referenceList(name);
  }

  public List<ListEntry> entries(String name, int limit) {
    return store.listEntries(name, limit);
  }

  /** Creates an empty list; refused for a bad name or kind, or a name that is taken. */
  public Outcome<ReferenceListRow> create(String name, String kind, String description, String by) {
    String n = name == null ? "" : name.strip();
    if (!ScreeningList.validName(n)) {
      return Outcome.rejected(
          Problem.of(
                  "invalid-name",
                  "name",
                  "expected lower-case letters, digits and hyphens (up to 63), e.g."
                      + " source-countries; got '"
                      + n
                      + "'")
              .worded("list", n));
    }
    Optional<PassengerListKind> k = PassengerListKind.ofCode(kind);
    if (k.isEmpty()) {
      return Outcome.rejected(
          Problem.of(
                  "invalid-kind",
                  "kind",
                  "kind '" + kind + "' is not one of " + PassengerListKind.codes())
              .worded("not-one-of", kind, PassengerListKind.codes()));
    }
    String d = description == null ? "" : description.strip();
    if (d.length() > 500) {
      return Outcome.rejected(
          Problem.of("invalid-description", "description", "longer than 500 characters")
              .worded("too-long", 500));
    }
    if (!store.createList(n, k.get(), d, by, clock.instant())) {
      return Outcome.rejected(
          Problem.of("conflict", "name", "a list named " + n + " exists already")
              .worded("list-exists", n));
    }
    audit(by, "screening.list.create", n, Map.of("kind", k.get().code()));
    return Outcome.accepted(store.referenceList(n).orElseThrow());
  }

  /**
   * Imports CSV into an existing list: RFC 4180, UTF-8, one entry per row, columns {@code
   * value[,note]}, an optional header row whose first cell is {@code value}. Rows that are not
   * valid entries of the list's kind are refused one by one ({@code line N} and why); the others
   * are kept. Entries already on the list keep their place (a new note replaces the old one).
   */
  public Outcome<Imported> importCsv(String name, Reader csv, String by) {
    Optional<ReferenceListRow> l = store.referenceList(name);
    if (l.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "name", "no list named " + name).worded("list", name));
    }
    List<ListEntry> rows = new ArrayList<>();
    int[] added = {0};
    CsvRead read =
        readCsv(
            csv,
            l.get().kind(),
            e -> {
              rows.add(e);
              if (rows.size() >= 5_000) {
                added[0] += store.addListEntries(name, List.copyOf(rows), by, clock.instant());
                rows.clear();
              }
            });
    added[0] += store.addListEntries(name, rows, by, clock.instant());
    ReferenceListRow after = store.referenceList(name).orElseThrow();
    audit(
        by,
        "screening.list.import",
        name,
        Map.of(
            "read", String.valueOf(read.rows()),
            "added", String.valueOf(added[0]),
            "refused", String.valueOf(read.refused().size()),
            "version", String.valueOf(after.version())));
    if (after.version() != l.get().version()) {
      screening.reloadRules();
    }
    return Outcome.accepted(new Imported(read.rows(), added[0], after.version(), read.refused()));
  }

  /** What reading a list CSV found: rows read (valid and refused) and the refused ones. */
  public record CsvRead(int rows, List<Problem> refused) {
    public CsvRead {
      refused = List.copyOf(refused);
    }
  }

  /**
   * Reads list CSV ({@code value[,note]}, optional header {@code value}): each valid entry, in
   * stored form, goes to {@code sink}; each bad row comes back with its line and why (a value or
   * note holding a NUL character, U+0000, is {@code invalid-character}). Never throws on any text.
   */
  public static CsvRead readCsv(Reader csv, PassengerListKind kind, Consumer<ListEntry> sink) {
    List<Problem> refused = new ArrayList<>();
    int read = 0;
    boolean first = true;
    for (CsvReader.Row row : new CsvReader(csv)) {
      String where = "line " + row.line();
      if (read >= MAX_ROWS) {
        refused.add(Problem.of("too-many-rows", where, "more than " + MAX_ROWS + " rows"));
        break;
      }
      if (!row.fields().isAccepted()) {
        read++;
        refused.add(Problem.of("invalid-csv", where, row.fields().problems().get(0).message()));
        continue;
      }
      List<String> cells = row.fields().orElseThrow();
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (first && cells.get(0).strip().equalsIgnoreCase("value")) {
        first = false;
        continue;
      }
      first = false;
      read++;
      if (cells.size() > 2) {
        refused.add(
            Problem.of(
                "invalid-csv",
                where,
                "expected at most 2 cells (value, note), got " + cells.size()));
        continue;
      }
      String withNul =
          StorableText.hasNul(cells.get(0))
              ? "value"
              : cells.size() > 1 && StorableText.hasNul(cells.get(1)) ? "note" : null;
      if (withNul != null) {
        refused.add(
            Problem.of(
                StorableText.NUL_CODE, where, "the " + withNul + " " + StorableText.NUL_REASON));
        continue;
      }
      PassengerListKind.Entry e = kind.normalise(cells.get(0));
      if (!e.valid()) {
        refused.add(Problem.of("invalid-entry", where, e.problem()));
        continue;
      }
      String note = cells.size() > 1 ? cells.get(1).strip() : "";
      if (note.length() > 500) {
        refused.add(Problem.of("invalid-entry", where, "the note is longer than 500 characters"));
        continue;
      }
      sink.accept(new ListEntry(e.value(), note));
    }
    return new CsvRead(read, refused);
  }

  /** Adds one entry (or replaces its note). */
  public Outcome<Imported> add(String name, String value, String note, String by) {
    Optional<ReferenceListRow> l = store.referenceList(name);
    if (l.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "name", "no list named " + name).worded("list", name));
    }
    PassengerListKind.Entry e = l.get().kind().normalise(value);
    if (!e.valid()) {
      return Outcome.rejected(
          Problem.of("invalid-entry", "value", e.problem())
              .worded("value", l.get().kind().code(), value));
    }
    String n = note == null ? "" : note.strip();
    if (n.length() > 500) {
      return Outcome.rejected(
          Problem.of("invalid-entry", "note", "the note is longer than 500 characters")
              .worded("note", 500));
    }
    int added =
        store.addListEntries(name, List.of(new ListEntry(e.value(), n)), by, clock.instant());
    ReferenceListRow after = store.referenceList(name).orElseThrow();
    audit(by, "screening.list.add", name, Map.of("value", e.value()));
    if (after.version() != l.get().version()) {
      screening.reloadRules();
    }
    return Outcome.accepted(new Imported(1, added, after.version(), List.of()));
  }

  /** Removes one entry; accepted false when it was not on the list. */
  public Outcome<Boolean> remove(String name, String value, String by) {
    Optional<ReferenceListRow> l = store.referenceList(name);
    if (l.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "name", "no list named " + name).worded("list", name));
    }
    PassengerListKind.Entry e = l.get().kind().normalise(value);
    boolean removed = e.valid() && store.removeListEntry(name, e.value(), by, clock.instant());
    if (removed) {
      audit(by, "screening.list.remove", name, Map.of("value", e.value()));
      screening.reloadRules();
    }
    return Outcome.accepted(removed);
  }

  private void audit(String by, String action, String list, Map<String, String> details) {
    audit.record(new AuditEvent(clock.instant(), by, "", action, "list:" + list, details));
  }
}
