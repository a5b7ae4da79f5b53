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
 * The parties a name in the search box names by key or reading (search by reading, {@code
 * JdbcIntelQueries.readingRecords}) are each one equality or one range of a B-tree (V19), not a
 * scan of every key or reading holding the name's trigrams, and the ranges find the name with any
 * qualifier and nothing longer.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamePrefixRangeTest {
  private Database db;

  @BeforeAll
  void load(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "insert into intel.entity (type, key, display, reading) values"
                      + " ('person', 'HANAKO YAMADA', 'Hanako Yamada', null),"
                      + " ('person', 'HANAKO YAMADA|1980-04-01', 'Hanako Yamada', null),"
                      + " ('person', 'HANAKO YAMADAS|1980-04-01', 'Hanako Yamadas', null),"
                      + " ('person', '山田花子|1980-04-01', '山田花子', 'HANAKO YAMADA|1980-04-01'),"
                      + " ('person', '山田花子', '山田花子', 'HANAKO YAMADA'),"
                      + " ('company', 'サクラ物産|JP', 'サクラ物産', 'SAKURA BUSSAN|JP'),"
                      + " ('company', 'HANAKO YAMADA', 'Hanako Yamada', null)");
              // enough parties that the planner has a range worth reading
              h.execute(
                  "insert into intel.entity (type, key, display, reading) select 'person',"
                      + " 'HANAKO FILLER ' || i || '|1970-01-01', 'x', 'YAMADA FILLER ' || i"
                      + " from generate_series(1, 3000) i");
              h.execute("analyze intel.entity");
            });
  }

  private List<String> persons(String name) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select key from intel.entity e where (e.type = 'person' and e.key = :n)"
                            + " or (e.type = 'person' and e.key like :q) or (e.type = 'person'"
                            + " and e.reading = :n) or (e.type = 'person' and e.reading like :q)"
                            + " order by key collate \"C\"")
                    .bind("n", name)
                    .bind("q", JdbcIntelQueries.qualified(name))
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void aNameFindsItsPersonsByKeyAndReadingWithAnyQualifierAndNothingLonger() {
    List<String> hanako = persons("HANAKO YAMADA");
    assertThat(hanako)
        .containsExactly("HANAKO YAMADA", "HANAKO YAMADA|1980-04-01", "山田花子", "山田花子|1980-04-01");
  }

  private String plan(String where) {
    List<String> lines =
        db.jdbi()
            .withHandle(
                h -> {
                  // as the search reads it
                  h.execute("set enable_seqscan = off");
                  try {
                    return h.createQuery("explain select id from intel.entity e where " + where)
                        .mapTo(String.class)
                        .list();
                  } finally {
                    h.execute("reset enable_seqscan");
                  }
                });
    return String.join("\n", lines);
  }

  @Test
  void eachArmIsOneIndexRangeNotATrigramScan() {
    String personKey = plan("e.type = 'person' and e.key like 'HANAKO YAMADA|%'");
    assertThat(personKey)
        .contains("entity_person_key_prefix")
        .contains("~>=~ 'HANAKO YAMADA|'")
        .doesNotContain("trgm");
    String reading = plan("e.type = 'person' and e.reading = 'HANAKO YAMADA'");
    assertThat(reading).contains("entity_reading_prefix").doesNotContain("trgm");
    String readingQualified = plan("e.type = 'company' and e.reading like 'SAKURA BUSSAN|%'");
    assertThat(readingQualified)
        .contains("entity_reading_prefix")
        .contains("~<~ 'SAKURA BUSSAN}'")
        .doesNotContain("trgm");
  }
}
