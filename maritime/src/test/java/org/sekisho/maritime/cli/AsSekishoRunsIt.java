package org.sekisho.maritime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A maritime command run as {@code sekisho ais NAME} runs it: under {@code sekisho ais}, with the
 * launcher's handler for bad input (one line, {@code sekisho: <problem> (see 'sekisho ais NAME
 * --help')}, exit 2), as app's {@code Main} installs it.
 */
final class AsSekishoRunsIt {
  private AsSekishoRunsIt() {}

  record Run(int exit, String out, String err) {}

  @Command(name = "sekisho")
  static final class Root {}

  @Command(name = "ais")
  static final class Ais {}

  /** Runs {@code command} as {@code sekisho ais name args...}. */
  static Run run(Object command, String name, String... args) {
    CommandLine ais = new CommandLine(new Ais());
    ais.addSubcommand(name, command);
    CommandLine root = new CommandLine(new Root());
    root.addSubcommand("ais", ais);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    root.setOut(new PrintWriter(out));
    root.setErr(new PrintWriter(err));
    // as app's Main words a bad value
    root.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          e.println(
              "sekisho: "
                  + ex.getMessage()
                  + " (see '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help')");
          e.flush();
          return 2;
        });
    String[] all = new String[args.length + 2];
    all[0] = "ais";
    all[1] = name;
    System.arraycopy(args, 0, all, 2, args.length);
    int exit = root.execute(all);
    return new Run(exit, out.toString(), err.toString());
  }
}
