package org.sekisho.app.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.sekisho.app.Sekisho;
import org.sekisho.core.Outcome;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestReport;
import org.sekisho.intel.domain.RecordKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Load a file of records into the intelligence database (idempotent by source id).",
      "KIND: declarations, transport-documents, conveyance-movements, postal-items, seizures.",
      "Formats are described in docs/formats/intel-records.md."
    })
final class IngestCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Parameters(index = "0", paramLabel = "KIND", description = "kind of record")
  String kind;

  @Parameters(index = "1", paramLabel = "FILE", description = "input file")
  Path file;

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "json, csv or kcs (default ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--agency",
      description =
          "owning agency of the records, a registered one (default: the administration,"
              + " SEKISHO_AGENCY or customs-jp)")
  String agency;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RecordKind k =
        RecordKind.ofPlural(kind)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown kind '"
                            + kind
                            + "': expected declarations, transport-documents, conveyance-movements, postal-items or seizures"));
    if (!Files.isReadable(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file);
    }
    String owner = agency == null ? Sekisho.agency() : agency.strip();
    try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC());
        InputStream in = Files.newInputStream(file)) {
      // a typo (polce-jp) would make the records another agency's, readable by whoever is later
      // registered under that code: refused as a row naming an unknown agency is
      AgencyCommand.requireRegistered(s, owner, spec.commandLine());
      Outcome<IngestReport> o =
          s.ingest()
              .ingest(
                  k,
                  format,
                  file.toAbsolutePath().toString(),
                  in,
                  new Actor("system:cli", owner, true),
                  new ProgressLines(
                      spec.commandLine().getErr(),
                      k.plural(),
                      System::nanoTime,
                      TimeUnit.SECONDS.toNanos(5)));
      PrintWriter out = spec.commandLine().getOut();
      return switch (o) {
        case Outcome.Rejected<IngestReport> r -> {
          throw new CommandLine.ParameterException(
              spec.commandLine(), r.problems().get(0).message());
        }
        case Outcome.Accepted<IngestReport> a -> {
          print(out, a.value(), json ? s : null);
          // a script learns from the status alone whether anything of the file was left out
          yield complete(a.value()) ? 0 : 1;
        }
      };
    }
  }

  /**
   * Whether every row of the input is now stored (new or already present): no row rejected, none
   * conflicting with a stored version, and the input held rows at all.
   */
  static boolean complete(IngestReport r) {
    return r.rejected() == 0 && r.conflicts() == 0 && r.rowsRead() > 0;
  }

  static void print(PrintWriter out, IngestReport r, Sekisho jsonWith) throws Exception {
    if (jsonWith != null) {
      out.println(jsonWith.json().writeValueAsString(r));
      return;
    }
    out.printf(
        "%s: %d rows read, %d stored, %d already present, %d conflicting with the stored version"
            + " (not stored), %d rejected (%d ms, run %d)%n",
        r.kind(),
        r.rowsRead(),
        r.stored(),
        r.duplicates(),
        r.conflicts(),
        r.rejected(),
        r.millis(),
        r.run());
    out.println("raw input archived as " + r.archive());
    int shown = 0;
    for (IngestReport.RowProblem p : r.problems()) {
      if (shown++ == 50) {
        out.println("… " + (r.problems().size() - 50) + " more problems listed with --json");
        break;
      }
      out.printf(
          "  row %d%s: %s: %s%n",
          p.row(),
          p.sourceId().isEmpty() ? "" : " (" + p.sourceId() + ")",
          p.problem().field(),
          p.problem().message());
    }
    out.flush();
  }
}
