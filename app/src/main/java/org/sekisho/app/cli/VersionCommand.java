package org.sekisho.app.cli;

import org.sekisho.app.Sekisho;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the Sekisho version.")
final class VersionCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine()
        .getOut()
        .println("sekisho " + Sekisho.VERSION + " (Java " + Runtime.version() + ")");
  }

  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sekisho " + Sekisho.VERSION};
    }
  }
}
