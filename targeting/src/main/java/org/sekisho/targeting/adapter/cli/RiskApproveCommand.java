package org.sekisho.targeting.adapter.cli;

import picocli.CommandLine.Command;

/**
 * {@code sekisho risk approve}: Approves an evaluated model version (as an administrator other than
 * the one who registered it).
 */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description =
        "Approves an evaluated model version (as an administrator other than the one who registered it).")
public final class RiskApproveCommand extends LifecycleStep {
  /** Picocli needs a public no-argument constructor. */
  public RiskApproveCommand() {}

  @Override
  Step step() {
    return Step.APPROVE;
  }
}
