package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.application.ConveyanceMovements.Origin;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A port call found in a user's AIS upload becomes a conveyance movement owned by that user's
 * agency and ingested in their name (audited as them, not as a system account); one found in the
 * administration's own feeds is ingested as {@code system:maritime}.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PortCallsToIntelTest {

  @Test
  void aPortCallFromAnUploadIsOwnedByAndAttributedToTheUploader(Database db, @TempDir Path dir)
      throws Exception {
    Sekisho sekisho =
        new Sekisho(
            db, dir, Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC), false);
    try {
      StringWriter nmea = new StringWriter();
      SyntheticAisFeed.demo().write(nmea);
      Origin officer = new Origin.User("officer", "customs-jp");
      var service = sekisho.maritime().service();
      service.ingest(
          new ByteArrayInputStream(nmea.toString().getBytes(StandardCharsets.US_ASCII)),
          officer,
          "upload");
      service.endOfInput(officer);

      String agency =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select string_agg(distinct agency, ',') from intel.record where"
                                  + " source_id like 'ais-%'")
                          .mapTo(String.class)
                          .one());
      assertThat(agency).isEqualTo("customs-jp");
      long byOfficer =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from platform.audit_log where action = 'ingest'"
                                  + " and actor = 'officer' and agency = 'customs-jp'")
                          .mapTo(Long.class)
                          .one());
      long bySystem =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from platform.audit_log where action = 'ingest'"
                                  + " and actor = 'system:maritime'")
                          .mapTo(Long.class)
                          .one());
      assertThat(byOfficer).isEqualTo(1);
      assertThat(bySystem).isZero();
    } finally {
      sekisho.close();
    }
  }

  @Test
  void theAdministrationsOwnFeedsIngestAsTheSystemForItsAgency() {
    PortCallsToIntel p = new PortCallsToIntel(null, null, "customs-jp");
    assertThat(p.actor(Origin.FEED).username()).isEqualTo("system:maritime");
    assertThat(p.actor(Origin.FEED).agency()).isEqualTo("customs-jp");
    assertThat(p.actor(new Origin.User("kato", "customs-jp")).username()).isEqualTo("kato");
  }
}
