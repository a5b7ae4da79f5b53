package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.intel.adapter.db.FileRawArchive;
import org.sekisho.intel.adapter.db.JdbcIngestLog;
import org.sekisho.intel.adapter.db.JdbcIntelQueries;
import org.sekisho.intel.adapter.db.JdbcRecordStore;
import org.sekisho.intel.adapter.format.Formats;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IngestReport;
import org.sekisho.intel.application.IntelViews.Reader;
import org.sekisho.intel.application.IntelViews.SearchQuery;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.RecordReader;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IngestRecordsTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private final Database db;
  private final IngestRecords ingest;
  private final List<AuditEvent> audited = new ArrayList<>();
  private final JdbcIntelQueries queries;
  private final Agencies agencies;

  IngestRecordsTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, audited::add, IngestPorts.RecordsStored.NONE);
    this.agencies = new Agencies(db.jdbi(), clock, e -> {});
    agencies.register("customs-jp", "Japan Customs", "system:test", "");
    agencies.register("police-jp", "National Police Agency", "system:test", "");
    TestIngest.agree(db, clock, "police-jp", "seizures");
    this.queries = new JdbcIntelQueries(db.jdbi(), ZoneId.of("Asia/Tokyo"), clock, TestIngest.JSON);
  }

  private long count(String kind) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from intel.record where kind = :k")
                    .bind("k", kind)
                    .mapTo(Long.class)
                    .one());
  }

  private IngestReport run(RecordKind kind, String format, InputStream in) {
    return ingest.ingest(kind, format, "test", in, CLI).orElseThrow();
  }

  @Test
  void theKcsFileIngestedTwiceLeavesTheSameCount() throws Exception {
    IngestReport first;
    try (InputStream in = getClass().getResourceAsStream("/kcs/kcs-train-300.csv")) {
      first = run(RecordKind.DECLARATION, "kcs", in);
    }
    assertThat(first.rowsRead()).isEqualTo(300);
    assertThat(first.rejected()).isZero();
    assertThat(first.stored()).isEqualTo(300);
    long after = count("declaration");
    IngestReport second;
    try (InputStream in = getClass().getResourceAsStream("/kcs/kcs-train-300.csv")) {
      second = run(RecordKind.DECLARATION, "kcs", in);
    }
    assertThat(second.stored()).isZero();
    assertThat(second.duplicates()).isEqualTo(300);
    assertThat(count("declaration")).isEqualTo(after);
    assertThat(Files.exists(Path.of(second.archive()))).isTrue();
    assertThat(audited).extracting(AuditEvent::action).containsOnly("ingest");
  }

  @Test
  void progressIsToldAfterEachBatchInRowOrderAndEndsAtTheReportsTotals() throws Exception {
    List<long[]> told = new ArrayList<>();
    IngestReport r;
    try (InputStream in = getClass().getResourceAsStream("/kcs/kcs-train-300.csv")) {
      r =
          ingest
              .ingest(
                  RecordKind.DECLARATION,
                  "kcs",
                  "test",
                  in,
                  CLI,
                  (done, stored, duplicates, rejected) ->
                      told.add(new long[] {done, stored, duplicates, rejected}))
              .orElseThrow();
    }
    // 300 rows in batches of 100
    assertThat(told).extracting(t -> t[0]).containsExactly(100L, 200L, 300L);
    assertThat(told).allSatisfy(t -> assertThat(t[1] + t[2] + t[3]).isEqualTo(t[0]));
    assertThat(told.getLast())
        .containsExactly(r.rowsRead(), r.stored(), r.duplicates(), r.rejected());
  }

  @Test
  void brokenRowsAreListedWithFieldAndReasonAndGoodRowsAreKept() {
    String csv =
        "declarationId,date,office,importer.name,importer.phone,item.hsCode,item.origin,item.customsValue\n"
            + "X1,2026-11-27,JPTYO,Sakura Bussan KK,03-1234-5678,090121,TH,1000\n"
            + "X2,2026-13-45,JPTYO,Bad Date Ltd,,090121,TH,1000\n"
            + "X3,2026-11-27,JPTYO,Bad HS Ltd,,ABC,Q1,-5\n"
            + "X4,2026-11-27,JPYOK,株式会社サクラ物産,+81 3 1234 5678,847130,CN,250000\n"
            // ZZ: the origin is not known, which is itself worth keeping
            + "X5,2026-11-27,JPYOK,Unknown Origin Trading,,847130,ZZ,9000\n";
    IngestReport r =
        run(
            RecordKind.DECLARATION,
            "csv",
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isEqualTo(3);
    assertThat(r.rejected()).isEqualTo(2);
    String countries =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select countries::text from intel.record where source_id = 'X5'")
                        .mapTo(String.class)
                        .one());
    assertThat(countries).isEqualTo("{ZZ}");
    assertThat(r.problems())
        .anySatisfy(
            p -> {
              assertThat(p.row()).isEqualTo(2);
              assertThat(p.sourceId()).isEqualTo("X2");
              assertThat(p.problem().field()).isEqualTo("date");
              assertThat(p.problem().message()).contains("ISO 8601");
            })
        .anySatisfy(p -> assertThat(p.problem().field()).isEqualTo("items[0].hsCode"))
        .anySatisfy(p -> assertThat(p.problem().field()).isEqualTo("items[0].origin"))
        .anySatisfy(p -> assertThat(p.problem().field()).isEqualTo("items[0].customsValue"));
    long stored =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from intel.ingest_problem where run_id = :r")
                        .bind("r", r.run())
                        .mapTo(Long.class)
                        .one());
    assertThat(stored).isEqualTo(r.problems().size());
  }

  @Test
  void aCrashMidFileLosesNothingAndARetryDuplicatesNothing(@TempDir Path tmp) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 450; i++) {
      sb.append("{\"declarationId\":\"C")
          .append(i)
          .append(
              "\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":{\"name\":\"Crash Co ")
          .append(i % 7)
          .append("\"},\"items\":[{\"hsCode\":\"090121\"}]}\n");
    }
    byte[] file = sb.toString().getBytes(StandardCharsets.UTF_8);
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    JdbcRecordStore real = new JdbcRecordStore(db.dataSource(), json, clock);
    IngestRecords crashing =
        new IngestRecords(
            new FileRawArchive(tmp.resolve("archive"), clock),
            new Formats(),
            batch -> {
              // The third batch of the file (C200–C299) never reaches the database.
              if (batch.get(0).record().sourceId().equals("C200")) {
                throw new IllegalStateException("power cut");
              }
              return real.saveBatch(batch);
            },
            new JdbcIngestLog(db.jdbi(), clock),
            new RecordReader(ZoneOffset.UTC),
            audited::add,
            clock,
            100,
            Set::of,
            () -> (owner, partner, kind) -> Optional.of("no agreements in this test"),
            new org.sekisho.intel.adapter.db.JdbcSharingStore(db.jdbi()));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                crashing.ingest(
                    RecordKind.DECLARATION, "json", "crash", new ByteArrayInputStream(file), CLI))
        .hasMessageContaining("power cut");
    long afterCrash =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from intel.record where source_id like 'C%'")
                        .mapTo(Long.class)
                        .one());
    // Batches are stored two at a time, so the fourth may have committed before the third failed:
    // whole batches only, and never the failed one.
    assertThat(afterCrash).isIn(200L, 300L);
    long failedBatch =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.record where source_id ~ '^C2[0-9][0-9]$'")
                        .mapTo(Long.class)
                        .one());
    assertThat(failedBatch).isZero();
    IngestReport retry = run(RecordKind.DECLARATION, "json", new ByteArrayInputStream(file));
    assertThat(retry.stored()).isEqualTo(450 - afterCrash);
    assertThat(retry.duplicates()).isEqualTo(afterCrash);
    long total =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from intel.record where source_id like 'C%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(total).isEqualTo(450);
    long links =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.record_entity re join intel.record r on r.id = re.record_id where r.source_id like 'C%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(links).isEqualTo(450);
  }

  private IngestReport runJson(String lines) {
    return run(
        RecordKind.DECLARATION,
        "json",
        new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
  }

  private static String changed(String id, String importer) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":{\"name\":\""
        + importer
        + "\"},\"items\":[{\"hsCode\":\"090121\"}]}\n";
  }

  @Test
  void aChangedVersionOfAStoredRecordIsToldApartFromADuplicateAndTheStoredOneKept() {
    assertThat(runJson(changed("VER-1", "Original Trading")).stored()).isEqualTo(1);
    // the same content again is a duplicate; another importer under the same id is a conflict
    IngestReport again =
        runJson(changed("VER-1", "Original Trading") + changed("VER-1", "Other Trading"));
    assertThat(again.stored()).isZero();
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(again.conflicts()).isEqualTo(1);
    assertThat(again.rejected()).isZero();
    assertThat(again.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(2);
              assertThat(p.sourceId()).isEqualTo("VER-1");
              assertThat(p.problem().code()).isEqualTo(IngestReport.CONFLICTING_VERSION);
              assertThat(p.problem().field()).isEqualTo("declarationId");
              assertThat(p.problem().message()).contains("stored version was kept");
            });
    // two versions of a new id in one file: the first stored, the second told
    IngestReport twice =
        runJson(
            changed("VER-2", "First Version")
                + changed("VER-3", "Unrelated")
                + changed("VER-2", "Second Version"));
    assertThat(twice.stored()).isEqualTo(2);
    assertThat(twice.conflicts()).isEqualTo(1);
    assertThat(twice.problems())
        .extracting(p -> p.row() + " " + p.sourceId() + " " + p.problem().code())
        .containsExactly("3 VER-2 " + IngestReport.CONFLICTING_VERSION);
    String importer =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select data::json -> 'importer' ->> 'name' from intel.record where"
                                + " source_id = 'VER-2'")
                        .mapTo(String.class)
                        .one());
    assertThat(importer).isEqualTo("First Version");
  }

  @Test
  void anEmptyInputSaysItHeldNoRows() {
    IngestReport empty = runJson("");
    assertThat(empty.rowsRead()).isZero();
    assertThat(empty.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.problem().code()).isEqualTo(IngestReport.EMPTY_INPUT);
              assertThat(p.problem().field()).isEqualTo("body");
              assertThat(p.problem().message()).contains("held no rows");
            });
  }

  @Test
  void aRecordRepeatedInOneFileIsStoredAndLinkedOnce() {
    String line =
        "{\"declarationId\":\"R1\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":{\"name\":\"Repeat Trading\",\"phone\":\"03-9999-0000\"},"
            + "\"items\":[{\"hsCode\":\"090121\"}]}\n";
    IngestReport r =
        run(
            RecordKind.DECLARATION,
            "json",
            new ByteArrayInputStream((line + line + line).getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isEqualTo(1);
    assertThat(r.duplicates()).isEqualTo(2);
    long links =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.record_entity re join intel.record r on r.id = re.record_id where r.source_id = 'R1'")
                        .mapTo(Long.class)
                        .one());
    assertThat(links).isEqualTo(2);
  }

  @Test
  void aBrokenJsonLineIsReportedAndTheNextLinesAreStored() {
    String jsonl =
        "{\"seizureId\":\"S1\",\"date\":\"2026-11-27\",\"commodity\":\"cocaine\",\"route\":[\"CO\",\"JP\"]}\n"
            + "{\"seizureId\":\"S2\", broken\n"
            + "{\"seizureId\":\"S3\",\"date\":\"2026-11-27\",\"commodity\":\"gold\",\"route\":[\"HK\",\"QQ\"]}\n"
            + "{\"seizureId\":\"S4\",\"date\":\"2026-11-27\",\"commodity\":\"gold\"}\n";
    IngestReport r =
        run(
            RecordKind.SEIZURE,
            "json",
            new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isEqualTo(2);
    assertThat(r.problems()).extracting(p -> p.problem().field()).contains("line 2", "route[1]");
  }

  @Test
  void aBrokenCsvRowIsReportedInWordsAUserReadsAndTheRowsBeforeItAreKept() {
    String csv =
        "declarationId,date,office,item.hsCode\n"
            + "Q1,2026-11-27,JPTYO,090121\n"
            + "Q2,2026-11-27,JPTYO,\"0901\"21\n";
    IngestReport r =
        run(
            RecordKind.DECLARATION,
            "csv",
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isEqualTo(1);
    // the broken row is reported, not silently dropped while looking ahead for more items of Q1
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).problem().field()).isEqualTo("row 2");
    assertThat(r.problems().get(0).problem().message())
        .contains("unreadable CSV")
        .doesNotContain("Exception")
        .doesNotContain("org.apache");
  }

  @Test
  void theSameCompanyWrittenDifferentlyIsOneEntityAndSearchFindsJapaneseText() {
    String csv =
        "declarationId,date,office,importer.kind,importer.name,importer.phone,importer.country,item.hsCode,item.description,item.origin\n"
            + "E1,2026-11-27,JPTYO,company,株式会社サクラ物産,03-1234-5678,JP,090121,コーヒー豆,BR\n"
            + "E2,2026-11-27,JPTYO,company,（株）サクラ物産,+81-3-1234-5678,JP,090121,roasted coffee,BR\n"
            + "E3,2026-11-27,JPOSA,company,ｻｸﾗ物産 株式会社,０３−１２３４−５６７８,JP,847130,laptop,CN\n";
    run(
        RecordKind.DECLARATION,
        "csv",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    long companies =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(distinct e.id) from intel.entity e join intel.record_entity re on re.entity_id = e.id join intel.record r on r.id = re.record_id where e.type = 'company' and r.source_id like 'E%'")
                        .mapTo(Long.class)
                        .one());
    long phones =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(distinct e.id) from intel.entity e join intel.record_entity re on re.entity_id = e.id join intel.record r on r.id = re.record_id where e.type = 'phone' and r.source_id like 'E%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(companies).isEqualTo(1);
    assertThat(phones).isEqualTo(1);
    var page =
        queries.search(
            new SearchQuery(
                "コーヒー",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                10),
            new Reader("t", "customs-jp"));
    assertThat(page.hits()).extracting(h -> h.sourceId()).containsExactly("E1");
    var shortName =
        queries.search(
            new SearchQuery(
                "サクラ",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                10),
            new Reader("t", "customs-jp"));
    assertThat(shortName.entities())
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo("company");
              assertThat(e.display()).contains("サクラ物産");
              // the three variants above (another test of this class may add a fourth record)
              assertThat(e.records()).isGreaterThanOrEqualTo(3);
            });
    var other =
        queries.search(
            new SearchQuery(
                "コーヒー",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                10),
            new Reader("t", "police-jp"));
    assertThat(other.hits()).isEmpty();
  }

  @Test
  void aCommonTermIsPagedNewestFirstAcrossTheCountCap() {
    // 1,300 matches over 200 days (more than the count cap), plus a rarer term.
    StringBuilder sb = new StringBuilder();
    java.time.LocalDate last = java.time.LocalDate.of(2026, 11, 26);
    for (int i = 0; i < 1300; i++) {
      sb.append("{\"declarationId\":\"W")
          .append(i)
          .append("\",\"date\":\"")
          .append(last.minusDays(i % 200))
          .append(
              "\",\"office\":\"JPTYO\",\"importer\":{\"name\":\"Window Co\"},\"items\":[{\"hsCode\":\"090121\",")
          .append("\"description\":\"")
          .append(i % 13 == 0 ? "saffron" : "tea")
          .append("\"}]}\n");
    }
    run(
        RecordKind.DECLARATION,
        "json",
        new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
    org.sekisho.intel.application.IntelViews.Reader reader =
        new org.sekisho.intel.application.IntelViews.Reader("t", "customs-jp");
    for (String term : List.of("tea", "saffron", "window")) {
      List<Instant> all = new ArrayList<>();
      for (int page = 0; page < 3; page++) {
        var p =
            queries.search(
                new org.sekisho.intel.application.IntelViews.SearchQuery(
                    term,
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    page,
                    50),
                reader);
        p.hits().forEach(hit -> all.add(hit.eventTime()));
      }
      List<Instant> expected =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select event_time from intel.record where doc @@"
                                  + " cast(:t as tsquery) order by event_time desc, id desc limit"
                                  + " 150")
                          .bind("t", term)
                          .mapTo(Instant.class)
                          .list());
      assertThat(all).as(term).isEqualTo(expected);
    }
  }

  @Test
  void twoIngestsStoringTheSameRecordsAtOnceStoreEachOnce() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      sb.append("{\"declarationId\":\"RACE-")
          .append(i)
          .append(
              "\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":{\"name\":\"Race Co ")
          .append(i % 5)
          .append("\"},\"items\":[{\"hsCode\":\"090121\"}]}\n");
    }
    byte[] file = sb.toString().getBytes(StandardCharsets.UTF_8);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<IngestReport>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(
            pool.submit(() -> run(RecordKind.DECLARATION, "json", new ByteArrayInputStream(file))));
      }
      long stored = 0;
      StringBuilder reports = new StringBuilder();
      for (var r : runs) {
        IngestReport report = r.get();
        stored += report.stored();
        reports.append(report.stored()).append('/').append(report.duplicates()).append(' ');
      }
      long inDb =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from intel.record where source_id like 'RACE-%'")
                          .mapTo(Long.class)
                          .one());
      assertThat(stored)
          .as("stored/duplicates per run: %s; in db %d", reports, inDb)
          .isEqualTo(300);
    } finally {
      pool.shutdownNow();
    }
    long records =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from intel.record where source_id like 'RACE-%'")
                        .mapTo(Long.class)
                        .one());
    long links =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.record_entity re join intel.record r on"
                                + " r.id = re.record_id where r.source_id like 'RACE-%'")
                        .mapTo(Long.class)
                        .one());
    long raceCompanies =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.entity where type = 'company' and key like"
                                + " 'RACE%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(records).isEqualTo(300);
    assertThat(links).isEqualTo(300);
    assertThat(raceCompanies).isEqualTo(5);
  }

  @Test
  void tabsNewlinesAndBackslashesInValuesAreStoredAsWritten() {
    String line =
        "{\"declarationId\":\"X-ESC-1\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":{\"name\":\"Back\\\\slash"
            + " Co\"},\"items\":[{\"hsCode\":\"090121\",\"description\":\"tab\\there\\nnew"
            + " line \\\\N end\"}]}\n";
    IngestReport r =
        run(
            RecordKind.DECLARATION,
            "json",
            new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isEqualTo(1);
    String description =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select data -> 'items' -> 0 ->> 'description' from intel.record where"
                                + " source_id = 'X-ESC-1'")
                        .mapTo(String.class)
                        .one());
    assertThat(description).isEqualTo("tab\there\nnew line \\N end");
  }

  @Test
  void aJsonValueOfTheWrongTypeRejectsItsRowNamingTheFieldAndTheOtherRowsAreStored() {
    String head = "{\"seizureId\":\"SHAPE-%d\",\"date\":\"2026-11-27\",\"commodity\":\"gold\"";
    String file =
        head.formatted(1)
            + ",\"persons\":{\"name\":\"John Doe\"}}\n"
            + head.formatted(2)
            + ",\"persons\":[{\"name\":[\"John\",\"Doe\"]}]}\n"
            + head.formatted(3)
            + ",\"persons\":[{\"name\":\"John Doe\"}],\"sharedWith\":{\"agency\":\"police-jp\"}}\n"
            + head.formatted(4)
            + ",\"persons\":[{\"name\":\"John Doe\"}]}\n";
    IngestReport r =
        run(
            RecordKind.SEIZURE,
            "json",
            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(3);
    assertThat(r.problems())
        .extracting(p -> p.row() + " " + p.problem().field() + ": " + p.problem().message())
        .containsExactly(
            "1 persons: expected a list of objects, got an object",
            "2 persons[0].name: expected text, got a list",
            "3 sharedWith: expected a list of text, got an object");
  }

  @Test
  void anEmptySharedWithEntryIsRefused() {
    String line =
        "{\"seizureId\":\"SHARE-1\",\"date\":\"2026-11-27\",\"commodity\":\"gold\","
            + "\"sharedWith\":[\"police-jp\",\"\"]}\n";
    IngestReport r =
        run(
            RecordKind.SEIZURE,
            "json",
            new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isZero();
    assertThat(r.problems()).extracting(p -> p.problem().field()).containsExactly("sharedWith[1]");
  }

  @Test
  void aRecordSharedWithOrOwnedByAnUnregisteredAgencyIsRefusedNamingTheRegisteredOnes() {
    String head = "{\"seizureId\":\"AGENCY-%d\",\"date\":\"2026-11-27\",\"commodity\":\"gold\"";
    String file =
        head.formatted(1)
            + ",\"sharedWith\":[\"police-jp\",\"polce-jp\"]}\n"
            + head.formatted(2)
            + ",\"agency\":\"coast-guard-jp\"}\n"
            + head.formatted(3)
            + ",\"sharedWith\":[\"police-jp\"]}\n";
    IngestReport r =
        run(
            RecordKind.SEIZURE,
            "json",
            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isEqualTo(1);
    assertThat(r.problems())
        .extracting(p -> p.row() + " " + p.problem().code() + " " + p.problem().field())
        .containsExactly("1 unknown-agency sharedWith[1]", "2 unknown-agency agency");
    assertThat(r.problems().get(0).problem().message())
        .contains("'polce-jp'")
        // the registry is shared by this class's tests: other codes may be listed too
        .containsPattern("registered: [^)]*customs-jp, [^)]*police-jp")
        .contains("sekisho agency add");
    List<String> storedIds =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select source_id from intel.record where source_id like 'AGENCY-%'")
                        .mapTo(String.class)
                        .list());
    assertThat(storedIds).containsExactly("AGENCY-3");

    // once the partner is registered, the same file stores the refused rows and nothing twice
    assertThat(agencies.register("coast-guard-jp", "Japan Coast Guard", "system:test", ""))
        .isTrue();
    IngestReport again =
        run(
            RecordKind.SEIZURE,
            "json",
            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    assertThat(again.stored()).isEqualTo(1);
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(again.problems())
        .extracting(p -> p.row() + " " + p.problem().field())
        .containsExactly("1 sharedWith[1]");
  }

  @Test
  void aSharingWrittenIntoTheDataNeedsAnAgreementInForceForTheKind() {
    agencies.register("coastguard-jp", "Japan Coast Guard", "system:test", "");
    String file =
        "{\"seizureId\":\"AGREED-1\",\"date\":\"2026-11-27\",\"commodity\":\"gold\","
            + "\"sharedWith\":[\"police-jp\"]}\n"
            + "{\"declarationId\":\"AGREED-2\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\","
            + "\"sharedWith\":[\"police-jp\"]}\n"
            + "{\"seizureId\":\"AGREED-3\",\"date\":\"2026-11-27\",\"commodity\":\"gold\","
            + "\"agency\":\"police-jp\",\"sharedWith\":[\"coastguard-jp\"]}\n";
    IngestReport r =
        ingest
            .ingest(
                RecordKind.SEIZURE,
                "json",
                "test",
                new ByteArrayInputStream(
                    file.lines()
                        .filter(l -> l.contains("seizureId"))
                        .map(l -> l + "\n")
                        .reduce("", String::concat)
                        .getBytes(StandardCharsets.UTF_8)),
                CLI)
            .orElseThrow();
    // the police agreement covers seizures: stored; a seizure the police own goes to the coast
    // guard under no agreement of the administration's
    assertThat(r.stored()).isEqualTo(1);
    assertThat(r.problems())
        .extracting(p -> p.row() + " " + p.problem().code() + " " + p.problem().field())
        .containsExactly("2 no-agreement sharedWith[0]");
    assertThat(r.problems().get(0).problem().message()).contains("neither police-jp nor");
    IngestReport declarations =
        run(
            RecordKind.DECLARATION,
            "json",
            new ByteArrayInputStream(
                (file.lines().filter(l -> l.contains("declarationId")).findFirst().orElseThrow()
                        + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(declarations.stored()).isZero();
    // naming the owner itself shares with no one: nothing to agree, stored
    IngestReport own =
        run(
            RecordKind.SEIZURE,
            "json",
            new ByteArrayInputStream(
                ("{\"seizureId\":\"AGREED-4\",\"date\":\"2026-11-27\",\"commodity\":\"gold\","
                        + "\"sharedWith\":[\"customs-jp\"]}\n")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(own.stored()).isEqualTo(1);
    assertThat(declarations.problems().get(0).problem().message())
        .contains(
            "no agreement in force today allows sharing declarations between customs-jp"
                + " and police-jp");
  }

  @Test
  void aKcsRowIsRefusedNamingItsKcsColumnsAndAnUnknownFraudValueIsOne() throws Exception {
    String header;
    try (InputStream in = getClass().getResourceAsStream("/kcs/kcs-train-300.csv")) {
      header =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }
    String file =
        header
            + "\n"
            + "KCS-F2,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,2,0\n"
            + "KCS-HS,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,44X890,BE,QQ,0.0,FEU1,G,108.0,372254.4,0,0\n"
            + "KCS-OK,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,1,0\n";
    assertThat(header).contains("HS6 Code").startsWith("Declaration ID");
    IngestReport r =
        run(
            RecordKind.DECLARATION,
            "kcs",
            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isEqualTo(1);
    assertThat(r.problems())
        .extracting(p -> p.row() + " " + p.problem().field())
        .containsExactly("1 Fraud", "2 HS6 Code", "2 Country of Origin");
    assertThat(r.problems().get(0).problem().message()).contains("expected 0", "got '2'");
  }

  @Test
  void theKcsFileIngestedAsCsvGivesOneProblemAboutItsHeader() throws Exception {
    IngestReport r;
    try (InputStream in = getClass().getResourceAsStream("/kcs/kcs-train-300.csv")) {
      r = run(RecordKind.DECLARATION, "csv", in);
    }
    assertThat(r.stored()).isZero();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.problem().field()).isEqualTo("header");
              assertThat(p.problem().message()).contains("declarationId", "--format kcs");
            });
  }

  @Test
  void aPostalItemsCategoryOutsideTheCn22ListIsRefusedNamingRowFieldAndAllowedValuesTheRestStored()
      throws Exception {
    String json =
        "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"category\":\"Merchandise\"}\n"
            + "{\"itemId\":\"EE876543216JP\",\"date\":\"2026-11-27\",\"category\":\"merchandize\"}\n"
            + "{\"itemId\":\"EE111111115JP\",\"date\":\"2026-11-27\"}\n";
    IngestReport r =
        run(
            RecordKind.POSTAL_ITEM,
            "json",
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stored()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(1);
    IngestReport.RowProblem p = r.problems().get(0);
    assertThat(p.row()).isEqualTo(2);
    assertThat(p.problem().code()).isEqualTo("invalid-value");
    assertThat(p.problem().field()).isEqualTo("category");
    assertThat(p.problem().message())
        .contains(org.sekisho.core.RecordFormat.POSTAL_CATEGORIES)
        .contains("merchandize");
    // stored as the format writes it
    String stored =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select data->>'category' from intel.record where source_id ="
                                + " 'EE123456785JP'")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).isEqualTo("merchandise");

    String csv =
        "itemId,date,category\n"
            + "RR123456785JP,2026-11-27,gift\n"
            + "RR876543216JP,2026-11-27,commercial\n";
    IngestReport c =
        run(
            RecordKind.POSTAL_ITEM,
            "csv",
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    assertThat(c.stored()).isEqualTo(1);
    assertThat(c.rejected()).isEqualTo(1);
    assertThat(c.problems().get(0).row()).isEqualTo(2);
    assertThat(c.problems().get(0).problem().field()).isEqualTo("category");
    assertThat(c.problems().get(0).problem().message())
        .contains("documents, gift, merchandise, other, returned, sample");
  }
}
