package org.sekisho.maritime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.adapter.cli.AisDecodeCommand;
import org.sekisho.maritime.adapter.cli.AisReplayCommand;

/**
 * The sixth review's CLI findings: {@code ais decode} prints what it decoded without {@code
 * --json}, and every bad value of {@code ais decode} and {@code ais replay} is refused in the one
 * line every other command uses, exit 2.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AisCommandsBadInputTest {
  @TempDir Path dir;

  private AsSekishoRunsIt.Run decode(String... args) {
    return AsSekishoRunsIt.run(new AisDecodeCommand(), "decode", args);
  }

  private AsSekishoRunsIt.Run replay(String... args) {
    return AsSekishoRunsIt.run(new AisReplayCommand(), "replay", args);
  }

  @Test
  void decodeWithoutJsonPrintsEachMessageOnOneReadableLine() throws Exception {
    Path f = dir.resolve("sf.nmea");
    Files.writeString(
        f,
        "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C\n"
            + "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n");
    AsSekishoRunsIt.Run r = decode(f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(2);
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith("type=1 repeat=0 mmsi=366053209 ")
        .contains(" status_text=\"Restricted maneuverability\"")
        .containsPattern(" lat=37\\.80\\d* ")
        .containsPattern(" lon=-122\\.34\\d* ")
        .doesNotContain("{")
        .doesNotContain("\"class\"");
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).contains("mmsi=371798000");
    assertThat(r.err()).contains("2 lines, 2 messages printed, 0 broken sentences");
  }

  @Test
  void aFileThatCannotBeReadIsRefusedInOneLineWithExitTwo() throws Exception {
    // worded by core's InputFiles, as names, passenger and targeting word it
    AsSekishoRunsIt.Run r = decode("/nonexistent");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("sekisho: FILE: no such file /nonexistent (see 'sekisho ais decode --help')\n");
    assertThat(r.out()).isEmpty();
    AsSekishoRunsIt.Run d = decode(dir.toString());
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.err())
        .isEqualTo(
            "sekisho: FILE: "
                + dir
                + " is a folder, not a file (see 'sekisho ais decode --help')\n");
    AsSekishoRunsIt.Run p = replay(dir.resolve("nope.nmea").toString());
    assertThat(p.exit()).isEqualTo(2);
    assertThat(p.err())
        .isEqualTo(
            "sekisho: FILE: no such file "
                + dir.resolve("nope.nmea")
                + " (see 'sekisho ais replay --help')\n");
    AsSekishoRunsIt.Run f = replay(dir.toString());
    assertThat(f.exit()).isEqualTo(2);
    assertThat(f.err())
        .isEqualTo(
            "sekisho: FILE: "
                + dir
                + " is a folder, not a file (see 'sekisho ais replay --help')\n");
    assertThat(f.out()).isEmpty();
    // a path the file system cannot hold is the same kind of wrong argument
    AsSekishoRunsIt.Run bad = decode("bad\u0000name.nmea");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .startsWith("sekisho: FILE: bad\u0000name.nmea is not a valid path (")
        .endsWith(" (see 'sekisho ais decode --help')\n");
  }

  @Test
  void aDashReadsStandardInputAndAnEmptyOneIsSaidToBeEmpty() {
    AsSekishoRunsIt.Run r =
        AsSekishoRunsIt.run(
            new AisDecodeCommand(
                () ->
                    new ByteArrayInputStream(
                        "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n"
                            .getBytes(StandardCharsets.US_ASCII))),
            "decode",
            "-");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).singleElement().asString().contains("mmsi=371798000");
    AsSekishoRunsIt.Run e =
        AsSekishoRunsIt.run(
            new AisDecodeCommand(() -> new ByteArrayInputStream(new byte[0])), "decode", "-");
    assertThat(e.exit()).isEqualTo(1);
    assertThat(e.err())
        .endsWith("no AIS message could be decoded from standard input: it is empty\n");
  }

  @Test
  void aNegativeMaxErrorsIsRefusedNamingTheOption() throws Exception {
    Path f = dir.resolve("one.nmea");
    Files.writeString(f, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n");
    AsSekishoRunsIt.Run r = decode("--max-errors=-3", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "sekisho: --max-errors: expected how many broken sentences to list, 0 or more, got"
                + " -3 (see 'sekisho ais decode --help')\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void replaysBadSpeedAndTargetAreRefusedInOneLineWithExitTwo() throws Exception {
    Path f = dir.resolve("one.nmea");
    Files.writeString(f, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n");
    AsSekishoRunsIt.Run s = replay("--speed=-1", f.toString());
    assertThat(s.exit()).isEqualTo(2);
    assertThat(s.err())
        .isEqualTo(
            "sekisho: --speed: expected feed seconds per wall second, a number above 0 (or 0: as"
                + " fast as possible), got -1.0 (see 'sekisho ais replay --help')\n");
    AsSekishoRunsIt.Run t = replay("--to=http://x:1", "f");
    assertThat(t.exit()).isEqualTo(2);
    assertThat(t.err())
        .isEqualTo(
            "sekisho: --to: expected tcp://HOST:PORT, got 'http://x:1' (see 'sekisho ais replay"
                + " --help')\n");
    assertThat(t.out()).isEmpty();
  }
}
