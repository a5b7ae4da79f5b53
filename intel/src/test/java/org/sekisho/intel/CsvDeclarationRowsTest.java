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
 * A CSV declaration spread over consecutive rows: a problem of one of its items names the row that
 * holds the item, and its id coming back later in the file (not consecutive) is refused rather than
 * stored as another declaration.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CsvDeclarationRowsTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private static final String HEADER =
      "declarationId,date,office,importer.name,item.hsCode,item.origin,item.customsValue\n";
  private final Database db;
  private final IngestRecords ingest;

  CsvDeclarationRowsTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
    TestIngest.register(db, clock, "customs-jp");
  }

  private IngestReport run(String csv) {
    return ingest
        .ingest(
            RecordKind.DECLARATION,
            "csv",
            "test",
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            CLI)
        .orElseThrow();
  }

  private long stored(String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from intel.record where kind = 'declaration' and"
                            + " source_id = :id")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void aBadItemOnADeclarationsSecondRowNamesThatRow() {
    IngestReport r =
        run(
            HEADER
                + "SP-1,2026-11-27,JPTYO,Sakura Bussan KK,090121,TH,1000\n"
                + "SP-1,2026-11-27,JPTYO,Sakura Bussan KK,85,TH,2000\n"
                + "SP-2,2026-11-27,JPTYO,Other Trading,090121,TH,1000\n");
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(2);
              assertThat(p.sourceId()).isEqualTo("SP-1");
              assertThat(p.problem().field()).isEqualTo("items[1].hsCode");
            });
    assertThat(stored("SP-2")).isEqualTo(1);
  }

  @Test
  void anIdComingBackLaterInTheFileIsRefusedNamingTheRowsItWasReadAt() {
    IngestReport r =
        run(
            HEADER
                + "RE-1,2026-11-27,JPTYO,Sakura Bussan KK,090121,TH,1000\n"
                + "RE-1,2026-11-27,JPTYO,Sakura Bussan KK,85,TH,2000\n"
                + "RE-2,2026-11-27,JPTYO,Other Trading,090121,TH,1000\n"
                + "RE-3,2026-11-27,JPTYO,Other Trading,090121,TH,1000\n"
                + "RE-4,2026-11-27,JPTYO,Other Trading,090121,TH,1000\n"
                + "RE-5,2026-11-27,JPTYO,Other Trading,090121,TH,1000\n"
                + "RE-1,2026-11-27,JPTYO,Sakura Bussan KK,090121,TH,3000\n"
                + "RE-1,2026-11-27,JPTYO,Sakura Bussan KK,090121,TH,4000\n"
                + "RE-6,2026-11-27,JPTYO,Other Trading,090121,TH,1000\n");
    assertThat(stored("RE-1")).isZero();
    assertThat(stored("RE-6")).isEqualTo(1);
    assertThat(r.stored()).isEqualTo(5);
    assertThat(r.rejected()).isEqualTo(2);
    assertThat(r.problems())
        .anySatisfy(
            p -> {
              assertThat(p.row()).isEqualTo(7);
              assertThat(p.sourceId()).isEqualTo("RE-1");
              assertThat(p.problem().field()).isEqualTo("declarationId");
              assertThat(p.problem().message())
                  .isEqualTo(
                      "already read at rows 1–2 of this file; rows of one declaration must be"
                          + " consecutive");
            });
  }

  @Test
  void anIdComingBackAfterAStoredDeclarationIsRefusedToo() {
    IngestReport r =
        run(
            HEADER
                + "AG-1,2026-11-27,JPTYO,Sakura Bussan KK,090121,TH,1000\n"
                + "AG-2,2026-11-27,JPTYO,Other Trading,090121,TH,1000\n"
                + "AG-1,2026-11-27,JPTYO,Sakura Bussan KK,090121,TH,1000\n");
    assertThat(r.stored()).isEqualTo(2);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(3);
              assertThat(p.problem().message()).startsWith("already read at row 1 of this file");
            });
  }
}
