package org.sekisho.targeting.adapter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.model.adapter.kcs.CsvReader;
import org.sekisho.targeting.model.adapter.kcs.KcsDeclarationReader;
import org.sekisho.targeting.model.adapter.xgboost.XgboostTrainer;
import org.sekisho.targeting.model.application.BoostingParameters;
import org.sekisho.targeting.model.application.SimulateInspections;
import org.sekisho.targeting.model.application.SimulateInspections.Arrival;
import org.sekisho.targeting.model.application.SimulateInspections.Exploration;
import org.sekisho.targeting.model.application.SimulateInspections.Summary;
import org.sekisho.targeting.model.application.SimulateInspections.Week;
import org.sekisho.targeting.model.domain.FeatureSet;
import org.sekisho.targeting.model.domain.FraudLabel;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho risk simulate}: replays labelled declarations week by week, inspecting the
 * top-scored share plus an exploration share, revealing only the inspected results and retraining
 * weekly ({@link SimulateInspections}). Output format: {@code docs/formats/risk-simulate.md}.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a labelled declaration file week by week: the model trained on what is known ranks"
          + " the week, --rate percent is inspected (of which --explore percent chosen by"
          + " exploration), only inspected results are revealed, and the model is retrained on"
          + " them before the next week.",
      "Prints per week precision, recall and, where the data has a revenue column, revenue"
          + " captured, each also normalised by the best possible value (Customs-Fraud-Detection"
          + " protocol), then a summary. Deterministic for a --seed."
    })
public final class RiskSimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, description = "Input layout; only 'kcs'.")
  String format;

  @Option(names = "--data", required = true, description = "Labelled declarations to replay.")
  Path data;

  @Option(
      names = "--history",
      description =
          "Labelled declarations known before the replay (all results revealed); without it the"
              + " first --warmup-weeks of --data are the history.")
  Path history;

  @Option(
      names = "--warmup-weeks",
      defaultValue = "4",
      description = "Weeks of --data used as history when --history is not given (default 4).")
  int warmupWeeks;

  @Option(names = "--rate", defaultValue = "10", description = "Percent inspected per week.")
  double rate;

  @Option(
      names = "--explore",
      defaultValue = "10",
      description = "Percent of the inspections chosen by exploration (default 10).")
  double explore;

  @Option(
      names = "--strategy",
      defaultValue = "random",
      description = "Exploration: random or uncertain (scores nearest 0.5); default random.")
  String strategy;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default 42).")
  long seed;

  @Option(
      names = "--rounds",
      defaultValue = "40",
      description = "Boosting rounds of every weekly retraining (default 40).")
  int rounds;

  @Option(names = "--eta", defaultValue = "0.15", description = "Learning rate (default 0.15).")
  double eta;

  @Option(names = "--max-depth", description = "Tree depth (default: the tuned value).")
  Integer maxDepth;

  @Option(names = "--threads", description = "Booster threads (default: the tuned value).")
  Integer threads;

  @Option(names = "--max-weeks", defaultValue = "0", description = "Most weeks (0: all).")
  int maxWeeks;

  @Option(names = "--week-days", defaultValue = "7", description = "Days per simulated week.")
  int weekDays;

  @Option(
      names = "--revenue-column",
      description =
          "Column holding the revenue an inspection recovers (default: a column named 'revenue'"
              + " if the header has one; the KCS synthetic set has none).")
  String revenueColumn;

  @Option(names = "--json", description = "One JSON object per week, then the summary.")
  boolean json;

  /** Picocli needs a public no-argument constructor. */
  public RiskSimulateCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!"kcs".equals(format)) {
      err.println("--format: '" + format + "' is not supported; use kcs");
      return 2;
    }
    Exploration exploration;
    switch (strategy.toLowerCase(Locale.ROOT)) {
      case "random" -> exploration = Exploration.RANDOM;
      case "uncertain" -> exploration = Exploration.UNCERTAIN;
      default -> {
        err.println("--strategy: '" + strategy + "' is not one of random, uncertain");
        return 2;
      }
    }
    if (!(rate > 0 && rate <= 100)
        || !(explore >= 0 && explore <= 100)
        || rounds < 1
        || !(eta > 0)
        || maxWeeks < 0
        || weekDays < 1
        || warmupWeeks < 1) {
      err.println(
          "0 < --rate <= 100, 0 <= --explore <= 100, --rounds >= 1, --eta > 0, --max-weeks >= 0,"
              + " --week-days >= 1 and --warmup-weeks >= 1 are required");
      return 2;
    }
    List<Arrival> stream = read(data, "--data", revenueColumn, err);
    if (stream == null) {
      return 1;
    }
    List<KcsDeclaration> known = new ArrayList<>();
    if (history != null) {
      List<Arrival> h = read(history, "--history", null, err);
      if (h == null) {
        return 1;
      }
      h.forEach(a -> known.add(a.declaration()));
    } else {
      // the first weeks of the replay are the history
      stream.sort(java.util.Comparator.comparing(a -> a.declaration().date()));
      LocalDate end = stream.getFirst().declaration().date().plusDays(7L * warmupWeeks);
      int split = 0;
      while (split < stream.size() && stream.get(split).declaration().date().isBefore(end)) {
        known.add(stream.get(split++).declaration());
      }
      stream = new ArrayList<>(stream.subList(split, stream.size()));
    }
    if (known.isEmpty() || stream.isEmpty()) {
      err.println(
          known.isEmpty()
              ? "no labelled history to start from (give --history or more weeks of --data)"
              : "no declarations left to replay after the history");
      return 1;
    }
    BoostingParameters d = BoostingParameters.defaults(seed);
    BoostingParameters p =
        new BoostingParameters(
            maxDepth == null ? d.maxDepth() : maxDepth,
            d.maxLeaves(),
            eta,
            d.minChildWeight(),
            d.subsample(),
            d.colsample(),
            d.lambda(),
            d.maxBin(),
            rounds,
            0,
            d.smoothing(),
            d.folds(),
            threads == null ? d.threads() : threads,
            seed);
    SimulateInspections.Settings settings =
        new SimulateInspections.Settings(
            rate,
            explore,
            exploration,
            weekDays,
            maxWeeks,
            p,
            new FeatureSet(false, true, false),
            seed);
    boolean withRevenue = !Double.isNaN(stream.getFirst().revenue());
    ObjectMapper mapper = new ObjectMapper();
    if (!json) {
      out.printf(
          Locale.ROOT,
          "%4s %-10s %6s %6s %5s %5s %6s %9s %7s %7s %8s %8s%s%n",
          "week",
          "from",
          "rows",
          "frauds",
          "insp",
          "expl",
          "found",
          "precision",
          "recall",
          "norm-p",
          "norm-r",
          "trained",
          withRevenue ? "  revenue norm-rev" : "");
    }
    long t0 = System.nanoTime();
    Summary sum =
        new SimulateInspections(new XgboostTrainer("logloss"))
            .run(
                known,
                stream,
                settings,
                w -> {
                  if (json) {
                    out.println(weekJson(mapper, w));
                  } else {
                    out.printf(
                        Locale.ROOT,
                        "%4d %-10s %6d %6d %5d %5d %6d %9.3f %7.3f %7.3f %8.3f %8d%s%n",
                        w.week(),
                        w.from(),
                        w.declarations(),
                        w.frauds(),
                        w.inspected(),
                        w.explored(),
                        w.found(),
                        w.precision(),
                        w.recall(),
                        w.normPrecision(),
                        w.normRecall(),
                        w.trainingRows(),
                        withRevenue
                            ? String.format(
                                Locale.ROOT, " %8.3f %8.3f", w.revenue(), w.normRevenue())
                            : "");
                  }
                  out.flush();
                });
    if (json) {
      ObjectNode s = summaryJson(mapper, sum);
      ObjectNode settingsJson = s.putObject("settings");
      settingsJson.put("rate", rate);
      settingsJson.put("explore", explore);
      settingsJson.put("strategy", exploration.name().toLowerCase(Locale.ROOT));
      settingsJson.put("seed", seed);
      settingsJson.put("rounds", rounds);
      settingsJson.put("eta", eta);
      settingsJson.put("maxDepth", p.maxDepth());
      settingsJson.put("weekDays", weekDays);
      settingsJson.put("historyRows", known.size());
      settingsJson.put("revenue", withRevenue);
      ObjectNode wrapper = mapper.createObjectNode();
      wrapper.set("summary", s);
      out.println(wrapper);
    } else {
      out.printf(
          Locale.ROOT,
          "summary: %d weeks, %d declarations, %d frauds, %d inspected, %d found: precision %.3f,"
              + " recall %.3f; weekly means: precision %.3f, recall %.3f, norm-precision %.3f,"
              + " norm-recall %.3f%s%n",
          sum.weeks(),
          sum.declarations(),
          sum.frauds(),
          sum.inspected(),
          sum.found(),
          sum.precision(),
          sum.recall(),
          sum.meanPrecision(),
          sum.meanRecall(),
          sum.meanNormPrecision(),
          sum.meanNormRecall(),
          withRevenue
              ? String.format(
                  Locale.ROOT,
                  ", revenue %.3f, norm-revenue %.3f",
                  sum.meanRevenue(),
                  sum.meanNormRevenue())
              : " (no revenue column)");
    }
    err.printf(Locale.ROOT, "simulated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    out.flush();
    err.flush();
    return 0;
  }

  static ObjectNode weekJson(ObjectMapper mapper, Week w) {
    ObjectNode o = mapper.createObjectNode();
    o.put("week", w.week());
    o.put("from", w.from().toString());
    o.put("to", w.to().toString());
    o.put("declarations", w.declarations());
    o.put("frauds", w.frauds());
    o.put("inspected", w.inspected());
    o.put("exploited", w.exploited());
    o.put("explored", w.explored());
    o.put("found", w.found());
    o.put("foundByExploitation", w.foundByExploitation());
    o.put("foundByExploration", w.foundByExploration());
    o.put("trainingRows", w.trainingRows());
    number(o, "precision", w.precision());
    number(o, "recall", w.recall());
    number(o, "revenue", w.revenue());
    number(o, "revenueFound", w.revenueFound());
    number(o, "revenueAll", w.revenueAll());
    number(o, "bestPrecision", w.bestPrecision());
    number(o, "bestRecall", w.bestRecall());
    number(o, "bestRevenue", w.bestRevenue());
    number(o, "normPrecision", w.normPrecision());
    number(o, "normRecall", w.normRecall());
    number(o, "normRevenue", w.normRevenue());
    return o;
  }

  static ObjectNode summaryJson(ObjectMapper mapper, Summary s) {
    ObjectNode o = mapper.createObjectNode();
    o.put("weeks", s.weeks());
    o.put("declarations", s.declarations());
    o.put("frauds", s.frauds());
    o.put("inspected", s.inspected());
    o.put("found", s.found());
    number(o, "precision", s.precision());
    number(o, "recall", s.recall());
    number(o, "revenue", s.revenue());
    number(o, "meanPrecision", s.meanPrecision());
    number(o, "meanRecall", s.meanRecall());
    number(o, "meanRevenue", s.meanRevenue());
    number(o, "meanNormPrecision", s.meanNormPrecision());
    number(o, "meanNormRecall", s.meanNormRecall());
    number(o, "meanNormRevenue", s.meanNormRevenue());
    return o;
  }

  /** A figure rounded to 6 decimals, or null where it is undefined. */
  private static void number(ObjectNode o, String name, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(name);
    } else {
      o.put(name, Math.round(v * 1e6) / 1e6);
    }
  }

  /**
   * Reads labelled declarations and, if the file has it, the revenue column. Malformed rows are
   * reported (the first {@value KcsInput#SHOWN}) and skipped; returns null if the file is unusable.
   */
  private static List<Arrival> read(Path file, String option, String revenueName, PrintWriter err)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      err.println(option + " " + file + ": no such file");
      return null;
    }
    List<Double> revenue = revenueColumn(file, option, revenueName, err);
    if (revenue == null) {
      return null;
    }
    List<Arrival> out = new ArrayList<>();
    long skipped = 0;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Outcome<KcsDeclarationReader> opened = KcsDeclarationReader.open(r, true);
      if (!opened.isAccepted()) {
        err.println(option + " " + file + ": " + opened.problems());
        return null;
      }
      KcsDeclarationReader rows = opened.orElseThrow();
      for (KcsDeclarationReader.Row row = rows.next(); row != null; row = rows.next()) {
        Outcome<KcsDeclaration> d = row.declaration();
        if (d.isAccepted() && d.orElseThrow().label() == FraudLabel.UNLABELLED) {
          d = Outcome.rejected("missing-label", row.where() + ", column Fraud", "is empty");
        }
        double rev = Double.NaN;
        if (d.isAccepted() && !revenue.isEmpty()) {
          int i = (int) row.row() - 1;
          rev = i < revenue.size() ? revenue.get(i) : Double.NaN;
          if (!(rev >= 0)) {
            d =
                Outcome.rejected(
                    "bad-revenue",
                    row.where() + ", column " + revenueName,
                    "expected a number >= 0");
          }
        }
        if (d.isAccepted()) {
          out.add(new Arrival(d.orElseThrow(), rev));
        } else if (++skipped <= KcsInput.SHOWN) {
          for (Problem p : d.problems()) {
            err.println(file.getFileName() + ": skipped " + p);
          }
        }
      }
    }
    if (skipped > 0) {
      err.println(
          file.getFileName()
              + ": "
              + skipped
              + " malformed row(s) skipped, "
              + out.size()
              + " read");
    }
    if (out.isEmpty()) {
      err.println(option + " " + file + ": no usable rows");
      return null;
    }
    return out;
  }

  /**
   * The revenue column's values by data row (NaN where not a number), empty if the file has no such
   * column and none was asked for; null (reported) if an asked-for column is missing.
   */
  private static List<Double> revenueColumn(Path file, String option, String asked, PrintWriter err)
      throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(r);
      CsvReader.Record header = csv.next();
      if (header == null || !header.fields().isAccepted()) {
        return List.of(); // the declaration reader reports the unusable header
      }
      List<String> names = header.fields().orElseThrow();
      String want = asked == null ? "revenue" : asked;
      int col = -1;
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).replace("\uFEFF", "").strip().equalsIgnoreCase(want)) {
          col = i;
        }
      }
      if (col < 0) {
        if (asked != null) {
          err.println(option + " " + file + ": no column '" + asked + "' in the header");
          return null;
        }
        return List.of();
      }
      List<Double> values = new ArrayList<>();
      for (CsvReader.Record rec = csv.next(); rec != null; rec = csv.next()) {
        if (!rec.fields().isAccepted()) {
          values.add(Double.NaN);
          continue;
        }
        List<String> f = rec.fields().orElseThrow();
        if (f.size() == 1 && f.getFirst().isBlank()) {
          continue; // blank line, skipped by the declaration reader too
        }
        values.add(col < f.size() ? parse(f.get(col)) : Double.NaN);
      }
      return values;
    }
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
