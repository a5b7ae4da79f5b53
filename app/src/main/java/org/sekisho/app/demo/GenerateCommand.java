package org.sekisho.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho generate}: writes a realistic demo day of intelligence records (JSON Lines) and
 * {@code networks.json} into a directory. Exit 0 when written, 1 when the directory cannot be
 * written, 2 for bad option values.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Writes a realistic day of declarations, transport documents, conveyance movements, postal"
            + " items and seizures (JSON Lines, docs/formats/intel-records.md) with planted"
            + " networks described in networks.json. The same seed, date and scale give"
            + " byte-identical files.")
public final class GenerateCommand implements Callable<Integer> {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** Above this, container serial numbers would start to repeat within a day. */
  static final double MAX_SCALE = 200;

  private final Clock clock;

  @Spec CommandSpec spec;

  @Option(
      names = "--seed",
      description = "random seed (default ${DEFAULT-VALUE})",
      defaultValue = "1")
  long seed;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "day of the records, Japan time (default: today in Asia/Tokyo)")
  String date;

  @Option(
      names = "--until",
      paramLabel = "HH:MM",
      description =
          "end the records' 24 hours at this time of --date, Japan time: records later in the"
              + " day fall on the day before, so none is in the future (default: the whole day)")
  String until;

  @Option(
      names = "--scale",
      description =
          "1.0 is about 3,000 declarations and 4,000 postal items (default ${DEFAULT-VALUE})",
      defaultValue = "1.0")
  double scale;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output directory (default ${DEFAULT-VALUE})",
      defaultValue = "./demo-data")
  Path out;

  /** Uses the system clock for the default date. */
  public GenerateCommand() {
    this(Clock.systemUTC());
  }

  /** Uses {@code clock} for the default date (today in Asia/Tokyo). */
  public GenerateCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    LocalDate day = day();
    LocalTime end = until();
    if (!(scale > 0) || Double.isInfinite(scale) || scale > MAX_SCALE) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--scale': expected a number above 0 and at most "
              + MAX_SCALE
              + ", got "
              + scale);
    }
    PrintWriter o = spec.commandLine().getOut();
    DemoDataGenerator.Summary s;
    try {
      s = new DemoDataGenerator(seed, day, scale, end).generate(out);
    } catch (IOException | RuntimeException e) {
      spec.commandLine()
          .getErr()
          .println("cannot write demo data to " + out + ": " + e.getMessage());
      return 1;
    }
    o.printf(
        "demo data for %s (seed %d, scale %s) in %s%n",
        end == null ? day : "the 24 hours before " + day + " " + end + " JST", seed, scale, out);
    int total = 0;
    for (String file : DemoDataGenerator.FILES) {
      Integer n = s.counts().get(file);
      o.printf("  %-28s %8d%n", file, n);
      total += n;
    }
    o.printf("  %-28s %8d%n", "total", total);
    o.printf("  %-28s %8s%n", "networks.json", "planted networks");
    o.flush();
    return 0;
  }

  private LocalTime until() {
    if (until == null) {
      return null;
    }
    try {
      return LocalTime.parse(until.strip());
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--until': expected a time of day such as 09:30, got '"
              + until
              + "'");
    }
  }

  private LocalDate day() {
    if (date == null) {
      return LocalDate.now(clock.withZone(TOKYO));
    }
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--date': expected an ISO date such as 2026-11-27, got '"
              + date
              + "'");
    }
  }
}
