package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.adapter.db.JdbcIntelQueries;
import org.sekisho.intel.adapter.db.JdbcRecordStore;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IngestReport;
import org.sekisho.intel.application.IntelViews.Reader;
import org.sekisho.intel.application.StoredRecord;
import org.sekisho.intel.domain.EntityExtraction;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.RecordReader;
import org.sekisho.intel.domain.SearchTokens;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A record is identified by its source id within its agency: another agency's record of the same id
 * neither keeps it out nor shows through a duplicate count, and a reader addressing a record by
 * kind and source id gets its own agency's, else one shared with it.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordIdentityPerAgencyTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
  private static final Actor CUSTOMS = new Actor("officer", "customs-jp", false);
  private static final Actor POLICE = new Actor("police", "police-jp", false);

  private final Database db;
  private final IngestRecords ingest;
  private final JdbcIntelQueries queries;

  RecordIdentityPerAgencyTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    this.ingest = TestIngest.wire(db, tmp, CLOCK, e -> {}, IngestPorts.RecordsStored.NONE);
    TestIngest.register(db, CLOCK, "customs-jp", "police-jp");
    TestIngest.agree(db, CLOCK, "police-jp", "seizures", "declarations");
    this.queries = new JdbcIntelQueries(db.jdbi(), ZoneId.of("Asia/Tokyo"), CLOCK, TestIngest.JSON);
  }

  private static String declaration(String id, String importer, String extra) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":{\"kind\":\"company\","
        + "\"name\":\""
        + importer
        + "\",\"country\":\"JP\"},\"items\":[{\"hsCode\":\"090121\"}]"
        + extra
        + "}\n";
  }

  private IngestReport run(Actor actor, String lines) {
    return ingest
        .ingest(
            RecordKind.DECLARATION,
            "json",
            "test",
            new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
            actor)
        .orElseThrow();
  }

  private List<String> owners(String sourceId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select agency from intel.record where source_id = :s order by agency")
                    .bind("s", sourceId)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void anotherAgencyStoringAnIdFirstNeitherKeepsTheOwnersRecordOutNorLearnsItExists() {
    IngestReport police = run(POLICE, declaration("RV-PRE-0001", "Decoy Trading", ""));
    assertThat(police.stored()).isEqualTo(1);

    IngestReport customs = run(CUSTOMS, declaration("RV-PRE-0001", "Sakura Bussan", ""));
    assertThat(customs.stored()).isEqualTo(1);
    assertThat(customs.duplicates()).isZero();
    assertThat(owners("RV-PRE-0001")).containsExactly("customs-jp", "police-jp");

    // a rerun is idempotent for each agency
    IngestReport again = run(CUSTOMS, declaration("RV-PRE-0001", "Sakura Bussan", ""));
    assertThat(again.stored()).isZero();
    assertThat(again.duplicates()).isEqualTo(1);

    // an id only customs holds is not a "duplicate" for the police: no existence leak
    run(CUSTOMS, declaration("RV-CUS-0002", "Sakura Bussan", ""));
    IngestReport probe = run(POLICE, declaration("RV-CUS-0002", "Probe", ""));
    assertThat(probe.stored()).isEqualTo(1);
    assertThat(probe.duplicates()).isZero();
    assertThat(owners("RV-CUS-0002")).containsExactly("customs-jp", "police-jp");
  }

  @Test
  void aReaderAddressingARecordBySourceIdGetsItsOwnElseOneSharedWithItNeverAnUnsharedOne() {
    run(CUSTOMS, declaration("BY-SRC-1", "Sakura Bussan", ""));
    run(POLICE, declaration("BY-SRC-1", "Police Copy", ""));
    run(POLICE, declaration("BY-SRC-2", "Police Only", ""));
    run(POLICE, declaration("BY-SRC-3", "Police Shared", ",\"sharedWith\":[\"customs-jp\"]"));
    long customsOwn = id("BY-SRC-1", "customs-jp");
    long policeOwn = id("BY-SRC-1", "police-jp");
    Reader customs = new Reader("officer", "customs-jp");
    Reader police = new Reader("police", "police-jp");
    Reader coastGuard = new Reader("cg", "coastguard-jp");

    assertThat(queries.recordId("declaration", "BY-SRC-1", customs)).contains(customsOwn);
    assertThat(queries.recordId("declaration", "BY-SRC-1", police)).contains(policeOwn);
    assertThat(queries.recordId("declaration", "BY-SRC-1", coastGuard)).isEmpty();
    assertThat(queries.recordId("declaration", "BY-SRC-2", customs)).isEmpty();
    assertThat(queries.recordId("declaration", "BY-SRC-3", customs))
        .contains(id("BY-SRC-3", "police-jp"));
    assertThat(queries.recordId("seizure", "BY-SRC-1", customs)).isEmpty();
  }

  private long id(String sourceId, String agency) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from intel.record where source_id = :s and agency = :a")
                    .bind("s", sourceId)
                    .bind("a", agency)
                    .mapTo(Long.class)
                    .one());
  }

  /**
   * The conflict path, made certain: right after the batch's look-up of stored ids, another
   * "ingest" commits customs' record of the same id. The straight COPY then fails on the unique key
   * and the batch goes through staging and {@code ON CONFLICT (kind, source_id, agency)}: customs'
   * copy is skipped, the police record of the same id and the new customs record are stored and
   * linked once.
   */
  @Test
  void theConflictFallbackSkipsOnlyTheSameAgencysRecord() throws Exception {
    AtomicBoolean raced = new AtomicBoolean();
    DataSource racing = racingDataSource(db.dataSource(), raced);
    JdbcRecordStore store = new JdbcRecordStore(racing, TestIngest.JSON, CLOCK);
    RecordReader reader = new RecordReader(ZoneOffset.UTC, CLOCK);
    org.sekisho.intel.application.IngestPorts.Saved saved =
        store.saveBatch(
            List.of(
                stored(reader, declaration("RACE-A", "Alpha Trading", ""), "customs-jp"),
                stored(reader, declaration("RACE-A", "Alpha Trading", ""), "police-jp"),
                stored(reader, declaration("RACE-B", "Beta Trading", ""), "customs-jp")));
    assertThat(raced).isTrue();
    assertThat(saved.added()).isEqualTo(2);
    // the raced copy holds other content: the batch's first record is told as a conflicting
    // version
    assertThat(saved.conflicting()).containsExactly(0);
    assertThat(owners("RACE-A")).containsExactly("customs-jp", "police-jp");
    String customsTitle =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select title from intel.record where source_id = 'RACE-A' and"
                                + " agency = 'customs-jp'")
                        .mapTo(String.class)
                        .one());
    // the raced copy was kept, the batch's skipped
    assertThat(customsTitle).isEqualTo("raced");
    assertThat(owners("RACE-B")).containsExactly("customs-jp");
    long links =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.record_entity re join intel.record r on"
                                + " r.id = re.record_id where r.source_id in ('RACE-A', 'RACE-B')")
                        .mapTo(Long.class)
                        .one());
    // the racing insert wrote no links; each record stored here has its one importer link
    assertThat(links).isEqualTo(2);
  }

  private static StoredRecord stored(RecordReader reader, String json, String agency)
      throws java.io.IOException {
    var fields =
        new org.sekisho.intel.adapter.format.JsonRows(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
            .next()
            .fields()
            .orElseThrow();
    IntelRecord r = reader.read(RecordKind.DECLARATION, fields).orElseThrow();
    return new StoredRecord(
        r, agency, List.of(), EntityExtraction.of(r), SearchTokens.of(r.searchText()), 1);
  }

  /**
   * A data source on which, after the store has looked up which source ids are stored and before it
   * copies, another connection commits customs' RACE-A.
   */
  private static DataSource racingDataSource(DataSource real, AtomicBoolean raced) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, m, args) -> {
              Object out = invoke(m, real, args);
              if (!m.getName().equals("getConnection")) {
                return out;
              }
              Connection c = (Connection) out;
              return Proxy.newProxyInstance(
                  Connection.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p2, m2, a2) -> {
                    // the store opens its transaction once its look-ups are done, just before
                    // copying
                    if (m2.getName().equals("setAutoCommit")
                        && Boolean.FALSE.equals(a2[0])
                        && raced.compareAndSet(false, true)) {
                      insertCustomsRaceA(real);
                    }
                    return invoke(m2, c, a2);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void insertCustomsRaceA(DataSource ds) throws java.sql.SQLException {
    try (Connection c = ds.getConnection();
        var st = c.createStatement()) {
      st.execute(
          "insert into intel.record(kind, source_id, event_time, recorded_at, office, agency,"
              + " shared_with, countries, hs_chapters, title, doc, data, ingest_run) values"
              + " ('declaration', 'RACE-A', now(), now(), 'JPTYO', 'customs-jp', '{}', '{}', '{}',"
              + " 'raced', '', '{}', 0)");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }
}
