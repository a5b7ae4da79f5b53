package org.sekisho.targeting.criteria.adapter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sekisho criteria}: groups the criteria commands. */
@Command(
    name = "criteria",
    mixinStandardHelpOptions = true,
    description = "Targeting criteria (docs/formats/criteria.md).",
    subcommands = {CriteriaCheckCommand.class})
public final class CriteriaCommand implements Runnable {
  /** Picocli needs a public no-argument constructor. */
  public CriteriaCommand() {}

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs stand-alone. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new CriteriaCommand()).execute(args));
  }
}
