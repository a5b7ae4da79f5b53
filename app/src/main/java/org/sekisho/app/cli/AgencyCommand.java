package org.sekisho.app.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.sekisho.app.Sekisho;
import org.sekisho.platform.auth.Agencies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "agency",
    mixinStandardHelpOptions = true,
    description = "The registered agencies: records may belong to, and be shared with, these only.",
    subcommands = {
      AgencyCommand.Add.class,
      AgencyCommand.Rename.class,
      AgencyCommand.ListAll.class
    })
final class AgencyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Refuses, as a usage error of {@code --agency} (exit 2), an agency {@code s} has not registered,
   * naming those it has: a mistyped code would otherwise own records or accounts that whoever is
   * later registered under it would read.
   */
  static void requireRegistered(Sekisho s, String agency, CommandLine cl) {
    if (!s.agencies().isRegistered(agency)) {
      throw new CommandLine.ParameterException(
          cl,
          "--agency '"
              + agency
              + "' is not a registered agency (registered: "
              + String.join(", ", new java.util.TreeSet<>(s.agencies().codes()))
              + "); register it first with `sekisho agency add "
              + agency
              + " --name …`");
    }
  }

  /** The actor the audit log names for this machine's user. */
  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Register a partner agency (audited); an agency registered already is kept.")
  static final class Add implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Parameters(index = "0", paramLabel = "CODE", description = "e.g. police-jp")
    String code;

    @Option(names = "--name", required = true, description = "e.g. \"National Police Agency\"")
    String name;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      // checked before the database starts: a bad code is one line and exit 2
      Agencies.invalidCode(code)
          .ifPresent(
              why -> {
                throw new CommandLine.ParameterException(spec.commandLine(), "CODE: " + why);
              });
      if (name.isBlank() || name.strip().length() > Agencies.MAX_NAME) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--name: expected the agency's name, 1 to " + Agencies.MAX_NAME + " characters");
      }
      try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
        boolean added = s.agencies().register(code, name, actor(), "");
        spec.commandLine()
            .getOut()
            .println(
                added
                    ? "agency " + code + " registered"
                    : "agency " + code + " was registered already");
      }
      return 0;
    }
  }

  @Command(
      name = "rename",
      mixinStandardHelpOptions = true,
      description = "Give a registered agency a new name (audited); its code stays.")
  static final class Rename implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Parameters(index = "0", paramLabel = "CODE", description = "e.g. police-jp")
    String code;

    @Option(names = "--name", required = true, description = "the new name")
    String name;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (name.isBlank() || name.strip().length() > Agencies.MAX_NAME) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--name: expected the agency's name, 1 to " + Agencies.MAX_NAME + " characters");
      }
      try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
        java.util.Optional<String> was = s.agencies().rename(code, name, actor(), "");
        if (was.isEmpty()) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "no agency " + code + " is registered ('sekisho agency list')");
        }
        spec.commandLine()
            .getOut()
            .println(
                "agency " + code + " renamed from '" + was.get() + "' to '" + name.strip() + "'");
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the agencies.")
  static final class ListAll implements Callable<Integer> {
    @Mixin DataDirOption data;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
        for (Agencies.Agency a : s.agencies().all()) {
          spec.commandLine().getOut().printf("%-20s %s%n", a.code(), a.name());
        }
      }
      return 0;
    }
  }
}
