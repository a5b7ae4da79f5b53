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
import org.sekisho.intel.application.IngestReport.RowProblem;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A row naming a field the format does not define is refused naming it by its path, never stored
 * without it; the good rows of the same input are stored.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UnknownFieldsIngestTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private final Database db;
  private final IngestRecords ingest;

  UnknownFieldsIngestTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
    TestIngest.register(db, clock, "customs-jp", "police-jp");
  }

  private IngestReport run(RecordKind kind, String format, String body) {
    return ingest
        .ingest(
            kind,
            format,
            "test",
            new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
            CLI)
        .orElseThrow();
  }

  private boolean stored(String kind, String id) {
    return db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.record where kind = :k and source_id = :id")
                        .bind("k", kind)
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one())
        > 0;
  }

  private static List<RowProblem> ofRow(IngestReport r, long row) {
    return r.problems().stream().filter(p -> p.row() == row).toList();
  }

  @Test
  void misspeltAndUndefinedFieldsRefuseTheirRowNamingEachAndTheGoodRowsAreStored() {
    String rows =
        String.join(
            "\n",
            "{\"declarationId\":\"RV15-D-001\",\"date\":\"2026-11-28\",\"office\":\"JPNRT\","
                + "\"importer\":{\"name\":\"Sakura\"},\"items\":[{\"hsCode\":\"691390\","
                + "\"customsValue\":\"5\"}],\"agency\":\"customs-jp\"}",
            "{\"declarationId\":\"RV15-D-003\",\"date\":\"2026-11-28\",\"office\":\"JPNRT\","
                + "\"items\":[{\"hsCode\":\"691390\"}],\"colour\":\"red\","
                + "\"importr\":{\"name\":\"typo\"}}",
            "{\"declarationId\":\"RV15-D-004\",\"date\":\"2026-11-28\",\"office\":\"JPNRT\","
                + "\"consignor\":{\"name\":\"Lotus\"},\"importer\":{\"name\":\"A\",\"dob\":\"1980-01-01\"},"
                + "\"items\":[{\"hsCode\":\"850440\",\"value\":5}]}",
            "{\"declarationId\":\"RV15-D-005\",\"date\":\"2026-11-28\",\"office\":\"JPNRT\","
                + "\"items\":[{\"hsCode\":\"691390\"}]}");
    IngestReport r = run(RecordKind.DECLARATION, "json", rows);

    assertThat(r.stored()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(2);
    assertThat(stored("declaration", "RV15-D-001")).isTrue();
    assertThat(stored("declaration", "RV15-D-005")).isTrue();
    assertThat(stored("declaration", "RV15-D-003")).isFalse();
    assertThat(stored("declaration", "RV15-D-004")).isFalse();

    assertThat(ofRow(r, 2))
        .extracting(p -> p.problem().field())
        .containsExactlyInAnyOrder("colour", "importr");
    assertThat(ofRow(r, 2)).allSatisfy(p -> assertThat(p.sourceId()).isEqualTo("RV15-D-003"));
    assertThat(ofRow(r, 2))
        .allSatisfy(p -> assertThat(p.problem().code()).isEqualTo("unknown-field"))
        .anySatisfy(
            p -> {
              assertThat(p.problem().field()).isEqualTo("importr");
              assertThat(p.problem().message()).contains("did you mean importer?");
            });
    assertThat(ofRow(r, 3))
        .extracting(p -> p.problem().field())
        .containsExactlyInAnyOrder("consignor", "importer.dob", "items[0].value");
    assertThat(ofRow(r, 3))
        .anySatisfy(
            p -> {
              assertThat(p.problem().field()).isEqualTo("items[0].value");
              assertThat(p.problem().message()).contains("did you mean customsValue?");
            })
        .anySatisfy(
            p -> {
              assertThat(p.problem().field()).isEqualTo("consignor");
              assertThat(p.problem().message()).contains("did you mean exporter?");
            })
        .anySatisfy(
            p -> {
              assertThat(p.problem().field()).isEqualTo("importer.dob");
              assertThat(p.problem().message()).contains("did you mean dateOfBirth?");
            });
  }

  @Test
  void aSeizurePersonsUndefinedFieldIsNamedByItsIndex() {
    String rows =
        "{\"seizureId\":\"S-UF-1\",\"date\":\"2026-11-27\",\"commodity\":\"cocaine\","
            + "\"persons\":[{\"name\":\"John Doe\"},{\"name\":\"Jane Roe\",\"nationality\":\"US\"}]}";
    IngestReport r = run(RecordKind.SEIZURE, "json", rows);
    assertThat(r.stored()).isZero();
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.problem().field()).isEqualTo("persons[1].nationality"));
  }

  @Test
  void aCsvColumnTheFormatDoesNotDefineRefusesTheFileOnceNamingTheColumn() {
    String csv =
        "declarationId,date,office,importr.name,item.hsCode,item.value,notes\n"
            + "C1,2026-11-27,JPTYO,Sakura,090121,1000,fragile\n"
            + "C2,2026-11-27,JPTYO,Lotus,090121,2000,\n";
    IngestReport r = run(RecordKind.DECLARATION, "csv", csv);
    assertThat(r.stored()).isZero();
    assertThat(stored("declaration", "C1")).isFalse();
    assertThat(r.problems())
        .extracting(p -> p.problem().field())
        .containsExactly("importr.name", "item.value", "notes");
    assertThat(r.problems())
        .extracting(p -> p.problem().message())
        .anySatisfy(m -> assertThat(m).contains("did you mean importer.name?"))
        .anySatisfy(m -> assertThat(m).contains("did you mean customsValue?"));

    // the columns the format defines, parties and items included, pass
    IngestReport ok =
        run(
            RecordKind.DECLARATION,
            "csv",
            "declarationId,date,office,importer.name,importer.dateOfBirth,item.hsCode,"
                + "item.customsValue,agency,sharedWith\n"
                + "C3,2026-11-27,JPTYO,Sakura,1980-01-01,090121,1000,customs-jp,\n");
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.stored()).isEqualTo(1);
  }
}
