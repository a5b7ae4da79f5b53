package org.sekisho.maritime.adapter.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.sekisho.maritime.adapter.json.GpsdJsonWriter;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.domain.ais.AisEncoder;
import org.sekisho.maritime.domain.ais.AisMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench ais}: decodes a file of at least a million NMEA sentences with our decoder
 * (all fields, no output; then again writing gpsd JSON to nowhere) and, in the same run, with
 * gpsd's {@code gpsdecode -j} on the same file when it is installed. Prints messages per second for
 * each and the ratio.
 */
@Command(
    name = "ais",
    mixinStandardHelpOptions = true,
    description = "Benchmark AIS decoding against gpsdecode on the same file.")
public final class AisBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      description = "NMEA file to replicate up to --sentences (default: a generated mix)")
  Path input;

  @Option(
      names = "--sentences",
      defaultValue = "1000000",
      description = "minimum sentences in the benchmark file (default: ${DEFAULT-VALUE})")
  int sentences;

  @Option(names = "--keep", description = "keep the benchmark file and print its path")
  boolean keep;

  public AisBenchCommand() {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path file = Files.createTempFile("sekisho-ais-bench", ".nmea");
    try {
      long written = input == null ? generate(file, sentences) : replicate(input, file, sentences);
      out.printf("file: %s, %d sentences, %d MB%n", file, written, Files.size(file) >> 20);
      out.flush();
      // warm-up, then the measured runs
      decode(file, false);
      Result plain = decode(file, false);
      Result json = decode(file, true);
      print(out, "sekisho decode (all fields, no output)", plain.messages, plain.nanos);
      print(out, "sekisho decode + gpsd JSON to /dev/null", json.messages, json.nanos);
      long gpsd = gpsdecode(file);
      if (gpsd < 0) {
        out.println("gpsdecode: not installed (apt-get install gpsd-clients); no baseline run");
      } else {
        print(out, "gpsdecode -j > /dev/null (same file)", plain.messages, gpsd);
        out.printf(
            "ratio sekisho/gpsdecode: %.2fx (decode only), %.2fx (with JSON)%n",
            (double) gpsd / plain.nanos, (double) gpsd / json.nanos);
      }
      out.flush();
      return 0;
    } finally {
      if (keep) {
        out.println("kept " + file);
        out.flush();
      } else {
        Files.deleteIfExists(file);
      }
    }
  }

  record Result(long messages, long nanos) {}

  private static Result decode(Path file, boolean json) throws IOException {
    GpsdJsonWriter writer = new GpsdJsonWriter("stdin");
    StringBuilder sb = new StringBuilder(1 << 16);
    long[] sink = {0};
    long t0 = System.nanoTime();
    DecodeAisStream.Summary s;
    try (InputStream in = Files.newInputStream(file)) {
      s =
          new DecodeAisStream(0)
              .run(
                  in,
                  (m, c, t) -> {
                    if (json) {
                      writer.write(m, sb);
                      if (sb.length() > 60000) {
                        sink[0] += sb.length();
                        sb.setLength(0);
                      }
                    } else {
                      sink[0] += m.mmsi();
                    }
                  });
    }
    long nanos = System.nanoTime() - t0;
    if (sink[0] == 42) {
      System.err.print("");
    }
    return new Result(s.messages(), nanos);
  }

  private static long gpsdecode(Path file) throws InterruptedException {
    try {
      ProcessBuilder pb =
          new ProcessBuilder("gpsdecode", "-j")
              .redirectInput(file.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      long t0 = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return -1;
      }
      return System.nanoTime() - t0;
    } catch (IOException e) {
      return -1;
    }
  }

  private static void print(PrintWriter out, String what, long messages, long nanos) {
    out.printf(
        "%-42s %,10d messages in %6.3f s = %,12.0f messages/s%n",
        what, messages, nanos / 1e9, messages / (nanos / 1e9));
  }

  private static long replicate(Path input, Path file, int min) throws IOException {
    List<String> lines = Files.readAllLines(input, StandardCharsets.ISO_8859_1);
    long n = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      while (n < min) {
        for (String l : lines) {
          w.write(l);
          w.write('\n');
          n++;
        }
        if (lines.isEmpty()) {
          break;
        }
      }
    }
    return n;
  }

  /** A deterministic mix like a coastal receiver's: mostly position reports, some static data. */
  private static long generate(Path file, int min) throws IOException {
    SplittableRandom r = new SplittableRandom(20240601L);
    AisEncoder enc = new AisEncoder();
    long n = 0;
    int seq = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      while (n < min) {
        int mmsi = 200_000_000 + r.nextInt(500_000_000);
        int lon = r.nextInt(-108_000_000, 108_000_000);
        int lat = r.nextInt(-54_000_000, 54_000_000);
        int pick = r.nextInt(100);
        AisMessage m;
        if (pick < 70) {
          m =
              new AisMessage.PositionReport(
                  1 + r.nextInt(3),
                  0,
                  mmsi,
                  r.nextInt(9),
                  r.nextInt(-127, 128),
                  r.nextInt(300),
                  r.nextBoolean(),
                  lon,
                  lat,
                  r.nextInt(3600),
                  r.nextInt(360),
                  r.nextInt(60),
                  0,
                  0,
                  false,
                  r.nextInt(1 << 19));
        } else if (pick < 82) {
          m =
              new AisMessage.ClassBPosition(
                  0,
                  mmsi,
                  0,
                  r.nextInt(300),
                  false,
                  lon,
                  lat,
                  r.nextInt(3600),
                  511,
                  r.nextInt(60),
                  0,
                  true,
                  false,
                  true,
                  true,
                  true,
                  false,
                  false,
                  917510);
        } else if (pick < 90) {
          m =
              new AisMessage.StaticVoyageData(
                  0,
                  mmsi,
                  1,
                  9_000_000 + r.nextInt(999_999),
                  "CALL" + r.nextInt(100),
                  "VESSEL " + r.nextInt(100000),
                  70 + r.nextInt(20),
                  100,
                  50,
                  10,
                  12,
                  1,
                  6,
                  15,
                  14,
                  30,
                  120,
                  "PORT " + r.nextInt(1000),
                  0,
                  0);
        } else if (pick < 95) {
          m =
              new AisMessage.BaseStationReport(
                  4,
                  0,
                  2_000_000 + r.nextInt(100_000),
                  2024,
                  6,
                  1,
                  12,
                  30,
                  15,
                  true,
                  lon,
                  lat,
                  7,
                  0,
                  false,
                  67039);
        } else {
          m = new AisMessage.StaticDataReportA(0, mmsi, "CRAFT " + r.nextInt(1000));
        }
        for (String s : enc.sentences(m, r.nextBoolean() ? 'A' : 'B', seq, false)) {
          w.write(s);
          w.write('\n');
          n++;
        }
        seq = (seq + 1) % 10;
      }
    }
    return n;
  }
}
