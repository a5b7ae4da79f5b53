package org.sekisho.targeting.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.adapter.xgboost.XgboostTrainer;
import org.sekisho.targeting.model.application.BoostingParameters;
import org.sekisho.targeting.model.application.TrainRiskModel;
import org.sekisho.targeting.model.application.TrainedRiskModel;
import org.sekisho.targeting.model.domain.FeatureSet;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.ModelManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sekisho risk train}: trains the cargo risk model and writes a model directory. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the gradient-boosted cargo risk model on labelled declarations.",
      "Early-stops on --valid and reports precision/recall there, then (unless --no-refit)"
          + " refits encodings and trees on train+valid and writes that model to --out."
    })
public final class RiskTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      required = true,
      description = "Input layout; only 'kcs' (Korea Customs Service CSV) is supported.")
  String format;

  @Option(names = "--train", required = true, description = "Training CSV (labelled, Fraud).")
  Path train;

  @Option(names = "--valid", required = true, description = "Later validation CSV (labelled).")
  Path valid;

  @Option(names = "--out", required = true, description = "Model directory to write.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--no-refit",
      description = "Release the train-only model (early-stopped on valid) instead of the refit.")
  boolean noRefit;

  @Option(names = "--max-depth", description = "Tree depth (default: tuned value).")
  Integer maxDepth;

  @Option(
      names = "--max-leaves",
      description = "Most leaves per tree, grown best-first (0: level by level; default: tuned).")
  Integer maxLeaves;

  @Option(names = "--eta", description = "Learning rate (default: tuned value).")
  Double eta;

  @Option(names = "--min-child-weight", description = "Smallest leaf hessian (default: tuned).")
  Double minChildWeight;

  @Option(names = "--subsample", description = "Row share per tree (default: tuned).")
  Double subsample;

  @Option(names = "--colsample", description = "Feature share per tree (default: tuned).")
  Double colsample;

  @Option(names = "--metric", defaultValue = "logloss", description = "Early-stopping metric.")
  String metric;

  @Option(names = "--max-rounds", description = "Most boosting rounds (default: tuned value).")
  Integer maxRounds;

  @Option(names = "--threads", description = "Booster threads (default: tuned value).")
  Integer threads;

  @Option(
      names = "--features",
      defaultValue = "counts",
      split = ",",
      description =
          "Feature groups besides codes and numeric fields: any of rates, counts, unseen-by-rank,"
              + " or none (default ${DEFAULT-VALUE}).")
  List<String> featureGroups;

  private FeatureSet features() {
    for (String g : featureGroups) {
      if (!List.of("rates", "counts", "unseen-by-rank", "none").contains(g)) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--features: unknown group '" + g + "'");
      }
    }
    return new FeatureSet(
        featureGroups.contains("rates"),
        featureGroups.contains("counts"),
        featureGroups.contains("unseen-by-rank"));
  }

  /** Picocli needs a public no-argument constructor. */
  public RiskTrainCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outw = spec.commandLine().getOut();
    if (!"kcs".equals(format)) {
      err.println("--format: '" + format + "' is not supported; use kcs");
      return 2;
    }
    Map<String, ModelManifest.DataFile> files = new LinkedHashMap<>();
    List<KcsDeclaration> trainRows = read(train, "train", files, err);
    List<KcsDeclaration> validRows = read(valid, "valid", files, err);
    if (trainRows == null || validRows == null) {
      return 1;
    }
    if (trainRows.isEmpty() || validRows.isEmpty()) {
      err.println("no usable rows in " + (trainRows.isEmpty() ? train : valid));
      return 1;
    }
    BoostingParameters d = BoostingParameters.defaults(seed);
    BoostingParameters p =
        new BoostingParameters(
            maxDepth == null ? d.maxDepth() : maxDepth,
            maxLeaves == null ? d.maxLeaves() : maxLeaves,
            eta == null ? d.eta() : eta,
            minChildWeight == null ? d.minChildWeight() : minChildWeight,
            subsample == null ? d.subsample() : subsample,
            colsample == null ? d.colsample() : colsample,
            d.lambda(),
            d.maxBin(),
            maxRounds == null ? d.maxRounds() : maxRounds,
            d.earlyStoppingRounds(),
            d.smoothing(),
            d.folds(),
            threads == null ? d.threads() : threads,
            seed);
    long t0 = System.nanoTime();
    TrainedRiskModel m =
        new TrainRiskModel(new XgboostTrainer(metric), Clock.systemUTC())
            .train(
                new TrainRiskModel.Request(trainRows, validRows, files, p, features(), !noRefit));
    ModelDirectory.write(out, m);
    ModelManifest mf = m.manifest();
    outw.printf(
        "model %s written to %s (%d trees, %.1f s)%n",
        mf.versionId(), out, mf.trees(), (System.nanoTime() - t0) / 1e9);
    outw.println("procedure: " + mf.procedure());
    outw.println("best rounds on valid: " + mf.parameters().get("best_rounds_on_valid"));
    outw.println(
        "validation (train-only model, early-stopped on valid): "
            + ModelDirectory.figures(mf.validation()).toString());
    outw.flush();
    return 0;
  }

  private static List<KcsDeclaration> read(
      Path file, String role, Map<String, ModelManifest.DataFile> files, PrintWriter err) {
    Outcome<KcsInput> opened = KcsInput.open(file, true, err);
    if (!opened.isAccepted()) {
      err.println("--" + role + " " + file + ": " + opened.problems());
      return null;
    }
    try (KcsInput in = opened.orElseThrow()) {
      List<KcsDeclaration> rows = in.readAll();
      files.put(role, in.finish());
      return rows;
    }
  }
}
