package org.sekisho.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MainTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void anUnknownOptionGivesOneClearLineAndExitCode2() {
    Run r = run("search", "--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .contains("--no-such-option")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void aWatchlistImportsBadSeverityIsOneLineLikeEveryOtherCommandsBadValue() {
    Run r =
        run(
            "watchlist",
            "import",
            "--name",
            "x",
            "--severity",
            "bogus",
            "--format",
            "csv",
            "/nonexistent/list.csv",
            "--data-dir",
            "/nonexistent/sekisho");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("sekisho: ").contains("severity 'bogus'").contains("--help");
  }

  @Test
  void aDayThatIsNoDateSaysWhatIsExpectedNotWhichClassFailed() {
    Run r = run("search", "tea", "--from", "2026-13-01", "--data-dir", "/nonexistent/sekisho");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .contains("--from")
        .contains("expected a date YYYY-MM-DD")
        .contains("'2026-13-01'")
        .doesNotContain("java.time")
        .doesNotContain("Exception");
  }

  @Test
  void aPartnerAgencysAccountIsRefusedTheAdministrationsRolesBeforeAnyDatabaseOpens() {
    Run r =
        run(
            "user",
            "kono",
            "--role",
            "analyst",
            "--agency",
            "police-jp",
            "--data-dir",
            "/nonexistent/sekisho");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("partner agency police-jp holds the roles partner and liaison");
    Run own =
        run(
            "user",
            "sano",
            "--role",
            "partner",
            "--agency",
            "customs-jp",
            "--data-dir",
            "/nonexistent/sekisho");
    assertThat(own.code()).isEqualTo(2);
    assertThat(own.err()).contains("is not its partner");
  }

  @Test
  void aUserNameOrOfficeTheWebWouldRefuseIsRefusedBeforeAnyDatabaseOpens() {
    Run name =
        run(
            "user",
            "Kono Taro",
            "--role",
            "analyst",
            "--agency",
            "customs-jp",
            "--data-dir",
            "/nonexistent/sekisho");
    assertThat(name.code()).isEqualTo(2);
    assertThat(name.err()).contains("username:").contains("Kono Taro");
    assertThat(name.err().strip().lines()).hasSize(1);
    Run office =
        run(
            "user",
            "kono",
            "--role",
            "officer",
            "--agency",
            "customs-jp",
            "--office",
            "Narita Airport!",
            "--data-dir",
            "/nonexistent/sekisho");
    assertThat(office.code()).isEqualTo(2);
    assertThat(office.err()).contains("office:");
    // the role rules too, before any database is opened
    Run kioskAdmin =
        run(
            "user",
            "gate-01",
            "--role",
            "kiosk,admin",
            "--agency",
            "customs-jp",
            "--office",
            "NRT",
            "--data-dir",
            "/nonexistent/sekisho");
    assertThat(kioskAdmin.code()).isEqualTo(2);
    assertThat(kioskAdmin.err()).contains("kiosk");
    Run kioskNowhere =
        run(
            "user",
            "gate-02",
            "--role",
            "kiosk",
            "--agency",
            "customs-jp",
            "--data-dir",
            "/nonexistent/sekisho");
    assertThat(kioskNowhere.code()).isEqualTo(2);
    assertThat(kioskNowhere.err()).contains("office");
  }

  @Test
  void aFileThatIsNotThereIsAWrongArgumentInEveryCommandThatReadsOne() {
    for (String[] args :
        new String[][] {
          {"pnr", "parse", "/nonexistent/push.edi"},
          {"api", "parse", "/nonexistent/paxlst.edi"},
          {"screening", "check", "/nonexistent/rules.txt"},
          {"criteria", "check", "/nonexistent/criteria.txt"},
          {"criteria", "check", "--list=origins:countries:/nonexistent/o.csv", "/tmp"},
          {"ais", "decode", "/nonexistent/feed.nmea"},
          {"names", "screen", "--list=/nonexistent/list.csv", "--name=TANAKA YOKO"}
        }) {
      Run r = run(args);
      String cmd = String.join(" ", args);
      assertThat(r.code()).as(cmd + ": " + r.out() + r.err()).isEqualTo(2);
      assertThat(r.err()).as(cmd).contains("no such file").contains("/nonexistent/");
      assertThat(r.err().strip().lines()).as(cmd).hasSize(1);
    }
    Run folder = run("pnr", "parse", "/tmp");
    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err()).contains("/tmp is a folder, not a file").contains("pnr parse --help");
  }

  @Test
  void aBadValueGivesOneClearLineAndExitCode2() {
    Run r = run("ingest", "cargo-ships", "/nonexistent");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown kind 'cargo-ships'").contains("declarations");
    assertThat(r.err().strip().lines()).hasSize(1);
    Run port = run("serve", "--port", "seventy");
    assertThat(port.code()).isEqualTo(2);
    assertThat(port.err().strip().lines()).hasSize(1);
    // refused before any database is opened
    Run nul = run("search", "ab\u0000cd", "--data-dir", "/nonexistent/sekisho");
    assertThat(nul.code()).isEqualTo(2);
    assertThat(nul.err()).contains("q:").contains("NUL");
    assertThat(nul.err().strip().lines()).hasSize(1);
    // a search filter that can match nothing is refused as the API refuses it
    for (String[] bad :
        new String[][] {
          {"--kind=foo", "--kind expects declaration"},
          {"--country=XX", "--country expects an ISO 3166-1 alpha-2 code"},
          {"--hs=091", "hs: expected an HS chapter (2 digits, e.g. 09), heading (4, e.g. 0901)"},
          {"--from=2026-11-28 --to=2026-11-27", "--from 2026-11-28 is after --to 2026-11-27"}
        }) {
      List<String> args = new ArrayList<>(List.of("search", "coffee"));
      args.addAll(List.of(bad[0].split(" ")));
      args.addAll(List.of("--data-dir", "/nonexistent/sekisho"));
      Run refused = run(args.toArray(String[]::new));
      assertThat(refused.code()).as(bad[0]).isEqualTo(2);
      assertThat(refused.err()).as(bad[0]).contains(bad[1]);
      assertThat(refused.err().strip().lines()).as(bad[0]).hasSize(1);
    }
  }

  @Test
  void everyCommandAnswersHelp() {
    CommandLine root = Main.commandLine();
    assertThat(root.getSubcommands().keySet())
        .contains(
            "demo",
            "serve",
            "ingest",
            "search",
            "generate",
            "audit",
            "bench",
            "version",
            "ais",
            "mrz",
            "egate",
            "names",
            "risk",
            "agency",
            "agreement");
    for (String name : root.getSubcommands().keySet()) {
      Run r = run(name, "--help");
      assertThat(r.code()).as(name).isZero();
      assertThat(r.out()).as(name).contains("Usage:");
    }
    // the command list shows each command's whole description, not its first source line
    assertThat(run("--help").out().replaceAll("\\s+", " "))
        .contains("demo data generated (or reused) and loaded, web UI and API on localhost.");
    assertThat(run("bench", "--help").out())
        .contains("ingest", "search", "ais", "egate", "screening", "scoring");
    assertThat(run("audit", "verify", "--help").code()).isZero();
    assertThat(run("egate", "specimen", "--help").out()).contains("SPECIMEN, NOT FOR PRODUCTION");
  }

  @Test
  void aBadAgencyCodeOrNameIsOneLineAndExit2BeforeAnyDatabaseStarts() {
    Run code = run("agency", "add", "Police JP", "--name", "x", "--data-dir", "/nonexistent/s");
    assertThat(code.code()).isEqualTo(2);
    assertThat(code.err()).contains("CODE:").contains("lower-case letters");
    assertThat(code.err().strip().lines()).hasSize(1);
    Run name = run("agency", "add", "police-jp", "--name", " ", "--data-dir", "/nonexistent/s");
    assertThat(name.code()).isEqualTo(2);
    assertThat(name.err()).contains("--name");
    Run date =
        run(
            "agreement",
            "add",
            "--agency=police-jp",
            "--kinds=seizures",
            "--reference=MoU",
            "--from=2026-02-30",
            "--data-dir",
            "/nonexistent/s");
    assertThat(date.code()).isEqualTo(2);
    assertThat(date.err().strip().lines()).hasSize(1);
  }

  @Test
  void versionPrintsTheVersion() {
    Run r = run("version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("sekisho 0.1.0");
  }
}
