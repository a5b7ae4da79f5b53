package org.sekisho.targeting.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.application.EvaluateRiskModel;
import org.sekisho.targeting.model.domain.ModelManifest;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.release.application.ModelFiles;
import org.sekisho.targeting.release.application.ModelLifecycle;
import org.sekisho.targeting.release.domain.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho risk register}: evaluates a trained model directory on the validation file and
 * registers it (files copied into the registry, status {@code evaluated}, audited).
 */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates a model directory (from risk train --out) on --valid as risk evaluate does"
          + " (precision and recall at the top 1, 2, 5, 10 %%, AUC) and registers it with those"
          + " figures under <data-dir>/targeting/models/<version>/. An administrator other than"
          + " --by then approves it (risk approve) before it can be released (risk release).",
      "Refused before evaluating when the model is registered already, or when --valid is a file"
          + " the model was trained on (its manifest lists the same sha256: train, and valid"
          + " too when risk train refit on train+valid); evaluate on a later file it has not seen."
    })
public final class RiskRegisterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelRegistryCli.DataDir dataDir = new ModelRegistryCli.DataDir();

  @Option(names = "--model", required = true, description = "Model directory to register.")
  Path model;

  @Option(names = "--valid", required = true, description = "Labelled validation CSV.")
  Path valid;

  @Option(names = "--format", required = true, description = "Input layout; only 'kcs'.")
  String format;

  @Option(names = "--by", required = true, description = "Your account name (recorded, audited).")
  String by;

  /** Picocli needs a public no-argument constructor. */
  public RiskRegisterCommand() {}

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
    try (ModelRegistryCli registry = ModelRegistryCli.open(dataDir.resolve())) {
      Optional<ModelLifecycle.Actor> actor = registry.actor(by, Optional.empty(), err);
      if (actor.isEmpty()) {
        return 1;
      }
      // refused before the (long) evaluation: a model registered already, or a file it was
      // trained on, whose figures would only say how well the model remembers
      if (!Files.isRegularFile(valid)) {
        err.println("--valid " + valid + ": no such file");
        return 1;
      }
      String sha;
      try {
        sha = sha256(valid);
      } catch (IOException e) {
        err.println("--valid " + valid + ": cannot read: " + e.getMessage());
        return 1;
      }
      Outcome<ModelFiles.Inspected> screened =
          registry.lifecycle().screen(model, valid.getFileName().toString(), sha);
      if (!screened.isAccepted()) {
        screened.problems().forEach(p -> err.println("--valid " + valid + ": " + p.message()));
        return 1;
      }
      Outcome<KcsInput> opened = KcsInput.open(valid, true, err);
      if (!opened.isAccepted()) {
        err.println("--valid " + valid + ": " + opened.problems());
        return 1;
      }
      RankingFigures f;
      ModelManifest.DataFile file;
      try (KcsInput in = opened.orElseThrow()) {
        f = new EvaluateRiskModel(loaded.model()).evaluate(in);
        file = in.finish();
      }
      if (f.n() == 0) {
        err.println("--valid " + valid + ": no usable rows");
        return 1;
      }
      Optional<String> undefined = RiskEvaluateCommand.undefined(f);
      if (undefined.isPresent()) {
        // figures of NaN and 0 would be registered as the model's, for approvers to judge it on
        err.println("--valid " + valid + ": " + undefined.get());
        return 1;
      }
      out.println("figures on " + file.name() + ": " + ModelDirectory.figures(f));
      Outcome<ModelVersion> o =
          registry
              .lifecycle()
              .register(
                  model,
                  f,
                  file.name() + " (sha256 " + file.sha256() + ", " + file.rows() + " rows)",
                  actor.get());
      if (!o.isAccepted()) {
        o.problems().forEach(p -> err.println(p));
        return 1;
      }
      ModelVersion v = o.orElseThrow();
      out.printf(
          "registered model %s as version %d (evaluated); another administrator approves it with"
              + " 'sekisho risk approve %d --by NAME'%n",
          v.modelId(), v.version(), v.version());
      out.flush();
      return 0;
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
