package org.sekisho.targeting.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;

/** Loads a model directory for a command, reporting why it cannot be used. */
final class ModelOption {
  private ModelOption() {}

  static ModelDirectory.Loaded load(Path dir, PrintWriter err) {
    Outcome<ModelDirectory.Loaded> m = ModelDirectory.read(dir);
    if (!m.isAccepted()) {
      err.println("--model " + dir + ": " + m.problems());
      return null;
    }
    return m.orElseThrow();
  }
}
