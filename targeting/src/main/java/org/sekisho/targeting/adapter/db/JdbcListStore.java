package org.sekisho.targeting.adapter.db;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.targeting.criteria.application.ListStore;
import org.sekisho.targeting.criteria.domain.ListCsv;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/**
 * Reference lists in {@code targeting.reference_list} and {@code targeting.list_entry}. Entries are
 * never deleted: removal marks the version they left, so any earlier version can be rebuilt ({@link
 * #at}).
 */
public final class JdbcListStore implements ListStore {
  private final Jdbi jdbi;

  public JdbcListStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private record Header(String name, ListKind kind, int version) {}

  private static List<Header> headers(Handle h, String where, String name) {
    var q = h.createQuery("select name, kind, version from targeting.reference_list " + where);
    if (name != null) {
      q.bind("name", name);
    }
    return q.map(
            (rs, ctx) ->
                new Header(
                    rs.getString("name"),
                    ListKind.ofCode(rs.getString("kind")).orElseThrow(),
                    rs.getInt("version")))
        .list();
  }

  @Override
  public Map<String, ReferenceList> all() {
    return jdbi.withHandle(
        h -> {
          Map<String, Set<String>> entries = new HashMap<>();
          h.createQuery(
                  "select list_name, value from targeting.list_entry where removed_version is null")
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
              .forEach(
                  e -> entries.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
          Map<String, ReferenceList> out = new TreeMap<>();
          for (Header hd : headers(h, "", null)) {
            out.put(
                hd.name(),
                new ReferenceList(
                    hd.name(), hd.kind(), hd.version(), entries.getOrDefault(hd.name(), Set.of())));
          }
          return out;
        });
  }

  @Override
  public Optional<ReferenceList> find(String name) {
    return jdbi.withHandle(
        h -> {
          List<Header> hs = headers(h, "where name = :name", name);
          if (hs.isEmpty()) {
            return Optional.empty();
          }
          Header hd = hs.get(0);
          Set<String> values =
              new HashSet<>(
                  h.createQuery(
                          "select value from targeting.list_entry where list_name = :n and"
                              + " removed_version is null")
                      .bind("n", name)
                      .mapTo(String.class)
                      .list());
          return Optional.of(new ReferenceList(hd.name(), hd.kind(), hd.version(), values));
        });
  }

  @Override
  public Optional<ReferenceList> at(String name, int version) {
    return jdbi.withHandle(
        h -> {
          List<Header> hs = headers(h, "where name = :name", name);
          if (hs.isEmpty() || version > hs.get(0).version() || version < 1) {
            return Optional.empty();
          }
          Set<String> values =
              new HashSet<>(
                  h.createQuery(
                          "select value from targeting.list_entry where list_name = :n and"
                              + " added_version <= :v and (removed_version is null or"
                              + " removed_version > :v)")
                      .bind("n", name)
                      .bind("v", version)
                      .mapTo(String.class)
                      .list());
          return Optional.of(new ReferenceList(name, hs.get(0).kind(), version, values));
        });
  }

  @Override
  public Optional<String> note(String name, int version, String value) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select note from targeting.list_entry where list_name = :n and value = :val"
                        + " and added_version <= :v and (removed_version is null or"
                        + " removed_version > :v) order by id desc limit 1")
                .bind("n", name)
                .bind("val", value)
                .bind("v", version)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public boolean create(String name, ListKind kind, String description, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        "insert into targeting.reference_list (name, kind, description, version,"
                            + " created_by, updated_by) values (:n, :k, :d, 1, :by, :by) on"
                            + " conflict do nothing")
                    .bind("n", name)
                    .bind("k", kind.code())
                    .bind("d", description)
                    .bind("by", by)
                    .execute()
                == 1);
  }

  @Override
  public Stored addEntries(String name, List<ListCsv.Row> rows, String by) {
    return store(name, rows, by, false);
  }

  @Override
  public Optional<Removed> removeEntry(String name, String value, String by) {
    return jdbi.inTransaction(
        h -> {
          int current =
              h.createQuery(
                      "select version from targeting.reference_list where name = :n for update")
                  .bind("n", name)
                  .mapTo(Integer.class)
                  .one();
          Optional<Long> id =
              h.createQuery(
                      "update targeting.list_entry set removed_version = :v where list_name = :n"
                          + " and value = :val and removed_version is null returning id")
                  .bind("v", current + 1)
                  .bind("n", name)
                  .bind("val", value)
                  .mapTo(Long.class)
                  .findOne();
          if (id.isPresent()) {
            h.createUpdate(
                    "update targeting.reference_list set version = :v, updated_by = :by where name"
                        + " = :n")
                .bind("v", current + 1)
                .bind("by", by)
                .bind("n", name)
                .execute();
          }
          return id.map(x -> new Removed(x, current + 1));
        });
  }

  @Override
  public EntryPage entries(String name, String query, int offset, int limit) {
    String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
    // strpos, not like: a % or _ typed in the search box is looked for as written
    String where =
        " from targeting.list_entry where list_name = :n and removed_version is null"
            + (q.isEmpty()
                ? ""
                : " and (strpos(lower(value), :q) > 0 or strpos(lower(note), :q) > 0)");
    return jdbi.withHandle(
        h -> {
          var count = h.createQuery("select count(*)" + where).bind("n", name);
          var page =
              h.createQuery("select value, note" + where + " order by value offset :o limit :l")
                  .bind("n", name)
                  .bind("o", offset)
                  .bind("l", limit);
          if (!q.isEmpty()) {
            count.bind("q", q);
            page.bind("q", q);
          }
          int total = count.mapTo(Integer.class).one();
          return new EntryPage(
              page.map((rs, ctx) -> new ListCsv.Row(rs.getString(1), rs.getString(2))).list(),
              total);
        });
  }

  @Override
  public Stored replaceEntries(String name, List<ListCsv.Row> rows, String by) {
    return store(name, rows, by, true);
  }

  /**
   * Adds the rows' entries (a note given again is updated) and, when {@code replace}, removes every
   * entry the rows leave out; the list's version goes up once when an entry came or went. Set-wise,
   * so that an import of 100,000 entries is a few statements, not two per row.
   */
  private Stored store(String name, List<ListCsv.Row> rows, String by, boolean replace) {
    Map<String, String> wanted = new java.util.LinkedHashMap<>();
    for (ListCsv.Row r : rows) {
      wanted.putIfAbsent(r.value(), r.note());
    }
    String[] values = wanted.keySet().toArray(String[]::new);
    String[] notes = wanted.values().toArray(String[]::new);
    return jdbi.inTransaction(
        h -> {
          int current =
              h.createQuery(
                      "select version from targeting.reference_list where name = :n for update")
                  .bind("n", name)
                  .mapTo(Integer.class)
                  .one();
          int next = current + 1;
          int removed =
              !replace
                  ? 0
                  : h.createUpdate(
                          "update targeting.list_entry set removed_version = :v where list_name ="
                              + " :n and removed_version is null and not (value = any(:vals))")
                      .bind("v", next)
                      .bind("n", name)
                      .bindArray("vals", String.class, (Object[]) values)
                      .execute();
          int changed =
              h.createUpdate(
                      "update targeting.list_entry e set note = u.note from unnest(:vals, :notes)"
                          + " u(value, note) where e.list_name = :n and e.removed_version is null and"
                          + " e.value = u.value and e.note <> u.note")
                  .bind("n", name)
                  .bindArray("vals", String.class, (Object[]) values)
                  .bindArray("notes", String.class, (Object[]) notes)
                  .execute();
          int added =
              h.createUpdate(
                      "insert into targeting.list_entry (list_name, value, note, added_version,"
                          + " added_by) select :n, u.value, u.note, :v, :by from unnest(:vals,"
                          + " :notes) u(value, note) where not exists (select 1 from"
                          + " targeting.list_entry e where e.list_name = :n and e.value = u.value"
                          + " and e.removed_version is null)")
                  .bind("n", name)
                  .bind("v", next)
                  .bind("by", by)
                  .bindArray("vals", String.class, (Object[]) values)
                  .bindArray("notes", String.class, (Object[]) notes)
                  .execute();
          if (added + removed > 0) {
            h.createUpdate(
                    "update targeting.reference_list set version = :v, updated_by = :by where name"
                        + " = :n")
                .bind("v", next)
                .bind("by", by)
                .bind("n", name)
                .execute();
          }
          return new Stored(added, removed, changed);
        });
  }

  @Override
  public List<ListCsv.Row> entries(String name, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select value, note from targeting.list_entry where list_name = :n and"
                        + " removed_version is null order by value limit :l")
                .bind("n", name)
                .bind("l", limit)
                .map((rs, ctx) -> new ListCsv.Row(rs.getString(1), rs.getString(2)))
                .list());
  }
}
