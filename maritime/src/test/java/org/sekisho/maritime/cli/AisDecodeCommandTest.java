package org.sekisho.maritime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.adapter.cli.AisDecodeCommand;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AisDecodeCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  Run run(String... args) {
    AsSekishoRunsIt.Run r = AsSekishoRunsIt.run(new AisDecodeCommand(), "decode", args);
    return new Run(r.exit(), r.out(), r.err());
  }

  @Test
  void printsOneJsonLinePerMessageAndListsBrokenSentencesOnStderr() throws IOException {
    Path f = dir.resolve("in.nmea");
    Files.writeString(
        f,
        "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n"
            + "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B\n"
            + "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42\n");
    Run r = run(f.toString(), "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":1,")
        .contains("\"mmsi\":371798000");
    assertThat(r.err())
        .contains("3 lines, 2 messages printed, 1 broken sentences, 0 lines skipped")
        .contains("line 2")
        .contains("nmea-checksum-mismatch");
  }

  @Test
  void aMissingFileIsExitTwoNamingThePathOnceAndWhy() {
    Path missing = dir.resolve("nope.nmea");
    Run r = run(missing.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("sekisho: FILE: no such file " + missing + " (see 'sekisho ais decode --help')");
    Run d = run(dir.toString());
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.err().strip())
        .isEqualTo(
            "sekisho: FILE: " + dir + " is a folder, not a file (see 'sekisho ais decode --help')");
  }

  @Test
  void aFileWithNoAisInItCountsItsLinesAsSkippedAndExitsOne() throws IOException {
    Path f = dir.resolve("notes.txt");
    Files.writeString(
        f, "shopping list\n$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\n");
    Run r = run(f.toString(), "--json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("2 lines, 0 messages printed, 0 broken sentences, 2 lines skipped (not AIS")
        .contains("no AIS message could be decoded from " + f);
    // an empty input has nothing either
    Path empty = dir.resolve("empty.nmea");
    Files.writeString(empty, "");
    Run e = run(empty.toString());
    assertThat(e.exit()).isEqualTo(1);
    assertThat(e.err()).contains("0 lines, 0 messages printed").contains("it is empty");
    // a good sentence among text decodes, and the text is counted, not dropped silently
    Files.writeString(f, "shopping list\n!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n");
    Run mixed = run(f.toString());
    assertThat(mixed.exit()).isZero();
    assertThat(mixed.err())
        .contains("2 lines, 1 messages printed, 0 broken sentences, 1 lines skipped");
    assertThat(mixed.out().lines()).singleElement().asString().contains("mmsi=371798000");
  }

  @Test
  void theCountPrintedWithJsonIsTheNumberOfObjectsPrinted() throws Exception {
    Path f = dir.resolve("sample.aivdm");
    try (var in = getClass().getResourceAsStream("/ais/gpsd/sample.aivdm")) {
      Files.copy(in, f);
    }
    Run r = run(f.toString(), "--json");
    assertThat(r.exit()).isZero();
    long printed = r.out().lines().count();
    assertThat(printed).isEqualTo(97);
    assertThat(r.err())
        .contains(printed + " messages printed (102 decoded: a type 24 part A is printed with");
    // without --json the same messages are printed, one line each, and counted alike
    Run lines = run(f.toString());
    assertThat(lines.out().lines().count()).isEqualTo(printed);
    assertThat(lines.err())
        .contains(printed + " messages printed (102 decoded: a type 24 part A is printed with");
  }

  @Test
  void anUnknownOptionIsAUsageErrorExitTwo() {
    assertThat(run("--bogus").exit()).isEqualTo(2);
  }
}
