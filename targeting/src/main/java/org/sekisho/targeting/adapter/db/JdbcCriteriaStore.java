package org.sekisho.targeting.adapter.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sekisho.targeting.criteria.application.CriteriaStore;
import org.sekisho.targeting.criteria.application.CriterionState;
import org.sekisho.targeting.criteria.application.StoredCriterion;

/** Criterion versions in {@code targeting.criterion_version}. */
public final class JdbcCriteriaStore implements CriteriaStore {
  private static final String COLUMNS =
      "criterion_id, version, name, source, owner, offices, effective_from, effective_to, status,"
          + " saved_at, released_by, released_at";

  private final Jdbi jdbi;

  public JdbcCriteriaStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public StoredCriterion saveVersion(Optional<Long> id, StoredCriterion d) {
    return jdbi.inTransaction(
        h -> {
          long cid;
          int version;
          if (id.isPresent()) {
            cid = id.get();
            h.createQuery("select id from targeting.criterion where id = :id for update")
                .bind("id", cid)
                .mapTo(Long.class)
                .one();
            version =
                h.createQuery(
                        "select coalesce(max(version), 0) + 1 from targeting.criterion_version"
                            + " where criterion_id = :id")
                    .bind("id", cid)
                    .mapTo(Integer.class)
                    .one();
          } else {
            cid =
                h.createQuery(
                        "insert into targeting.criterion (created_by, created_at) values (:by, :at)"
                            + " returning id")
                    .bind("by", d.owner())
                    .bind("at", Timestamp.from(d.savedAt()))
                    .mapTo(Long.class)
                    .one();
            version = 1;
          }
          h.createUpdate(
                  "insert into targeting.criterion_version (criterion_id, version, name, source,"
                      + " owner, offices, effective_from, effective_to, status, saved_at) values"
                      + " (:id, :v, :name, :source, :owner, :offices, :from, :to, 'draft', :at)")
              .bind("id", cid)
              .bind("v", version)
              .bind("name", d.name())
              .bind("source", d.source())
              .bind("owner", d.owner())
              .bind("offices", d.offices().stream().sorted().toArray(String[]::new))
              .bind("from", d.effectiveFrom().orElse(null))
              .bind("to", d.effectiveTo().orElse(null))
              .bind("at", Timestamp.from(d.savedAt()))
              .execute();
          return h.createQuery(
                  "select "
                      + COLUMNS
                      + " from targeting.criterion_version where criterion_id = :id and version = :v")
              .bind("id", cid)
              .bind("v", version)
              .map((rs, ctx) -> row(rs))
              .one();
        });
  }

  @Override
  public Optional<StoredCriterion> version(long id, int version) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from targeting.criterion_version where criterion_id = :id and version"
                        + " = :v")
                .bind("id", id)
                .bind("v", version)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  @Override
  public List<StoredCriterion> latest() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from targeting.criterion_version v where status = 'released' or"
                        + " version = (select max(version) from targeting.criterion_version w"
                        + " where w.criterion_id = v.criterion_id) order by criterion_id, version"
                        + " desc")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  @Override
  public List<StoredCriterion> history(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from targeting.criterion_version where criterion_id = :id order by"
                        + " version desc")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  @Override
  public List<StoredCriterion> released() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from targeting.criterion_version where status = 'released' order by"
                        + " criterion_id")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  @Override
  public boolean release(long id, int version, String by, Instant at) {
    // one change of a criterion at a time: without the lock two releases at READ COMMITTED each
    // superseded what they saw and both stayed in force
    return changeAlone(
        id,
        h -> {
          h.createUpdate(
                  "update targeting.criterion_version set status = 'superseded' where"
                      + " criterion_id = :id and status = 'released' and version <> :v")
              .bind("id", id)
              .bind("v", version)
              .execute();
          h.createUpdate(
                  "update targeting.criterion_version set status = 'released', released_by ="
                      + " :by, released_at = :at where criterion_id = :id and version = :v")
              .bind("id", id)
              .bind("v", version)
              .bind("by", by)
              .bind("at", Timestamp.from(at))
              .execute();
          // a disabled criterion released again is in force again
          h.createUpdate("update targeting.criterion set disabled = false where id = :id")
              .bind("id", id)
              .execute();
        });
  }

  @Override
  public boolean disable(long id, String by, Instant at, String reason) {
    return changeAlone(
        id,
        h -> {
          h.createUpdate(
                  "update targeting.criterion_version set status = 'disabled' where"
                      + " criterion_id = :id and status in ('released', 'draft')")
              .bind("id", id)
              .execute();
          h.createUpdate(
                  "update targeting.criterion set disabled = true, disabled_by = :by,"
                      + " disabled_at = :at, disabled_reason = :reason where id = :id")
              .bind("id", id)
              .bind("by", by)
              .bind("at", Timestamp.from(at))
              .bind("reason", reason)
              .execute();
        });
  }

  @Override
  public java.util.Map<Long, CriterionState.Disabled> disabled() {
    java.util.Map<Long, CriterionState.Disabled> out = new java.util.TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select id, disabled_by, disabled_at, disabled_reason from targeting.criterion"
                        + " where disabled")
                .map(
                    (rs, ctx) -> {
                      Timestamp at = rs.getTimestamp(3);
                      return java.util.Map.entry(
                          rs.getLong(1),
                          new CriterionState.Disabled(
                              Optional.ofNullable(rs.getString(2)).orElse(""),
                              Optional.ofNullable(at).map(Timestamp::toInstant),
                              Optional.ofNullable(rs.getString(4)).orElse("")));
                    })
                .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /**
   * Runs {@code change} in one transaction holding the criterion's row lock; false when another
   * change of the same criterion was under way ({@link #busy}).
   */
  private boolean changeAlone(long id, org.jdbi.v3.core.HandleConsumer<RuntimeException> change) {
    try {
      jdbi.useTransaction(
          h -> {
            lock(h, id);
            change.useHandle(h);
          });
      return true;
    } catch (JdbiException e) {
      if (busy(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Locks the criterion's row for this transaction without waiting: a release that finds another
   * change of the same criterion under way is refused (the caller reloads and decides again) rather
   * than applied over a state its author never saw.
   */
  private static void lock(Handle h, long id) {
    h.createQuery("select id from targeting.criterion where id = :id for update nowait")
        .bind("id", id)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * Whether the database refused a change because another one of the same criterion was under way:
   * its row locked (55P03) or a second version released (23505, the unique index of V9).
   */
  private static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s
          && ("55P03".equals(s.getSQLState()) || "23505".equals(s.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static StoredCriterion row(ResultSet rs) throws SQLException {
    Array a = rs.getArray("offices");
    String[] offices = a == null ? new String[0] : (String[]) a.getArray();
    return new StoredCriterion(
        rs.getLong("criterion_id"),
        rs.getInt("version"),
        rs.getString("name"),
        rs.getString("source"),
        rs.getString("owner"),
        Set.of(offices),
        Optional.ofNullable(rs.getObject("effective_from", LocalDate.class)),
        Optional.ofNullable(rs.getObject("effective_to", LocalDate.class)),
        StoredCriterion.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getTimestamp("saved_at").toInstant(),
        rs.getString("released_by"),
        Optional.ofNullable(rs.getTimestamp("released_at")).map(java.sql.Timestamp::toInstant));
  }
}
