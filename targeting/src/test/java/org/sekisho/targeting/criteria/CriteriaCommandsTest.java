package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.targeting.assessment.adapter.cli.TargetingBenchCommand;
import org.sekisho.targeting.criteria.adapter.cli.CriteriaCommand;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CriteriaCommandsTest {
  private static String[] run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void checkPrintsFileLineAndColumnForEachProblemAndExitsOne(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.txt");
    Files.writeString(
        f,
        "criterion \"a\" when origin in list \"origins\" then lane red because \"listed origin\"\n"
            + "criterion \"b\" when hs_code = \"0901\" then weight 1 because \"typo in field\"\n");
    Path csv = dir.resolve("o.csv");
    Files.writeString(csv, "value\nCO\nTH\n");
    String[] r =
        run(new CriteriaCommand(), "check", f.toString(), "--list", "origins:countries:" + csv);
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains(f + ":2:20: unknown field 'hs_code'");
    Files.writeString(f, Files.readString(f).replace("hs_code", "hs"));
    r = run(new CriteriaCommand(), "check", f.toString(), "--list", "origins:countries:" + csv);
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains(":1: ok \"a\" lane red").contains(":2: ok \"b\"");
    assertThat(run(new CriteriaCommand(), "check", f.toString(), "--list", "bad")[0])
        .isEqualTo("2");
  }

  @Test
  void aListWithBadEntriesMakesTheCheckFailAndItNeverSaysOk(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.txt");
    Files.writeString(
        f,
        "criterion \"a\" when origin in list \"origins\" then lane red because \"listed"
            + " origin\"\n");
    Path csv = dir.resolve("o.csv");
    // (a first line "code" would now be refused as a header that is not value[,note])
    Files.writeString(csv, "value\nCO\nXX\ncode\n");
    String[] r =
        run(new CriteriaCommand(), "check", f.toString(), "--list", "origins:countries:" + csv);
    assertThat(r[0]).as(r[1] + r[2]).isEqualTo("1");
    assertThat(r[2]).contains(csv.toString()).contains("code").contains("XX");
    // a header other than value[,note] refuses the file, naming the column
    Files.writeString(csv, "code\nCO\n");
    r = run(new CriteriaCommand(), "check", f.toString(), "--list", "origins:countries:" + csv);
    assertThat(r[0]).as(r[1] + r[2]).isEqualTo("1");
    assertThat(r[2]).contains("line 1, column 1", "'code'", "value or value,note");
    assertThat(r[1])
        .doesNotContain(" ok ")
        .contains("problem(s) in --list files")
        .contains("not ok");
    // with the list fixed the same check is ok
    Files.writeString(csv, "value\nCO\nTH\n");
    r = run(new CriteriaCommand(), "check", f.toString(), "--list", "origins:countries:" + csv);
    assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
    assertThat(r[1]).contains(":1: ok \"a\" lane red");
    assertThat(r[2]).isEmpty();
  }

  @Test
  void theBenchPrintsItsFiguresOnTheTestSample() {
    String[] r =
        run(
            new TargetingBenchCommand(),
            "--input",
            "src/test/resources/kcs/valid-1000.csv",
            "--seconds",
            "0.2",
            "--threads",
            "1");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains("criteria + lists ")
        .contains("declarations/s")
        .contains("12 criteria");
  }
}
