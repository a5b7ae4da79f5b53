package org.sekisho.targeting.adapter.cli;

import picocli.CommandLine.Command;

/**
 * {@code sekisho risk release}: Releases an approved model version: a running Sekisho scores with
 * it within seconds; the model released before is retired.
 */
@Command(
    name = "release",
    mixinStandardHelpOptions = true,
    description =
        "Releases an approved model version: a running Sekisho scores with it within seconds; the model released before is retired.")
public final class RiskReleaseCommand extends LifecycleStep {
  /** Picocli needs a public no-argument constructor. */
  public RiskReleaseCommand() {}

  @Override
  Step step() {
    return Step.RELEASE;
  }
}
