package org.sekisho.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.names.adapter.cli.BenchCommand;
import org.sekisho.names.adapter.cli.NamesCommand;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NamesCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Object command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void pairs_are_scored_and_malformed_rows_reported_with_row_number() throws Exception {
    Path in = dir.resolve("in.csv");
    Files.writeString(
        in,
        """
        id,left,right
        1,Vladimir Putin,Владимир Путин
        2,"Smith, John",John Brown
        3,only two fields
        4,,Somebody
        5,"Kim Jong Un",김정은
        """,
        StandardCharsets.UTF_8);
    Path outFile = dir.resolve("out.csv");
    int code = run(new NamesCommand(), "pairs", "--in", in.toString(), "--out", outFile.toString());
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(outFile, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("id,score,match");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("1,1.0000,true");
    assertThat(lines.get(2)).startsWith("2,").endsWith(",false");
    assertThat(lines.get(3)).startsWith("5,").endsWith(",true");
    assertThat(err.toString()).contains("row 4").contains("expected 3 fields").contains("row 5");
    assertThat(out.toString()).contains("3 pairs scored, 2 matches, 2 rows rejected");
  }

  @Test
  void a_file_without_the_required_header_is_rejected_with_exit_1() throws Exception {
    Path in = dir.resolve("bad.csv");
    Files.writeString(in, "a,b,c\n1,x,y\n", StandardCharsets.UTF_8);
    int code =
        run(
            new NamesCommand(),
            "pairs",
            "--in",
            in.toString(),
            "--out",
            dir.resolve("o.csv").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("id, left and right");
  }

  @Test
  void a_missing_file_and_a_missing_option_give_exit_2() {
    assertThat(
            run(
                new NamesCommand(),
                "pairs",
                "--in",
                dir.resolve("nope.csv").toString(),
                "--out",
                "x"))
        .isEqualTo(2);
    assertThat(run(new NamesCommand(), "pairs", "--in", "x")).isEqualTo(2);
  }

  @Test
  void screen_prints_each_hit_with_its_explanation() throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(
        list,
        "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
            + "alerts,1,Ivan Sidorov,,1970,ru,,high\n",
        StandardCharsets.UTF_8);
    int code =
        run(
            new NamesCommand(),
            "screen",
            "--list",
            list.toString(),
            "--name",
            "Иван Сидоров",
            "--dob",
            "1970-02-02");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("1 hits")
        .contains("alerts/1")
        .contains("date of birth partial");
  }

  // the command line's handler (app's Main): a usage error is one line and exit 2
  private int runAsSekisho(String... args) {
    CommandLine cl = new CommandLine(new NamesCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine()
              .getErr()
              .println(
                  "sekisho: "
                      + ex.getMessage()
                      + " (see '"
                      + ex.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help')");
          return 2;
        });
    return cl.execute(args);
  }

  private Path list(String content) throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(list, content, StandardCharsets.UTF_8);
    return list;
  }

  private void assertRefused(int code, String... words) {
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).doesNotContain("hits");
    String e = err.toString().strip();
    assertThat(e.lines()).hasSize(1);
    assertThat(e).startsWith("sekisho: ").endsWith("(see 'names screen --help')").contains(words);
  }

  @Test
  void pairs_refuse_a_missing_input_and_a_threshold_out_of_range_on_one_line() {
    int code =
        runAsSekisho("pairs", "--in=" + dir.resolve("nope.csv"), "--out=" + dir.resolve("o.csv"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("sekisho: Invalid value for option '--in': no such file ")
        .contains("nope.csv")
        .endsWith("(see 'names pairs --help')");
    assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
    err.getBuffer().setLength(0);
    code =
        runAsSekisho("pairs", "--in=" + dir.resolve("nope.csv"), "--out=x.csv", "--threshold=1.5");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith(
            "sekisho: Invalid value for option '--threshold': expected a number from 0 to 1")
        .contains("1.5");
  }

  @Test
  void a_watchlist_without_the_list_column_is_refused_not_screened_as_empty() throws Exception {
    Path file = list("id,name\n1,Ivan Sidorov\n");
    int code = runAsSekisho("screen", "--list=" + file, "--name=Ivan Sidorov");
    assertRefused(code, "'--list'", file.toString(), "column 'list' is required", "list,id,name");
  }

  @Test
  void a_watchlist_without_entries_is_refused() throws Exception {
    Path file = list("list,id,name,aliases,birth_dates,nationalities,documents,severity\n");
    int code = runAsSekisho("screen", "--list=" + file, "--name=Ivan Sidorov");
    assertRefused(code, "'--list'", file.toString(), "no watchlist entries");
  }

  @Test
  void a_missing_watchlist_file_is_refused_naming_it() {
    int code = runAsSekisho("screen", "--list=/nofile.csv", "--name=Ivan Sidorov");
    assertRefused(code, "'--list'", "/nofile.csv", "no such file");
  }

  @Test
  void a_folder_given_as_watchlist_is_refused_naming_it() {
    int code = runAsSekisho("screen", "--list=" + dir, "--name=Ivan Sidorov");
    assertRefused(code, "'--list'", dir + " is a folder");
  }

  @Test
  void a_threshold_outside_zero_to_one_is_refused() throws Exception {
    Path file = list("list,id,name\nalerts,1,Ivan Sidorov\n");
    int code = runAsSekisho("screen", "--list=" + file, "--name=Ivan Sidorov", "--threshold=2");
    assertRefused(code, "'--threshold'", "above 0 and at most 1", "2");
  }

  @Test
  void a_name_without_letters_is_refused() throws Exception {
    Path file = list("list,id,name\nalerts,1,Ivan Sidorov\n");
    int code = runAsSekisho("screen", "--list=" + file, "--name=   ");
    assertRefused(code, "'--name'", "a name with letters");
  }

  @Test
  void a_nationality_that_is_no_country_code_is_refused_not_ignored() throws Exception {
    Path file = list("list,id,name,nationalities\nalerts,1,Ivan Sidorov,ru\n");
    int code =
        runAsSekisho("screen", "--list=" + file, "--name=Ivan Sidorov", "--nationality=Russia");
    assertRefused(code, "'--nationality'", "ISO 3166", "Russia");
  }

  @Test
  void a_nationality_in_either_case_corroborates() throws Exception {
    Path file = list("list,id,name,nationalities\nalerts,1,Ivan Sidorov,ru\n");
    int code = runAsSekisho("screen", "--list=" + file, "--name=Ivan Sidorov", "--nationality=RU");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("1 hits").contains("nationality");
  }

  @Test
  void a_date_of_birth_that_is_no_date_is_refused_on_one_line() throws Exception {
    Path file = list("list,id,name\nalerts,1,Ivan Sidorov\n");
    int code = runAsSekisho("screen", "--list=" + file, "--name=Ivan Sidorov", "--dob=1970-13");
    assertRefused(code, "'--dob'", "YYYY[-MM[-DD]]", "1970-13");
  }

  @Test
  void the_screening_benchmark_runs_small_and_prints_its_figures() {
    int code =
        run(new BenchCommand(), "names", "--names", "2000", "--queries", "40", "--flights", "2");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("single name").contains("p95").contains("flight of 500");
  }
}
