package org.sekisho.passenger.egate.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.passenger.egate.adapter.EgateContext;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A gate with no CSCA certificates and no face model refuses every chip and face: the operator must
 * hear of it when the gates are served, but not from every command-line run (an ingest, a search)
 * that builds the e-Gate context without serving a gate.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GateWarningsTest {

  @Test
  void theMissingTrustAnchorsAndFaceModelAreReportedWhenTheGatesAreServedOnly(
      Database db, @TempDir Path built, @TempDir Path served) throws Exception {
    Logger log = Logger.getLogger(EgateContext.class.getName());
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
              Object[] args = r.getParameters();
              warnings.add(
                  args == null
                      ? r.getMessage()
                      : java.text.MessageFormat.format(r.getMessage(), args));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(capture);
    try {
      EgateContext context =
          new EgateContext(db, new AuditLog(db.jdbi()), Clock.systemUTC(), built, EgateServer.ZONE);
      context.close();
      assertThat(warnings).as("built for a command, no gate served").isEmpty();

      try (EgateServer server = EgateServer.asConfigured(db, served, Clock.systemUTC())) {
        assertThat(server.base).startsWith("http://127.0.0.1:");
      }
      assertThat(warnings)
          .as("served with nothing configured")
          .anySatisfy(
              w -> assertThat(w).contains("no CSCA certificates in").contains(served.toString()))
          .anySatisfy(w -> assertThat(w).contains("no face model at").contains(served.toString()));
    } finally {
      log.removeHandler(capture);
    }
  }
}
