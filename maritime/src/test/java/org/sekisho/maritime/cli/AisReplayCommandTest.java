package org.sekisho.maritime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.adapter.cli.AisReplayCommand;
import org.sekisho.maritime.application.SyntheticAisFeed;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AisReplayCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    AsSekishoRunsIt.Run r = AsSekishoRunsIt.run(new AisReplayCommand(), "replay", args);
    return new Run(r.exit(), r.out(), r.err());
  }

  static Path demo(Path dir) throws Exception {
    Path f = dir.resolve("demo.nmea");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.ISO_8859_1)) {
      SyntheticAisFeed.demo().write(w);
    }
    return f;
  }

  @Test
  void replayingIntoTheDetectorsPrintsTheEncounterAndThePortCall(@TempDir Path dir)
      throws Exception {
    Run r = run(demo(dir).toString(), "--speed", "0");
    assertThat(r.exit()).as(r.err()).isZero();
    // the fishing vessel's meeting is one line, as a fishing meeting with its place and distance
    assertThat(r.out())
        .doesNotContain("encounter 431100000")
        .containsPattern(
            "fishing-meeting 431100000 432100001 2024-05-01T\\S+\\.\\.\\S+ [0-9.]+ [0-9.]+ 0\\.\\d{3} km")
        .containsPattern("port-call 563100005 arrival JPTYO 2024-05-01T0[01]:")
        .contains("0 broken, 6 vessels");
  }

  @Test
  void aDashReplaysStandardInputAsAFileWouldBe(@TempDir Path dir) throws Exception {
    byte[] feed = Files.readAllBytes(demo(dir));
    AsSekishoRunsIt.Run piped =
        AsSekishoRunsIt.run(
            new AisReplayCommand(() -> new java.io.ByteArrayInputStream(feed)),
            "replay",
            "-",
            "--speed",
            "0");
    assertThat(piped.exit()).as(piped.err()).isZero();
    assertThat(piped.out()).isEqualTo(run(demo(dir).toString(), "--speed", "0").out());
    assertThat(piped.out()).contains("0 broken, 6 vessels");
    // nothing on standard input: nothing to replay, said as for an empty file
    AsSekishoRunsIt.Run empty =
        AsSekishoRunsIt.run(
            new AisReplayCommand(() -> new java.io.ByteArrayInputStream(new byte[0])),
            "replay",
            "-",
            "--speed",
            "0");
    assertThat(empty.exit()).isEqualTo(1);
    assertThat(empty.out()).contains("0 lines, 0 messages");
  }

  @Test
  void aNegativeSpeedOrAMissingFileIsRefusedWithExitTwo(@TempDir Path dir) throws Exception {
    Path f = demo(dir);
    for (String bad : new String[] {"-5", "NaN", "Infinity"}) {
      Run r = run(f.toString(), "--speed", bad);
      assertThat(r.exit()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).startsWith("sekisho: --speed: expected").contains("above 0");
      assertThat(r.out()).as(bad).isEmpty();
    }
    Path missing = dir.resolve("nope.nmea");
    Run r = run(missing.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("sekisho: FILE: no such file " + missing + " (see 'sekisho ais replay --help')");
  }

  @Test
  void replayingToATcpListenerSendsEveryLineAtTheChosenSpeed(@TempDir Path dir) throws Exception {
    Path f = demo(dir);
    long lines = Files.lines(f, StandardCharsets.ISO_8859_1).count();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Long> received =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket s = server.accept();
                    BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(
                                s.getInputStream(), StandardCharsets.ISO_8859_1))) {
                  return in.lines().count();
                } catch (Exception e) {
                  return -1L;
                }
              });
      // four hours of traffic at 7200x: about two seconds
      long t0 = System.nanoTime();
      Run r =
          run(f.toString(), "--speed", "7200", "--to", "tcp://127.0.0.1:" + server.getLocalPort());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(received.get(20, TimeUnit.SECONDS)).isEqualTo(lines);
      assertThat(ms).isGreaterThanOrEqualTo(1500);
    }
  }

  @Test
  void badArgumentsAreUsageErrorsAndAMissingFileIsRejected(@TempDir Path dir) throws Exception {
    assertThat(run(demo(dir).toString(), "--to", "udp://x:1").exit()).isEqualTo(2);
    Run missing = run(dir.resolve("none.nmea").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo(
            "sekisho: FILE: no such file "
                + dir.resolve("none.nmea")
                + " (see 'sekisho ais replay --help')\n");
    assertThat(run().exit()).isEqualTo(2);
  }
}
