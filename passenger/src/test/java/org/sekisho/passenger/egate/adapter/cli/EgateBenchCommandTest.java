package org.sekisho.passenger.egate.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EgateBenchCommandTest {
  @Test
  void aShortRunPrintsPercentilesAndTheTarget() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new EgateBenchCommand());
    cl.setOut(new PrintWriter(out, true));
    int code = cl.execute("--travellers", "40", "--warmup", "10");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("p50").contains("p99").contains("40 travellers");
  }
}
