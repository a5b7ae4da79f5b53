package org.sekisho.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sekisho}: the command line. Usage errors print one line and exit 2, never a stack trace.
 */
@Command(
    name = "sekisho",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Sekisho — open-source border-enforcement platform for customs administrations.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      IngestCommand.class,
      SearchCommand.class,
      AuditCommand.class,
      UserCommand.class,
      AgencyCommand.class,
      AgreementCommand.class,
      BenchCommand.class,
      VersionCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    // Libraries and some contexts log through java.util.logging; keep the console to warnings.
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (var h : root.getHandlers()) {
      h.setLevel(java.util.logging.Level.WARNING);
    }
    System.exit(run(args));
  }

  /** Builds the command tree (extra commands of other contexts are added here) and runs it. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    Extensions.register(cl);
    // a day that is no date says what is expected, not which Java class failed to parse it
    cl.registerConverter(
        java.time.LocalDate.class,
        v -> {
          try {
            return java.time.LocalDate.parse(v.strip());
          } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                "expected a date YYYY-MM-DD that exists, e.g. 2026-11-27, not '" + v + "'");
          }
        });
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println(
              "sekisho: "
                  + ex.getMessage()
                  + " (see '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help')");
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          c.getErr()
              .println(
                  "sekisho: "
                      + (ex.getMessage() == null
                          ? ex.getClass().getSimpleName()
                          : ex.getMessage()));
          return 1;
        });
    return cl;
  }
}
