package org.sekisho.app.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.sekisho.app.Sekisho;
import org.sekisho.platform.audit.AuditVerification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Audit-log tools.",
    subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Recompute the hash chain; exit 0 when intact, 1 at the first broken entry.")
  static final class Verify implements Callable<Integer> {
    @Mixin DataDirOption data;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
        return switch (s.audit().verify()) {
          case AuditVerification.Ok ok -> {
            spec.commandLine()
                .getOut()
                .println("OK: " + ok.entries() + " entries, hash chain intact");
            yield 0;
          }
          case AuditVerification.Broken b -> {
            spec.commandLine().getOut().println("BROKEN at entry " + b.seq() + ": " + b.reason());
            yield 1;
          }
        };
      }
    }
  }
}
