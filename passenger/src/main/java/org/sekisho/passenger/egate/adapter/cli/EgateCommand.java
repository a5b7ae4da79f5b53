package org.sekisho.passenger.egate.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.adapter.chip.SpecimenPassports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sekisho egate}: e-Gate tools for the operator. */
@Command(
    name = "egate",
    mixinStandardHelpOptions = true,
    description = "e-Gate tools.",
    subcommands = {EgateCommand.Specimen.class})
public final class EgateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  public EgateCommand() {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /**
   * {@code sekisho egate specimen --data-dir D [--out DIR]}: a specimen CSCA and specimen passports
   * for a test installation ({@link SpecimenPassports}). Exit 0 when written, 1 when refused.
   */
  @Command(
      name = "specimen",
      mixinStandardHelpOptions = true,
      description = {
        "SPECIMEN, NOT FOR PRODUCTION: for a test installation or the demo only.",
        "Creates a new specimen CSCA (Utopia, UTO), writes it as PEM into <data-dir>/egate/csca/ so the gate",
        "trusts it, and writes specimen passports (MRZ lines, chip files in the kiosk's JSON format,",
        "portrait) with a README into --out. Refused when csca/ already holds non-specimen certificates.",
        "Restart the server afterwards: the gate reads csca/ when it starts."
      })
  public static final class Specimen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--data-dir",
        required = true,
        paramLabel = "DIR",
        description = "the test installation's data directory")
    Path dataDir;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "where the specimen passports go (default <data-dir>/egate/specimen)")
    Path out;

    Clock clock = Clock.systemUTC();

    public Specimen() {}

    @Override
    public Integer call() throws IOException {
      PrintWriter w = spec.commandLine().getOut();
      Path dir = dataDir.toAbsolutePath();
      Path target = out != null ? out.toAbsolutePath() : dir.resolve("egate").resolve("specimen");
      Outcome<SpecimenPassports.Written> written = new SpecimenPassports(clock).write(dir, target);
      switch (written) {
        case Outcome.Accepted<SpecimenPassports.Written> a -> {
          SpecimenPassports.Written k = a.value();
          w.println("SPECIMEN, NOT FOR PRODUCTION: e-Gate specimen CSCA and passports");
          w.println("  CSCA (trusted by the gate after a restart): " + k.csca());
          w.println("  passports, chip files and portraits:        " + k.out());
          for (SpecimenPassports.Traveller t : k.travellers()) {
            w.printf(
                "    %-12s %s %s, born %s, passport %s%n",
                t.file(), t.surname(), t.givenNames(), t.birthDate(), t.number());
          }
          w.println("  what each file is for: " + k.readme());
        }
        case Outcome.Rejected<SpecimenPassports.Written> r ->
            r.problems().forEach(p -> spec.commandLine().getErr().println("error: " + p.message()));
      }
      w.flush();
      spec.commandLine().getErr().flush();
      return written.isAccepted() ? 0 : 1;
    }
  }
}
