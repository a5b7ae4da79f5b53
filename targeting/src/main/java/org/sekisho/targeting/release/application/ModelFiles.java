package org.sekisho.targeting.release.application;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.model.domain.ModelManifest;
import org.sekisho.targeting.model.domain.RankingFigures;

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

  /**
   * What {@code risk train} measured before any refit: the early-stopped model's figures on the
   * validation file it stopped on (honest for that model; a refit model is then learnt on that file
   * too, so its own figures must come from a later file).
   *
   * @param validName the validation file's name
   * @param refit whether the registered trees were then refit on train+valid
   * @param figures precision, recall and AUC there
   */
  record EarlyStopping(String validName, boolean refit, RankingFigures figures) {}

  /** The early-stopping figures of a registered version's manifest; empty when it has none. */
  default Optional<EarlyStopping> earlyStopping(int version) {
    return Optional.empty();
  }
}
