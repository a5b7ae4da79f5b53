package org.sekisho.passenger.pnr.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.passenger.screening.adapter.demo.PassengerDemo;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A command-line run starts the context's background jobs (the first of them loads the screening
 * rules and watchlists) and closes it as soon as its own work is done, often while that load still
 * reads: closing must wait for the jobs to stop, before the database closes under them, and must
 * not report the load it cut short as a failure.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PnrContextCloseTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

  @Test
  void closingRightAfterStartingStopsTheJobsQuietly(Database db, @TempDir Path dir) {
    AuditLog audit = new AuditLog(db.jdbi());
    PnrContext seeded = new PnrContext(db, audit, CLOCK, dir, "customs-jp");
    db.migrate(
        Stream.concat(Stream.of(Migrations.of("platform")), seeded.migrations().stream()).toList());
    PassengerDemo.seed(seeded, CLOCK);

    Logger log = Logger.getLogger(PnrContext.class.getName());
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(r.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(capture);
    try {
      for (int run = 0; run < 5; run++) {
        // a fresh context, as each command-line run builds one: its screening is not loaded yet
        PnrContext context = new PnrContext(db, audit, CLOCK, dir, "customs-jp");
        context.start();
        context.close();
        assertThat(jobThreads()).as("jobs still running after close, run %d", run).isEmpty();
      }
      assertThat(warnings).isEmpty();
    } finally {
      log.removeHandler(capture);
    }
  }

  /** The job threads still running our code (a pool thread may outlive its last task briefly). */
  private static List<Thread> jobThreads() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().equals("pnr-jobs"))
        .filter(
            e -> Stream.of(e.getValue()).anyMatch(f -> f.getClassName().startsWith("org.sekisho.")))
        .map(java.util.Map.Entry::getKey)
        .toList();
  }
}
