package org.sekisho.passenger.pnr.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.sekisho.core.InputFiles;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.pnr.adapter.json.JsonText;
import org.sekisho.passenger.pnr.adapter.json.PnrJson;
import org.sekisho.passenger.pnr.domain.ApiMessage;
import org.sekisho.passenger.pnr.domain.ApiPush;
import org.sekisho.passenger.pnr.domain.Flight;
import org.sekisho.passenger.pnr.domain.PaxlstParser;
import org.sekisho.passenger.pnr.domain.Traveller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sekisho api}: advance passenger information (PAXLST EDIFACT). */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = "Advance passenger information: passenger and crew lists (PAXLST EDIFACT).",
    subcommands = {ApiCommand.Parse.class})
public final class ApiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  public ApiCommand() {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** {@code sekisho api parse FILE [--json]}. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description = {
        "Parse a PAXLST interchange (D:02B, D:05B, WCO/IATA/ICAO API guidelines v5).",
        "Exit 0 when usable (warnings included), 1 when rejected (reason printed), 2 on usage"
            + " errors (FILE not there, or a folder)."
      })
  public static final class Parse implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "PAXLST EDIFACT file")
    Path file;

    @Option(names = "--json", description = "Print JSON (docs/formats/pnr-api-json.md)")
    boolean json;

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
      Outcome<ApiPush> outcome;
      try {
        outcome = new PaxlstParser(Clock.systemUTC()).parse(MessageFiles.read(file));
      } catch (IOException | RuntimeException e) {
        outcome =
            Outcome.rejected("unreadable-file", file.toString(), "cannot read: " + e.getMessage());
      }
      switch (outcome) {
        case Outcome.Accepted<ApiPush> a -> {
          if (json) {
            out.println(JsonText.write(PnrJson.apiPush(file.toString(), a.value())));
          } else {
            summary(out, a.value());
          }
          out.flush();
          return 0;
        }
        case Outcome.Rejected<ApiPush> r -> {
          PnrCommand.report(out, json, "PAXLST", file.toString(), r.problems());
          return 1;
        }
      }
    }

    private static void summary(PrintWriter out, ApiPush push) {
      for (ApiMessage m : push.messages()) {
        out.printf(
            "PAXLST %s:%s message %s (%s): %d traveller(s)%n",
            m.version(),
            m.release(),
            m.reference(),
            m.documentType().equals("250") ? "crew list" : "passenger list",
            m.travellers().size());
        for (Flight f : m.flights()) {
          out.printf(
              "  flight %s %s-%s departs %s%n",
              f.designator(), f.origin(), f.destination(), f.departure());
        }
        for (Traveller t : m.travellers()) {
          out.printf(
              "  %s %s/%s %s born %s%n",
              t.role(), t.surname(), t.givenName(), t.nationality(), t.dateOfBirth());
        }
      }
      PnrCommand.warnings(out, push.warnings());
    }
  }
}
