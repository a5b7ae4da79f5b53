package org.sekisho.targeting.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho risk approve}: Approves an evaluated model version (as an administrator other than
 * the one who registered it).
 */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description =
        "Approves an evaluated model version (as an administrator other than the one who registered it).")
public final class RiskApproveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelRegistryCli.DataDir dataDir = new ModelRegistryCli.DataDir();

  @Parameters(index = "0", paramLabel = "VERSION", description = "Registry version number.")
  int version;

  @Option(names = "--by", required = true, description = "Your administrator account (audited).")
  String by;

  /** Picocli needs a public no-argument constructor. */
  public RiskApproveCommand() {}

  @Override
  public Integer call() {
    return LifecycleStep.run(spec, dataDir.resolve(), by, version, LifecycleStep.Step.APPROVE);
  }
}
