package org.sekisho.passenger.pnr.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.sekisho.core.InputFiles;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.edifact.Warning;
import org.sekisho.passenger.pnr.adapter.json.JsonText;
import org.sekisho.passenger.pnr.adapter.json.PnrJson;
import org.sekisho.passenger.pnr.domain.Passenger;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrMessage;
import org.sekisho.passenger.pnr.domain.PnrPush;
import org.sekisho.passenger.pnr.domain.PnrgovParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sekisho pnr}: passenger name records (PNRGOV EDIFACT). */
@Command(
    name = "pnr",
    mixinStandardHelpOptions = true,
    description = "Passenger name records pushed by carriers (PNRGOV EDIFACT).",
    subcommands = {PnrCommand.Parse.class})
public final class PnrCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  public PnrCommand() {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** {@code sekisho pnr parse FILE [--json] [--raw]}. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description = {
        "Parse a PNRGOV interchange (11.1 and later) and print its records.",
        "Exit 0 when usable (warnings included), 1 when rejected (reason printed), 2 on usage"
            + " errors (FILE not there, or a folder)."
      })
  public static final class Parse implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "PNRGOV EDIFACT file")
    Path file;

    @Option(names = "--json", description = "Print JSON (docs/formats/pnr-api-json.md)")
    boolean json;

    @Option(names = "--raw", description = "With --json: include each record's raw segments")
    boolean raw;

    public Parse() {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      // a file that is not there is a wrong argument (exit 2), not a message refused (exit 1)
      InputFiles.unreadable(file)
          .ifPresent(
              why -> {
                throw new ParameterException(spec.commandLine(), "FILE: " + why);
              });
      Outcome<PnrPush> outcome;
      try {
        outcome = new PnrgovParser(Clock.systemUTC()).parse(MessageFiles.read(file));
      } catch (IOException | RuntimeException e) {
        outcome =
            Outcome.rejected("unreadable-file", file.toString(), "cannot read: " + e.getMessage());
      }
      switch (outcome) {
        case Outcome.Accepted<PnrPush> a -> {
          if (json) {
            out.println(JsonText.write(PnrJson.pnrPush(file.toString(), a.value(), raw)));
          } else {
            summary(out, a.value());
          }
          out.flush();
          return 0;
        }
        case Outcome.Rejected<PnrPush> r -> {
          report(out, json, "PNRGOV", file.toString(), r.problems());
          return 1;
        }
      }
    }

    private static void summary(PrintWriter out, PnrPush push) {
      for (PnrMessage m : push.messages()) {
        out.printf(
            "PNRGOV %s.%s message %s%s: %d record(s)%n",
            m.version(),
            m.release(),
            m.reference(),
            m.flight() == null
                ? ""
                : " for "
                    + m.flight().designator()
                    + " "
                    + m.flight().origin()
                    + "-"
                    + m.flight().destination()
                    + " "
                    + m.flight().departureDate(),
            m.pnrs().size());
        for (Pnr p : m.pnrs()) {
          out.printf(
              "  %s %s: %d passenger(s), %d flight(s), %d bag(s)%n",
              p.carrier(),
              p.recordLocator(),
              p.passengers().size(),
              p.itinerary().size(),
              p.bagCount());
          for (Passenger x : p.passengers()) {
            out.printf("    %s/%s%s%n", x.surname(), x.givenName(), x.infant() ? " (infant)" : "");
          }
        }
      }
      warnings(out, push.warnings());
    }
  }

  static void warnings(PrintWriter out, List<Warning> warnings) {
    if (!warnings.isEmpty()) {
      out.printf("%d warning(s):%n", warnings.size());
      warnings.forEach(w -> out.println("  " + w));
    }
  }

  static void report(
      PrintWriter out, boolean json, String format, String file, List<Problem> problems) {
    if (json) {
      out.println(JsonText.write(PnrJson.rejected(format, file, problems)));
    } else {
      out.println("rejected: " + file);
      problems.forEach(p -> out.println("  " + p));
    }
    out.flush();
  }
}
