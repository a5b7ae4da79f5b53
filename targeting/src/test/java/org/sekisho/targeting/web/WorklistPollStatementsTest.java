package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The worklist's rows, polled every 2 s by each viewer, are read with where they stand (how many
 * match, how many come before the page) in one statement over the assessments, on the first page
 * and on a later one, and say the same figures as before.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorklistPollStatementsTest {
  private static final int ITEMS = 7;

  private TargetingServer server;
  private WebApi api;
  private Database db;

  /** The worklist's reads of the assessments (its filter), as the server runs them. */
  private final List<String> worklistReads = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = TargetingServer.start(db, dir);
    api = server.api();
    for (int i = 0; i < ITEMS; i++) {
      String d =
          ("{\"declarationId\":\"POLL-%d\",\"type\":\"IM\",\"date\":\"2026-11-27\","
                  + "\"office\":\"JPYOK\",\"importer\":{\"name\":\"Sakura\",\"id\":\"IMP-%d\"},"
                  + "\"items\":[{\"hsCode\":\"090121\",\"description\":\"coffee\","
                  + "\"origin\":\"TH\",\"netMassKg\":\"100\",\"customsValue\":\"%d\","
                  + "\"currency\":\"JPY\"}]}")
              .formatted(i, i, 1000 + i);
      api.ok(api.send("POST", "/api/assess", server.analyst(), d));
    }
    db.jdbi()
        .setSqlLogger(
            new SqlLogger() {
              @Override
              public void logBeforeExecution(StatementContext context) {
                String sql = context.getRenderedSql();
                // the worklist filter; background work never reads by it
                if (sql.contains("targeting.assessment") && sql.contains("where status = :s")) {
                  worklistReads.add(sql);
                }
              }
            });
  }

  @AfterAll
  void stop() {
    db.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
    if (server != null) {
      server.close();
    }
  }

  private String poll(String path) throws Exception {
    worklistReads.clear();
    HttpResponse<String> r = api.send("GET", path, server.analyst(), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void aPollReadsThePageAndItsCountsInOneStatement() throws Exception {
    String first = poll("/targeting/worklist/rows?office=JPYOK&kind=&status=released");
    int total = Integer.parseInt(first.replaceAll("(?s).*data-total=\"(\\d+)\".*", "$1"));
    assertThat(total).isGreaterThan(2);
    assertThat(first).contains("Items 1–" + total + " of " + total + " matching.");
    assertThat(worklistReads).hasSize(1);

    // a later page (after the first item): the items before it are counted in the same statement
    Matcher id = Pattern.compile("/targeting/assessments/(\\d+)").matcher(first);
    assertThat(id.find()).isTrue();
    String later =
        poll("/targeting/worklist/rows?office=JPYOK&kind=&status=released&after=" + id.group(1));
    assertThat(later)
        .contains("Items 2–" + total + " of " + total + " matching.")
        .contains("id=\"work-first\"")
        .doesNotContain("id=\"work-next\"");
    assertThat(worklistReads).hasSize(1);

    // a page past every item still says how many match
    Matcher last = Pattern.compile("/targeting/assessments/(\\d+)").matcher(later);
    String lastId = "";
    while (last.find()) {
      lastId = last.group(1);
    }
    String past =
        poll("/targeting/worklist/rows?office=JPYOK&kind=&status=released&after=" + lastId);
    assertThat(past)
        .contains("data-total=\"" + total + "\"")
        .contains("id=\"work-empty\"")
        .doesNotContain("work-item");
    assertThat(worklistReads).hasSize(1);
  }
}
