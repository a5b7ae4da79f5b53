package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IngestReport;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A row sent again with a number written differently ({@code 100.0} for {@code 100}, {@code
 * "2500.50"} for {@code 2500.5}) is a duplicate, not a conflicting version: numbers are compared by
 * value, in one input, against stored records, and against records stored before numbers were kept
 * without trailing zeros. Another value is still a conflict.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NumericRepeatTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private final Database db;
  private final IngestRecords ingest;

  NumericRepeatTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
  }

  private IngestReport ingest(String lines) {
    return ingest
        .ingest(
            RecordKind.DECLARATION,
            "json",
            "test",
            new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
            CLI)
        .orElseThrow();
  }

  private static String declaration(String id, String quantity, String value) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\",\"importer\":{\"name\":\"Kobe Tea\","
        + "\"country\":\"JP\"},\"items\":[{\"hsCode\":\"090121\",\"quantity\":"
        + quantity
        + ",\"customsValue\":"
        + value
        + "}]}\n";
  }

  @Test
  void aNumberWrittenDifferentlyIsTheSameValueAndTheRowADuplicate() {
    assertThat(ingest(declaration("NUM-1", "100", "2500.5")).stored()).isEqualTo(1);
    IngestReport again =
        ingest(
            declaration("NUM-1", "100.0", "\"2500.50\"")
                + declaration("NUM-1", "1.00E+2", "2500.500"));
    assertThat(again.stored()).isZero();
    assertThat(again.duplicates()).isEqualTo(2);
    assertThat(again.conflicts()).isZero();
    assertThat(again.problems()).isEmpty();
    // within one input too
    IngestReport twice =
        ingest(declaration("NUM-2", "7", "10") + declaration("NUM-2", "7.000", "10.0"));
    assertThat(twice.stored()).isEqualTo(1);
    assertThat(twice.conflicts()).isZero();
    // another value is another version
    IngestReport other = ingest(declaration("NUM-1", "101", "2500.5"));
    assertThat(other.conflicts()).isEqualTo(1);
    assertThat(other.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.problem().code()).isEqualTo("conflicting-version"));
  }

  @Test
  void aRecordStoredWithTrailingZerosIsTheSameAsARepeatWithout() {
    assertThat(ingest(declaration("NUM-OLD", "100", "2500.5")).stored()).isEqualTo(1);
    // as a record was stored before numbers were kept without trailing zeros
    int changed =
        db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "update intel.record set data = cast(replace(replace(data::text,"
                                + " '\"quantity\":100', '\"quantity\":100.0'), '\"customsValue\":2500.5',"
                                + " '\"customsValue\":2500.50') as json) where source_id = 'NUM-OLD'")
                        .execute());
    assertThat(changed).isEqualTo(1);
    String stored =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select data::text from intel.record where source_id = 'NUM-OLD'")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).contains("\"quantity\":100.0").contains("\"customsValue\":2500.50");
    IngestReport again = ingest(declaration("NUM-OLD", "100", "2500.5"));
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(again.conflicts()).isZero();
  }
}
