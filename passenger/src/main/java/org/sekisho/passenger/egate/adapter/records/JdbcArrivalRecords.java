package org.sekisho.passenger.egate.adapter.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.application.CustomsArrivalLookup;
import org.sekisho.passenger.egate.application.CustomsArrivalRecords;
import org.sekisho.passenger.egate.application.ImmigrationArrivalRecords;
import org.sekisho.passenger.egate.domain.kiosk.Purpose;
import org.sekisho.passenger.egate.domain.kiosk.PurposeRecord;

/**
 * The kiosk's records in the {@code egate} schema: customs records in {@code customs_arrival}
 * (customs' own endpoint when no other is configured) and immigration records in {@code
 * immigration_outbox}, a separate table that only holds them for the immigration endpoint.
 * Idempotent by capture id. Thread-safe.
 */
public final class JdbcArrivalRecords {
  private final Jdbi jdbi;

  public JdbcArrivalRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public CustomsArrivalRecords customs() {
    return r -> insert("egate.customs_arrival", Purpose.CUSTOMS, r);
  }

  public ImmigrationArrivalRecords immigration() {
    return r -> insert("egate.immigration_outbox", Purpose.IMMIGRATION, r);
  }

  /** The officer's read side of {@code egate.customs_arrival}. */
  public CustomsArrivalLookup lookup() {
    return new CustomsArrivalLookup() {
      @Override
      public Optional<Map<String, String>> find(String captureId) {
        return jdbi.withHandle(
            h ->
                h.createQuery(SELECT + " where capture_id = :c")
                    .bind("c", captureId)
                    .map((rs, ctx) -> row(rs))
                    .findOne());
      }

      @Override
      public List<Map<String, String>> referredOn(LocalDate day, ZoneId zone) {
        return referredOn(day, zone, null);
      }

      @Override
      public List<Map<String, String>> referredOn(LocalDate day, ZoneId zone, String office) {
        // the office is filtered here, before the limit, so that a busy office elsewhere cannot
        // push this office's referrals out of its list
        return jdbi.withHandle(
            h -> {
              var q =
                  h.createQuery(
                          SELECT
                              + " where captured_at >= :from and captured_at < :to"
                              + " and fields->>'gate_decision' like 'secondary inspection%'"
                              + (office == null
                                  ? ""
                                  : " and upper(coalesce(fields->>'kiosk_office', '')) in ('', :o)")
                              + " order by captured_at desc, id desc limit 500")
                      .bind("from", day.atStartOfDay(zone).toOffsetDateTime())
                      .bind("to", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
              if (office != null) {
                q.bind("o", office.toUpperCase(java.util.Locale.ROOT));
              }
              return q.map((rs, ctx) -> row(rs)).list();
            });
      }
    };
  }

  private static final String SELECT =
      "select capture_id, kiosk, captured_at, fields::text as fields from egate.customs_arrival";

  private static Map<String, String> row(java.sql.ResultSet rs) throws java.sql.SQLException {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("capture_id", rs.getString("capture_id"));
    m.put("kiosk", rs.getString("kiosk"));
    m.put("captured_at", rs.getObject("captured_at", OffsetDateTime.class).toInstant().toString());
    try {
      JsonNode fields = JSON.readTree(rs.getString("fields"));
      fields.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("egate.customs_arrival holds unreadable JSON", e);
    }
    return m;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private Outcome<String> insert(String table, Purpose expected, PurposeRecord r) {
    if (r.purpose() != expected) {
      return Outcome.rejected(
          "wrong-endpoint", "purpose", "a " + r.purpose() + " record cannot go to " + table);
    }
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "insert into "
                          + table
                          + " (capture_id, kiosk, captured_at, fields)"
                          + " values (:c, :k, :t, cast(:f as jsonb)) on conflict (capture_id) do nothing")
                  .bind("c", r.captureId())
                  .bind("k", r.kiosk())
                  .bind("t", OffsetDateTime.ofInstant(r.capturedAt(), ZoneOffset.UTC))
                  .bind("f", FlatJson.fields(r))
                  .execute());
      return Outcome.accepted(table + ":" + r.captureId());
    } catch (RuntimeException e) {
      return Outcome.rejected("delivery-failed", table, "database refused the record: " + e);
    }
  }
}
