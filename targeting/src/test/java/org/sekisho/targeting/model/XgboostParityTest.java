package org.sekisho.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.adapter.xgboost.XgboostJsonModel;
import org.sekisho.targeting.model.adapter.xgboost.XgboostTrainer;
import org.sekisho.targeting.model.application.BoostingParameters;
import org.sekisho.targeting.model.application.BoostingTrainer;
import org.sekisho.targeting.model.application.TrainRiskModel;
import org.sekisho.targeting.model.application.TrainedRiskModel;
import org.sekisho.targeting.model.domain.FeatureEncoder;
import org.sekisho.targeting.model.domain.FeatureMatrix;
import org.sekisho.targeting.model.domain.FeatureSet;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.Reason;
import org.sekisho.targeting.model.domain.RiskModel;
import org.sekisho.targeting.model.domain.TreeEnsemble;

/**
 * The plain-Java scorer and TreeSHAP against XGBoost4J itself, on a small model trained here on
 * real KCS rows (early-stopped, so the cut to the best iteration is exercised too).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class XgboostParityTest {
  static List<KcsDeclaration> train;
  static List<KcsDeclaration> valid;
  static FeatureEncoder.Fitted fitted;
  static FeatureMatrix validMatrix;
  static BoostingTrainer.Trained trained;
  static Booster booster;
  static DMatrix dvalid;

  @BeforeAll
  static void trainSmallModel() throws Exception {
    train = TestData.read("train-3000.csv");
    valid = TestData.read("valid-1000.csv");
    fitted = FeatureEncoder.fit(train, new FeatureSet(true, true, true), 5, 5, 7);
    validMatrix = fitted.encoder().encodeAll(valid);
    BoostingParameters p =
        new BoostingParameters(10, 0, 0.1, 0.5, 0.9, 0.6, 1, 256, 80, 10, 5, 5, 1, 7);
    trained = new XgboostTrainer().train(fitted.training(), Optional.of(validMatrix), p);
    booster = XGBoost.loadModel(trained.exportedModel());
    dvalid =
        new DMatrix(validMatrix.values(), validMatrix.rows(), validMatrix.columns(), Float.NaN);
  }

  @AfterAll
  static void release() {
    dvalid.dispose();
    booster.dispose();
  }

  @Test
  void javaScoresEqualXgboostPredictionsOnEveryValidationRow() throws Exception {
    TreeEnsemble all = trained.trees();
    float[][] expected = booster.predict(dvalid);
    float[][] margins = booster.predict(dvalid, true, 0);
    assertThat(all.size()).isGreaterThan(5);
    assertThat(all.maxDepth()).as("deep paths exercise TreeSHAP's unwinding").isGreaterThan(6);
    float[][] rows = new float[validMatrix.rows()][];
    for (int r = 0; r < validMatrix.rows(); r++) {
      float[] x = validMatrix.row(r);
      rows[r] = x;
      assertThat((double) all.probability(x)).isCloseTo(expected[r][0], within(1e-6));
      assertThat((double) all.margin(x)).isCloseTo(margins[r][0], within(1e-5));
    }
    float[] block = new float[rows.length];
    all.margins(rows, rows.length, block);
    for (int r = 0; r < rows.length; r++) {
      assertThat(block[r]).isEqualTo(all.margin(rows[r]));
    }
  }

  @Test
  void theCutToTheBestIterationEqualsXgboostsIterationRange() throws Exception {
    int best = trained.bestTrees();
    assertThat(best).isLessThanOrEqualTo(trained.trees().size());
    TreeEnsemble cut = trained.trees().firstTrees(best);
    float[][] expected = booster.predict(dvalid, false, best);
    for (int r = 0; r < validMatrix.rows(); r++) {
      assertThat((double) cut.probability(validMatrix.row(r)))
          .isCloseTo(expected[r][0], within(1e-6));
    }
  }

  @Test
  void treeShapEqualsXgboostContributionsAndSumsToTheMargin() throws Exception {
    TreeEnsemble all = trained.trees();
    float[][] contrib = booster.predictContrib(dvalid, 0);
    for (int r = 0; r < 300; r++) {
      float[] x = validMatrix.row(r);
      double[] phi = all.contributions(x);
      assertThat(phi).hasSize(contrib[r].length);
      double sum = 0;
      for (int i = 0; i < phi.length; i++) {
        assertThat(phi[i]).as("row %d feature %d", r, i).isCloseTo(contrib[r][i], within(2e-4));
        sum += phi[i];
      }
      assertThat(sum).isCloseTo(all.margin(x), within(1e-4));
      double[] recursive = all.contributionsByRecursion(x);
      for (int i = 0; i < phi.length; i++) {
        assertThat(phi[i]).isCloseTo(recursive[i], within(1e-9));
      }
    }
  }

  @Test
  void treeShapInBlocksEqualsXgboostContributions() throws Exception {
    TreeEnsemble all = trained.trees();
    float[][] contrib = booster.predictContrib(dvalid, 0);
    int n = 300;
    float[][] xs = new float[n][];
    for (int r = 0; r < n; r++) {
      xs[r] = validMatrix.row(r);
    }
    double[][] phi = all.contributions(xs, n);
    for (int r = 0; r < n; r++) {
      assertThat(phi[r]).hasSize(contrib[r].length);
      double[] one = all.contributions(xs[r]);
      double sum = 0;
      for (int i = 0; i < phi[r].length; i++) {
        assertThat(phi[r][i]).as("row %d feature %d", r, i).isCloseTo(contrib[r][i], within(2e-4));
        assertThat(phi[r][i]).isCloseTo(one[i], within(1e-9));
        sum += phi[r][i];
      }
      assertThat(sum).isCloseTo(all.margin(xs[r]), within(1e-4));
    }
  }

  @Test
  void pathContributionsOfEveryValidationRowSumToXgboostsMargin() throws Exception {
    TreeEnsemble all = trained.trees();
    float[][] margins = booster.predict(dvalid, true, 0);
    double[] phi = new double[all.features() + 1];
    for (int r = 0; r < validMatrix.rows(); r++) {
      float[] x = validMatrix.row(r);
      all.pathContributions(x, phi);
      double sum = 0;
      for (double p : phi) {
        sum += p;
      }
      assertThat(sum).as("row %d", r).isCloseTo(margins[r][0], within(1e-5));
      // exact SHAP values add up to the same margin (both in double precision)
      double exact = 0;
      for (double p : all.contributions(x)) {
        exact += p;
      }
      assertThat(sum).isCloseTo(exact, within(1e-9));
    }
  }

  @Test
  void aModelDirectoryReadsBackToTheSameScoresAndReasons(@TempDir Path dir) throws Exception {
    BoostingParameters p =
        new BoostingParameters(5, 0, 0.3, 1, 0.8, 0.8, 1, 256, 30, 5, 5, 5, 1, 3);
    TrainedRiskModel m =
        new TrainRiskModel(
                new XgboostTrainer(),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
            .train(new TrainRiskModel.Request(train, valid, Map.of(), p, FeatureSet.DEFAULT, true));
    ModelDirectory.write(dir, m);
    ModelDirectory.Loaded loaded = ModelDirectory.read(dir).orElseThrow();
    assertThat(loaded.manifest()).isEqualTo(m.manifest());
    assertThat(loaded.manifest().parameters()).containsKeys("refit_rounds", "seed");
    RiskModel a = m.model();
    RiskModel b = loaded.model();
    KcsDeclaration[] block = valid.subList(0, 200).toArray(KcsDeclaration[]::new);
    float[] blockScores = new float[block.length];
    b.scoreBlock(block, block.length, new float[block.length][b.encoder().width()], blockScores);
    for (int i = 0; i < block.length; i++) {
      assertThat(b.score(block[i])).isEqualTo(a.score(block[i])).isEqualTo(blockScores[i]);
    }
    KcsDeclaration top =
        valid.stream().max(java.util.Comparator.comparingDouble(a::score)).orElseThrow();
    List<Reason> reasons = b.reasons(top, 3);
    assertThat(reasons).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(reasons.getFirst().logOdds()).isPositive();
    assertThat(reasons).allMatch(r -> r.kind() == Reason.Kind.EXACT_SHAP);
    assertThat(reasons.getFirst().toString()).endsWith(", exact SHAP)");
    List<Reason> quick = b.pathReasons(top, 3);
    assertThat(quick).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(quick).allMatch(r -> r.kind() == Reason.Kind.PATH && r.logOdds() > 0);
    assertThat(quick.getFirst().toString()).endsWith(", path contributions)");
    for (int i = 1; i < quick.size(); i++) {
      assertThat(quick.get(i).logOdds()).isLessThanOrEqualTo(quick.get(i - 1).logOdds());
    }
    assertThat(XgboostJsonModel.parse(loaded.exportedModel()).isAccepted()).isTrue();
  }

  @Test
  void treesGrownBestFirstKeepTheirLeafLimitAndStillMatchXgboost() throws Exception {
    BoostingParameters p =
        new BoostingParameters(0, 16, 0.3, 0.3, 1.0, 0.6, 1, 256, 12, 0, 5, 5, 1, 5);
    assertThat(p.asText())
        .containsEntry("grow_policy", "lossguide")
        .containsEntry("max_leaves", "16");
    BoostingTrainer.Trained t = new XgboostTrainer().train(fitted.training(), Optional.empty(), p);
    for (var tree : t.trees().trees()) {
      long leaves = java.util.Arrays.stream(tree.left()).filter(c -> c < 0).count();
      assertThat(leaves).isLessThanOrEqualTo(16);
    }
    Booster b = XGBoost.loadModel(t.exportedModel());
    try {
      float[][] expected = b.predict(dvalid);
      float[][] contrib = b.predictContrib(dvalid, 0);
      for (int r = 0; r < 100; r++) {
        float[] x = validMatrix.row(r);
        assertThat((double) t.trees().probability(x)).isCloseTo(expected[r][0], within(1e-6));
        double[] phi = t.trees().contributions(x);
        for (int i = 0; i < phi.length; i++) {
          assertThat(phi[i]).isCloseTo(contrib[r][i], within(2e-4));
        }
      }
    } finally {
      b.dispose();
    }
  }

  @Test
  void aBrokenModelDirectoryIsRejectedWithTheReason(@TempDir Path dir) {
    assertThat(ModelDirectory.read(dir).problems().getFirst().code()).isEqualTo("incomplete-model");
    assertThat(
            XgboostJsonModel.parse(
                    "{\"learner\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .problems())
        .isNotEmpty();
  }
}
