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
import java.util.function.IntFunction;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.adapter.cli.TargetingBenchCommand;
import org.sekisho.targeting.assessment.adapter.model.KcsViews;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.Assessor;
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.assessment.domain.RuleBook;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.Reason;
import org.sekisho.targeting.model.domain.RiskModel;
import org.sekisho.targeting.model.domain.TreeEnsemble;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench scoring}: the released model's scoring speed against XGBoost4J's own
 * single-row prediction of the same trees, in the same JVM run; exact TreeSHAP per referral (one by
 * one and in blocks, with the previous forms as baselines); and bulk scoring on several threads —
 * the model alone and criteria + lists + model — without reasons, with immediate reasons for every
 * referral (path contributions) and with exact reasons.
 */
@Command(
    name = "scoring",
    mixinStandardHelpOptions = true,
    description = {
      "Measures model scoring: plain-Java trees vs XGBoost4J single-row predict (same model,"
          + " same run); exact TreeSHAP per referral (depth-first, one by one and in blocks; the"
          + " previous leaf-path forms and the recursion as baselines); bulk encode+score on"
          + " --threads without reasons, with immediate path-contribution reasons and with exact"
          + " reasons for the --referral-share highest scores; and criteria + lists + model +"
          + " selectivity with immediate reasons (criteria hits, list hits, path contributions)"
          + " for every referral.",
      "Checks on the way that both scorers give the same probabilities. Each figure is measured"
          + " --repeats times (median [min..max]); CPU time is shown beside wall time because a"
          + " shared machine makes wall time noisy."
    })
public final class ScoringBenchCommand implements Callable<Integer> {
  // The same rows are assessed again and again as if new: every call counts into the windows.
  private static final int REPLAYED = 0;

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
      description = "Percent of declarations referred (and explained) in bulk model scoring.")
  double referralShare;

  @Option(
      names = "--repeats",
      defaultValue = "3",
      description = "Times each figure is measured; median and range are printed.")
  int repeats;

  @Option(
      names = "--recursion-rows",
      defaultValue = "3",
      description = "Referrals explained by the old recursive TreeSHAP as the SHAP baseline.")
  int recursionRows;

  @Option(
      names = "--explain-block",
      defaultValue = "128",
      description =
          "Referrals explained together by exact TreeSHAP in bulk scoring (1: one by one;"
              + " default ${DEFAULT-VALUE}).")
  int explainBlock;

  @Option(
      names = "--no-baselines",
      description = "Skip the previous exact forms (leaf paths one by one and in blocks).")
  boolean noBaselines;

  @Option(names = "--no-assessment", description = "Skip the criteria + lists + model figures.")
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
    long leaves = 0;
    for (var t : trees.trees()) {
      for (int c : t.left()) {
        leaves += c < 0 ? 1 : 0;
      }
    }
    out.printf(
        Locale.ROOT,
        "model %s: %d trees, %d leaves, max depth %d, %d features; %d declarations from %s;"
            + " load average %s%n",
        loaded.manifest().versionId(),
        trees.size(),
        leaves,
        trees.maxDepth(),
        w,
        rows.size(),
        input.getFileName(),
        loadAverage());

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
              + "  (java %.0fx faster by cpu, %.0fx by wall)%n",
          inplace[0] / 1e3,
          inplace[1] / 1e3,
          inplace[0] / javaCpu.median(),
          inplace[1] / javaWall.median());
      out.printf(
          Locale.ROOT,
          "xgboost4j DMatrix + predict, single row:  cpu %10.2f us/row, wall %10.2f us/row"
              + "  (java %.0fx faster by cpu, %.0fx by wall)%n",
          dmatrix[0] / 1e3,
          dmatrix[1] / 1e3,
          dmatrix[0] / javaCpu.median(),
          dmatrix[1] / javaWall.median());
      // the model as bulk scoring runs it: blocks of rows, four walking each tree in lockstep
      int block = 64;
      float[][][] blocks = new float[Math.max(1, x.length / block)][][];
      for (int b = 0; b < blocks.length; b++) {
        blocks[b] = Arrays.copyOfRange(x, b * block, Math.min(x.length, (b + 1) * block));
      }
      float[] margins = new float[block];
      Spread blockCpu = new Spread();
      Spread blockWall = new Spread();
      for (int k = 0; k < repeats; k++) {
        double[] t =
            perRow(
                seconds,
                blocks.length,
                b -> {
                  trees.margins(blocks[b], blocks[b].length, margins);
                  return margins[0];
                });
        blockCpu.add(t[0] / blocks[0].length);
        blockWall.add(t[1] / blocks[0].length);
      }
      out.printf(
          Locale.ROOT,
          "model alone, 1 thread, blocks of %d rows: cpu %s us/row, wall %s us/row  (%.0fx"
              + " xgboost4j inplace_predict single row by cpu, %.0fx by wall)%n",
          blocks[0].length,
          blockCpu.us(),
          blockWall.us(),
          inplace[0] / blockCpu.median(),
          inplace[1] / blockWall.median());
    } finally {
      booster.dispose();
    }
    out.flush();

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

    bulk(m, rows, Float.POSITIVE_INFINITY, Explain.NONE, seconds / 3, null); // warm-up
    Spread plain = new Spread();
    Spread plainCpu = new Spread();
    for (int k = 0; k < repeats; k++) {
      double[] r = bulk(m, rows, Float.POSITIVE_INFINITY, Explain.NONE, seconds, null);
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
    out.flush();
    if (referralShare > 0) {
      for (Explain how : List.of(Explain.PATH, Explain.EXACT)) {
        Spread explained = new Spread();
        Spread explainedCpu = new Spread();
        long[] counts = new long[3];
        bulk(m, rows, threshold, how, seconds / 3, null); // warm-up
        for (int k = 0; k < repeats; k++) {
          double[] r = bulk(m, rows, threshold, how, seconds, counts);
          explained.add(r[0]);
          explainedCpu.add(r[1]);
        }
        out.printf(
            Locale.ROOT,
            "bulk encode+score on %d threads, %s for the %.1f%% referred:"
                + " %s declarations/s wall (%s per CPU-second; %d scored, %d explained,"
                + " %d reasons)%n",
            threads,
            how == Explain.PATH
                ? "immediate reasons (path contributions)"
                : "exact SHAP reasons (blocks of " + explainBlock + ")",
            100.0 * counts[1] / Math.max(1, counts[0]),
            explained.rate(),
            explainedCpu.rate(),
            counts[0],
            counts[1],
            counts[2]);
        out.flush();
      }
    }
    if (!noAssessment) {
      assessment(out, m, loaded.manifest().versionId(), rows);
    }
    out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
    out.flush();
    return 0;
  }

  /** How referrals are explained in bulk scoring. */
  private enum Explain {
    NONE,
    PATH,
    EXACT
  }

  /**
   * Criteria + lists + model + selectivity, the whole in-process assessment, on {@link #threads}
   * threads: without reasons, and with every referral's reasons at once (criteria and list hits,
   * selection basis, and the model's path contributions).
   */
  private void assessment(PrintWriter out, RiskModel m, String version, List<KcsDeclaration> rows)
      throws Exception {
    List<DeclarationView> views = new ArrayList<>(rows.size());
    for (KcsDeclaration d : rows) {
      views.add(KcsViews.view(d));
    }
    RuleBook book = TargetingBenchCommand.book(views);
    out.printf(
        Locale.ROOT,
        "criteria + lists + model + selectivity (%d criteria, lists %s; one selectivity for all"
            + " threads, 5%% red expected):%n",
        book.criteria().size(),
        book.listVersions());
    for (boolean reasons : new boolean[] {false, true}) {
      Spread wall = new Spread();
      Spread cpu = new Spread();
      long[] counts = new long[3];
      Selectivity selectivity = new Selectivity(SelectivityConfig.standard(1), REPLAYED);
      IntFunction<Block> work =
          thread -> assessor(m, version, rows, views, book, selectivity, reasons, thread);
      runThreads(seconds / 3, work, null);
      for (int k = 0; k < repeats; k++) {
        double[] r = runThreads(seconds, work, counts);
        wall.add(r[0]);
        cpu.add(r[1]);
      }
      out.printf(
          Locale.ROOT,
          "  %-58s %s declarations/s wall (%s per CPU-second)%s%n",
          reasons
              ? "... with reasons for every referral at once (path contrib.)"
              : "criteria + lists + model score + lane, no reasons",
          wall.rate(),
          cpu.rate(),
          reasons
              ? String.format(
                  Locale.ROOT,
                  "; %.1f%% referred, %.1f reasons each",
                  100.0 * counts[1] / Math.max(1, counts[0]),
                  counts[2] / (double) Math.max(1, counts[1]))
              : "");
      out.flush();
    }
  }

  /** One thread's assessment loop: blocks of 64 declarations scored together, then assessed. */
  private static Block assessor(
      RiskModel m,
      String version,
      List<KcsDeclaration> rows,
      List<DeclarationView> views,
      RuleBook book,
      Selectivity selectivity,
      boolean reasons,
      int thread) {
    int block = 64;
    int[] at = {thread * rows.size() / 2};
    float[][] scratch = new float[block][m.encoder().width()];
    KcsDeclaration[] ds = new KcsDeclaration[block];
    float[] scores = new float[block];
    double[] phi = new double[m.encoder().width() + 1];
    int[] leaves = new int[block * m.trees().size()];
    return counts -> {
      final int start = at[0] % rows.size();
      int i = start;
      for (int k = 0; k < block; k++) {
        ds[k] = rows.get(i);
        i = i + 1 == rows.size() ? 0 : i + 1;
      }
      at[0] = i;
      if (reasons) {
        m.scoreBlock(ds, block, scratch, scores, leaves);
      } else {
        m.scoreBlock(ds, block, scratch, scores);
      }
      i = start;
      for (int k = 0; k < block; k++) {
        Assessment a =
            Assessor.assess(views.get(i), book, new ModelScore(scores[k], version), selectivity);
        i = i + 1 == rows.size() ? 0 : i + 1;
        if (a.lane() != Lane.GREEN) {
          counts[1]++;
          if (reasons) {
            List<String> all = new ArrayList<>(a.reasons());
            for (Reason r : m.pathReasons(ds[k], leaves, k, 3, phi)) {
              all.add(r.toString());
            }
            counts[2] += all.size();
          }
        }
      }
      counts[0] += block;
    };
  }

  /** Exact TreeSHAP per referral: depth-first, the previous leaf-path forms and the recursion. */
  private void shapLatency(PrintWriter out, RiskModel m, float[][] x, float threshold)
      throws Exception {
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
    out.printf(
        Locale.ROOT,
        "reasons per referral (%d referred rows, one thread, this thread's CPU time):%n",
        referred.size());
    Spread pathCpu = new Spread();
    Spread pathWall = new Spread();
    double[] phi = new double[trees.features() + 1];
    for (int k = 0; k < repeats; k++) {
      double[] t =
          perRow(
              seconds,
              referred.size(),
              i -> {
                trees.pathContributions(referred.get(i), phi);
                return (float) phi[0];
              });
      pathCpu.add(t[0]);
      pathWall.add(t[1]);
    }
    out.printf(
        Locale.ROOT,
        "  path contributions, walking the trees:     cpu %s us, wall %s us%n",
        pathCpu.us(),
        pathWall.us());
    // as bulk scoring does it: from the leaves recorded while scoring the block
    float[][] xs = referred.toArray(float[][]::new);
    int[] leaves = new int[xs.length * trees.size()];
    trees.margins(xs, xs.length, new float[xs.length], leaves);
    Spread leafCpu = new Spread();
    Spread leafWall = new Spread();
    for (int k = 0; k < repeats; k++) {
      double[] t =
          perRow(
              seconds,
              xs.length,
              i -> {
                trees.pathContributionsOfLeaves(leaves, i * trees.size(), phi);
                return (float) phi[0];
              });
      leafCpu.add(t[0]);
      leafWall.add(t[1]);
    }
    out.printf(
        Locale.ROOT,
        "  path contributions, from scored leaves:    cpu %s us, wall %s us%n",
        leafCpu.us(),
        leafWall.us());
    out.flush();
    trees.contributions(referred.getFirst()); // prepares the depth-first form
    Spread oneCpu = new Spread();
    Spread oneWall = new Spread();
    int[] at = {0};
    for (int k = 0; k < repeats; k++) {
      double[] t = timed(seconds, 1, () -> trees.contributions(next(referred, at))[0]);
      oneCpu.add(t[0]);
      oneWall.add(t[1]);
    }
    out.printf(
        Locale.ROOT,
        "  exact SHAP, depth-first, one by one:       cpu %s us, wall %s us%n",
        oneCpu.us(),
        oneWall.us());
    out.flush();
    float[][] block = new float[explainBlock][];
    for (int i = 0; i < block.length; i++) {
      block[i] = referred.get(i % referred.size());
    }
    for (int k = 0; k < 2; k++) {
      // warm-up: one call explains a whole block, so let the JIT finish first
      sink += trees.contributions(block, block.length)[0][0];
    }
    double[][] inBlocks = trees.contributions(block, block.length);
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
      double[] t =
          timed(seconds, block.length, () -> trees.contributions(block, block.length)[0][0]);
      blockCpu.add(t[0]);
      blockWall.add(t[1]);
    }
    out.printf(
        Locale.ROOT,
        "  exact SHAP, depth-first, blocks of %3d:    cpu %s us, wall %s us"
            + "  (%.1fx one by one by cpu; max |block - one by one| %.1e)%n",
        block.length,
        blockCpu.us(),
        blockWall.us(),
        oneCpu.median() / blockCpu.median(),
        blockDiff);
    out.flush();
    double leafOne = Double.NaN;
    if (!noBaselines) {
      // the previous exact forms, measured once each (they are slow)
      trees.contributionsByLeafPaths(referred.getFirst());
      double[] t = timed(seconds, 1, () -> trees.contributionsByLeafPaths(next(referred, at))[0]);
      leafOne = t[0];
      double diff = 0;
      for (int i = 0; i < Math.min(referred.size(), 3); i++) {
        double[] a = trees.contributions(referred.get(i));
        double[] b = trees.contributionsByLeafPaths(referred.get(i));
        for (int j = 0; j < a.length; j++) {
          diff = Math.max(diff, Math.abs(a[j] - b[j]));
        }
      }
      out.printf(
          Locale.ROOT,
          "  baseline: leaf paths, one by one:          cpu %10.2f us, wall %10.2f us"
              + "  (depth-first %.1fx faster by cpu; max |difference| %.1e)%n",
          t[0] / 1e3,
          t[1] / 1e3,
          t[0] / oneCpu.median(),
          diff);
      out.flush();
      float[][] lanes = new float[256][];
      for (int i = 0; i < lanes.length; i++) {
        lanes[i] = referred.get(i % referred.size());
      }
      double[][] old = trees.contributionsByLeafPathLanes(lanes, lanes.length); // warm-up
      double[][] exact = trees.contributions(lanes, 4);
      double oldDiff = 0;
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < exact[i].length; j++) {
          oldDiff = Math.max(oldDiff, Math.abs(old[i][j] - exact[i][j]));
        }
      }
      double[] b =
          timed(
              seconds,
              lanes.length,
              () -> trees.contributionsByLeafPathLanes(lanes, lanes.length)[0][0]);
      out.printf(
          Locale.ROOT,
          "  baseline: leaf paths, blocks of 256, float: cpu %10.2f us, wall %10.2f us"
              + "  (depth-first blocks %.1fx faster by cpu; max |difference| %.1e)%n",
          b[0] / 1e3,
          b[1] / 1e3,
          b[0] / blockCpu.median(),
          oldDiff);
      out.flush();
    }
    if (recursionRows > 0) {
      int rows = Math.min(recursionRows, referred.size());
      double maxDiff = 0;
      ThreadMXBean tm = ManagementFactory.getThreadMXBean();
      long c0 = tm.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int i = 0; i < rows; i++) {
        double[] slow = trees.contributionsByRecursion(referred.get(i));
        sink += slow[0];
      }
      double recursionCpu = (tm.getCurrentThreadCpuTime() - c0) / (double) rows;
      double recursionWall = (System.nanoTime() - w0) / (double) rows;
      for (int i = 0; i < rows; i++) {
        double[] slow = trees.contributionsByRecursion(referred.get(i));
        double[] fast = trees.contributions(referred.get(i));
        for (int j = 0; j < slow.length; j++) {
          maxDiff = Math.max(maxDiff, Math.abs(slow[j] - fast[j]));
        }
      }
      out.printf(
          Locale.ROOT,
          "  baseline: recursion (Lundberg et al.):     cpu %10.1f us, wall %10.1f us"
              + "  (%d referrals; depth-first %.1fx faster by cpu%s; max |difference| %.1e)%n",
          recursionCpu / 1e3,
          recursionWall / 1e3,
          rows,
          recursionCpu / oneCpu.median(),
          Double.isNaN(leafOne)
              ? ""
              : String.format(Locale.ROOT, ", leaf paths %.1fx", recursionCpu / leafOne),
          maxDiff);
      out.flush();
    }
  }

  private static float[] next(List<float[]> rows, int[] at) {
    float[] r = rows.get(at[0]);
    at[0] = at[0] + 1 == rows.size() ? 0 : at[0] + 1;
    return r;
  }

  /** A measured call that explains {@code rows} rows per call. */
  private interface Call {
    double run();
  }

  /**
   * Nanoseconds per row of this thread's CPU and of wall time, calling {@code call} (which explains
   * {@code rowsPerCall} rows) for at least {@code secs} and at least once.
   */
  private double[] timed(double secs, int rowsPerCall, Call call) {
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    long n = 0;
    long c0 = tm.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    long end = w0 + (long) (secs * 1e9);
    do {
      sink += call.run();
      n += rowsPerCall;
    } while (System.nanoTime() < end);
    return new double[] {
      (tm.getCurrentThreadCpuTime() - c0) / (double) n, (System.nanoTime() - w0) / (double) n
    };
  }

  private double sink;

  private static String loadAverage() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", l);
  }

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

  /** One thread's unit of bulk work, which keeps its own place in the input. */
  private interface Block {
    /**
     * Processes the next block of declarations; adds scored, referred and reasons given to {@code
     * counts[0..2]}.
     */
    void run(long[] counts);
  }

  /**
   * Scores {@code rows} round-robin on {@link #threads} threads for {@code secs}, explaining every
   * score at or above {@code threshold} as {@code how} says. Returns declarations per wall second
   * and per CPU second of the scoring threads; adds scored, explained and reason counts to {@code
   * counts} if given.
   */
  private double[] bulk(
      RiskModel m,
      List<KcsDeclaration> rows,
      float threshold,
      Explain how,
      double secs,
      long[] counts)
      throws Exception {
    return runThreads(
        secs,
        thread -> {
          int block = 64;
          int[] at = {thread * rows.size() / threads};
          float[][] scratch = new float[block][m.encoder().width()];
          KcsDeclaration[] ds = new KcsDeclaration[block];
          float[] scores = new float[block];
          double[] phi = new double[m.encoder().width() + 1];
          int[] leaves = new int[block * m.trees().size()];
          List<KcsDeclaration> waiting = new ArrayList<>(explainBlock);
          return c -> {
            int i = at[0];
            for (int k = 0; k < block; k++) {
              ds[k] = rows.get(i);
              i = i + 1 == rows.size() ? 0 : i + 1;
            }
            at[0] = i;
            if (how == Explain.PATH) {
              m.scoreBlock(ds, block, scratch, scores, leaves);
            } else {
              m.scoreBlock(ds, block, scratch, scores);
            }
            for (int k = 0; k < block; k++) {
              if (scores[k] >= threshold) {
                c[1]++;
                if (how == Explain.PATH) {
                  // reasons at once, from the leaves the scoring reached
                  c[2] += m.pathReasons(ds[k], leaves, k, 3, phi).size();
                } else if (how == Explain.EXACT) {
                  // referrals wait for a full block, then are explained together
                  waiting.add(ds[k]);
                  if (waiting.size() == explainBlock) {
                    c[2] += explain(m, waiting);
                  }
                }
              }
            }
            c[0] += block;
          };
        },
        counts);
  }

  /**
   * Runs one {@link Block} per thread on {@link #threads} threads, each from its own place in the
   * input, for {@code secs}. Returns declarations per wall second and per CPU-second of the threads
   * (times the threads: what dedicated cores would give); adds the counts to {@code counts}.
   */
  private double[] runThreads(double secs, IntFunction<Block> work, long[] counts)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    LongAdder scored = new LongAdder();
    LongAdder referred = new LongAdder();
    LongAdder reasons = new LongAdder();
    LongAdder cpuNanos = new LongAdder();
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long end = t0 + (long) (secs * 1e9);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      fs.add(
          pool.submit(
              () -> {
                long c0 = tm.getCurrentThreadCpuTime();
                Block b = work.apply(thread);
                long[] c = new long[3];
                while (System.nanoTime() < end) {
                  b.run(c);
                }
                scored.add(c[0]);
                referred.add(c[1]);
                reasons.add(c[2]);
                cpuNanos.add(tm.getCurrentThreadCpuTime() - c0);
                return null;
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
