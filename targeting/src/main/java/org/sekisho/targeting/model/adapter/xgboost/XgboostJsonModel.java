package org.sekisho.targeting.model.adapter.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.domain.RegressionTree;
import org.sekisho.targeting.model.domain.TreeEnsemble;

/**
 * Reads XGBoost's JSON model format (as written by {@code Booster.saveModel(…, "json")}, versions 2
 * and 3) into a {@link TreeEnsemble}. Only {@code gbtree} boosters with the {@code binary:logistic}
 * objective and numeric splits are accepted; anything else is rejected with the reason, never
 * half-read.
 */
public final class XgboostJsonModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private XgboostJsonModel() {}

  /** Parses the model bytes. */
  public static Outcome<TreeEnsemble> parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return Outcome.rejected("invalid-model", "model", "not JSON: " + e.getMessage());
    }
    try {
      return Outcome.accepted(read(root));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Outcome.rejected("invalid-model", "model", "not a usable XGBoost model: " + e);
    }
  }

  private static TreeEnsemble read(JsonNode root) {
    JsonNode learner = required(root, "learner");
    String objective = required(required(learner, "objective"), "name").asText();
    if (!objective.equals("binary:logistic")) {
      throw new IllegalArgumentException("objective " + objective + " (need binary:logistic)");
    }
    JsonNode booster = required(learner, "gradient_booster");
    String name = required(booster, "name").asText();
    if (!name.equals("gbtree")) {
      throw new IllegalArgumentException("booster " + name + " (need gbtree)");
    }
    JsonNode params = required(learner, "learner_model_param");
    int features = Integer.parseInt(required(params, "num_feature").asText());
    String base = required(params, "base_score").asText().replace("[", "").replace("]", "");
    float baseScore = Float.parseFloat(base.split(",")[0].trim());
    // XGBoost keeps the intercept in probability space for binary:logistic
    float baseMargin = (float) -Math.log(1.0 / baseScore - 1.0);
    List<RegressionTree> trees = new ArrayList<>();
    for (JsonNode t : required(required(booster, "model"), "trees")) {
      trees.add(tree(t));
    }
    return new TreeEnsemble(baseMargin, features, trees);
  }

  private static RegressionTree tree(JsonNode t) {
    int[] left = ints(required(t, "left_children"));
    int n = left.length;
    int[] right = ints(required(t, "right_children"));
    int[] feature = ints(required(t, "split_indices"));
    float[] cond = floats(required(t, "split_conditions"));
    int[] dl = ints(required(t, "default_left"));
    double[] cover = doubles(required(t, "sum_hessian"));
    JsonNode types = t.get("split_type");
    if (types != null) {
      for (JsonNode s : types) {
        if (s.asInt() != 0) {
          throw new IllegalArgumentException("categorical splits are not supported");
        }
      }
    }
    boolean[] defaultLeft = new boolean[n];
    float[] leaf = new float[n];
    float[] threshold = new float[n];
    for (int i = 0; i < n; i++) {
      defaultLeft[i] = dl[i] != 0;
      if (left[i] < 0) {
        leaf[i] = cond[i];
      } else {
        threshold[i] = cond[i];
      }
    }
    return new RegressionTree(left, right, feature, threshold, defaultLeft, leaf, cover);
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return v;
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = a.get(i);
      out[i] = v.isBoolean() ? (v.asBoolean() ? 1 : 0) : v.asInt();
    }
    return out;
  }

  private static float[] floats(JsonNode a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).asDouble();
    }
    return out;
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }
}
