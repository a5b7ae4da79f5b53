package org.sekisho.targeting.adapter.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.model.domain.RankingMetrics;
import org.sekisho.targeting.release.application.ModelRegistry;
import org.sekisho.targeting.release.domain.Lifecycle;
import org.sekisho.targeting.release.domain.ModelStatus;
import org.sekisho.targeting.release.domain.ModelVersion;

/**
 * The model registry in table {@code targeting.risk_model}. State changes are conditional updates
 * on the status they were decided from; a unique index keeps at most one model released.
 */
public final class JdbcModelRegistry implements ModelRegistry {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "version, model_id, content_hash, status, figures, evaluated_on, registered_by,"
          + " registered_at, approved_by, approved_at, released_by, released_at";

  private final Jdbi jdbi;

  public JdbcModelRegistry(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<ModelVersion> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from targeting.risk_model order by version desc")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  @Override
  public Optional<ModelVersion> find(int version) {
    return one("version = :v", version);
  }

  @Override
  public Optional<ModelVersion> byContentHash(String contentHash) {
    return one("content_hash = :v", contentHash);
  }

  @Override
  public Optional<ModelVersion> byModelId(String modelId) {
    return one("model_id = :v", modelId);
  }

  @Override
  public Optional<ModelVersion> released() {
    return one("status = :v", ModelStatus.RELEASED.code());
  }

  private Optional<ModelVersion> one(String where, Object value) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from targeting.risk_model where " + where)
                .bind("v", value)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  @Override
  public int nextVersion() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select coalesce(max(version), 0) + 1 from targeting.risk_model")
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public boolean add(ModelVersion m) {
    try {
      return jdbi.withHandle(
              h ->
                  h.createUpdate(
                          "insert into targeting.risk_model (version, model_id, content_hash,"
                              + " status, figures, evaluated_on, registered_by, registered_at,"
                              + " approved_by, approved_at, released_by, released_at) values (:v,"
                              + " :id, :hash, :s, cast(:f as jsonb), :on, :rb, :ra, :ab, :aa, :lb,"
                              + " :la) on conflict do nothing")
                      .bind("v", m.version())
                      .bind("id", m.modelId())
                      .bind("hash", m.contentHash())
                      .bind("s", m.status().code())
                      .bind("f", figuresJson(m.figures()))
                      .bind("on", m.evaluatedOn())
                      .bind("rb", m.registeredBy())
                      .bind("ra", Timestamp.from(m.registeredAt()))
                      .bind("ab", m.approvedBy())
                      .bind("aa", m.approvedAt().map(Timestamp::from).orElse(null))
                      .bind("lb", m.releasedBy())
                      .bind("la", m.releasedAt().map(Timestamp::from).orElse(null))
                      .execute())
          == 1;
    } catch (UnableToExecuteStatementException e) {
      // a second released model (unique index): someone released meanwhile
      return false;
    }
  }

  @Override
  public boolean approve(ModelVersion m) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update targeting.risk_model set status = 'approved', approved_by = :by,"
                            + " approved_at = :at where version = :v and status = 'evaluated'")
                    .bind("by", m.approvedBy())
                    .bind("at", Timestamp.from(m.approvedAt().orElseThrow()))
                    .bind("v", m.version())
                    .execute())
        == 1;
  }

  @Override
  public boolean release(Lifecycle.Release r) {
    try {
      return jdbi.inTransaction(
          h -> {
            if (r.retired().isPresent()) {
              int n =
                  h.createUpdate(
                          "update targeting.risk_model set status = 'retired' where version = :v"
                              + " and status = 'released'")
                      .bind("v", r.retired().get().version())
                      .execute();
              if (n != 1) {
                throw new Changed();
              }
            }
            ModelVersion m = r.released();
            int n =
                h.createUpdate(
                        "update targeting.risk_model set status = 'released', released_by = :by,"
                            + " released_at = :at where version = :v and status in ('approved',"
                            + " 'retired')")
                    .bind("by", m.releasedBy())
                    .bind("at", Timestamp.from(m.releasedAt().orElseThrow()))
                    .bind("v", m.version())
                    .execute();
            if (n != 1) {
              throw new Changed();
            }
            return true;
          });
    } catch (Changed e) {
      return false;
    } catch (UnableToExecuteStatementException e) {
      // another model was released meanwhile (unique index on the released status)
      return false;
    }
  }

  /** Rolls the release back: a model changed state after it was read. */
  private static final class Changed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Changed() {
      super(null, null, false, false);
    }
  }

  private static ModelVersion row(ResultSet rs) throws SQLException {
    return new ModelVersion(
        rs.getInt("version"),
        rs.getString("model_id"),
        rs.getString("content_hash"),
        ModelStatus.ofCode(rs.getString("status")).orElseThrow(),
        figures(rs.getString("figures")),
        rs.getString("evaluated_on"),
        rs.getString("registered_by"),
        rs.getTimestamp("registered_at").toInstant(),
        rs.getString("approved_by"),
        instant(rs.getTimestamp("approved_at")),
        rs.getString("released_by"),
        instant(rs.getTimestamp("released_at")));
  }

  private static Optional<Instant> instant(Timestamp t) {
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  static String figuresJson(RankingFigures f) {
    ObjectNode o = JSON.createObjectNode();
    o.put("n", f.n());
    o.put("positives", f.positives());
    ObjectNode p = o.putObject("precision");
    ObjectNode r = o.putObject("recall");
    for (int k : RankingMetrics.PERCENTAGES) {
      Double pk = f.precision().get(k);
      Double rk = f.recall().get(k);
      if (pk != null) {
        p.put(Integer.toString(k), pk);
      }
      if (rk != null) {
        r.put(Integer.toString(k), rk);
      }
    }
    if (!Double.isNaN(f.auc())) {
      o.put("auc", f.auc());
    }
    return o.toString();
  }

  static RankingFigures figures(String json) {
    try {
      JsonNode o = JSON.readTree(json);
      Map<Integer, Double> p = new LinkedHashMap<>();
      Map<Integer, Double> r = new LinkedHashMap<>();
      o.path("precision")
          .properties()
          .forEach(e -> p.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
      o.path("recall")
          .properties()
          .forEach(e -> r.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
      return new RankingFigures(
          o.path("n").asLong(),
          o.path("positives").asLong(),
          p,
          r,
          o.has("auc") ? o.get("auc").asDouble() : Double.NaN);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored figures are unreadable", e);
    }
  }
}
