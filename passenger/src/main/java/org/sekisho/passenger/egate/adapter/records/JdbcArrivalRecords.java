package org.sekisho.passenger.egate.adapter.records;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.core.Outcome;
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
