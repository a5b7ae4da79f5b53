package org.sekisho.targeting.adapter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sekisho.targeting.adapter.web.ModelReleaseWeb;
import org.sekisho.targeting.release.domain.ModelStatus;
import org.sekisho.targeting.release.domain.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sekisho risk models}: the registered risk models with figures and lifecycle state. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Lists the registered risk models, newest first, with their figures and status.")
public final class RiskModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelRegistryCli.DataDir dataDir = new ModelRegistryCli.DataDir();

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  /** Picocli needs a public no-argument constructor. */
  public RiskModelsCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<ModelVersion> all;
    try (ModelRegistryCli registry = ModelRegistryCli.open(dataDir.resolve())) {
      all = registry.lifecycle().all();
    }
    if (json) {
      List<Map<String, Object>> rows =
          all.stream()
              .map(m -> ModelReleaseWeb.json(m, m.status() == ModelStatus.RELEASED))
              .toList();
      out.println(new ObjectMapper().writeValueAsString(rows));
      out.flush();
      return 0;
    }
    if (all.isEmpty()) {
      out.println("no model registered");
      out.flush();
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "%-3s %-10s %-22s %6s %6s %6s %6s %6s %7s  %s%n",
        "v",
        "status",
        "model",
        "P@1%",
        "P@2%",
        "P@5%",
        "P@10%",
        "R@10%",
        "AUC",
        "registered / approved / released by");
    for (ModelVersion m : all) {
      out.printf(
          Locale.ROOT,
          "%-3d %-10s %-22s %6s %6s %6s %6s %6s %7s  %s / %s / %s%n",
          m.version(),
          m.status().code(),
          m.modelId(),
          num(m.figures().precision().get(1)),
          num(m.figures().precision().get(2)),
          num(m.figures().precision().get(5)),
          num(m.figures().precision().get(10)),
          num(m.figures().recall().get(10)),
          Double.isNaN(m.figures().auc())
              ? "-"
              : String.format(Locale.ROOT, "%.4f", m.figures().auc()),
          m.registeredBy(),
          m.approvedBy().isEmpty() ? "-" : m.approvedBy(),
          m.releasedBy().isEmpty() ? "-" : m.releasedBy());
    }
    out.flush();
    return 0;
  }

  private static String num(Double d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d);
  }
}
