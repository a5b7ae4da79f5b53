package org.sekisho.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void printsAtMostOneLinePerIntervalWithTheCountsAndTheRate() {
    AtomicLong now = new AtomicLong(100 * SECOND);
    StringWriter err = new StringWriter();
    ProgressLines p = new ProgressLines(new PrintWriter(err), "declarations", now::get, 5 * SECOND);

    now.addAndGet(2 * SECOND);
    p.advanced(20_000, 20_000, 0, 0);
    assertThat(err.toString()).isEmpty();

    now.addAndGet(3 * SECOND);
    p.advanced(50_000, 49_000, 900, 100);
    now.addAndGet(1 * SECOND);
    p.advanced(60_000, 59_000, 900, 100);

    assertThat(err.toString().lines())
        .containsExactly(
            "declarations: 50,000 rows so far (49,000 stored, 900 already present, 100 rejected),"
                + " 10,000 rows/s");
  }
}
