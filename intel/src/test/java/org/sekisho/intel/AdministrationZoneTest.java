package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.adapter.IntelContext;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IntelViews.Reader;
import org.sekisho.intel.application.IntelViews.SearchQuery;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * One zone, the administration's, reads times written without an offset and dates without a time,
 * and counts the days searches filter by: a seizure at 23:30 on the 28th is on the 28th.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdministrationZoneTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
  private static final Actor OFFICER = new Actor("officer", "customs-jp", false);
  private static final Reader READER = new Reader("officer", "customs-jp");

  private final Database db;
  private final Path tmp;

  AdministrationZoneTest(Database db, @TempDir Path tmp) {
    this.db = db;
    this.tmp = tmp;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
  }

  private static SearchQuery on(String text, LocalDate day) {
    return new SearchQuery(
        text,
        Optional.empty(),
        Optional.of(day),
        Optional.of(day),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        50);
  }

  private void ingest(IntelContext intel, String line) {
    intel
        .ingest()
        .ingest(
            RecordKind.SEIZURE,
            "json",
            "zone",
            new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
            OFFICER)
        .orElseThrow();
  }

  private Instant stored(String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select event_time from intel.record where source_id = :s")
                    .bind("s", id)
                    .mapTo(java.sql.Timestamp.class)
                    .one()
                    .toInstant());
  }

  @Test
  void timesWithoutAnOffsetAndDatesAreReadInTheAdministrationsZoneAndSearchedByItsDays() {
    IntelContext intel =
        new IntelContext(
            db,
            e -> {},
            CLOCK,
            tmp,
            TestIngest.JSON,
            IngestPorts.RecordsStored.NONE,
            ZoneId.of("Asia/Tokyo"));
    ingest(
        intel,
        "{\"seizureId\":\"ZONE-1\",\"date\":\"2026-11-28T23:30:00\",\"commodity\":\"zonegold\"}\n"
            + "{\"seizureId\":\"ZONE-2\",\"date\":\"2026-11-28\",\"commodity\":\"zonegold\"}\n");
    assertThat(stored("ZONE-1")).isEqualTo(Instant.parse("2026-11-28T14:30:00Z"));
    assertThat(stored("ZONE-2")).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
    assertThat(intel.queries().search(on("zonegold", LocalDate.parse("2026-11-28")), READER).hits())
        .extracting(h -> h.sourceId())
        .containsExactlyInAnyOrder("ZONE-1", "ZONE-2");
    assertThat(intel.queries().search(on("zonegold", LocalDate.parse("2026-11-29")), READER).hits())
        .isEmpty();
  }

  @Test
  void anotherAdministrationsZoneIsUsedThroughout() {
    IntelContext intel =
        new IntelContext(
            db,
            e -> {},
            CLOCK,
            tmp,
            TestIngest.JSON,
            IngestPorts.RecordsStored.NONE,
            ZoneId.of("Europe/Brussels"));
    ingest(
        intel,
        "{\"seizureId\":\"ZONE-BE\",\"date\":\"2026-11-28T23:30:00\",\"commodity\":\"zonesilver\"}\n");
    assertThat(stored("ZONE-BE")).isEqualTo(Instant.parse("2026-11-28T22:30:00Z"));
    assertThat(
            intel.queries().search(on("zonesilver", LocalDate.parse("2026-11-28")), READER).hits())
        .hasSize(1);
  }
}
