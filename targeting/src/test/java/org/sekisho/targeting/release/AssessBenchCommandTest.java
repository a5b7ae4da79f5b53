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
  @Test
  void theAssessmentApiBenchReportsThroughputPercentilesAndTheServerSide() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit =
        cl.execute(
            "assess",
            "--input",
            TestData.path("valid-1000.csv").toString(),
            "--clients",
            "2",
            "--seconds",
            "1",
            "--warmup",
            "0.5");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "12 criteria over 3 lists",
            "HTTP client Apache HttpClient 5 classic",
            "0 errors",
            "client latency ms: p50",
            "server side")
        .containsPattern("stored assessments [0-9,]+, referred");
    assertThat(out.toString()).doesNotContain("requests in 0.0 s");
  }

  @Test
  void atAFixedRateNoMoreThanTheScheduledRequestsAreSentAndTheLoadIsDescribed() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit =
        cl.execute(
            "assess",
            "--input",
            TestData.path("valid-1000.csv").toString(),
            "--clients",
            "2",
            "--rate",
            "40",
            "--seconds",
            "1",
            "--warmup",
            "0.5");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("under load: 2 client(s), fixed arrival rate 40 /s", "whole machine")
        .containsPattern("clients' send lateness .* ms: p50 [0-9.]+  p95 [0-9.]+  p99 [0-9.]+")
        .containsPattern("durable commit alone .* ms p50 [0-9.]+  p99 [0-9.]+");
    var m =
        java.util.regex.Pattern.compile("POST /api/assess: ([0-9,]+) requests")
            .matcher(out.toString());
    assertThat(m.find()).isTrue();
    // one second at 40 /s: 40 scheduled sends at most
    assertThat(Integer.parseInt(m.group(1).replace(",", ""))).isBetween(1, 40);
  }

  @Test
  void aBadOptionIsAUsageError() {
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.setOut(new PrintWriter(new StringWriter()));
    assertThat(
            cl.execute(
                "assess",
                "--input",
                TestData.path("valid-1000.csv").toString(),
                "--web-audit",
                "x"))
        .isEqualTo(2);
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertThat(
            cl.execute(
                "assess",
                "--input",
                TestData.path("valid-1000.csv").toString(),
                "--http-client",
                "curl"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--http-client: 'classic' or 'jdk', not 'curl'");
  }

  @Test
  void theJdkClientCanStillDriveTheLoad() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit =
        cl.execute(
            "assess",
            "--input",
            TestData.path("valid-1000.csv").toString(),
            "--clients",
            "1",
            "--seconds",
            "0.5",
            "--warmup",
            "0.2",
            "--http-client",
            "jdk");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("HTTP client java.net.http", "0 errors");
  }
}
