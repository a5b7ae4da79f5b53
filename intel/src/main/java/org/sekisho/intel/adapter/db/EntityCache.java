package org.sekisho.intel.adapter.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.sekisho.intel.application.StoredRecord;
import org.sekisho.intel.domain.EntityRef;
import org.sekisho.intel.domain.NameReading;

/**
 * Entity ids by match key, so the bulk path links records without a look-up per link. Entities are
 * never deleted (a merge only points one at another), so a cached id stays right; the cache is
 * emptied when it grows past its bound. A new person or company written in Japanese is stored with
 * its romaji reading ({@link NameReading}), read once when the entity is inserted, never per
 * record. Thread-safe.
 */
final class EntityCache {
  private final int maxSize;
  private final NameReading readings;
  private final Map<Key, Long> ids = new ConcurrentHashMap<>();

  private static final java.util.Comparator<Key> ORDER =
      java.util.Comparator.comparing(Key::type).thenComparing(Key::key);

  EntityCache(int maxSize, NameReading readings) {
    this.maxSize = maxSize;
    this.readings = readings;
  }

  /**
   * An entity's match key. A record of the two strings rather than one joined string: the keys come
   * from the normalisers' memos and the types are constants, so their hashes are already computed.
   */
  record Key(String type, String key) {}

  static Key key(String type, String key) {
    return new Key(type, key);
  }

  /**
   * Ids for every entity the records name, inserting those not stored yet. New entities are
   * committed at once, before the records that link to them: an entity without links is harmless, a
   * cached id whose insert was rolled back would not be.
   */
  Map<Key, Long> resolve(Connection c, Collection<StoredRecord> records) throws SQLException {
    Map<Key, Long> found = new HashMap<>();
    // Sorted, so concurrent ingests insert shared keys in the same order and cannot deadlock.
    TreeMap<Key, EntityRef> missing = new TreeMap<>(ORDER);
    for (StoredRecord s : records) {
      for (EntityRef e : s.entities()) {
        Key k = key(e.type(), e.key());
        if (found.containsKey(k) || missing.containsKey(k)) {
          continue;
        }
        Long id = ids.get(k);
        if (id != null) {
          found.put(k, id);
        } else {
          missing.put(k, e);
        }
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    if (ids.size() + missing.size() > maxSize) {
      ids.clear();
    }
    select(c, missing, found);
    if (!missing.isEmpty()) {
      insert(c, missing, found);
    }
    if (!missing.isEmpty()) {
      // Inserted by a concurrent ingest between our look-up and our insert.
      select(c, missing, found);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("entities could not be resolved: " + missing.keySet());
    }
    return found;
  }

  private void select(Connection c, TreeMap<Key, EntityRef> missing, Map<Key, Long> found)
      throws SQLException {
    try (var ps =
        c.prepareStatement(
            "select e.id, e.type, e.key from intel.entity e join unnest(?::text[], ?::text[]) as"
                + " k(type, key) on e.type = k.type and e.key = k.key")) {
      bindKeys(c, ps, missing.values(), false);
      collect(ps, missing, found);
    }
  }

  private void insert(Connection c, TreeMap<Key, EntityRef> missing, Map<Key, Long> found)
      throws SQLException {
    try (var ps =
        c.prepareStatement(
            "insert into intel.entity(type, key, display, reading) select * from"
                + " unnest(?::text[], ?::text[], ?::text[], ?::text[]) on conflict (type, key) do"
                + " nothing returning id, type, key")) {
      bindKeys(c, ps, missing.values(), true);
      List<String> read = new ArrayList<>(missing.size());
      for (EntityRef e : missing.values()) {
        read.add(readings.ofEntity(e.type(), e.display(), e.key()));
      }
      ps.setArray(4, c.createArrayOf("text", read.toArray()));
      collect(ps, missing, found);
    }
  }

  private static void bindKeys(
      Connection c, java.sql.PreparedStatement ps, Collection<EntityRef> refs, boolean display)
      throws SQLException {
    List<String> types = new ArrayList<>(refs.size());
    List<String> keys = new ArrayList<>(refs.size());
    List<String> displays = new ArrayList<>(refs.size());
    for (EntityRef e : refs) {
      types.add(e.type());
      keys.add(e.key());
      displays.add(e.display());
    }
    ps.setArray(1, c.createArrayOf("text", types.toArray()));
    ps.setArray(2, c.createArrayOf("text", keys.toArray()));
    if (display) {
      ps.setArray(3, c.createArrayOf("text", displays.toArray()));
    }
  }

  private void collect(
      java.sql.PreparedStatement ps, TreeMap<Key, EntityRef> missing, Map<Key, Long> found)
      throws SQLException {
    try (var rs = ps.executeQuery()) {
      while (rs.next()) {
        Key k = key(rs.getString(2), rs.getString(3));
        long id = rs.getLong(1);
        ids.put(k, id);
        found.put(k, id);
        missing.remove(k);
      }
    }
  }
}
