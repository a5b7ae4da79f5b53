package org.sekisho.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GenerateCommandTest {
  // 2026-11-26 20:00 UTC is already 2026-11-27 in Tokyo
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new GenerateCommand(CLOCK));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void writesTheFilesAndPrintsCountsPerFile() throws Exception {
    Path dir = tmp.resolve("d");
    int code =
        run("--seed", "3", "--date", "2026-11-27", "--scale", "0.05", "--out", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("declarations.jsonl", "150")
        .contains("postal-items.jsonl", "200")
        .contains("seizures.jsonl");
    for (String f : DemoDataGenerator.FILES) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    assertThat(dir.resolve("networks.json")).isNotEmptyFile();
  }

  @Test
  void theDefaultDateIsTodayInTokyoFromTheClock() throws Exception {
    Path dir = tmp.resolve("today");
    assertThat(run("--scale", "0.02", "--out", dir.toString())).isZero();
    assertThat(Files.readString(dir.resolve("seizures.jsonl"))).contains("\"date\":\"2026-11-27T");
    assertThat(out.toString()).contains("2026-11-27");
  }

  @Test
  void aNegativeScaleIsAUsageErrorWithOneClearLine() {
    int code = run("--scale", "-1", "--out", tmp.resolve("x").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--scale").contains("-1");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void aScaleTooLargeForUniqueContainerNumbersIsAUsageError() {
    assertThat(run("--scale", "5000", "--out", tmp.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("at most 200");
  }

  @Test
  void aBadDateIsAUsageError() {
    int code = run("--date", "27/11/2026", "--out", tmp.resolve("x").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--date").contains("27/11/2026");
  }

  @Test
  void aBadEndOfDayIsAUsageError() {
    int code = run("--until", "9h30", "--out", tmp.resolve("x").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--until").contains("9h30").contains("09:30");
  }

  @Test
  void aDayEndingAtATimeSaysSo() throws Exception {
    Path dir = tmp.resolve("until");
    int code =
        run("--date", "2026-11-27", "--until", "09:30", "--scale", "0.05", "--out", dir.toString());
    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).contains("the 24 hours before 2026-11-27 09:30 JST");
    assertThat(Files.readAllLines(dir.resolve("declarations.jsonl")).get(0))
        .contains("2026-11-26T");
  }

  @Test
  void anUnwritableOutputIsRejectedWithExitOne() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    int code = run("--scale", "0.02", "--out", file.resolve("sub").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot write demo data");
  }
}
