package org.sekisho.targeting.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.application.EvaluateRiskModel;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.model.domain.RankingMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sekisho risk evaluate}: ranks a labelled file with a model and prints the figures. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a labelled declaration file (streamed) with a model directory and prints"
          + " precision and recall at the top 1, 2, 5 and 10 %% and the ROC AUC.",
      "Malformed rows are reported on stderr and skipped."
    })
public final class RiskEvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, description = "Input layout; only 'kcs'.")
  String format;

  @Option(names = "--model", required = true, description = "Model directory.")
  Path model;

  @Option(names = "--test", required = true, description = "Labelled CSV to evaluate on.")
  Path test;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  /** Picocli needs a public no-argument constructor. */
  public RiskEvaluateCommand() {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!"kcs".equals(format)) {
      err.println("--format: '" + format + "' is not supported; use kcs");
      return 2;
    }
    ModelDirectory.Loaded loaded = ModelOption.load(model, err);
    if (loaded == null) {
      return 1;
    }
    Outcome<KcsInput> opened = KcsInput.open(test, true, err);
    if (!opened.isAccepted()) {
      err.println("--test " + test + ": " + opened.problems());
      return 1;
    }
    RankingFigures f;
    try (KcsInput in = opened.orElseThrow()) {
      f = new EvaluateRiskModel(loaded.model()).evaluate(in);
      in.finish();
    }
    err.flush();
    if (f.n() == 0) {
      err.println("--test " + test + ": no usable rows");
      return 1;
    }
    if (json) {
      out.println(ModelDirectory.figures(f).toString());
    } else {
      out.printf(Locale.ROOT, "rows %d, frauds %d, AUC %.4f%n", f.n(), f.positives(), f.auc());
      for (int p : RankingMetrics.PERCENTAGES) {
        out.printf(
            Locale.ROOT,
            "top %2d%%: precision %.4f  recall %.4f%n",
            p,
            f.precision().get(p),
            f.recall().get(p));
      }
    }
    out.flush();
    return 0;
  }
}
