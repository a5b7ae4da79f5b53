package org.sekisho.targeting.adapter.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.sekisho.targeting.assessment.adapter.cli.TargetingBenchCommand;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.RiskModel;
import org.sekisho.targeting.model.domain.TreeEnsemble;
import picocli.CommandLine;
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
          + " same run); exact TreeSHAP latency per referral (leaf paths, and the old recursion"
          + " as baseline); bulk encode+score on --threads without reasons and with exact reasons"
          + " for the --referral-share highest scores.",
      "Checks on the way that both scorers give the same probabilities. Each figure is measured"
          + " --repeats times (median [min..max]); CPU time is shown beside wall time because a"
          + " shared machine makes wall time noisy."
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

  @Option(
      names = "--repeats",
      defaultValue = "3",
      description = "Times each figure is measured; median and range are printed.")
  int repeats;

  @Option(
      names = "--recursion-rows",
      defaultValue = "5",
      description = "Referrals explained by the old recursive TreeSHAP as the SHAP baseline.")
  int recursionRows;

  @Option(
      names = "--explain-block",
      defaultValue = "256",
      description =
          "Referrals explained together in one pass over the leaves (1: one by one; default"
              + " ${DEFAULT-VALUE}).")
  int explainBlock;

  @Option(
      names = "--no-assessment",
      description =
          "Skip the criteria + lists + model figures (sekisho bench targeting, run at the end).")
  boolean noAssessment;

  /** Picocli needs a public no-argument constructor. */
  public ScoringBenchCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (seconds <= 0
        || threads < 1
        || referralShare < 0
        || referralShare > 100
        || repeats < 1
        || recursionRows < 0
        || explainBlock < 1) {
      err.println(
          "--seconds > 0, --threads >= 1, --repeats >= 1, --recursion-rows >= 0, --explain-block >= 1 and"
              + " 0 <= --referral-share <= 100 are required");
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

      out.printf(
          Locale.ROOT,
          "figures: median [min..max] of %d runs; cpu = this thread's CPU time, wall = elapsed%n",
          repeats);
      Spread javaCpu = new Spread();
      Spread javaWall = new Spread();
      for (int k = 0; k < repeats; k++) {
        double[] t = perRow(seconds, x.length, i -> trees.probability(x[i]));
        javaCpu.add(t[0]);
        javaWall.add(t[1]);
      }
      double[] inplace =
          perRow(
              seconds,
              x.length,
              i ->
                  booster
                      .inplace_predict(
                          x[i], 1, w, Float.NaN, range, Booster.PredictionType.kValue, null)[0][0]);
      double[] dmatrix =
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
          "model alone, 1 thread, plain Java:        cpu %s us/row, wall %s us/row%n",
          javaCpu.us(),
          javaWall.us());
      out.printf(
          Locale.ROOT,
          "xgboost4j inplace_predict, single row:    cpu %10.2f us/row, wall %10.2f us/row"
              + "  (java %.0fx faster by cpu)%n",
          inplace[0] / 1e3,
          inplace[1] / 1e3,
          inplace[0] / javaCpu.median());
      out.printf(
          Locale.ROOT,
          "xgboost4j DMatrix + predict, single row:  cpu %10.2f us/row, wall %10.2f us/row"
              + "  (java %.0fx faster by cpu)%n",
          dmatrix[0] / 1e3,
          dmatrix[1] / 1e3,
          dmatrix[0] / javaCpu.median());
    } finally {
      booster.dispose();
    }

    // bulk: encode + score every declaration, reasons for the referred share
    // the referral threshold: the score above which --referral-share of the input lies
    float[] sample = new float[Math.min(x.length, 200_000)];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = trees.probability(x[i]);
    }
    Arrays.sort(sample);
    int cut = (int) Math.floor(sample.length * (1 - referralShare / 100.0));
    float threshold =
        referralShare == 0 ? Float.POSITIVE_INFINITY : sample[Math.min(cut, sample.length - 1)];
    shapLatency(out, m, x, threshold);

    bulk(m, rows, Float.POSITIVE_INFINITY, seconds / 3, null); // warm-up
    Spread plain = new Spread();
    Spread plainCpu = new Spread();
    for (int k = 0; k < repeats; k++) {
      double[] r = bulk(m, rows, Float.POSITIVE_INFINITY, seconds, null);
      plain.add(r[0]);
      plainCpu.add(r[1]);
    }
    out.printf(
        Locale.ROOT,
        "bulk encode+score on %d threads, no reasons: %s declarations/s wall"
            + " (%s per CPU-second of the scoring threads)%n",
        threads,
        plain.rate(),
        plainCpu.rate());
    if (referralShare > 0) {
      Spread explained = new Spread();
      Spread explainedCpu = new Spread();
      long[] counts = new long[3];
      for (int k = 0; k < repeats; k++) {
        double[] r = bulk(m, rows, threshold, seconds, counts);
        explained.add(r[0]);
        explainedCpu.add(r[1]);
      }
      out.printf(
          Locale.ROOT,
          "bulk encode+score on %d threads, exact reasons for the %.1f%% referred"
              + " (blocks of %d): %s declarations/s wall (%s per CPU-second; %d scored,"
              + " %d explained, %d reasons)%n",
          threads,
          100.0 * counts[1] / Math.max(1, counts[0]),
          explainBlock,
          explained.rate(),
          explainedCpu.rate(),
          counts[0],
          counts[1],
          counts[2]);
    }
    out.flush();
    if (!noAssessment) {
      // criteria + lists + model in the same run, by the assessment bench itself
      out.println("criteria + lists + model (sekisho bench targeting, same run):");
      out.flush();
      CommandLine assess = new CommandLine(new TargetingBenchCommand());
      assess.setOut(out);
      assess.setErr(err);
      int rc =
          assess.execute(
              "--model",
              model.toString(),
              "--input",
              input.toString(),
              "--seconds",
              Double.toString(seconds),
              "--threads",
              Integer.toString(threads));
      if (rc != 0) {
        err.println("bench targeting ended with exit code " + rc);
        return rc;
      }
    }
    out.flush();
    return 0;
  }

  /** Exact TreeSHAP latency per referral: leaf paths, and the recursion as the baseline. */
  private void shapLatency(PrintWriter out, RiskModel m, float[][] x, float threshold) {
    TreeEnsemble trees = m.trees();
    List<float[]> referred = new ArrayList<>();
    for (float[] row : x) {
      if (trees.probability(row) >= threshold) {
        referred.add(row);
      }
    }
    if (referred.isEmpty()) {
      referred.add(x[0]);
    }
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    trees.contributions(referred.getFirst()); // prepares the leaf paths
    Spread leafCpu = new Spread();
    Spread leafWall = new Spread();
    int at = 0;
    for (int k = 0; k < repeats; k++) {
      long n = 0;
      long c0 = tm.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      long end = w0 + (long) (seconds * 1e9);
      do {
        sink += trees.contributions(referred.get(at))[0];
        at = at + 1 == referred.size() ? 0 : at + 1;
        n++;
      } while (System.nanoTime() < end);
      leafCpu.add((tm.getCurrentThreadCpuTime() - c0) / (double) n);
      leafWall.add((System.nanoTime() - w0) / (double) n);
    }
    out.printf(
        Locale.ROOT,
        "exact TreeSHAP per referral, leaf paths:  cpu %s us, wall %s us%n",
        leafCpu.us(),
        leafWall.us());
    // the same referrals explained in blocks (one pass over the leaves per block)
    float[][] block = new float[explainBlock][];
    for (int i = 0; i < block.length; i++) {
      block[i] = referred.get(i % referred.size());
    }
    double[][] inBlocks = trees.contributions(block, block.length); // prepares the block form
    for (int k = 0; k < 2; k++) {
      // warm-up: one call explains a whole block (seconds for 256 rows), so let the JIT finish
      sink += trees.contributions(block, block.length)[0][0];
    }
    double blockDiff = 0;
    for (int i = 0; i < Math.min(block.length, 4); i++) {
      double[] one = trees.contributions(block[i]);
      for (int j = 0; j < one.length; j++) {
        blockDiff = Math.max(blockDiff, Math.abs(one[j] - inBlocks[i][j]));
      }
    }
    Spread blockCpu = new Spread();
    Spread blockWall = new Spread();
    for (int k = 0; k < repeats; k++) {
      long n = 0;
      long c0 = tm.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      long end = w0 + (long) (seconds * 1e9);
      do {
        sink += trees.contributions(block, block.length)[0][0];
        n += block.length;
      } while (System.nanoTime() < end);
      blockCpu.add((tm.getCurrentThreadCpuTime() - c0) / (double) n);
      blockWall.add((System.nanoTime() - w0) / (double) n);
    }
    out.printf(
        Locale.ROOT,
        "exact TreeSHAP per referral, blocks of %d: cpu %s us, wall %s us"
            + "  (%.1fx faster than one by one by cpu; max |difference| %.1e)%n",
        block.length,
        blockCpu.us(),
        blockWall.us(),
        leafCpu.median() / blockCpu.median(),
        blockDiff);
    if (recursionRows > 0) {
      int rows = Math.min(recursionRows, referred.size());
      double maxDiff = 0;
      long c0 = tm.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int i = 0; i < rows; i++) {
        double[] slow = trees.contributionsByRecursion(referred.get(i));
        double[] fast = trees.contributions(referred.get(i));
        for (int j = 0; j < slow.length; j++) {
          maxDiff = Math.max(maxDiff, Math.abs(slow[j] - fast[j]));
        }
      }
      // the loop ran both; subtract the leaf-path median to keep the recursion's own cost
      double recursionCpu = (tm.getCurrentThreadCpuTime() - c0) / (double) rows - leafCpu.median();
      double recursionWall = (System.nanoTime() - w0) / (double) rows - leafWall.median();
      out.printf(
          Locale.ROOT,
          "exact TreeSHAP per referral, recursion:   cpu %10.1f us, wall %10.1f us"
              + "  (%d referrals; leaf paths %.1fx faster by cpu; max |difference| %.1e)%n",
          recursionCpu / 1e3,
          recursionWall / 1e3,
          rows,
          recursionCpu / leafCpu.median(),
          maxDiff);
    }
  }

  private double sink;

  /** Repeated measurements of one figure, in nanoseconds or per second. */
  private static final class Spread {
    private final List<Double> values = new ArrayList<>();

    void add(double v) {
      values.add(v);
    }

    double median() {
      List<Double> s = new ArrayList<>(values);
      s.sort(null);
      int n = s.size();
      return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private double min() {
      return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private double max() {
      return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Nanoseconds shown as microseconds. */
    String us() {
      return String.format(
          Locale.ROOT, "%10.2f [%.2f..%.2f]", median() / 1e3, min() / 1e3, max() / 1e3);
    }

    /** A rate shown as a whole number. */
    String rate() {
      return String.format(Locale.ROOT, "%10.0f [%.0f..%.0f]", median(), min(), max());
    }
  }

  /**
   * Scores {@code rows} round-robin on {@link #threads} threads for {@code secs}, explaining every
   * score at or above {@code threshold}. Returns declarations per wall second and per CPU second of
   * the scoring threads; adds scored, explained and reason counts to {@code counts} if given.
   */
  private double[] bulk(
      RiskModel m, List<KcsDeclaration> rows, float threshold, double secs, long[] counts)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    LongAdder scored = new LongAdder();
    LongAdder referred = new LongAdder();
    LongAdder reasons = new LongAdder();
    LongAdder cpuNanos = new LongAdder();
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + (long) (secs * 1e9);
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int start = t * rows.size() / threads;
      fs.add(
          pool.submit(
              () -> {
                long c0 = tm.getCurrentThreadCpuTime();
                int block = 64;
                float[][] scratch = new float[block][m.encoder().width()];
                KcsDeclaration[] ds = new KcsDeclaration[block];
                float[] scores = new float[block];
                List<KcsDeclaration> waiting = new ArrayList<>(explainBlock);
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
                      // referrals wait for a full block, then are explained together
                      waiting.add(ds[k]);
                      r++;
                      if (waiting.size() == explainBlock) {
                        given += explain(m, waiting);
                      }
                    }
                  }
                  n += block;
                  if (System.nanoTime() > end) {
                    break;
                  }
                }
                given += explain(m, waiting); // the last, partial block
                scored.add(n);
                referred.add(r);
                reasons.add(given);
                cpuNanos.add(tm.getCurrentThreadCpuTime() - c0);
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    double s = (System.nanoTime() - t0) / 1e9;
    if (counts != null) {
      counts[0] += scored.sum();
      counts[1] += referred.sum();
      counts[2] += reasons.sum();
    }
    // per CPU-second of the scoring threads, times the threads: what dedicated cores would give
    double perCpu = scored.sum() / (cpuNanos.sum() / 1e9) * threads;
    return new double[] {scored.sum() / s, perCpu};
  }

  /** Explains and empties {@code waiting}; returns the number of reasons given. */
  private static int explain(RiskModel m, List<KcsDeclaration> waiting) {
    int given = 0;
    if (waiting.size() == 1) {
      given = m.reasons(waiting.getFirst(), 3).size();
    } else if (!waiting.isEmpty()) {
      for (List<?> reasons : m.reasons(waiting, 3)) {
        given += reasons.size();
      }
    }
    waiting.clear();
    return given;
  }

  /** A measured call returning a value, so the JIT cannot drop it. */
  private interface RowCall {
    float apply(int i) throws Exception;
  }

  /** Nanoseconds per row: this thread's CPU time and wall time. */
  private static double[] perRow(double seconds, int n, RowCall call) throws Exception {
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    float sink = 0;
    long warm = System.nanoTime() + (long) (seconds * 0.3e9);
    int i = 0;
    while (System.nanoTime() < warm) {
      sink += call.apply(i);
      i = i + 1 == n ? 0 : i + 1;
    }
    long count = 0;
    long c0 = tm.getCurrentThreadCpuTime();
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
    long cpu = tm.getCurrentThreadCpuTime() - c0;
    if (sink == Float.MIN_VALUE) {
      System.out.print("");
    }
    return new double[] {cpu / (double) count, (now - t0) / (double) count};
  }
}
