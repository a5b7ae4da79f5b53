package org.sekisho.intel.adapter.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.intel.application.RecordFeed;
import org.sekisho.intel.domain.ConveyanceMovement;
import org.sekisho.intel.domain.Declaration;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.PostalItem;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.Seizure;
import org.sekisho.intel.domain.TransportDocument;

/**
 * The record feed read from {@code intel.record}: entries by primary key, records read back from
 * the JSON {@link JdbcRecordStore} stored.
 */
public final class JdbcRecordFeed implements RecordFeed {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  /**
   * @param json the mapper the records were stored with (Java time support)
   */
  public JdbcRecordFeed(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    // The stored JSON also holds derived properties (a party's "empty"), which are not
    // constructor arguments.
    this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Override
  public List<Entry> after(RecordKind kind, long afterId, int max) {
    return after(kind, null, afterId, max);
  }

  @Override
  public List<Entry> after(RecordKind kind, String agency, long afterId, int max) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, source_id, recorded_at from intel.record where id > :after and"
                        + " kind = :kind and (cast(:agency as text) is null or agency = :agency)"
                        + " order by id limit :max")
                .bind("after", afterId)
                .bind("kind", kind.code())
                .bind("agency", agency)
                .bind("max", max)
                .map(
                    (rs, ctx) ->
                        new Entry(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list());
  }

  @Override
  public List<IntelRecord> records(RecordKind kind, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, String> byId = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select id, data::text from intel.record where id = any(:ids) and kind ="
                        + " :kind")
                .bindArray("ids", Long.class, ids)
                .bind("kind", kind.code())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> byId.put(e.getKey(), e.getValue())));
    ObjectReader reader = json.readerFor(type(kind));
    List<IntelRecord> out = new ArrayList<>(byId.size());
    for (Long id : ids) {
      String data = byId.get(id);
      if (data == null) {
        continue;
      }
      try {
        out.add(reader.readValue(data));
      } catch (JsonProcessingException e) {
        // Only this store writes the column, from these same classes.
        throw new IllegalStateException("record " + id + " cannot be read back: " + e, e);
      }
    }
    return out;
  }

  /** The class a record of {@code kind} is stored (and read back) as. */
  static Class<? extends IntelRecord> type(RecordKind kind) {
    return switch (kind) {
      case DECLARATION -> Declaration.class;
      case TRANSPORT_DOCUMENT -> TransportDocument.class;
      case CONVEYANCE_MOVEMENT -> ConveyanceMovement.class;
      case POSTAL_ITEM -> PostalItem.class;
      case SEIZURE -> Seizure.class;
    };
  }
}
