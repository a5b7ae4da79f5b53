package org.sekisho.passenger.egate.adapter.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.application.ReferralOutcomes;
import org.sekisho.passenger.egate.domain.referral.RecordedOutcome;
import org.sekisho.passenger.egate.domain.referral.ReferralOutcome;

/**
 * Referral outcomes in {@code egate.referral_outcome}, beside {@code egate.customs_arrival}. The
 * table's unique (capture id, version) decides between two officers recording at once: the second
 * gets a {@code conflict}. Thread-safe.
 */
public final class JdbcReferralOutcomes implements ReferralOutcomes {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String SELECT =
      "select capture_id, version, outcome, comment, officer, agency, recorded_at"
          + " from egate.referral_outcome";

  private final Jdbi jdbi;

  public JdbcReferralOutcomes(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Outcome<RecordedOutcome> append(RecordedOutcome o) {
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "insert into egate.referral_outcome"
                          + " (capture_id, version, outcome, comment, officer, agency, recorded_at)"
                          + " values (:c, :v, :o, :m, :u, :a, :t)")
                  .bind("c", o.captureId())
                  .bind("v", o.version())
                  .bind("o", o.outcome().code())
                  .bind("m", o.comment())
                  .bind("u", o.officer())
                  .bind("a", o.agency())
                  .bind("t", OffsetDateTime.ofInstant(o.recordedAt(), ZoneOffset.UTC))
                  .execute());
      return Outcome.accepted(o);
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
        return Outcome.rejected(
            "conflict", "version", "version " + o.version() + " was recorded meanwhile");
      }
      throw e;
    }
  }

  @Override
  public List<RecordedOutcome> history(String captureId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " where capture_id = :c order by version")
                .bind("c", captureId)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  @Override
  public Map<String, RecordedOutcome> latest(List<String> captureIds) {
    Map<String, RecordedOutcome> out = new HashMap<>();
    if (captureIds.isEmpty()) {
      return out;
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select distinct on (capture_id) capture_id, version, outcome, comment,"
                        + " officer, agency, recorded_at from egate.referral_outcome"
                        + " where capture_id in (<ids>) order by capture_id, version desc")
                .bindList("ids", captureIds)
                .map((rs, ctx) -> row(rs))
                .forEach(o -> out.put(o.captureId(), o)));
    return out;
  }

  private static RecordedOutcome row(ResultSet rs) throws SQLException {
    String code = rs.getString("outcome");
    return new RecordedOutcome(
        rs.getString("capture_id"),
        rs.getInt("version"),
        ReferralOutcome.ofCode(code)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "egate.referral_outcome holds an unknown outcome: " + code)),
        rs.getString("comment"),
        rs.getString("officer"),
        rs.getString("agency"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
  }
}
