package org.sekisho.passenger.pnr.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sekisho.passenger.pnr.domain.PnrPush;
import org.sekisho.passenger.pnr.domain.PnrgovParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench pnr}: parsing speed of whole-flight PNRGOV pushes. By default a synthetic
 * push of one flight (250 bookings, 500 passengers, with DOCS, tickets, payments, two flights,
 * seats and bags each); {@code --file} parses a real file instead.
 */
@Command(
    name = "pnr",
    mixinStandardHelpOptions = true,
    description =
        "Measure PNRGOV parsing: one whole-flight push per iteration; prints p50/p99 and MB/s.")
public final class PnrBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "5", description = "Measuring time (default 5)")
  int seconds;

  @Option(
      names = "--passengers",
      defaultValue = "500",
      description = "Passengers in the synthetic push")
  int passengers;

  @Option(names = "--file", paramLabel = "FILE", description = "Parse this PNRGOV file instead")
  Path file;

  public PnrBenchCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    String text = file == null ? synthetic(passengers) : MessageFiles.read(file);
    PnrgovParser parser = new PnrgovParser(Clock.systemUTC());
    PnrPush check = parser.parse(text).orElseThrow();
    int records = check.pnrs().size();
    int people = check.pnrs().stream().mapToInt(p -> p.passengers().size()).sum();
    long warmupEnd = System.nanoTime() + 2_000_000_000L;
    while (System.nanoTime() < warmupEnd) {
      parser.parse(text);
    }
    long[] times = new long[1 << 16];
    int n = 0;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end && n < times.length) {
      long t0 = System.nanoTime();
      parser.parse(text);
      times[n++] = System.nanoTime() - t0;
    }
    long[] sorted = Arrays.copyOf(times, n);
    Arrays.sort(sorted);
    double total = Arrays.stream(sorted).sum() / 1e9;
    double mb = text.getBytes(StandardCharsets.UTF_8).length / 1e6;
    out.printf(
        Locale.ROOT,
        "pnr parse: %d bytes, %d records, %d passengers per push; %d pushes in %.1f s%n",
        text.length(),
        records,
        people,
        n,
        total);
    out.printf(
        Locale.ROOT,
        "  per push: p50 %.2f ms, p99 %.2f ms; %.1f MB/s; %.0f passengers/s%n",
        sorted[n / 2] / 1e6,
        sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6,
        mb * n / total,
        (double) people * n / total);
    out.flush();
    return 0;
  }

  /** A deterministic whole-flight push with {@code passengers} passengers, two per booking. */
  static String synthetic(int passengers) {
    StringBuilder b = new StringBuilder();
    b.append("UNA:+.?*'\nUNB+IATA:1+UA++260301:1120+1'\nUNH+1+PNRGOV:13:1:IA+1'\nMSG+:22'\n")
        .append("ORG+UA:FRA+55107'\nTVL+010326:1220:010326:1505+FRA+IAD+UA+988'\n")
        .append("EQN+")
        .append((passengers + 1) / 2)
        .append("'\n");
    for (int i = 0; i < passengers; i += 2) {
      String loc = String.format(Locale.ROOT, "B%05d", i);
      b.append("SRC'\nRCI+UA:")
          .append(loc)
          .append("::150226:0930'\nDAT+700:150226:0931'\n")
          .append("ORG+UA:FRA+12345678:FRA1A+++T+DE:EUR+A1B2'\n")
          .append("ADD++700:1 MAIN STREET:BERLIN:::DE:10115:49301234567'\n");
      for (int k = 0; k < 2 && i + k < passengers; k++) {
        int ref = k + 1;
        String name = "SURNAME" + (i + k);
        b.append("TIF+")
            .append(name)
            .append("+GIVEN")
            .append(k)
            .append("MR:A:")
            .append(ref)
            .append("'\n")
            .append("FTI+UA:")
            .append(100000 + i + k)
            .append("'\n")
            .append("IFT+4:28::UA+CTCE GIVEN..")
            .append(name)
            .append("//EXAMPLE.COM'\n")
            .append("SSR+DOCS:HK:1:UA:::::/P/DEU/C0")
            .append(1000000 + i + k)
            .append("/DEU/12MAR80/M/01JAN30/")
            .append(name)
            .append("/GIVEN")
            .append(k)
            .append("+::")
            .append(ref)
            .append("'\n")
            .append("TKT+016")
            .append(1000000000L + i + k)
            .append(":T:1'\nMON+B:400.00:EUR+T:480.00:EUR'\n")
            .append("DAT+710:150226'\nFOP+CC::480.00:VI:XXXXXXXXXXXX")
            .append(1000 + (i + k) % 9000)
            .append(":0129'\n");
      }
      for (String[] leg :
          new String[][] {
            {"MUC", "FRA", "0800", "0900", "1801"}, {"FRA", "IAD", "1220", "1505", "988"}
          }) {
        b.append("TVL+010326:")
            .append(leg[2])
            .append(":010326:")
            .append(leg[3])
            .append('+')
            .append(leg[0])
            .append('+')
            .append(leg[1])
            .append("+UA+")
            .append(leg[4])
            .append(":Y'\nRPI+2+HK'\nAPD+777'\n");
        for (int k = 0; k < 2 && i + k < passengers; k++) {
          b.append("TRI++")
              .append(i + k)
              .append(":::")
              .append(k + 1)
              .append("'\nTIF+SURNAME")
              .append(i + k)
              .append("+GIVEN")
              .append(k)
              .append("MR:A:")
              .append(k + 1)
              .append("'\nSSD+")
              .append(10 + (i / 6) % 40)
              .append((char) ('A' + (i + k) % 6))
              .append("++++Y'\n")
              .append("TBD++1:23:700+++UA:")
              .append(String.format(Locale.ROOT, "%06d", i + k))
              .append("::IAD'\n");
        }
      }
    }
    b.append("UNT+2+1'\nUNZ+1+1'\n");
    return b.toString();
  }
}
