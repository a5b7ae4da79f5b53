package org.sekisho.passenger.screening.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore;
import org.sekisho.passenger.pnr.application.PnrIngest;
import org.sekisho.passenger.screening.adapter.db.JdbcScreeningStore;
import org.sekisho.passenger.screening.application.PassengerScreening;
import org.sekisho.platform.audit.AuditLog;
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

  @Test
  void aShiftJisFileIsRefusedNamingItsLineAndNothingIsStoredWhileUtf8WithABomIsRead(
      @TempDir Path dir) throws Exception {
    String csv = NamedWatchlistImportTestData.HEADER + "sjis,S1,山田太郎,,1965,jp,,\n";
    Path sjis = dir.resolve("excel.csv");
    Files.write(sjis, csv.getBytes(Charset.forName("windows-31j")));
    Run r =
        run(
            "import",
            "--name",
            "sjis-cli",
            "--severity",
            "high",
            "--format",
            "csv",
            sjis.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "line 2, byte " + (NamedWatchlistImportTestData.HEADER.length() + "sjis,S1,".length()))
        .contains("not UTF-8")
        .contains("CSV UTF-8")
        .contains("(not-utf8)");
    assertThat(names("sjis-cli")).isEmpty();

    Path bom = dir.resolve("utf8-bom.csv");
    byte[] text = csv.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Files.write(bom, withBom);
    Run ok =
        run(
            "import",
            "--name",
            "sjis-cli",
            "--severity",
            "high",
            "--format",
            "csv",
            bom.toString());
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(names("sjis-cli")).containsExactly("山田太郎");
  }

  @Test
  void anImportScreensTheFlightsNotYetDepartedAgainAsTheServerWould(@TempDir Path dir)
      throws Exception {
    // a traveller screened clean before the list named him, on tomorrow's flight
    Database d = open(dir);
    JdbcScreeningStore store = new JdbcScreeningStore(d.jdbi());
    PassengerScreening screening =
        new PassengerScreening(store, new AuditLog(d.jdbi()), Clock.systemUTC(), "JP");
    String day =
        LocalDate.now(ZoneOffset.UTC).plusDays(1).format(DateTimeFormatter.ofPattern("ddMMyy"));
    String tvl = "TVL+" + day + ":1000:" + day + ":1800+SIN+NRT+JL+0881";
    String push =
        "UNB+IATA:1+JL+JPCUSTOMS+"
            + day
            + ":0600+CLI01'UNH+CLI01+PNRGOV:11:1:IA+JLCLI01'MSG+:22'ORG+JL:NRT+++JL:SYS'"
            + tvl
            + "'EQN+1'SRC'RCI+JL:CLI001::011126:1015'TIF+SIDOROV+IVAN:A:1'"
            + tvl
            + ":Y'RPI+1+HK'UNT+20+CLI01'UNZ+1+CLI01'";
    assertThat(
            new PnrIngest(new JdbcPnrStore(d.jdbi()), Clock.systemUTC(), screening)
                .pnr(push, "test")
                .isAccepted())
        .isTrue();
    d.close();
    assertThat(openHits()).isEmpty();

    Path file = dir.resolve("cli-rescreen.csv");
    Files.writeString(
        file, NamedWatchlistImportTestData.HEADER + "whatever,CR-1,Ivan Sidorov,,,,,\n");
    Run r =
        run(
            "import",
            "--name",
            "cli-rescreen",
            "--severity",
            "high",
            "--format",
            "csv",
            file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("[1-9][0-9]* flight\\(s\\) not yet departed screened again");
    assertThat(openHits()).containsExactly("watchlist:cli-rescreen/CR-1");
  }

  private List<String> openHits() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select source from passenger.screening_hit where status = 'open' and"
                            + " source like 'watchlist:cli-rescreen/%' order by source")
                    .mapTo(String.class)
                    .list());
  }

  private List<String> names(String list) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select names[1] from passenger.watchlist_entry where list_name = :l")
                    .bind("l", list)
                    .mapTo(String.class)
                    .list());
  }
}
