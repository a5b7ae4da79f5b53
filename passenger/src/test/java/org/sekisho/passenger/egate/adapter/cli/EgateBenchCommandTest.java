package org.sekisho.passenger.egate.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EgateBenchCommandTest {
  @Test
  void aShortRunPrintsPercentilesAndTheTarget() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new EgateBenchCommand());
    cl.setOut(new PrintWriter(out, true));
    int code = cl.execute("--travellers", "40", "--warmup", "10");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("p50")
        .contains("p95")
        .contains("p99")
        .contains("thread CPU")
        .contains("configuration: Java")
        .contains("40 travellers");
  }

  @Test
  void theKioskRunMeasuresRecordsAndAuditInPostgresql() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new EgateBenchCommand());
    cl.setOut(new PrintWriter(out, true));
    int code = cl.execute("--kiosk", "--travellers", "30", "--warmup", "5");
    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("kiosk request")
        .contains("audit")
        .contains("30 travellers")
        .containsPattern("passed [0-9]+, secondary inspection [0-9]+");
  }

  @Test
  void aFaceConfigWithoutKioskIsAUsageError() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new EgateBenchCommand());
    cl.setOut(new PrintWriter(out, true));
    assertThat(cl.execute("--face-config", "x.properties")).isEqualTo(2);
  }
}
