package org.sekisho.targeting.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
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
      "Malformed rows are reported on stderr (file line and data row) and skipped. A file"
          + " without both frauds and clean rows is refused (exit 1): AUC is undefined then."
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
    Optional<String> undefined = undefined(f);
    if (undefined.isPresent()) {
      err.println("--test " + test + ": " + undefined.get());
      err.flush();
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

  /**
   * Why a file's figures mean nothing, or empty. A ranking is judged by where the frauds fall among
   * the clean rows: without both, AUC is undefined (0/0, printed as NaN, which is not even JSON)
   * and precision and recall are 0 or 1 whatever the model. Refused (exit 1) rather than printed
   * with a warning: a script comparing or registering models would otherwise take them as figures.
   */
  static Optional<String> undefined(RankingFigures f) {
    if (f.positives() == 0 || f.positives() == f.n()) {
      return Optional.of(
          (f.positives() == 0 ? "no row is a fraud" : "every row is a fraud")
              + " ("
              + f.positives()
              + " of "
              + f.n()
              + " rows have Fraud 1): AUC is undefined without both frauds and clean rows, and"
              + " precision and recall say nothing of the model; evaluate on a labelled file"
              + " holding both");
    }
    return Optional.empty();
  }
}
