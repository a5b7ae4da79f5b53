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
 * An AIS port call's intelligence record names its vessel: by name, or by MMSI when the vessel's
 * static data never came (a title of "Arrival · JPCHB" says nothing about which vessel it was). Its
 * own class: {@link Sekisho#close()} closes the database the extension gives each class.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PortCallsToIntelTitleTest {

  @Test
  void aPortCallOfAVesselWithoutStaticDataIsTitledWithItsMmsi(Database db, @TempDir Path dir)
      throws Exception {
    Sekisho sekisho =
        new Sekisho(
            db, dir, Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC), false);
    try {
      StringWriter nmea = new StringWriter();
      SyntheticAisFeed.demo().write(nmea);
      // without the two-part static data (type 5) no vessel has a name
      String positionsOnly =
          nmea.toString()
              .lines()
              .filter(l -> !l.contains("AIVDM,2,"))
              .reduce("", (a, l) -> a + l + "\n");
      Origin officer = new Origin.User("officer", "customs-jp");
      var service = sekisho.maritime().service();
      service.ingest(
          new ByteArrayInputStream(positionsOnly.getBytes(StandardCharsets.US_ASCII)),
          officer,
          "upload");
      service.endOfInput(officer);
      java.util.List<String> titles =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select title from intel.record where source_id like 'ais-%'")
                          .mapTo(String.class)
                          .list());
      assertThat(titles).isNotEmpty();
      assertThat(titles).allSatisfy(t -> assertThat(t).containsPattern("MMSI \\d{9}"));
    } finally {
      sekisho.close();
    }
  }
}
