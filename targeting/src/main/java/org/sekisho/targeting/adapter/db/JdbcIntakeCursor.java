package org.sekisho.targeting.adapter.db;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.targeting.assessment.application.IntakeCursor;

/** Intake cursors in {@code targeting.intake_cursor}, one row per feed. */
public final class JdbcIntakeCursor implements IntakeCursor {
  private final Jdbi jdbi;
  private final Clock clock;

  public JdbcIntakeCursor(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public long position(String feed) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select position from targeting.intake_cursor where feed = :feed")
                .bind("feed", feed)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  @Override
  public void moveTo(String feed, long position) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into targeting.intake_cursor(feed, position, moved_at) values (:feed,"
                        + " :position, :at) on conflict (feed) do update set position ="
                        + " greatest(intake_cursor.position, excluded.position), moved_at ="
                        + " excluded.moved_at")
                .bind("feed", feed)
                .bind("position", position)
                .bind("at", clock.instant())
                .execute());
  }
}
