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
 * A company named in full is found by its key with any qualifier as one range of the company key
 * index (V18): the pattern takes the name and a bar only, the name's own {@code %}, {@code _} and
 * backslash matching themselves, and the index serves it as a range in the database's collation.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyKeyRangeTest {
  private Database db;

  @BeforeAll
  void load(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "insert into intel.entity (type, key, display) select 'company', k, k from"
                      + " unnest(array['ORCHID FOODS', 'ORCHID FOODS|TW', 'ORCHID FOODS|KR',"
                      + " 'ORCHID FOODSTUFFS|TW', 'ORCHID FOODS FRESH|TW', 'ORCHID|TW',"
                      + " 'A_B|TW', 'AXB|TW', 'A%B|TW', 'A%%B|TW', 'A\\B|TW', 'A\\\\B|TW'])"
                      + " k");
              // persons are not in the company index: a person's key is no company's
              h.execute(
                  "insert into intel.entity (type, key, display)"
                      + " values ('person', 'ORCHID FOODS|1980-01-01', 'x')");
              // enough companies that the planner has a range worth reading
              h.execute(
                  "insert into intel.entity (type, key, display) select 'company',"
                      + " 'FILLER ' || i || '|JP', 'x' from generate_series(1, 2000) i");
              h.execute("analyze intel.entity");
            });
  }

  private List<String> matching(String name) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select key from intel.entity where type = 'company' and (key = :n or key"
                            + " like :q) order by key collate \"C\"")
                    .bind("n", name)
                    .bind("q", JdbcIntelQueries.qualified(name))
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void theNameWithAnyQualifierAndNothingLonger() {
    List<String> orchid = matching("ORCHID FOODS");
    assertThat(orchid).containsExactly("ORCHID FOODS", "ORCHID FOODS|KR", "ORCHID FOODS|TW");
    List<String> shorter = matching("ORCHID");
    assertThat(shorter).containsExactly("ORCHID|TW");
  }

  @Test
  void likeWildcardsInTheNameMatchOnlyThemselves() {
    List<String> underscore = matching("A_B");
    assertThat(underscore).containsExactly("A_B|TW");
    List<String> percent = matching("A%B");
    assertThat(percent).containsExactly("A%B|TW");
    List<String> backslash = matching("A\\B");
    assertThat(backslash).containsExactly("A\\B|TW");
  }

  @Test
  void theCompanyKeysAreReadAsOneRangeOfTheirIndex() {
    List<String> plan =
        db.jdbi()
            .withHandle(
                h -> {
                  // as the search reads it (JdbcIntelQueries.exactHits)
                  h.execute("set enable_seqscan = off");
                  try {
                    return h.createQuery(
                            "explain select id from intel.entity e where e.type = 'company' and"
                                + " (e.key = 'ORCHID FOODS' or e.key like 'ORCHID FOODS|%')")
                        .mapTo(String.class)
                        .list();
                  } finally {
                    h.execute("reset enable_seqscan");
                  }
                });
    String text = String.join("\n", plan);
    assertThat(text)
        .contains("entity_company_key_prefix")
        .contains("~>=~ 'ORCHID FOODS|'")
        .contains("~<~ 'ORCHID FOODS}'");
  }
}
