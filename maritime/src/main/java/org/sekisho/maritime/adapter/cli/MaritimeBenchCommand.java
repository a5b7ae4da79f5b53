package org.sekisho.maritime.adapter.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLongArray;
import org.sekisho.maritime.adapter.MaritimeContext;
import org.sekisho.maritime.adapter.db.JdbiMaritimeRecords;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.application.ConveyanceMovements;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.application.MaritimeService;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.application.TrackAisFeed;
import org.sekisho.maritime.domain.encounter.Encounter;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.maritime.domain.track.AisGap;
import org.sekisho.maritime.domain.track.GapDetector;
import org.sekisho.maritime.domain.track.Loitering;
import org.sekisho.maritime.domain.track.TrackEvents;
import org.sekisho.maritime.domain.track.VesselTracker;
import org.sekisho.maritime.domain.vessel.MidTable;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.DatabaseConfig;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.db.ScratchDirectory;
import org.sekisho.platform.db.ServerCpu;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench maritime}: ingest throughput of decode + vessel tracking + every detector
 * (encounters, gaps, loitering, port calls) on a generated feed of at least a million sentences
 * with tag-block times, and, as the baseline in the same run, decode alone on the same file.
 */
@Command(
    name = "maritime",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark AIS ingest: decode + tracking + encounter/gap/loitering/port detectors.")
public final class MaritimeBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--sentences",
      defaultValue = "1000000",
      description = "minimum sentences in the generated feed (default: ${DEFAULT-VALUE})")
  int sentences;

  @Option(
      names = "--vessels",
      defaultValue = "2000",
      description = "vessels in the generated feed (default: ${DEFAULT-VALUE})")
  int vessels;

  @Option(names = "--input", description = "an NMEA file to use instead of a generated feed")
  Path input;

  @Option(
      names = "--db",
      description =
          "also run the server's full ingest into a throw-away embedded PostgreSQL: detectors,"
              + " positions thinned as the server does (one per vessel per 10 s) by COPY into day"
              + " partitions, vessels, alerts; then every report stored")
  boolean db;

  public MaritimeBenchCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path file = input;
    boolean generated = input == null;
    if (generated) {
      file = Files.createTempFile("sekisho-maritime-bench", ".nmea");
      // about 1.1 sentences per report: size the duration to reach the sentence count
      long reports = (long) Math.ceil(sentences / 1.05);
      long steps = Math.max(1, reports / vessels);
      Duration every = Duration.ofSeconds(20);
      SyntheticAisFeed feed =
          new SyntheticAisFeed(
              vessels,
              Instant.parse("2024-05-01T00:00:00Z"),
              every.multipliedBy(steps),
              every,
              Math.max(1, vessels / 100),
              42L,
              new double[] {33.0, 36.0, 135.0, 141.0},
              new double[] {35.62, 139.79});
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
        long n = feed.write(w);
        out.printf("generated %,d sentences from %,d vessels into %s%n", n, vessels, file);
      }
    }
    out.flush();
    try {
      // warm-up on both paths, then measured runs
      decodeOnly(file);
      track(file, null);
      long[] d = decodeOnly(file);
      AtomicLongArray counts = new AtomicLongArray(5);
      long[] t = track(file, counts);
      print(out, "decode only (baseline)", d[0], d[1]);
      print(out, "decode + track + detectors", t[0], t[1]);
      out.printf(
          "detectors found: %d encounters, %d fishing meetings, %d gaps, %d loitering, %d port"
              + " calls; %d vessels%n",
          counts.get(0), counts.get(1), counts.get(2), counts.get(3), counts.get(4), t[2]);
      out.printf(
          "tracking cost: %.0f ns per message on top of decoding%n", (t[1] - d[1]) / (double) t[0]);
      out.flush();
      if (db) {
        // the server's configuration first (MaritimeContext: detectors on, positions thinned to
        // one per vessel per STORE_EVERY), then every report stored, for comparison
        // warm-up on a fifth of the file (JIT of the storage path, PostgreSQL start)
        stored(file, MaritimeContext.STORE_EVERY, Files.size(file) / 5);
        for (Duration every : List.of(MaritimeContext.STORE_EVERY, Duration.ZERO)) {
          long[] s = stored(file, every, Long.MAX_VALUE);
          print(
              out,
              every.isZero() ? "+ PostgreSQL, every report" : "+ PostgreSQL, server config",
              s[0],
              s[1]);
          out.printf(
              "  CPU: JVM %.1f s + PostgreSQL %.1f s = %,.0f messages per CPU-second (machine load"
                  + " average %.1f on %d cores)%n",
              s[5] / 1e9,
              s[6] / 1e9,
              s[0] / ((s[5] + s[6]) / 1e9),
              java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                  .getSystemLoadAverage(),
              Runtime.getRuntime().availableProcessors());
          out.printf(
              "  %s: detectors on, %,d positions stored by binary COPY into day partitions"
                  + " (btree (mmsi, time) + BRIN (time)), %,d vessel rows, %,d alerts; target"
                  + " >= 50,000 msg/s%n",
              every.isZero()
                  ? "every report stored"
                  : "one position per vessel per " + every.toSeconds() + " s",
              s[2],
              s[3],
              s[4]);
          out.flush();
        }
      }
      return 0;
    } finally {
      if (generated) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static long[] decodeOnly(Path file) throws IOException {
    long[] sink = {0};
    long t0 = System.nanoTime();
    DecodeAisStream.Summary s;
    try (InputStream in = Files.newInputStream(file)) {
      s = new DecodeAisStream(0).run(in, (m, c, ts) -> sink[0] += m.mmsi());
    }
    long nanos = System.nanoTime() - t0;
    return new long[] {s.messages(), nanos, sink[0]};
  }

  private static long[] track(Path file, AtomicLongArray counts) throws IOException {
    TrackEvents events =
        counts == null
            ? TrackEvents.NONE
            : new TrackEvents() {
              @Override
              public void encounter(Encounter e, VesselSnapshot a, VesselSnapshot b) {
                counts.incrementAndGet(0);
              }

              @Override
              public void fishingMeeting(Encounter e, VesselSnapshot f, VesselSnapshot o) {
                counts.incrementAndGet(1);
              }

              @Override
              public void gap(AisGap gap) {
                counts.incrementAndGet(2);
              }

              @Override
              public void loitering(Loitering l) {
                counts.incrementAndGet(3);
              }

              @Override
              public void portCall(PortCall call) {
                counts.incrementAndGet(4);
              }
            };
    VesselTracker tracker =
        new VesselTracker(
            VesselTracker.Settings.standard()
                .withPorts(GeoJsonPortAreas.standard())
                .withGaps(GapDetector.GapThreshold.everywhere(Duration.ofMinutes(30))),
            MidTable.standard(),
            events);
    long t0 = System.nanoTime();
    DecodeAisStream.Summary s;
    try (InputStream in = Files.newInputStream(file)) {
      s = new TrackAisFeed(tracker, Clock.systemUTC(), new Object()).run(in);
    }
    tracker.flush();
    long nanos = System.nanoTime() - t0;
    return new long[] {s.messages(), nanos, tracker.vesselCount()};
  }

  /** CPU time of this JVM so far (nanoseconds). */
  private static long jvmCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static long[] stored(Path file, Duration storeEvery, long maxBytes) throws IOException {
    try (ScratchDirectory scratch = ScratchDirectory.create("sekisho-maritime-bench-db");
        Database database = Database.open(DatabaseConfig.embedded(scratch.path()))) {
      Path dir = scratch.path();
      database.migrate(List.of(Migrations.of("maritime")));
      JdbiMaritimeRecords records = new JdbiMaritimeRecords(database.jdbi());
      MaritimeService service =
          MaritimeContext.service(
              records,
              ConveyanceMovements.NONE,
              Clock.systemUTC(),
              VesselTracker.Settings.standardOutside(GeoJsonPortAreas.standard()),
              storeEvery);
      long cpu0 = jvmCpuNanos();
      long child0 = ServerCpu.embeddedNanos(dir);
      long t0 = System.nanoTime();
      DecodeAisStream.Summary s;
      try (InputStream in = limited(Files.newInputStream(file), maxBytes)) {
        s = service.ingest(in);
      }
      service.endOfInput();
      long nanos = System.nanoTime() - t0;
      long cpu = jvmCpuNanos() - cpu0;
      long child = ServerCpu.embeddedNanos(dir) - child0;
      long[] rows =
          database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select (select count(*) from maritime.position), (select count(*)"
                                  + " from maritime.vessel), (select count(*) from"
                                  + " maritime.alert)")
                          .map(
                              (rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                          .one());
      return new long[] {s.messages(), nanos, rows[0], rows[1], rows[2], cpu, child};
    }
  }

  /** The first {@code max} bytes of a stream (a broken last line is counted as broken). */
  private static InputStream limited(InputStream in, long max) {
    return new java.io.FilterInputStream(in) {
      private long left = max;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        left -= b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = super.read(buf, off, (int) Math.min(len, left));
        left -= Math.max(0, n);
        return n;
      }
    };
  }

  private static void print(PrintWriter out, String what, long messages, long nanos) {
    out.printf(
        "%-30s %,10d messages in %6.3f s = %,12.0f messages/s%n",
        what, messages, nanos / 1e9, messages / (nanos / 1e9));
  }
}
