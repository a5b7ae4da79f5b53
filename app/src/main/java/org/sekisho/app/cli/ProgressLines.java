package org.sekisho.app.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.sekisho.intel.application.IngestPorts;

/**
 * Prints how far a long ingest has got, one line at most every {@code everyNanos}: a bulk load of
 * millions of rows runs for minutes, and silence looks like a hang. A load shorter than the
 * interval prints nothing.
 */
final class ProgressLines implements IngestPorts.Progress {
  private final PrintWriter err;
  private final String what;
  private final LongSupplier nanoTime;
  private final long everyNanos;
  private final long started;
  private long lastPrinted;

  ProgressLines(PrintWriter err, String what, LongSupplier nanoTime, long everyNanos) {
    this.err = err;
    this.what = what;
    this.nanoTime = nanoTime;
    this.everyNanos = everyNanos;
    this.started = nanoTime.getAsLong();
    this.lastPrinted = started;
  }

  @Override
  public void advanced(long rowsDone, long stored, long duplicates, long rejected) {
    long now = nanoTime.getAsLong();
    if (now - lastPrinted < everyNanos) {
      return;
    }
    lastPrinted = now;
    err.printf(
        java.util.Locale.ROOT,
        "%s: %,d rows so far (%,d stored, %,d already present, %,d rejected), %,.0f rows/s%n",
        what,
        rowsDone,
        stored,
        duplicates,
        rejected,
        rowsDone / ((now - started) / 1e9));
    err.flush();
  }
}
