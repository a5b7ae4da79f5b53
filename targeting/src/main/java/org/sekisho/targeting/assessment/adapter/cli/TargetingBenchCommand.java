package org.sekisho.targeting.assessment.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.adapter.model.KcsViews;
import org.sekisho.targeting.assessment.adapter.model.ReleasedModelScorer;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.domain.ActiveCriterion;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.Assessor;
import org.sekisho.targeting.assessment.domain.RuleBook;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.Criterion;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.model.adapter.kcs.KcsDeclarationReader;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench targeting}: in-process assessment speed over KCS declarations — criteria and
 * lists alone, the model alone, and the whole assessment (criteria + lists + released model score +
 * selectivity), on {@code --threads} threads.
 */
@Command(
    name = "targeting",
    mixinStandardHelpOptions = true,
    description = {
      "Measures assessments per second in-process: criteria+lists, model, and criteria+lists+model"
          + "+selectivity (the full assessment; model reasons only for referrals).",
      "Uses 12 criteria over 3 lists built from the input (party, country, HS lists)."
    })
public final class TargetingBenchCommand implements Callable<Integer> {
  // The same rows are assessed again and again as if new: every call counts into the windows.
  private static final int REPLAYED = 0;

  @Spec CommandSpec spec;

  @Option(names = "--model", description = "Released model directory (none: no model score).")
  Path model;

  @Option(names = "--input", required = true, description = "KCS declarations CSV.")
  Path input;

  @Option(names = "--seconds", defaultValue = "3", description = "Seconds per figure.")
  double seconds;

  @Option(names = "--threads", defaultValue = "2", description = "Threads.")
  int threads;

  @Option(names = "--max-rows", defaultValue = "200000", description = "Rows read from input.")
  int maxRows;

  /** Picocli needs a public no-argument constructor. */
  public TargetingBenchCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threads < 1 || seconds <= 0) {
      err.println("--threads and --seconds must be positive");
      return 2;
    }
    List<DeclarationView> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      Outcome<KcsDeclarationReader> reader = KcsDeclarationReader.open(r, false);
      if (!reader.isAccepted()) {
        err.println(input + ": " + reader.problems());
        return 1;
      }
      KcsDeclarationReader k = reader.orElseThrow();
      for (KcsDeclarationReader.Row row = k.next();
          row != null && rows.size() < maxRows;
          row = k.next()) {
        if (row.declaration().isAccepted()) {
          rows.add(KcsViews.view(row.declaration().orElseThrow()));
        }
      }
    } catch (IOException e) {
      err.println(input + ": cannot read");
      return 1;
    }
    if (rows.isEmpty()) {
      err.println(input + ": no usable rows");
      return 1;
    }
    RiskScorer scorer = RiskScorer.NONE;
    if (model != null) {
      Outcome<RiskScorer> m = ReleasedModelScorer.open(model);
      if (!m.isAccepted()) {
        err.println(model + ": " + m.problems());
        return 1;
      }
      scorer = m.orElseThrow();
    }
    RuleBook book = book(rows);
    DeclarationView[] ds = rows.toArray(DeclarationView[]::new);
    out.printf(
        Locale.ROOT,
        "%d declarations, %d criteria, lists %s, %d threads, %.0f s per figure%n",
        ds.length,
        book.criteria().size(),
        book.listVersions(),
        threads,
        seconds);
    long hits = 0;
    for (DeclarationView d : ds) {
      hits += book.evaluate(d).isEmpty() ? 0 : 1;
    }
    out.printf(Locale.ROOT, "declarations hit by a criterion: %.1f %%%n", 100.0 * hits / ds.length);
    final RiskScorer sc = scorer;
    report(out, "criteria + lists", measure(ds, d -> book.evaluate(d).size()));
    report(out, "model score", measure(ds, d -> sc.score(d).probability() > 0.5 ? 1 : 0));
    Selectivity selectivity = new Selectivity(SelectivityConfig.standard(1), REPLAYED);
    report(
        out,
        "criteria + lists + model + selectivity",
        measure(ds, d -> Assessor.assess(d, book, sc.score(d), selectivity).lane().ordinal()));
    long referred = 0;
    Selectivity counting = new Selectivity(SelectivityConfig.standard(1), REPLAYED);
    for (DeclarationView d : ds) {
      referred += Assessor.assess(d, book, sc.score(d), counting).lane() != Lane.GREEN ? 1 : 0;
    }
    out.printf(
        Locale.ROOT,
        "referred (not green): %.1f %% — each referral also gets TreeSHAP model reasons:%n",
        100.0 * referred / ds.length);
    Selectivity withReasons = new Selectivity(SelectivityConfig.standard(1), REPLAYED);
    report(
        out,
        "  ... + model reasons for referrals",
        measure(
            ds,
            d -> {
              Assessment a = Assessor.assess(d, book, sc.score(d), withReasons);
              return a.lane() != Lane.GREEN ? sc.explain(d, 3).size() : 0;
            }));
    return 0;
  }

  private static void report(PrintWriter out, String what, double perSecond) {
    out.printf(Locale.ROOT, "%-42s %,12.0f declarations/s%n", what, perSecond);
    out.flush();
  }

  private double measure(DeclarationView[] ds, ToIntFunction<DeclarationView> work)
      throws Exception {
    // warm-up
    long sink = 0;
    for (int i = 0; i < Math.min(ds.length, 50_000); i++) {
      sink += work.applyAsInt(ds[i]);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long end = System.nanoTime() + (long) (seconds * 1e9);
      long start = System.nanoTime();
      List<Future<long[]>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * (ds.length / threads);
        fs.add(
            pool.submit(
                () -> {
                  long n = 0;
                  long s = 0;
                  int i = offset;
                  while (System.nanoTime() < end) {
                    for (int b = 0; b < 1000; b++) {
                      s += work.applyAsInt(ds[i]);
                      i = i + 1 == ds.length ? 0 : i + 1;
                    }
                    n += 1000;
                  }
                  return new long[] {n, s};
                }));
      }
      long total = 0;
      for (Future<long[]> f : fs) {
        long[] r = f.get();
        total += r[0];
        sink += r[1];
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (sink == Long.MIN_VALUE) {
        System.out.print("");
      }
      return total / elapsed;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Twelve criteria of the kinds analysts write, over lists drawn from the input itself. */
  public static RuleBook book(List<DeclarationView> rows) {
    Map<String, ReferenceList> lists = lists(rows);
    List<ActiveCriterion> active = new ArrayList<>();
    long id = 1;
    for (String t : CRITERIA) {
      CriteriaLanguage.Compiled c = CriteriaLanguage.compileOne(t, lists);
      Criterion k = c.criteria().get(0);
      active.add(new ActiveCriterion(id++, 1, k, Set.of(), Optional.empty(), Optional.empty()));
    }
    return new RuleBook(active, lists);
  }

  /**
   * The benchmark's three lists, drawn from the input: up to 500 importers (every 97th row), up to
   * 12 origin countries, four drug-precursor HS headings.
   */
  public static Map<String, ReferenceList> lists(List<DeclarationView> rows) {
    Set<String> importers = new HashSet<>();
    Set<String> origins = new HashSet<>();
    for (int i = 0; i < rows.size() && importers.size() < 500; i += 97) {
      importers.add(rows.get(i).importer().id());
    }
    for (DeclarationView d : rows) {
      if (!d.items().isEmpty() && origins.size() < 12) {
        String o = d.items().get(0).origin();
        if (org.sekisho.core.Country.isValid(o)) {
          origins.add(o);
        }
      }
    }
    return Map.of(
        "watched-importers",
        new ReferenceList("watched-importers", ListKind.PARTIES, 1, importers),
        "high-risk-origins",
        new ReferenceList("high-risk-origins", ListKind.COUNTRIES, 1, origins),
        "drug-precursors",
        new ReferenceList(
            "drug-precursors", ListKind.HS_CODES, 1, Set.of("2939", "2914", "2932", "3004")));
  }

  /** The benchmark's criteria (over {@link #lists}), of the kinds analysts write. */
  public static final List<String> CRITERIA =
      List.of(
          "criterion \"Watched importer\" when importer in list \"watched-importers\" then lane yellow"
              + " weight 20 because \"importer on the watch list\"",
          "criterion \"Cheap from risky origin\" when origin in list \"high-risk-origins\" and"
              + " value_per_kg < 5 then lane red weight 30 because \"under-valued goods from a"
              + " high-risk origin\"",
          "criterion \"Precursors\" when hs in list \"drug-precursors\" then lane red weight 50"
              + " because \"drug precursor chemicals\"",
          "criterion \"Heavy and cheap\" when net_mass > 1000 and value < 100 then weight 10 because"
              + " \"mass and value do not fit\"",
          "criterion \"Tobacco\" when hs starts with (\"2402\", \"2403\") then lane yellow weight 15"
              + " because \"excise goods\"",
          "criterion \"Repeat offender\" when importer_infractions >= 2 then lane red weight 25"
              + " because \"two or more earlier infractions\"",
          "criterion \"New importer, valuable\" when importer_declarations = 0 and value > 1000000"
              + " then weight 10 because \"first declaration and high value\"",
          "criterion \"Zero duty but dutiable chapter\" when duty_rate = 0 and hs starts with (\"61\","
              + " \"62\", \"64\") then weight 8 because \"garments at zero duty\"",
          "criterion \"Transshipment\" when departure != \"CN\" and origin = \"CN\" then weight 5"
              + " because \"goods of Chinese origin shipped from elsewhere\"",
          "criterion \"Sampled electronics\" when hs starts with \"85\" and value_per_kg between 0"
              + " and 2 then lane yellow sample 20 % because \"electronics far below market price\"",
          "criterion \"Air mode precious\" when mode = \"40\" and hs starts with \"71\" then lane"
              + " red weight 30 because \"precious metals by air\"",
          "criterion \"Mass missing\" when not (net_mass > 0) then weight 5 because \"no net mass\"");
}
