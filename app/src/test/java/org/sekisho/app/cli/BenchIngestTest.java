package org.sekisho.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code sekisho bench ingest} over a small input: the figures it prints, and what it leaves. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BenchIngestTest {
  @Test
  void printsThroughputCpuWalAndTheIdempotentRerunThenDeletesItsDatabase() throws Exception {
    List<Path> before = benchDirectories();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));

    int code = cl.execute("bench", "ingest", "--records", "1500");

    assertThat(code).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text)
        .contains("input: 1500 declarations")
        .contains("warm-up      : 1500 other declarations")
        .containsPattern("first ingest : 1500 stored in [0-9.]+ s = [0-9,]+ records/s")
        .containsPattern("JIT compiling [0-9.]+ µs, garbage collection [0-9.]+ µs per record")
        .contains("second ingest: 0 stored, 1500 already present");
    Matcher wal = Pattern.compile("WAL written: (\\d+) bytes per record").matcher(text);
    assertThat(wal.find()).as(text).isTrue();
    // A stored declaration's row alone is several hundred bytes of log.
    assertThat(Long.parseLong(wal.group(1))).isGreaterThan(500);
    assertThat(benchDirectories()).isEqualTo(before);
  }

  @Test
  void withAssessTheRunLastsUntilTargetingHasAssessedEveryDeclaration() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));

    int code = cl.execute("bench", "ingest", "--records", "1000", "--assess");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("targeting assesses them on ingest: yes")
        .containsPattern("first ingest : 1000 stored in [0-9.]+ s")
        .contains("second ingest: 0 stored, 1000 already present");
  }

  private static List<Path> benchDirectories() throws IOException {
    try (var all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return all.filter(p -> p.getFileName().toString().startsWith("sekisho-bench-ingest"))
          .sorted()
          .toList();
    }
  }
}
