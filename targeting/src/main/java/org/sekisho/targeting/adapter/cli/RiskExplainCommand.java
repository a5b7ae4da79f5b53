package org.sekisho.targeting.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.Reason;
import org.sekisho.targeting.model.domain.RiskModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sekisho risk explain}: the highest-scored declarations of a file, with reasons. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Scores a declaration file and prints the --top highest-scored declarations with the"
            + " factors (exact TreeSHAP contributions, log-odds) that raised their risk.")
public final class RiskExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, description = "Input layout; only 'kcs'.")
  String format;

  @Option(names = "--model", required = true, description = "Model directory.")
  Path model;

  @Option(names = "--input", required = true, description = "Declarations CSV (labels optional).")
  Path input;

  @Option(names = "--top", defaultValue = "10", description = "How many declarations to explain.")
  int top;

  @Option(names = "--reasons", defaultValue = "5", description = "Reasons per declaration.")
  int reasons;

  /** Picocli needs a public no-argument constructor. */
  public RiskExplainCommand() {}

  private record Scored(KcsDeclaration d, float score, long order) {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!"kcs".equals(format)) {
      err.println("--format: '" + format + "' is not supported; use kcs");
      return 2;
    }
    if (top < 1 || reasons < 1) {
      err.println("--top and --reasons must be at least 1");
      return 2;
    }
    ModelDirectory.Loaded loaded = ModelOption.load(model, err);
    if (loaded == null) {
      return 1;
    }
    Outcome<KcsInput> opened = KcsInput.open(input, false, err);
    if (!opened.isAccepted()) {
      err.println("--input " + input + ": " + opened.problems());
      return 1;
    }
    RiskModel m = loaded.model();
    // keep only the current top declarations (a bounded heap), so any file length works
    java.util.PriorityQueue<Scored> best =
        new java.util.PriorityQueue<>(
            Comparator.comparingDouble(Scored::score)
                .thenComparing(Comparator.comparingLong(Scored::order).reversed()));
    float[] scratch = new float[m.encoder().width()];
    long i = 0;
    try (KcsInput in = opened.orElseThrow()) {
      while (in.hasNext()) {
        KcsDeclaration d = in.next().unlabelled();
        best.add(new Scored(d, m.score(d, scratch), i++));
        if (best.size() > top) {
          best.poll();
        }
      }
      in.finish();
    }
    List<Scored> ranked = new ArrayList<>(best);
    ranked.sort(
        Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::order));
    for (Scored s : ranked) {
      out.printf(Locale.ROOT, "%s  score %.4f%n", s.d().declarationId(), s.score());
      for (Reason r : m.reasons(s.d(), reasons)) {
        out.println("    " + r);
      }
    }
    out.flush();
    return 0;
  }
}
