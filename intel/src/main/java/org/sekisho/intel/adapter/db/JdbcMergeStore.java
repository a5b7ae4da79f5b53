package org.sekisho.intel.adapter.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.core.Outcome;
import org.sekisho.intel.application.EntityMerges.MergeStore;
import org.sekisho.intel.domain.MergeConflicts;

/**
 * Entity merges in {@code intel.entity_merge}, applied by pointing the merged entity at the
 * survivor. Merges are one level deep: neither entity may already be merged, and an entity others
 * were merged into cannot itself be merged into another (the analyst merges the other way round).
 */
public final class JdbcMergeStore implements MergeStore {
  private final Jdbi jdbi;

  public JdbcMergeStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Outcome<Long> merge(
      long survivorId, long mergedId, String reason, double score, String actor, Instant at) {
    return jdbi.inTransaction(
        h -> {
          var rows =
              h.createQuery(
                      "select id, type, merged_into, key from intel.entity where id in (:a, :b)"
                          + " for update")
                  .bind("a", survivorId)
                  .bind("b", mergedId)
                  .map(
                      (rs, ctx) ->
                          new Object[] {
                            rs.getLong(1), rs.getString(2), rs.getObject(3), rs.getString(4)
                          })
                  .list();
          if (rows.size() != 2) {
            return Outcome.<Long>rejected("not-found", "entity", "both entities must exist");
          }
          if (!rows.get(0)[1].equals(rows.get(1)[1])) {
            return Outcome.<Long>rejected(
                "invalid-value", "mergedId", "only entities of the same type can be merged");
          }
          Object[] survivor = (Long) rows.get(0)[0] == survivorId ? rows.get(0) : rows.get(1);
          Object[] merged = survivor == rows.get(0) ? rows.get(1) : rows.get(0);
          var ruledOut =
              MergeConflicts.of(
                  (String) survivor[1],
                  survivorId,
                  (String) survivor[3],
                  mergedId,
                  (String) merged[3]);
          if (ruledOut.isPresent()) {
            return new Outcome.Rejected<Long>(List.of(ruledOut.get()));
          }
          for (Object[] r : rows) {
            if (r[2] != null) {
              return Outcome.<Long>rejected(
                  "conflict",
                  "entity",
                  "entity " + r[0] + " is already merged; undo that merge first");
            }
          }
          // Merges stay one level deep, so that every read resolving a link to its survivor in one
          // step (record pages, the graph, search counts) agrees with the entity page. An entity
          // others were merged into is refused as the merged side: the analyst merges the other
          // way round (or undoes those merges first), and each merge stays undoable on its own.
          List<Long> into = survivorOf(h, mergedId);
          if (!into.isEmpty()) {
            boolean survivorHasMerges = !survivorOf(h, survivorId).isEmpty();
            return Outcome.<Long>rejected(
                "conflict",
                "mergedId",
                "entity "
                    + mergedId
                    + " is itself the survivor of merges (entities "
                    + String.join(", ", into.stream().map(String::valueOf).toList())
                    + (survivorHasMerges
                        ? "), as entity "
                            + survivorId
                            + " is: undo the merges into one of them first"
                        : "): merge entity "
                            + survivorId
                            + " into entity "
                            + mergedId
                            + " instead, from entity "
                            + mergedId
                            + "'s page"));
          }
          h.createUpdate("update intel.entity set merged_into = :s where id = :m")
              .bind("s", survivorId)
              .bind("m", mergedId)
              .execute();
          long id =
              h.createQuery(
                      "insert into intel.entity_merge(survivor_id, merged_id, reason, score, actor, at)"
                          + " values (?,?,?,?,?,?) returning id")
                  .bind(0, survivorId)
                  .bind(1, mergedId)
                  .bind(2, reason)
                  .bind(3, score)
                  .bind(4, actor)
                  .bind(5, Timestamp.from(at))
                  .mapTo(Long.class)
                  .one();
          return Outcome.accepted(id);
        });
  }

  /** The entities merged into {@code id} now (a few, to name them), smallest id first. */
  private static List<Long> survivorOf(Handle h, long id) {
    return h.createQuery(
            "select id from intel.entity where merged_into = :id order by id limit " + NAMED_MERGED)
        .bind("id", id)
        .mapTo(Long.class)
        .list();
  }

  @Override
  public java.util.Map<Long, Long> cameThroughMerge(
      long survivorId, java.util.Collection<Long> recordIds) {
    java.util.Map<Long, Long> out = new java.util.HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select re.record_id, min(re.entity_id) from intel.record_entity re join"
                        + " intel.entity m on m.id = re.entity_id and m.merged_into = :s where"
                        + " re.record_id = any(:ids) and not exists (select 1 from"
                        + " intel.record_entity d where d.record_id = re.record_id and d.entity_id"
                        + " = :s) group by re.record_id")
                .bind("s", survivorId)
                .bindArray("ids", Long.class, recordIds)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .forEach(r -> out.put(r[0], r[1])));
    return out;
  }

  /** How many merged entities a refusal names. */
  private static final int NAMED_MERGED = 5;

  @Override
  public Outcome<Long> undo(long mergeId, String reason, String actor, Instant at) {
    return jdbi.inTransaction(
        h -> {
          var m =
              h.createQuery(
                      "select merged_id, undone_at from intel.entity_merge where id = :id for update")
                  .bind("id", mergeId)
                  .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)})
                  .findOne();
          if (m.isEmpty()) {
            return Outcome.<Long>rejected(
                "not-found", "merge", "merge " + mergeId + " was not found");
          }
          if (m.get()[1] != null) {
            return Outcome.<Long>rejected(
                "conflict", "merge", "merge " + mergeId + " was already undone");
          }
          h.createUpdate("update intel.entity set merged_into = null where id = :m")
              .bind("m", m.get()[0])
              .execute();
          h.createUpdate(
                  "update intel.entity_merge set undone_by = :a, undone_at = :t, undo_reason = :r"
                      + " where id = :id")
              .bind("a", actor)
              .bind("r", reason)
              .bind("t", Timestamp.from(at))
              .bind("id", mergeId)
              .execute();
          return Outcome.accepted(mergeId);
        });
  }
}
