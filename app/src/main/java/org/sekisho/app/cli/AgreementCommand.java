package org.sekisho.app.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sekisho.app.Sekisho;
import org.sekisho.core.Outcome;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.SharingAgreement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "agreement",
    mixinStandardHelpOptions = true,
    description =
        "Sharing agreements: the partner agencies and record kinds a liaison officer may share"
            + " stored records with, and from and until when.",
    subcommands = {AgreementCommand.Add.class, AgreementCommand.ListAll.class})
final class AgreementCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Record an agreement (audited), e.g. --agency police-jp --kinds seizures.")
  static final class Add implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Option(names = "--agency", required = true, description = "a registered partner agency")
    String agency;

    @Option(
        names = "--kinds",
        required = true,
        split = ",",
        description = "record kinds it covers: declarations, seizures, …")
    List<String> kinds;

    @Option(names = "--reference", required = true, description = "how the agreement is cited")
    String reference;

    @Option(names = "--from", required = true, description = "first day, YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--until", description = "last day, YYYY-MM-DD (default: open-ended)")
    LocalDate until;

    @Option(names = "--agency-of-record", description = "the administration (default customs-jp)")
    String own = "customs-jp";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
        Outcome<SharingAgreement> o =
            s.sharing()
                .addAgreement(
                    agency,
                    kinds,
                    reference,
                    from,
                    Optional.ofNullable(until),
                    new Actor(AgencyCommand.actor(), own, true));
        return switch (o) {
          case Outcome.Accepted<SharingAgreement> a -> {
            spec.commandLine().getOut().println("agreement " + a.value().id() + " recorded");
            yield 0;
          }
          case Outcome.Rejected<SharingAgreement> r -> {
            var p = r.problems().get(0);
            throw new CommandLine.ParameterException(
                spec.commandLine(), p.field() + ": " + p.message());
          }
        };
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the agreements.")
  static final class ListAll implements Callable<Integer> {
    @Mixin DataDirOption data;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
        for (SharingAgreement a : s.sharing().agreements()) {
          spec.commandLine()
              .getOut()
              .printf(
                  "%4d  %-16s %s … %s  %s  %s%n",
                  a.id(),
                  a.agency(),
                  a.validFrom(),
                  a.validUntil().map(LocalDate::toString).orElse(""),
                  String.join(",", a.kinds().stream().map(RecordKind::plural).toList()),
                  a.reference());
        }
      }
      return 0;
    }
  }
}
