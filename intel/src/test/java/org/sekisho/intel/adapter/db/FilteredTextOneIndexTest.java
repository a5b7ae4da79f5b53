package org.sekisho.intel.adapter.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A text query filtered by country or HS chapter is answered by one scan of one index (V20) that
 * carries the text and the filter both, not by the text index alone with every match rechecked for
 * the filter. A Japanese word's bigrams always come together, but PostgreSQL multiplies their
 * frequencies and takes the word for a rare one: with the text and countries in separate indexes it
 * read the text index alone and rechecked every match (bench search: 38,000 records for 237 hits).
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilteredTextOneIndexTest {
  private Database db;

  @BeforeAll
  void load(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    db.jdbi()
        .useHandle(
            h -> {
              // a third of the records name 健康食品 (health food), spread over fourteen countries
              h.execute(
                  "insert into intel.record (kind, source_id, event_time, recorded_at, office,"
                      + " agency, shared_with, countries, hs_chapters, title, doc, data,"
                      + " ingest_run) select 'declaration', 'D' || i, timestamptz '2026-11-01'"
                      + " + i * interval '1 minute', now(), 'JPTYO', 'customs-jp', '{}',"
                      + " array[(array['CN','TH','VN','US','KR','DE','IN','MY','PH','TW','MX',"
                      + "'BR','NL','ID'])[1 + i % 14]], array[case when i % 2 = 0 then '21' else"
                      + " '85' end], 'item ' || i, case when i % 3 = 0 then"
                      + " array_to_tsvector(array['健康', '康食', '食品', 'item' || i]) else"
                      + " array_to_tsvector(array['電子', '子部', '部品', 'item' || i]) end, '{}',"
                      + " 1 from generate_series(1, 30000) i");
              h.execute("analyze intel.record");
            });
  }

  private String plan(String filter) {
    List<String> lines =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "explain select r.id from intel.record r where r.doc @@"
                                + " cast('''健康'' & ''康食'' & ''食品''' as tsquery) and "
                                + filter
                                + " limit 1001")
                        .mapTo(String.class)
                        .list());
    return String.join("\n", lines);
  }

  private static String indexConditions(String plan) {
    return plan.lines()
        .filter(l -> l.strip().startsWith("Index Cond:"))
        .reduce("", (a, b) -> a + b.strip() + "\n");
  }

  @Test
  void aWordAndACountryAreOneIndexCondition() {
    String plan = plan("r.countries @> array['MX']");
    assertThat(plan).contains("record_search").doesNotContain("BitmapAnd");
    assertThat(indexConditions(plan).lines())
        .anySatisfy(c -> assertThat(c).contains("doc @@").contains("countries @>"));
  }

  @Test
  void aWordAndAnHsChapterAreOneIndexCondition() {
    String plan = plan("r.hs_chapters @> array['21']");
    assertThat(indexConditions(plan).lines())
        .anySatisfy(c -> assertThat(c).contains("doc @@").contains("hs_chapters @>"));
  }

  @Test
  void theFilterFindsTheRecordsItShould() {
    long found =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.record r where r.doc @@"
                                + " cast('''健康'' & ''康食'' & ''食品''' as tsquery) and"
                                + " r.countries @> array['MX']")
                        .mapTo(Long.class)
                        .one());
    // i % 3 = 0 and i % 14 = 10 for i in 1..30000: i = 24 (mod 42)
    assertThat(found).isEqualTo(30000 / 42 + (30000 % 42 >= 24 ? 1 : 0));
  }
}
