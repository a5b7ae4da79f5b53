package org.sekisho.maritime.adapter.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.sekisho.core.InputFiles;
import org.sekisho.maritime.adapter.feed.NmeaReplay;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.application.TrackAisFeed;
import org.sekisho.maritime.domain.encounter.Encounter;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.maritime.domain.track.AisGap;
import org.sekisho.maritime.domain.track.Loitering;
import org.sekisho.maritime.domain.track.TrackEvents;
import org.sekisho.maritime.domain.track.VesselTracker;
import org.sekisho.maritime.domain.vessel.MidTable;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho ais replay FILE [--speed 60] [--to tcp://HOST:PORT]}: replays a recorded NMEA feed
 * at a chosen speed, either to a TCP listener (an AIS server or relay; a Sekisho server does not
 * listen on TCP: it connects out to such a server through {@code sekisho.ais.tcp}, so a file meant
 * for a Sekisho server is uploaded or sent to its UDP port instead) or straight into the tracking
 * pipeline, printing what the detectors find.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replay an NMEA file at a chosen speed, to TCP or into the detectors.")
public final class AisReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "NMEA file with tag-block (c:) times, or '-' for standard input")
  Path file;

  @Option(
      names = "--speed",
      defaultValue = "60",
      description =
          "feed seconds per wall second, above 0; 0 = as fast as possible; a negative speed is"
              + " refused (default: ${DEFAULT-VALUE})")
  double speed;

  @Option(
      names = "--to",
      description =
          "send to a TCP listener tcp://HOST:PORT (an AIS server or relay that a Sekisho server"
              + " connects to; a Sekisho server itself does not listen on TCP) instead of the"
              + " local detectors")
  String to;

  // read when FILE is '-'; asked for at the run, so a test or a launcher may set System.in first
  private final Supplier<InputStream> stdin;

  public AisReplayCommand() {
    this(() -> System.in);
  }

  /**
   * A command that reads {@code stdin} for FILE {@code -}, so that a feed recorded elsewhere can be
   * piped in ({@code zcat day.nmea.gz | sekisho ais replay -}).
   */
  public AisReplayCommand(Supplier<InputStream> stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // a bad value is refused as every command refuses one: one line, exit 2
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      // a negative speed would replay as fast as possible, as if 0 had been asked for
      throw new ParameterException(
          spec.commandLine(),
          "--speed: expected feed seconds per wall second, a number above 0 (or 0: as fast as"
              + " possible), got "
              + speed);
    }
    URI uri = null;
    if (to != null) {
      try {
        uri = URI.create(to);
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null
          || !"tcp".equals(uri.getScheme())
          || uri.getHost() == null
          || uri.getPort() <= 0) {
        throw new ParameterException(
            spec.commandLine(), "--to: expected tcp://HOST:PORT, got '" + to + "'");
      }
    }
    // worded as every command words a file it cannot read: one line, exit 2
    boolean standardInput = file.toString().equals("-");
    if (!standardInput) {
      InputFiles.unreadable(file)
          .ifPresent(
              why -> {
                throw new ParameterException(spec.commandLine(), "FILE: " + why);
              });
    }
    NmeaReplay replay = new NmeaReplay(speed, Thread::sleep);
    if (uri != null) {
      try (Socket s = new Socket();
          BufferedReader in = open(standardInput)) {
        s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        long n = replay.run(in, s.getOutputStream());
        out.printf("sent %d lines to %s%n", n, to);
      } catch (IOException e) {
        err.println("replay to " + to + " failed: " + e.getMessage());
        err.flush();
        return 1;
      }
      out.flush();
      return 0;
    }
    VesselTracker tracker =
        new VesselTracker(
            VesselTracker.Settings.standard().withPorts(GeoJsonPortAreas.standard()),
            MidTable.standard(),
            new Printer(out));
    PipedOutputStream pipe = new PipedOutputStream();
    PipedInputStream pin = new PipedInputStream(pipe, 1 << 20);
    AtomicReference<DecodeAisStream.Summary> summary = new AtomicReference<>();
    Thread consumer =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    summary.set(
                        new TrackAisFeed(tracker, Clock.systemUTC(), new Object()).run(pin));
                  } catch (IOException e) {
                    // reported below as a missing summary
                  }
                });
    try (BufferedReader in = open(standardInput);
        OutputStream o = pipe) {
      replay.run(in, o);
    }
    consumer.join();
    tracker.flush();
    DecodeAisStream.Summary s = summary.get();
    if (s == null) {
      err.println("the replay stopped before its end");
      err.flush();
      return 1;
    }
    out.printf(
        "%d lines, %d messages, %d broken, %d vessels%n",
        s.lines(), s.messages(), s.broken(), tracker.vesselCount());
    out.flush();
    return s.messages() == 0 ? 1 : 0;
  }

  /** The feed's lines, from standard input or FILE (NMEA is ASCII; Latin-1 keeps any byte). */
  private BufferedReader open(boolean standardInput) throws IOException {
    return standardInput
        ? new BufferedReader(new InputStreamReader(stdin.get(), StandardCharsets.ISO_8859_1))
        : Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
  }

  /** Prints each finding as one line. */
  private static final class Printer implements TrackEvents {
    private final PrintWriter out;

    Printer(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void encounter(Encounter e, VesselSnapshot a, VesselSnapshot b) {
      out.printf(
          Locale.ROOT,
          "encounter %s %s %s..%s %.4f %.4f %.3f km%n",
          a.mmsi(),
          b.mmsi(),
          e.start(),
          e.end(),
          e.meanLat(),
          e.meanLon(),
          e.medianDistanceKm());
    }

    @Override
    public void fishingMeeting(Encounter e, VesselSnapshot f, VesselSnapshot o) {
      // the meeting's one line, as an encounter's, fishing vessel first
      out.printf(
          Locale.ROOT,
          "fishing-meeting %s %s %s..%s %.4f %.4f %.3f km%n",
          f.mmsi(),
          o.mmsi(),
          e.start(),
          e.end(),
          e.meanLat(),
          e.meanLon(),
          e.medianDistanceKm());
    }

    @Override
    public void gap(AisGap g) {
      out.printf("gap %s %s %s%n", g.vesselId(), g.off().time(), g.open() ? "open" : g.on().time());
    }

    @Override
    public void loitering(Loitering l) {
      out.printf("loitering %s %s..%s%n", l.vesselId(), l.start(), l.end());
    }

    @Override
    public void portCall(PortCall c) {
      out.printf(
          "port-call %s %s %s %s%n",
          c.vessel().mmsi(), c.direction().code(), c.port().locode(), c.time());
    }
  }
}
