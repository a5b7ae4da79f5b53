package org.sekisho.targeting.release.application;

import java.nio.file.Path;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * Port: the registry's copies of model directories ({@code
 * <data-dir>/targeting/models/<version>/}), kept immutable and checked against their content hash
 * whenever they are opened.
 */
public interface ModelFiles {
  /** What a model directory is: its own id and the hash of its files. */
  record Inspected(String modelId, String contentHash) {}

  /** Reads a model directory's id and hashes its files; rejected when it is not a model. */
  Outcome<Inspected> inspect(Path dir);

  /** Copies {@code dir} to the registry's folder for {@code version}; checks the copy's hash. */
  Outcome<Path> keep(Path dir, int version, String contentHash);

  /** Opens the stored copy of {@code version} for scoring, refusing it if its hash changed. */
  Outcome<RiskScorer> open(int version, String contentHash);
}
