package org.sekisho.targeting.model.adapter.xgboost;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.sekisho.targeting.model.application.BoostingParameters;
import org.sekisho.targeting.model.application.BoostingTrainer;
import org.sekisho.targeting.model.domain.FeatureMatrix;
import org.sekisho.targeting.model.domain.TreeEnsemble;

/**
 * Trains with XGBoost4J ({@code hist} tree method, {@code binary:logistic}). Early stopping watches
 * validation log-loss; the best round is read from the booster's {@code best_iteration} attribute.
 * Native matrices and the booster are disposed before returning, also on failure.
 */
public final class XgboostTrainer implements BoostingTrainer {

  /** Evaluation metric watched for early stopping. */
  private final String metric;

  public XgboostTrainer() {
    this("logloss");
  }

  public XgboostTrainer(String metric) {
    this.metric = metric;
  }

  @Override
  public Trained train(
      FeatureMatrix train, Optional<FeatureMatrix> validation, BoostingParameters p) {
    DMatrix dtrain = null;
    DMatrix dvalid = null;
    Booster booster = null;
    try {
      dtrain = matrix(train);
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      boolean early = validation.isPresent() && p.earlyStoppingRounds() > 0;
      if (validation.isPresent()) {
        dvalid = matrix(validation.get());
        watches.put("valid", dvalid);
      }
      float[][] metrics = new float[watches.size()][p.maxRounds()];
      booster =
          XGBoost.train(
              dtrain,
              params(p, metric),
              p.maxRounds(),
              watches,
              metrics,
              null,
              null,
              early ? p.earlyStoppingRounds() : 0);
      byte[] json = booster.toByteArray("json");
      TreeEnsemble trees = XgboostJsonModel.parse(json).orElseThrow();
      int best = trees.size();
      String attr = booster.getAttr("best_iteration");
      if (early && attr != null) {
        best = Integer.parseInt(attr) + 1;
      }
      return new Trained(trees, best, json);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (dvalid != null) {
        dvalid.dispose();
      }
      if (dtrain != null) {
        dtrain.dispose();
      }
    }
  }

  /** The XGBoost parameter map for {@code p}. */
  static Map<String, Object> params(BoostingParameters p, String metric) {
    Map<String, Object> m = new HashMap<>();
    m.put("objective", "binary:logistic");
    m.put("eval_metric", metric);
    m.put("tree_method", "hist");
    m.put("max_depth", p.maxDepth());
    if (p.maxLeaves() > 0) {
      m.put("grow_policy", "lossguide");
      m.put("max_leaves", p.maxLeaves());
    }
    m.put("eta", p.eta());
    m.put("min_child_weight", p.minChildWeight());
    m.put("subsample", p.subsample());
    m.put("colsample_bytree", p.colsample());
    m.put("lambda", p.lambda());
    m.put("max_bin", p.maxBin());
    m.put("nthread", p.threads());
    m.put("seed", p.seed());
    m.put("verbosity", 0);
    return m;
  }

  /** A native matrix of {@code m} with its labels; NaN marks a missing value. */
  static DMatrix matrix(FeatureMatrix m) throws XGBoostError {
    DMatrix d = new DMatrix(m.values(), m.rows(), m.columns(), Float.NaN);
    d.setLabel(m.labels());
    return d;
  }
}
