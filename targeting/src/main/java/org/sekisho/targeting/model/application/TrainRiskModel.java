package org.sekisho.targeting.model.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.targeting.model.domain.FeatureEncoder;
import org.sekisho.targeting.model.domain.FeatureMatrix;
import org.sekisho.targeting.model.domain.FeatureSet;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.ModelManifest;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.model.domain.RankingMetrics;
import org.sekisho.targeting.model.domain.RiskModel;
import org.sekisho.targeting.model.domain.TreeEnsemble;

/**
 * Trains the cargo risk model. Encodings are learnt from training rows only (out of fold for the
 * rows themselves) and applied to validation rows, the booster early-stops on validation, and the
 * figures on validation are recorded. With refit, encodings and trees are then learnt again on
 * train+valid with the number of rounds found, scaled by the larger row count; that refit model is
 * the one released.
 */
public final class TrainRiskModel {
  private final BoostingTrainer trainer;
  private final Clock clock;

  public TrainRiskModel(BoostingTrainer trainer, Clock clock) {
    this.trainer = trainer;
    this.clock = clock;
  }

  /**
   * A training request.
   *
   * @param train training declarations, labelled
   * @param valid later validation declarations, labelled
   * @param data the files they came from, for the manifest ("train", "valid")
   * @param parameters booster and encoding settings
   * @param features the feature groups to build
   * @param refit whether to release the model refit on train+valid (true for production)
   */
  public record Request(
      List<KcsDeclaration> train,
      List<KcsDeclaration> valid,
      Map<String, ModelManifest.DataFile> data,
      BoostingParameters parameters,
      FeatureSet features,
      boolean refit) {}

  /** Runs the request; the returned model is the one to release. */
  public TrainedRiskModel train(Request r) {
    BoostingParameters p = r.parameters();
    FeatureEncoder.Fitted fitted =
        FeatureEncoder.fit(r.train(), r.features(), p.smoothing(), p.folds(), p.seed());
    FeatureMatrix valid = fitted.encoder().encodeAll(r.valid());
    BoostingTrainer.Trained first = trainer.train(fitted.training(), Optional.of(valid), p);
    TreeEnsemble best = first.trees().firstTrees(first.bestTrees());
    RankingFigures validation = figures(best, valid);

    RiskModel released;
    byte[] exported;
    int trees;
    String procedure;
    Map<String, String> params = new LinkedHashMap<>(p.asText());
    params.put("features", r.features().toString());
    params.put("best_rounds_on_valid", Integer.toString(first.bestTrees()));
    if (r.refit()) {
      List<KcsDeclaration> all = new ArrayList<>(r.train());
      all.addAll(r.valid());
      int rounds =
          Math.max(1, (int) Math.round(first.bestTrees() * (double) all.size() / r.train().size()));
      FeatureEncoder.Fitted refit =
          FeatureEncoder.fit(all, r.features(), p.smoothing(), p.folds(), p.seed());
      BoostingTrainer.Trained second =
          trainer.train(refit.training(), Optional.empty(), p.withRounds(rounds));
      released = new RiskModel(refit.encoder(), second.trees());
      exported = second.exportedModel();
      trees = second.trees().size();
      procedure =
          "encodings and trees refit on train+valid with "
              + rounds
              + " rounds (best validation rounds scaled by row count)";
      params.put(ModelManifest.REFIT_ROUNDS, Integer.toString(rounds));
    } else {
      released = new RiskModel(fitted.encoder(), best);
      exported = first.exportedModel();
      trees = first.bestTrees();
      procedure = "trained on train, early-stopped on valid (no refit)";
    }
    Instant now = clock.instant();
    ModelManifest manifest =
        new ModelManifest(
            ModelManifest.FORMAT,
            versionId(exported, now),
            now,
            procedure,
            r.data(),
            params,
            released.encoder().featureNames(),
            trees,
            validation);
    return new TrainedRiskModel(released, manifest, exported);
  }

  /** Ranking figures of {@code trees} on an encoded, labelled matrix. */
  public static RankingFigures figures(TreeEnsemble trees, FeatureMatrix m) {
    float[] scores = new float[m.rows()];
    boolean[] frauds = new boolean[m.rows()];
    float[] row = new float[m.columns()];
    for (int i = 0; i < m.rows(); i++) {
      System.arraycopy(m.values(), i * m.columns(), row, 0, m.columns());
      scores[i] = trees.probability(row);
      frauds[i] = m.labels()[i] > 0.5f;
    }
    return RankingMetrics.of(scores, frauds);
  }

  private static String versionId(byte[] model, Instant at) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(model);
      md.update(at.toString().getBytes(StandardCharsets.UTF_8));
      return "risk-" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
