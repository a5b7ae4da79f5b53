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
import org.sekisho.maritime.adapter.db.JdbiMaritimeRecords;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.application.ConveyanceMovements;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.application.MaritimeService;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.application.TrackAisFeed;
import org.sekisho.maritime.domain.encounter.Encounter;
import org.sekisho.maritime.domain.patrol.DarkVesselCheck;
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
          "also run the full ingest into a throw-away embedded PostgreSQL (positions by COPY into"
              + " day partitions, vessels, alerts)")
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
        for (Duration every : List.of(Duration.ZERO, Duration.ofSeconds(30))) {
          long[] s = stored(file, every);
          print(
              out,
              "+ PostgreSQL, store "
                  + (every.isZero() ? "every report" : "every " + every.toSeconds() + " s"),
              s[0],
              s[1]);
          out.printf("  stored %,d positions%n", s[2]);
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

  private static long[] stored(Path file, Duration storeEvery) throws IOException {
    Path dir = Files.createTempDirectory("sekisho-maritime-bench-db");
    try (Database database = Database.open(DatabaseConfig.embedded(dir))) {
      database.migrate(List.of(Migrations.of("maritime")));
      JdbiMaritimeRecords records = new JdbiMaritimeRecords(database.jdbi());
      MaritimeService service =
          new MaritimeService(
              records,
              ConveyanceMovements.NONE,
              Clock.systemUTC(),
              VesselTracker.Settings.standardOutside(GeoJsonPortAreas.standard()),
              new DarkVesselCheck(1.0, Duration.ofMinutes(15)),
              storeEvery);
      long t0 = System.nanoTime();
      DecodeAisStream.Summary s;
      try (InputStream in = Files.newInputStream(file)) {
        s = service.ingest(in);
      }
      service.endOfInput();
      long nanos = System.nanoTime() - t0;
      long rows =
          database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from maritime.position")
                          .mapTo(Long.class)
                          .one());
      return new long[] {s.messages(), nanos, rows};
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void print(PrintWriter out, String what, long messages, long nanos) {
    out.printf(
        "%-30s %,10d messages in %6.3f s = %,12.0f messages/s%n",
        what, messages, nanos / 1e9, messages / (nanos / 1e9));
  }
}
