package org.sekisho.intel.adapter.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The hourly check for sharings that lapsed (an agreement ended or run out) reads the shared
 * records only, through a partial B-tree of them (V22), not every record: at a million records it
 * read them all at start, for seconds, while the first users signed in. The GIN index over {@code
 * shared_with} cannot serve it: it answers "shared with this partner", not "shared at all".
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SharedRecordsPlanTest {
  private Database db;

  @BeforeAll
  void load(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    db.jdbi()
        .useHandle(
            h -> {
              // 30,000 records, one in a thousand shared with one or two partners
              h.execute(
                  "insert into intel.record (kind, source_id, event_time, recorded_at, office,"
                      + " agency, shared_with, countries, hs_chapters, title, doc, data,"
                      + " ingest_run) select 'seizure', 'S' || i, timestamptz '2026-11-01'"
                      + " + i * interval '1 minute', now(), 'JPTYO', 'customs-jp', case"
                      + " when i % 1000 = 0 then array['police-jp'] when i % 1000 = 500 then"
                      + " array['police-jp', 'coast-guard-jp'] else '{}' end, '{}', '{}',"
                      + " 'item ' || i, array_to_tsvector(array['item' || i]), '{}', 1"
                      + " from generate_series(1, 30000) i");
              h.execute("analyze intel.record");
            });
  }

  private String plan(String sql) {
    List<String> lines =
        db.jdbi().withHandle(h -> h.createQuery("explain " + sql).mapTo(String.class).list());
    return String.join("\n", lines);
  }

  @Test
  void theLapseCheckReadsTheSharedRecordsOnlyNotEveryRecord() {
    String plan = plan(JdbcSharingStore.LIVE);
    assertThat(plan)
        .contains("using record_shared on record r")
        .doesNotContain("Seq Scan on record ");
  }

  @Test
  void theListOfSharedRecordsReadsThemOnlyToo() {
    String plan = plan(JdbcSharingStore.SHARED);
    assertThat(plan).contains("using record_shared on record").doesNotContain("Seq Scan on record");
  }

  @Test
  void theSharingsInForceAreEveryPartnerOfEverySharedRecordAndNoOther() {
    JdbcSharingStore store = new JdbcSharingStore(db.jdbi());
    List<RecordSharing.LiveShare> live = store.live();
    // 30 records shared with police-jp, 30 of them with the coast guard as well
    assertThat(live).hasSize(90);
    assertThat(live).allSatisfy(l -> assertThat(l.owner()).isEqualTo("customs-jp"));
    assertThat(live.stream().filter(l -> l.partner().equals("coast-guard-jp"))).hasSize(30);
  }
}
