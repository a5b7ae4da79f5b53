package org.sekisho.targeting.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.platform.auth.Role;
import org.sekisho.targeting.release.application.ModelLifecycle;
import org.sekisho.targeting.release.domain.ModelVersion;
import picocli.CommandLine.Model.CommandSpec;

/** Runs one administrator step of the model lifecycle for a command. */
final class LifecycleStep {
  enum Step {
    APPROVE,
    RELEASE,
    RESTORE
  }

  private LifecycleStep() {}

  static int run(CommandSpec spec, Path dataDir, String by, int version, Step step) {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try (ModelRegistryCli registry = ModelRegistryCli.open(dataDir)) {
      Optional<ModelLifecycle.Actor> actor = registry.actor(by, Optional.of(Role.ADMIN), err);
      if (actor.isEmpty()) {
        return 1;
      }
      ModelLifecycle l = registry.lifecycle();
      Outcome<ModelVersion> o =
          switch (step) {
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
