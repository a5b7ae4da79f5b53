package org.sekisho.targeting.adapter.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sekisho.core.Outcome;
import org.sekisho.platform.auth.Role;
import org.sekisho.targeting.release.application.ModelLifecycle;
import org.sekisho.targeting.release.domain.ModelVersion;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * One administrator step of the model lifecycle as a command: the three steps take the same
 * arguments (a version, the administrator, the data directory) and differ only in the step.
 */
abstract class LifecycleStep implements Callable<Integer> {
  enum Step {
    APPROVE,
    RELEASE,
    RESTORE
  }

  @Spec CommandSpec spec;

  @Mixin ModelRegistryCli.DataDir dataDir = new ModelRegistryCli.DataDir();

  @Parameters(index = "0", paramLabel = "VERSION", description = "Registry version number.")
  int version;

  @Option(names = "--by", required = true, description = "Your administrator account (audited).")
  String by;

  /** The step this command takes. */
  abstract Step step();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try (ModelRegistryCli registry = ModelRegistryCli.open(dataDir.resolve())) {
      Optional<ModelLifecycle.Actor> actor = registry.actor(by, Optional.of(Role.ADMIN), err);
      if (actor.isEmpty()) {
        return 1;
      }
      ModelLifecycle l = registry.lifecycle();
      Outcome<ModelVersion> o =
          switch (step()) {
            case APPROVE -> l.approve(version, actor.get());
            case RELEASE -> l.release(version, actor.get());
            case RESTORE -> l.restore(version, actor.get());
          };
      if (!o.isAccepted()) {
        o.problems().forEach(p -> err.println(p));
        err.flush();
        return 1;
      }
      ModelVersion v = o.orElseThrow();
      out.println(
          "model version " + v.version() + " (" + v.modelId() + ") is " + v.status().code());
      out.flush();
      return 0;
    }
  }
}
