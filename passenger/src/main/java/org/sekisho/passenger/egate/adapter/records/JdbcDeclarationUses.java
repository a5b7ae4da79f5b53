package org.sekisho.passenger.egate.adapter.records;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.application.DeclarationUses;

/**
 * The gates' declaration uses in {@code egate.declaration_use}, whose primary key (declaration,
 * passport) lets one capture hold each: an insert that loses the race to another gate's reads the
 * winner's use instead. Thread-safe.
 */
public final class JdbcDeclarationUses implements DeclarationUses {
  private final Jdbi jdbi;

  public JdbcDeclarationUses(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Outcome<Use> claim(Use use) {
    try {
      return Outcome.accepted(
          jdbi.withHandle(
              h -> {
                // each statement commits on its own: a competing insert waits for this one's
                // commit, then does nothing, and its select reads the use that won
                h.createUpdate(
                        "insert into egate.declaration_use"
                            + " (declaration_id, passport, capture_id, kiosk, used_at)"
                            + " values (:d, :p, :c, :k, :t) on conflict do nothing")
                    .bind("d", use.declarationId())
                    .bind("p", use.passport())
                    .bind("c", use.captureId())
                    .bind("k", use.kiosk())
                    .bind("t", OffsetDateTime.ofInstant(use.at(), ZoneOffset.UTC))
                    .execute();
                return h.createQuery(
                        "select capture_id, kiosk, used_at from egate.declaration_use"
                            + " where declaration_id = :d and passport = :p")
                    .bind("d", use.declarationId())
                    .bind("p", use.passport())
                    .map(
                        (rs, ctx) ->
                            new Use(
                                use.declarationId(),
                                use.passport(),
                                rs.getString("capture_id"),
                                rs.getString("kiosk"),
                                rs.getObject("used_at", OffsetDateTime.class).toInstant()))
                    .one();
              }));
    } catch (RuntimeException e) {
      return Outcome.rejected(
          "store-failed", "declaration_use", "the store of declaration uses failed: " + e);
    }
  }
}
