package org.sekisho.passenger.screening.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.passenger.screening.domain.ScreeningRule;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScreeningBenchCommandTest {

  @Test
  void theDemoRulesCompile() {
    for (String rule : ScreeningBenchCommand.DEMO_RULES) {
      assertThat(ScreeningRule.compile(rule).problems()).as(rule).isEmpty();
    }
  }

  @Test
  void theBenchPrintsFlightAndPerNameFiguresOnASmallList() {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new ScreeningBenchCommand());
    cmd.setOut(new PrintWriter(out));
    int code = cmd.execute("--names", "5000", "--flights", "3", "--passengers", "40");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("watchlist: 5,000 names")
        .containsPattern("flight of 40 \\(rules \\+ watchlist.*p99 [0-9.]+ ms")
        .containsPattern("per name .*p95 [0-9.]+ ms");
  }

  @Test
  void nonsenseSizesAreAUsageError() {
    CommandLine cmd = new CommandLine(new ScreeningBenchCommand());
    cmd.setErr(new PrintWriter(new StringWriter()));
    assertThat(cmd.execute("--passengers", "0")).isEqualTo(2);
  }
}
