package org.sekisho.targeting.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.adapter.cli.BenchCommand;
import org.sekisho.targeting.model.TestData;
import picocli.CommandLine;

/** {@code bench assess} runs end to end on a small file and reports what it measured. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AssessBenchCommandTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** {@code bench assess} over the 1,000-row test file with these options. */
  private static Run assess(String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "assess";
    args[1] = "--input";
    args[2] = TestData.path("valid-1000.csv").toString();
    System.arraycopy(options, 0, args, 3, options.length);
    return run(args);
  }

  @Test
  void theAssessmentApiBenchReportsThroughputPercentilesAndTheServerSide() {
    Run r = assess("--clients", "2", "--seconds", "1", "--warmup", "0.5");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "12 criteria over 3 lists",
            "HTTP client Apache HttpClient 5 classic",
            "0 errors",
            "client latency ms: p50",
            "server side")
        .containsPattern("stored assessments [0-9,]+, referred");
    assertThat(r.out()).doesNotContain("requests in 0.0 s");
  }

  @Test
  void atAFixedRateNoMoreThanTheScheduledRequestsAreSentAndTheLoadIsDescribed() {
    Run r = assess("--clients", "2", "--rate", "40", "--seconds", "1", "--warmup", "0.5");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("under load: 2 client(s), fixed arrival rate 40 /s", "whole machine")
        .containsPattern("clients' send lateness .* ms: p50 [0-9.]+  p95 [0-9.]+  p99 [0-9.]+")
        .containsPattern("durable commit alone .* ms p50 [0-9.]+  p99 [0-9.]+");
    var m =
        java.util.regex.Pattern.compile("POST /api/assess: ([0-9,]+) requests").matcher(r.out());
    assertThat(m.find()).isTrue();
    // one second at 40 /s: 40 scheduled sends at most
    assertThat(Integer.parseInt(m.group(1).replace(",", ""))).isBetween(1, 40);
  }

  @Test
  void aBadOptionIsAUsageError() {
    assertThat(assess("--web-audit", "x").exit()).isEqualTo(2);
    Run r = assess("--http-client", "curl");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--http-client: 'classic' or 'jdk', not 'curl'");
  }

  @Test
  void theJdkClientCanStillDriveTheLoad() {
    Run r = assess("--clients", "1", "--seconds", "0.5", "--warmup", "0.2", "--http-client", "jdk");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("HTTP client java.net.http", "0 errors");
  }
}
