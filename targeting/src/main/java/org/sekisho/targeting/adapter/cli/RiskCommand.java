package org.sekisho.targeting.adapter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sekisho risk}: groups the cargo risk model commands. The launcher may wire this class
 * (with its subcommands) or the subcommands one by one.
 */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description =
        "Cargo risk model: train, evaluate, explain; register, list, approve, release, restore.",
    subcommands = {
      RiskTrainCommand.class,
      RiskEvaluateCommand.class,
      RiskExplainCommand.class,
      RiskRegisterCommand.class,
      RiskModelsCommand.class,
      RiskApproveCommand.class,
      RiskReleaseCommand.class,
      RiskRestoreCommand.class,
      RiskSimulateCommand.class
    })
public final class RiskCommand implements Runnable {
  /** Picocli needs a public no-argument constructor. */
  public RiskCommand() {}

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the risk commands stand-alone (development; production uses the sekisho launcher). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new RiskCommand()).execute(args));
  }
}
