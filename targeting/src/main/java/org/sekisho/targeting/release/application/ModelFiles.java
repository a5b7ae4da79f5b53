package org.sekisho.targeting.release.application;

import java.nio.file.Path;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.model.domain.ModelManifest;

/**
 * Port: the registry's copies of model directories ({@code
 * <data-dir>/targeting/models/<version>/}), kept immutable and checked against their content hash
 * whenever they are opened.
 */
public interface ModelFiles {
  /**
   * What a model directory is: its own id, the hash of its files, and the input files its encodings
   * and trees were fitted on (from its manifest; see {@link ModelManifest#fittedOn()}).
   */
  record Inspected(String modelId, String contentHash, List<ModelManifest.DataFile> fittedOn) {
    public Inspected {
      fittedOn = List.copyOf(fittedOn);
    }
  }

  /** Reads a model directory's id and hashes its files; rejected when it is not a model. */
  Outcome<Inspected> inspect(Path dir);

  /** Copies {@code dir} to the registry's folder for {@code version}; checks the copy's hash. */
  Outcome<Path> keep(Path dir, int version, String contentHash);

  /** Opens the stored copy of {@code version} for scoring, refusing it if its hash changed. */
  Outcome<RiskScorer> open(int version, String contentHash);
}
