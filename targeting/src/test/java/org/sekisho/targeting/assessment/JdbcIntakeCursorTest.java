package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.db.JdbcIntakeCursor;

/** Intake cursors are kept per feed in PostgreSQL and never move back. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JdbcIntakeCursorTest {
  @Test
  void aCursorStartsAtZeroMovesOnlyForwardAndIsKeptPerFeed(Database db) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    JdbcIntakeCursor cursor = new JdbcIntakeCursor(db.jdbi(), Clock.systemUTC());

    assertThat(cursor.position("intel.declarations")).isZero();
    cursor.moveTo("intel.declarations", 5_000);
    cursor.moveTo("other", 7);
    assertThat(cursor.position("intel.declarations")).isEqualTo(5_000);
    cursor.moveTo("intel.declarations", 3_000);
    assertThat(cursor.position("intel.declarations")).isEqualTo(5_000);
    cursor.moveTo("intel.declarations", 9_000);
    assertThat(cursor.position("intel.declarations")).isEqualTo(9_000);
    assertThat(new JdbcIntakeCursor(db.jdbi(), Clock.systemUTC()).position("other")).isEqualTo(7);
  }
}
