package org.sekisho.passenger.screening.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScreeningRulesCommandTest {

  @Test
  void checkPrintsFileLineAndColumnOfEachProblemAndExitsOne(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.rules");
    Files.writeString(good, String.join("\n", ScreeningBenchCommand.DEMO_RULES));
    Path bad = dir.resolve("bad.rules");
    Files.writeString(
        bad,
        "criterion \"x\" when payment = \"CA\"\n  and via = \"XX\" then lane red because \"why\"");
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new ScreeningRulesCommand());
    cmd.setOut(new PrintWriter(out));
    assertThat(cmd.execute(good.toString())).isZero();
    assertThat(out.toString()).contains("6 rule(s), no problem");
    assertThat(cmd.execute(bad.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(bad + ":2:23: expected 'severity' or 'weight' after 'then', found 'lane'");
    assertThat(cmd.execute("--fields")).isZero();
    assertThat(out.toString()).contains("booking_days_before_departure");
    cmd.setErr(new PrintWriter(new StringWriter()));
    assertThat(cmd.execute()).isEqualTo(2);
  }
}
