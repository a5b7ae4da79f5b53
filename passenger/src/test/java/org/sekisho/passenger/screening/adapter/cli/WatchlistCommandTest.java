package org.sekisho.passenger.screening.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import picocli.CommandLine;

/** {@code sekisho watchlist import|list} against embedded PostgreSQL. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WatchlistCommandTest {
  private final Database db;

  WatchlistCommandTest(Database db) {
    this.db = db;
  }

  /** Each run gets its own pool on the test database, closed by the command as a real one is. */
  private Database open(Path dir) {
    Database d = Database.connect(db.jdbcUrl(), "postgres", "", 2);
    d.migrate(List.of(Migrations.of("platform"), Migrations.of("passenger")));
    return d;
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    CommandLine.IFactory standard = CommandLine.defaultFactory();
    CommandLine cmd =
        new CommandLine(
            new WatchlistCommand(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> cls) throws Exception {
                K made = standard.create(cls);
                if (made instanceof WatchlistCommand.Import i) {
                  i.database = WatchlistCommandTest.this::open;
                } else if (made instanceof WatchlistCommand.ListLists l) {
                  l.database = WatchlistCommandTest.this::open;
                }
                return made;
              }
            });
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void importingTwiceKeepsTheVersionAndBadRowsAreListedWithRowFieldAndReason(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("alerts.csv");
    Files.writeString(
        file,
        NamedWatchlistImportTestData.HEADER
            + "whatever,A1,Ivan Petrovich Sidorov,Иван Сидоров,1970-03-15,ru,P123 456,\n"
            + "whatever,A2,Bad Country,,1970,zz,,\n"
            + "whatever,A3,山田太郎,やまだ たろう,1965,jp,,\n");
    String[] args = {
      "import",
      "--name",
      "national-alerts",
      "--severity",
      "high",
      "--format",
      "csv",
      "--data-dir",
      dir.toString(),
      "--by",
      "hana",
      file.toString()
    };
    Run first = run(args);
    assertThat(first.exit()).isZero();
    assertThat(first.out())
        .contains(
            "watchlist national-alerts: version 1 (new list), 2 entries imported, 0 removed,"
                + " 1 rows refused")
        .contains("row 3 nationalities:");
    Run again = run(args);
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("unchanged, version 1 kept");

    Run list = run("list", "--data-dir", dir.toString());
    assertThat(list.exit()).isZero();
    assertThat(list.out()).containsPattern("national-alerts\\s+v1\\s+2\\s+high");
    Run versions = run("list", "--name", "national-alerts", "--data-dir", dir.toString());
    assertThat(versions.out()).contains("v1").contains("hana");
    assertThat(run("list", "--name", "nothing", "--data-dir", dir.toString()).exit()).isEqualTo(1);
  }

  @Test
  void unusableInputExitsOneAndUsageErrorsExitTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "no,header,here\n1,2,3\n");
    Run r = run("import", "--name", "x", "--severity", "low", "--format", "csv", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no valid entry read").contains("header");
    assertThat(
            run("import", "--name", "x", "--severity", "urgent", "--format", "csv", bad.toString())
                .exit())
        .isEqualTo(2);
    assertThat(
            run("import", "--name", "x", "--severity", "low", "--format", "xml", bad.toString())
                .exit())
        .isEqualTo(2);
    assertThat(run("import", "--name", "x", "--format", "csv", bad.toString()).exit()).isEqualTo(2);
    Run missing =
        run(
            "import",
            "--name",
            "x",
            "--severity",
            "low",
            "--format",
            "csv",
            dir.resolve("none.csv").toString());
    // a file that is not there is a wrong argument, as every command's is
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file").contains("none.csv");
  }

  @Test
  void aFollowTheMoneyImportPrintsTheEntitiesItLeftOutPerSchemaWithTheReason(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("entities.ftm.json");
    Files.writeString(
        file,
        "{\"id\":\"p-1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ivan Sidorov\"]}}\n"
            + "{\"id\":\"c-1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"A LLC\"]}}\n"
            + "{\"id\":\"c-2\",\"schema\":\"Company\",\"properties\":{\"name\":[\"B LLC\"]}}\n");
    Run r =
        run(
            "import",
            "--name",
            "opensanctions",
            "--severity",
            "critical",
            "--format",
            "ftm",
            "--data-dir",
            dir.toString(),
            file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("1 entries imported")
        .contains("left out: 2 Company entities: an organisation, not a person")
        .contains("(organisation)");
  }
}
