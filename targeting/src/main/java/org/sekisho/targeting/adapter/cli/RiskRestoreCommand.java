package org.sekisho.targeting.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho risk restore}: Releases a retired model version again (undoing a release); the
 * model released now is retired.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Releases a retired model version again (undoing a release); the model released now is retired.")
public final class RiskRestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelRegistryCli.DataDir dataDir = new ModelRegistryCli.DataDir();

  @Parameters(index = "0", paramLabel = "VERSION", description = "Registry version number.")
  int version;

  @Option(names = "--by", required = true, description = "Your administrator account (audited).")
  String by;

  /** Picocli needs a public no-argument constructor. */
  public RiskRestoreCommand() {}

  @Override
  public Integer call() {
    return LifecycleStep.run(spec, dataDir.resolve(), by, version, LifecycleStep.Step.RESTORE);
  }
}
