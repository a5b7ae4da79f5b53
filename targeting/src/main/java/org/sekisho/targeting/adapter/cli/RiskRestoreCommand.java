package org.sekisho.targeting.adapter.cli;

import picocli.CommandLine.Command;

/**
 * {@code sekisho risk restore}: Releases a retired model version again (undoing a release); the
 * model released now is retired.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Releases a retired model version again (undoing a release); the model released now is retired.")
public final class RiskRestoreCommand extends LifecycleStep {
  /** Picocli needs a public no-argument constructor. */
  public RiskRestoreCommand() {}

  @Override
  Step step() {
    return Step.RESTORE;
  }
}
