package org.sekisho.targeting.model.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.sekisho.targeting.model.domain.FeatureEncoder;
import org.sekisho.targeting.model.domain.FeatureSet;
import org.sekisho.targeting.model.domain.FraudLabel;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.RiskModel;

/**
 * Replays declarations week by week as a customs office would live them, in the manner of the
 * Customs-Fraud-Detection simulation (Kim et al.): each week the model trained on what is known so
 * far ranks the week's declarations; a share of them is inspected, most of it the highest scores
 * (exploitation) and the rest chosen for exploration (at random, or the scores nearest 0.5); only
 * the inspected declarations' results become known, and the model is retrained on the history plus
 * every result revealed so far before the next week.
 *
 * <p>Figures per week follow that protocol: precision (frauds among the inspected), recall (of the
 * week's frauds), revenue captured (share of the week's revenue in the inspected declarations,
 * where the data has revenue), and each of them normalised by its best possible value with that
 * many inspections: {@code min(frauds/k, 1)}, {@code min(k/frauds, 1)}, the top-{@code k} revenues'
 * share.
 *
 * <p>Deterministic for a seed: exploration draws and the booster are seeded; ties in score keep
 * input order. Not thread-safe; one run at a time per instance.
 */
public final class SimulateInspections {
  private final BoostingTrainer trainer;

  public SimulateInspections(BoostingTrainer trainer) {
    this.trainer = trainer;
  }

  /** How the exploration share of the inspections is chosen. */
  public enum Exploration {
    /** Uniformly among the declarations not already selected. */
    RANDOM,
    /** The declarations whose fraud probability is nearest 0.5. */
    UNCERTAIN
  }

  /**
   * Simulation settings.
   *
   * @param ratePercent share of each week's declarations inspected, in percent (0, 100]
   * @param explorePercent share of the inspections chosen by exploration, in percent [0, 100]
   * @param exploration how exploration picks
   * @param weekDays length of a simulated week in days (7 in the protocol)
   * @param maxWeeks most weeks to simulate (0: all)
   * @param parameters booster settings for every retraining (rounds fixed, no early stopping)
   * @param features feature groups
   * @param seed seeds exploration, encoding folds and the booster
   */
  public record Settings(
      double ratePercent,
      double explorePercent,
      Exploration exploration,
      int weekDays,
      int maxWeeks,
      BoostingParameters parameters,
      FeatureSet features,
      long seed) {
    public Settings {
      if (!(ratePercent > 0 && ratePercent <= 100)) {
        throw new IllegalArgumentException("rate must be in (0, 100] percent");
      }
      if (!(explorePercent >= 0 && explorePercent <= 100)) {
        throw new IllegalArgumentException("explore must be in [0, 100] percent");
      }
      if (weekDays < 1 || maxWeeks < 0) {
        throw new IllegalArgumentException("weekDays >= 1 and maxWeeks >= 0 are required");
      }
    }
  }

  /**
   * A declaration of the replayed stream with its revenue, if the data has revenue.
   *
   * @param declaration the declaration, labelled (its label is revealed only if inspected)
   * @param revenue revenue recovered if inspected (NaN where the data has no revenue)
   */
  public record Arrival(KcsDeclaration declaration, double revenue) {}

  /**
   * One simulated week.
   *
   * @param week 1-based week number
   * @param from first day
   * @param to last day
   * @param declarations declarations that arrived
   * @param frauds frauds among them (known only to the simulation)
   * @param inspected declarations inspected ({@code k})
   * @param exploited inspected because their score was among the highest
   * @param explored inspected by exploration
   * @param found frauds found by the inspections
   * @param foundByExploitation frauds found among the exploited
   * @param foundByExploration frauds found among the explored
   * @param trainingRows labelled rows the week's model was trained on
   * @param precision found / inspected (NaN with no inspection)
   * @param recall found / frauds (NaN with no fraud)
   * @param revenueFound revenue of the inspected declarations (NaN without revenue data)
   * @param revenueAll revenue of all the week's declarations (NaN without revenue data)
   * @param revenue revenueFound / revenueAll (NaN without revenue data or revenue)
   * @param bestPrecision min(frauds / inspected, 1)
   * @param bestRecall min(inspected / frauds, 1)
   * @param bestRevenue share of the top-{@code k} revenues
   * @param normPrecision precision / bestPrecision
   * @param normRecall recall / bestRecall
   * @param normRevenue revenue / bestRevenue
   */
  public record Week(
      int week,
      LocalDate from,
      LocalDate to,
      int declarations,
      int frauds,
      int inspected,
      int exploited,
      int explored,
      int found,
      int foundByExploitation,
      int foundByExploration,
      int trainingRows,
      double precision,
      double recall,
      double revenueFound,
      double revenueAll,
      double revenue,
      double bestPrecision,
      double bestRecall,
      double bestRevenue,
      double normPrecision,
      double normRecall,
      double normRevenue) {}

  /**
   * The whole run: totals over the weeks and means of the weekly figures (NaN weeks left out).
   *
   * @param weeks weeks simulated
   * @param declarations declarations replayed
   * @param frauds frauds among them
   * @param inspected inspections
   * @param found frauds found
   * @param precision found / inspected over all weeks
   * @param recall found / frauds over all weeks
   * @param revenue captured revenue / all revenue over all weeks (NaN without revenue)
   * @param meanPrecision mean weekly precision
   * @param meanRecall mean weekly recall
   * @param meanRevenue mean weekly revenue share
   * @param meanNormPrecision mean weekly normalised precision
   * @param meanNormRecall mean weekly normalised recall
   * @param meanNormRevenue mean weekly normalised revenue
   */
  public record Summary(
      int weeks,
      int declarations,
      int frauds,
      int inspected,
      int found,
      double precision,
      double recall,
      double revenue,
      double meanPrecision,
      double meanRecall,
      double meanRevenue,
      double meanNormPrecision,
      double meanNormRecall,
      double meanNormRevenue) {}

  /**
   * Runs the simulation.
   *
   * @param history labelled declarations known before the first week (all results known)
   * @param stream the declarations to replay, labelled; sorted here by date (stable)
   * @param s settings
   * @param eachWeek told of every week as it completes
   * @return the summary
   * @throws IllegalArgumentException if the history is empty or a row lacks its label
   */
  public Summary run(
      List<KcsDeclaration> history, List<Arrival> stream, Settings s, Consumer<Week> eachWeek) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("the simulation needs labelled history to start from");
    }
    for (KcsDeclaration d : history) {
      requireLabel(d);
    }
    List<Arrival> arrivals = new ArrayList<>(stream);
    for (Arrival a : arrivals) {
      requireLabel(a.declaration());
    }
    arrivals.sort(Comparator.comparing(a -> a.declaration().date()));
    SplittableRandom random = new SplittableRandom(s.seed());
    List<KcsDeclaration> known = new ArrayList<>(history);
    boolean hasRevenue = !arrivals.isEmpty();
    for (Arrival a : arrivals) {
      hasRevenue &= !Double.isNaN(a.revenue());
    }
    Totals t = new Totals();
    int at = 0;
    int week = 0;
    while (at < arrivals.size() && (s.maxWeeks() == 0 || week < s.maxWeeks())) {
      week++;
      LocalDate from = arrivals.get(at).declaration().date();
      LocalDate end = from.plusDays(s.weekDays());
      int until = at;
      while (until < arrivals.size() && arrivals.get(until).declaration().date().isBefore(end)) {
        until++;
      }
      List<Arrival> batch = arrivals.subList(at, until);
      at = until;
      RiskModel model = train(known, s);
      Week w = inspect(week, from, end.minusDays(1), batch, model, known, hasRevenue, s, random);
      t.add(w);
      eachWeek.accept(w);
    }
    return t.summary(hasRevenue);
  }

  private RiskModel train(List<KcsDeclaration> known, Settings s) {
    BoostingParameters p = s.parameters();
    FeatureEncoder.Fitted fitted =
        FeatureEncoder.fit(known, s.features(), p.smoothing(), p.folds(), p.seed());
    BoostingTrainer.Trained trained =
        trainer.train(fitted.training(), Optional.empty(), p.withRounds(p.maxRounds()));
    return new RiskModel(fitted.encoder(), trained.trees());
  }

  private static Week inspect(
      int week,
      LocalDate from,
      LocalDate to,
      List<Arrival> batch,
      RiskModel model,
      List<KcsDeclaration> known,
      boolean hasRevenue,
      Settings s,
      SplittableRandom random) {
    int n = batch.size();
    float[] score = new float[n];
    float[] scratch = new float[model.encoder().width()];
    int frauds = 0;
    double allRevenue = 0;
    for (int i = 0; i < n; i++) {
      KcsDeclaration d = batch.get(i).declaration();
      // the model sees the declaration as it arrives, without its result
      score[i] = model.score(d.unlabelled(), scratch);
      frauds += isFraud(d) ? 1 : 0;
      allRevenue += hasRevenue ? batch.get(i).revenue() : 0;
    }
    int k = (int) Math.floor(n * s.ratePercent() / 100.0 + 1e-9);
    int explore = (int) Math.round(k * s.explorePercent() / 100.0);
    int exploit = k - explore;
    Integer[] byScore = new Integer[n];
    for (int i = 0; i < n; i++) {
      byScore[i] = i;
    }
    // highest first; ties keep arrival order (the sort is stable)
    java.util.Arrays.sort(byScore, (a, b) -> Float.compare(score[b], score[a]));
    boolean[] chosen = new boolean[n];
    for (int r = 0; r < exploit; r++) {
      chosen[byScore[r]] = true;
    }
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!chosen[i]) {
        rest.add(i);
      }
    }
    List<Integer> explored = new ArrayList<>();
    if (s.exploration() == Exploration.RANDOM) {
      // partial Fisher-Yates: the first `explore` of a seeded shuffle
      for (int j = 0; j < explore && j < rest.size(); j++) {
        int pick = j + random.nextInt(rest.size() - j);
        java.util.Collections.swap(rest, j, pick);
        explored.add(rest.get(j));
      }
    } else {
      rest.sort(Comparator.comparingDouble(i -> Math.abs(score[i] - 0.5)));
      explored.addAll(rest.subList(0, Math.min(explore, rest.size())));
    }
    int foundExploit = 0;
    int foundExplore = 0;
    double captured = 0;
    for (int r = 0; r < exploit; r++) {
      Arrival a = batch.get(byScore[r]);
      foundExploit += isFraud(a.declaration()) ? 1 : 0;
      captured += hasRevenue ? a.revenue() : 0;
      known.add(a.declaration()); // the inspection reveals the result
    }
    for (int i : explored) {
      Arrival a = batch.get(i);
      foundExplore += isFraud(a.declaration()) ? 1 : 0;
      captured += hasRevenue ? a.revenue() : 0;
      known.add(a.declaration());
    }
    int inspected = exploit + explored.size();
    int found = foundExploit + foundExplore;
    double precision = inspected == 0 ? Double.NaN : (double) found / inspected;
    double recall = frauds == 0 ? Double.NaN : (double) found / frauds;
    double bestPrecision = inspected == 0 ? Double.NaN : Math.min((double) frauds / inspected, 1);
    double bestRecall = frauds == 0 ? Double.NaN : Math.min((double) inspected / frauds, 1);
    double revenue = Double.NaN;
    double bestRevenue = Double.NaN;
    if (hasRevenue && allRevenue > 0) {
      revenue = captured / allRevenue;
      double[] rev = new double[n];
      for (int i = 0; i < n; i++) {
        rev[i] = batch.get(i).revenue();
      }
      java.util.Arrays.sort(rev);
      double top = 0;
      for (int i = 0; i < inspected; i++) {
        top += rev[n - 1 - i];
      }
      bestRevenue = top / allRevenue;
    }
    return new Week(
        week,
        from,
        to,
        n,
        frauds,
        inspected,
        exploit,
        explored.size(),
        found,
        foundExploit,
        foundExplore,
        known.size() - inspected,
        precision,
        recall,
        hasRevenue ? captured : Double.NaN,
        hasRevenue ? allRevenue : Double.NaN,
        revenue,
        bestPrecision,
        bestRecall,
        bestRevenue,
        ratio(precision, bestPrecision),
        ratio(recall, bestRecall),
        ratio(revenue, bestRevenue));
  }

  private static double ratio(double value, double best) {
    return best > 0 ? value / best : Double.NaN;
  }

  private static boolean isFraud(KcsDeclaration d) {
    return d.label() == FraudLabel.FRAUD;
  }

  private static void requireLabel(KcsDeclaration d) {
    if (d.label() == FraudLabel.UNLABELLED) {
      throw new IllegalArgumentException(
          "declaration " + d.declarationId() + " has no inspection result");
    }
  }

  /** Running totals and weekly means. */
  private static final class Totals {
    int weeks;
    int declarations;
    int frauds;
    int inspected;
    int found;
    double captured;
    double revenue;
    final Mean precision = new Mean();
    final Mean recall = new Mean();
    final Mean rev = new Mean();
    final Mean normPrecision = new Mean();
    final Mean normRecall = new Mean();
    final Mean normRevenue = new Mean();

    void add(Week w) {
      weeks++;
      declarations += w.declarations();
      frauds += w.frauds();
      inspected += w.inspected();
      found += w.found();
      if (!Double.isNaN(w.revenueAll())) {
        captured += w.revenueFound();
        revenue += w.revenueAll();
      }
      precision.add(w.precision());
      recall.add(w.recall());
      rev.add(w.revenue());
      normPrecision.add(w.normPrecision());
      normRecall.add(w.normRecall());
      normRevenue.add(w.normRevenue());
    }

    Summary summary(boolean hasRevenue) {
      return new Summary(
          weeks,
          declarations,
          frauds,
          inspected,
          found,
          inspected == 0 ? Double.NaN : (double) found / inspected,
          frauds == 0 ? Double.NaN : (double) found / frauds,
          hasRevenue && revenue > 0 ? captured / revenue : Double.NaN,
          precision.value(),
          recall.value(),
          rev.value(),
          normPrecision.value(),
          normRecall.value(),
          normRevenue.value());
    }
  }

  /** Mean of the non-NaN values added. */
  private static final class Mean {
    double sum;
    int n;

    void add(double v) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }

    double value() {
      return n == 0 ? Double.NaN : sum / n;
    }
  }
}
