package org.sekisho.targeting.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.RiskModel;
import org.sekisho.targeting.model.domain.TreeEnsemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench scoring}: the released model's scoring speed against XGBoost4J's own
 * single-row prediction of the same trees, in the same JVM run, and bulk scoring on several threads
 * with reasons for every referral.
 */
@Command(
    name = "scoring",
    mixinStandardHelpOptions = true,
    description = {
      "Measures model scoring: plain-Java trees vs XGBoost4J single-row predict (same model,"
          + " same run), then bulk encode+score with TreeSHAP reasons for referrals on --threads.",
      "Checks on the way that both give the same probabilities."
    })
public final class ScoringBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "Model directory.")
  Path model;

  @Option(names = "--input", required = true, description = "KCS declarations CSV to score.")
  Path input;

  @Option(
      names = "--seconds",
      defaultValue = "3",
      description = "Measuring time per figure (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--threads", defaultValue = "2", description = "Bulk scoring threads.")
  int threads;

  @Option(
      names = "--referral-share",
      defaultValue = "5",
      description = "Percent of declarations referred (and explained) in bulk scoring.")
  double referralShare;

  /** Picocli needs a public no-argument constructor. */
  public ScoringBenchCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (seconds <= 0 || threads < 1 || referralShare < 0 || referralShare > 100) {
      err.println("--seconds > 0, --threads >= 1 and 0 <= --referral-share <= 100 are required");
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
    List<KcsDeclaration> rows;
    try (KcsInput in = opened.orElseThrow()) {
      rows = in.readAll();
      in.finish();
    }
    if (rows.isEmpty()) {
      err.println("--input " + input + ": no usable rows");
      return 1;
    }
    RiskModel m = loaded.model();
    TreeEnsemble trees = m.trees();
    int w = m.encoder().width();
    float[][] x = new float[rows.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = m.encoder().encode(rows.get(i));
    }
    out.printf(
        Locale.ROOT,
        "model %s: %d trees, max depth %d, %d features; %d declarations from %s%n",
        loaded.manifest().versionId(),
        trees.size(),
        trees.maxDepth(),
        w,
        rows.size(),
        input.getFileName());

    Booster booster = XGBoost.loadModel(loaded.exportedModel());
    try {
      int[] range = {0, trees.size()};
      // same answers first
      double maxDiff = 0;
      int check = Math.min(x.length, 2000);
      for (int i = 0; i < check; i++) {
        float ref =
            booster
                .inplace_predict(x[i], 1, w, Float.NaN, range, Booster.PredictionType.kValue, null)[
                0][0];
        maxDiff = Math.max(maxDiff, Math.abs(ref - trees.probability(x[i])));
      }
      out.printf(Locale.ROOT, "max |java - xgboost4j| over %d rows: %.2e%n", check, maxDiff);

      double javaNs = perRow(seconds, x.length, i -> trees.probability(x[i]));
      double inplaceNs =
          perRow(
              seconds,
              x.length,
              i ->
                  booster
                      .inplace_predict(
                          x[i], 1, w, Float.NaN, range, Booster.PredictionType.kValue, null)[0][0]);
      double dmatrixNs =
          perRow(
              seconds,
              x.length,
              i -> {
                DMatrix d = new DMatrix(x[i], 1, w, Float.NaN);
                try {
                  return booster.predict(d, false, trees.size())[0][0];
                } finally {
                  d.dispose();
                }
              });
      out.printf(
          Locale.ROOT,
          "model alone, 1 thread, plain Java:          %10.2f us/row  %12.0f rows/s%n",
          javaNs / 1e3,
          1e9 / javaNs);
      out.printf(
          Locale.ROOT,
          "xgboost4j inplace_predict, single row:     %10.2f us/row  (java %.1fx faster)%n",
          inplaceNs / 1e3,
          inplaceNs / javaNs);
      out.printf(
          Locale.ROOT,
          "xgboost4j DMatrix + predict, single row:   %10.2f us/row  (java %.1fx faster)%n",
          dmatrixNs / 1e3,
          dmatrixNs / javaNs);
    } finally {
      booster.dispose();
    }

    // bulk: encode + score every declaration, reasons for the referred share
    float[] sample = new float[Math.min(x.length, 5000)];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = trees.probability(x[i]);
    }
    Arrays.sort(sample);
    int cut = (int) Math.floor(sample.length * (1 - referralShare / 100.0));
    float threshold =
        referralShare == 0 ? Float.POSITIVE_INFINITY : sample[Math.min(cut, sample.length - 1)];
    bulk(out, m, rows, Float.POSITIVE_INFINITY, seconds / 3, false); // warm-up
    bulk(out, m, rows, Float.POSITIVE_INFINITY, seconds, true);
    bulk(out, m, rows, threshold, seconds, true);
    out.flush();
    return 0;
  }

  private void bulk(
      PrintWriter out,
      RiskModel m,
      List<KcsDeclaration> rows,
      float threshold,
      double secs,
      boolean print)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    LongAdder scored = new LongAdder();
    LongAdder referred = new LongAdder();
    LongAdder reasons = new LongAdder();
    long end = System.nanoTime() + (long) (secs * 1e9);
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int start = t * rows.size() / threads;
      fs.add(
          pool.submit(
              () -> {
                int block = 64;
                float[][] scratch = new float[block][m.encoder().width()];
                KcsDeclaration[] ds = new KcsDeclaration[block];
                float[] scores = new float[block];
                int i = start;
                long n = 0;
                long r = 0;
                long given = 0;
                while (true) {
                  for (int k = 0; k < block; k++) {
                    ds[k] = rows.get(i);
                    i = i + 1 == rows.size() ? 0 : i + 1;
                  }
                  m.scoreBlock(ds, block, scratch, scores);
                  for (int k = 0; k < block; k++) {
                    if (scores[k] >= threshold) {
                      given += m.reasons(ds[k], 3).size();
                      r++;
                    }
                  }
                  n += block;
                  if (System.nanoTime() > end) {
                    break;
                  }
                }
                scored.add(n);
                referred.add(r);
                reasons.add(given);
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    double s = (System.nanoTime() - t0) / 1e9;
    if (!print) {
      return;
    }
    if (referred.sum() == 0) {
      out.printf(
          Locale.ROOT,
          "bulk encode+score on %d threads, no reasons:  %12.0f declarations/s (%d scored in %.1f s)%n",
          threads,
          scored.sum() / s,
          scored.sum(),
          s);
      return;
    }
    out.printf(
        Locale.ROOT,
        "bulk encode+score on %d threads, reasons for %.1f%% referred: %12.0f declarations/s (%d scored, %d explained with %d reasons in %.1f s)%n",
        threads,
        100.0 * referred.sum() / Math.max(1, scored.sum()),
        scored.sum() / s,
        scored.sum(),
        referred.sum(),
        reasons.sum(),
        s);
  }

  /** A measured call returning a value, so the JIT cannot drop it. */
  private interface RowCall {
    float apply(int i) throws Exception;
  }

  private static double perRow(double seconds, int n, RowCall call) throws Exception {
    float sink = 0;
    long warm = System.nanoTime() + (long) (seconds * 0.3e9);
    int i = 0;
    while (System.nanoTime() < warm) {
      sink += call.apply(i);
      i = i + 1 == n ? 0 : i + 1;
    }
    long count = 0;
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    long now;
    do {
      for (int k = 0; k < 64; k++) {
        sink += call.apply(i);
        i = i + 1 == n ? 0 : i + 1;
      }
      count += 64;
      now = System.nanoTime();
    } while (now < end);
    if (sink == Float.MIN_VALUE) {
      System.out.print("");
    }
    return (now - t0) / (double) count;
  }
}
