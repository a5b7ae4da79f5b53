package org.sekisho.targeting.model.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model directory says about itself, so a release can be audited and reproduced.
 *
 * @param format layout version of the directory, {@value #FORMAT}
 * @param versionId unique id of this model (derived from its content)
 * @param createdAt when training finished
 * @param procedure how the released trees were trained (e.g. refit on train+valid)
 * @param trainingData per input file role ("train", "valid"): file name, sha256 and row count
 * @param parameters every training parameter, as text
 * @param featureNames the feature vector layout the trees expect
 * @param trees how many trees of the exported booster the scorer uses
 * @param validation figures on the validation split for the model trained on train only (early
 *     stopping on that same split), absent if no validation split was given
 */
public record ModelManifest(
    String format,
    String versionId,
    Instant createdAt,
    String procedure,
    Map<String, DataFile> trainingData,
    Map<String, String> parameters,
    List<String> featureNames,
    int trees,
    RankingFigures validation) {

  /** The parameter {@code risk train} records when it refit on train+valid. */
  public static final String REFIT_ROUNDS = "refit_rounds";

  /**
   * The input files the released encodings and trees were fitted on: the training file always, the
   * validation file too when the model was refit on train+valid. Figures measured on any of them
   * say how well the model remembers, not how well it ranks new declarations.
   */
  public List<DataFile> fittedOn() {
    List<DataFile> out = new java.util.ArrayList<>();
    DataFile t = trainingData.get("train");
    if (t != null) {
      out.add(t);
    }
    DataFile v = trainingData.get("valid");
    if (v != null && parameters.containsKey(REFIT_ROUNDS)) {
      out.add(v);
    }
    return List.copyOf(out);
  }

  /** The directory layout this code writes and reads. */
  public static final String FORMAT = "sekisho-risk-model/1";

  public ModelManifest {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(createdAt, "createdAt");
    trainingData = Map.copyOf(trainingData);
    parameters = Map.copyOf(parameters);
    featureNames = List.copyOf(featureNames);
  }

  /**
   * One input file of a training run.
   *
   * @param name file name as given
   * @param sha256 hex SHA-256 of its bytes
   * @param rows declarations read from it (after skipping malformed ones)
   * @param skipped malformed rows skipped
   */
  public record DataFile(String name, String sha256, long rows, long skipped) {}
}
