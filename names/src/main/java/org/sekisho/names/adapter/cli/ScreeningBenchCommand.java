package org.sekisho.names.adapter.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sekisho.names.adapter.kuromoji.KuromojiReadings;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.NormalisedName;
import org.sekisho.names.domain.watchlist.CandidateIndex;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.ScreeningSubject;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.Watchlist;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.names.domain.watchlist.WatchlistHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench names}: builds a synthetic watchlist (deterministic seed, 2 million names by
 * default; build time and heap in use are printed), then measures single-name screening latency
 * (p50/p95/p99, wall and CPU time), where a name's time goes (normalisation, candidate retrieval,
 * comparison; postings read), the recall of the typo'd list names it screened, and whole-flight
 * screening (500 passengers: a document rule plus the watchlist) p50/p95/p99 with {@link
 * Watchlist#screenAll}, beside the one-passenger-at-a-time way in the same run.
 */
@Command(
    name = "names",
    mixinStandardHelpOptions = true,
    description = "Benchmark watchlist screening: single-name and 500-passenger flight latency.")
public final class ScreeningBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--names", description = "watchlist size (default ${DEFAULT-VALUE})")
  int size = 2_000_000;

  @Option(names = "--queries", description = "single-name queries (default ${DEFAULT-VALUE})")
  int queries = 2000;

  @Option(names = "--flights", description = "flights of 500 passengers (default ${DEFAULT-VALUE})")
  int flights = 30;

  @Option(
      names = "--baseline-flights",
      description =
          "of those, flights also screened one passenger at a time for comparison"
              + " (default ${DEFAULT-VALUE})")
  int baselineFlights = 5;

  @Option(
      names = "--posting-budget",
      description =
          "longest posting list a search reads once it has candidates (default ${DEFAULT-VALUE})")
  int postingBudget = CandidateIndex.DEFAULT_POSTING_BUDGET;

  @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
  long seed = 20240501L;

  public ScreeningBenchCommand() {}

  private static final String[] ONSETS = {
    "b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh",
    "ch", "br", "tr", "st", "", ""
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ia"};
  private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "m", "d", "k"};

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Random rnd = new Random(seed);
    String[] given = pool(rnd, 4000, 2, 3);
    String[] family = pool(rnd, 60000, 2, 4);
    NameMatcher matcher = new NameMatcher(KuromojiReadings.normaliser(), false);
    Watchlist.Builder builder = new Watchlist.Builder(matcher).postingBudget(postingBudget);
    long t0 = System.nanoTime();
    List<String> sample = new ArrayList<>();
    Set<String> noDocs = Set.of();
    String[] countries = {"ru", "ir", "sy", "kp", "af", "cn", "us", "de", "jp", "ng"};
    for (int i = 0; i < size; i++) {
      String name = personName(rnd, given, family);
      if (i % (size / Math.max(1, queries / 2)) == 0) {
        sample.add(name + "\t" + i);
      }
      builder.add(
          new WatchlistEntry(
              Integer.toString(i),
              "synthetic",
              Severity.values()[i & 3],
              List.of(name),
              List.of(new PartialDate(1940 + rnd.nextInt(60), 0, 0)),
              Set.of(countries[rnd.nextInt(countries.length)]),
              noDocs));
    }
    Watchlist list = builder.build();
    double buildS = (System.nanoTime() - t0) / 1e9;
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    out.printf(
        Locale.ROOT,
        "watchlist: %,d entries, %,d postings, built in %.1f s, heap in use %d MiB (max %d MiB)%n",
        list.size(),
        list.index().postingCount(),
        buildS,
        heapMb,
        rt.maxMemory() >> 20);

    // queries: half are list names with one typo (should hit), half fresh names (mostly not)
    List<String> queryNames = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    Random q = new Random(seed + 1);
    for (String s : sample) {
      String[] parts = s.split("\t");
      queryNames.add(typo(q, parts[0]));
      expected.add(parts[1]);
      queryNames.add(personName(q, given, family));
      expected.add(null);
    }
    // warm-up
    for (int i = 0; i < Math.min(500, queryNames.size()); i++) {
      list.screen(ScreeningSubject.named(queryNames.get(i)), NameMatcher.DEFAULT_THRESHOLD);
    }
    long[] single = new long[queryNames.size()];
    long[] singleCpu = new long[queryNames.size()];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int found = 0;
    int positives = 0;
    for (int i = 0; i < queryNames.size(); i++) {
      long c = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      List<WatchlistHit> hits =
          list.screen(ScreeningSubject.named(queryNames.get(i)), NameMatcher.DEFAULT_THRESHOLD);
      single[i] = System.nanoTime() - s;
      singleCpu[i] = threads.getCurrentThreadCpuTime() - c;
      if (expected.get(i) != null) {
        positives++;
        String id = expected.get(i);
        if (hits.stream().anyMatch(h -> h.entry().id().equals(id))) {
          found++;
        }
      }
    }
    Arrays.sort(single);
    Arrays.sort(singleCpu);
    out.printf(
        Locale.ROOT,
        "single name (%d queries): p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms;"
            + " recall on one-typo list names %.4f (%d/%d)%n",
        single.length,
        pct(single, 50),
        pct(single, 95),
        pct(single, 99),
        single[single.length - 1] / 1e6,
        (double) found / positives,
        found,
        positives);
    out.printf(
        Locale.ROOT,
        "single name, CPU time of the screening thread (unaffected by other load):"
            + " p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n",
        pct(singleCpu, 50),
        pct(singleCpu, 95),
        pct(singleCpu, 99));

    profile(out, list, matcher, queryNames);

    // a flight: mostly people on no list, a few listed names (as listed or with a typo), and
    // common names that several passengers share
    Set<String> stolenDocuments = Set.of("X1234567", "P0000001");
    Random f = new Random(seed + 2);
    List<List<ScreeningSubject>> flightList = new ArrayList<>();
    for (int k = 0; k < flights; k++) {
      List<ScreeningSubject> pax = new ArrayList<>(500);
      for (int p = 0; p < 500; p++) {
        String name;
        if (p % 50 == 0) {
          name = typo(f, queryNames.get(f.nextInt(queryNames.size())));
        } else if (p % 50 == 25) {
          name = sample.get(f.nextInt(sample.size())).split("\t")[0];
        } else if (p % 10 == 5) {
          name = given[f.nextInt(3)] + " " + family[f.nextInt(20)];
        } else {
          name = personName(f, given, family);
        }
        pax.add(
            new ScreeningSubject(
                name,
                Optional.of(
                    new PartialDate(1940 + f.nextInt(60), 1 + f.nextInt(12), 1 + f.nextInt(28))),
                Optional.of(countries[f.nextInt(countries.length)]),
                Optional.of("P" + (1_000_000 + f.nextInt(9_000_000)))));
      }
      flightList.add(pax);
    }
    // warm-up of both paths
    list.screenAll(flightList.get(0), NameMatcher.DEFAULT_THRESHOLD);
    int compared = Math.max(1, Math.min(flights, baselineFlights));
    long[] each = new long[compared];
    long[] batch = new long[flights];
    long[] batchCpu = new long[flights];
    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    for (int k = 0; k < flights; k++) {
      List<ScreeningSubject> pax = flightList.get(k);
      long referralsEach = -1;
      if (k < compared) {
        long s = System.nanoTime();
        // the way before screenAll: rules first (cheap), then the watchlist, one passenger at a
        // time spread over the cores
        referralsEach =
            pax.parallelStream()
                .filter(
                    subject ->
                        subject.document().map(stolenDocuments::contains).orElse(false)
                            || !list.screen(subject, NameMatcher.DEFAULT_THRESHOLD).isEmpty())
                .count();
        each[k] = System.nanoTime() - s;
      }
      long cpu = os.getProcessCpuTime();
      long s = System.nanoTime();
      List<List<WatchlistHit>> hits = list.screenAll(pax, NameMatcher.DEFAULT_THRESHOLD);
      long referralsBatch = 0;
      for (int p = 0; p < pax.size(); p++) {
        if (pax.get(p).document().map(stolenDocuments::contains).orElse(false)
            || !hits.get(p).isEmpty()) {
          referralsBatch++;
        }
      }
      batch[k] = System.nanoTime() - s;
      batchCpu[k] = os.getProcessCpuTime() - cpu;
      if (k == 0) {
        out.printf(
            Locale.ROOT,
            "flight 1: %d of 500 passengers referred (one by one: %d)%n",
            referralsBatch,
            referralsEach);
      }
    }
    Arrays.sort(each);
    Arrays.sort(batch);
    Arrays.sort(batchCpu);
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(
        Locale.ROOT,
        "machine load average %.1f on %d cores (above %d, wall times include waiting for other"
            + " processes; CPU times do not)%n",
        os.getSystemLoadAverage(),
        cores,
        cores);
    out.printf(
        Locale.ROOT,
        "flight of 500, batch screenAll (%d flights, %d cores): p50 %.1f ms  p95 %.1f ms"
            + "  p99 %.1f ms  max %.1f ms%n",
        flights,
        cores,
        pct(batch, 50),
        pct(batch, 95),
        pct(batch, 99),
        batch[batch.length - 1] / 1e6);
    out.printf(
        Locale.ROOT,
        "flight of 500, batch screenAll, CPU time of the process per flight (all cores together):"
            + " p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n",
        pct(batchCpu, 50),
        pct(batchCpu, 95),
        pct(batchCpu, 99));
    out.printf(
        Locale.ROOT,
        "flight of 500, one screen() per passenger in parallel (same run, first %d flights):"
            + " p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n",
        compared,
        pct(each, 50),
        pct(each, 95),
        pct(each, 99));
    out.printf(
        Locale.ROOT,
        "targets: single name p95 <= 20 ms, flight p99 <= 200 ms; yente baseline ~4 requests/s/vCPU"
            + " (~250 ms a request), not run here%n");
    return 0;
  }

  // where a single name's time goes: normalisation, candidate retrieval, comparison
  private static void profile(
      PrintWriter out, Watchlist list, NameMatcher matcher, List<String> queryNames) {
    int n = queryNames.size();
    // CPU time of this thread, not wall time: other processes on the machine do not count
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long norm = 0;
    long search = 0;
    long[] postings = new long[n];
    long[] scored = new long[n];
    long keys = 0;
    long keysScanned = 0;
    for (String name : queryNames) {
      matcher.normaliser().normalise(name);
    }
    for (int i = 0; i < n; i++) {
      long t = threads.getCurrentThreadCpuTime();
      NormalisedName q = matcher.normaliser().normalise(queryNames.get(i));
      norm += threads.getCurrentThreadCpuTime() - t;
      t = threads.getCurrentThreadCpuTime();
      list.index().search(q, Watchlist.DEFAULT_CANDIDATES);
      search += threads.getCurrentThreadCpuTime() - t;
      CandidateIndex.SearchCost c = list.index().searchCost(q, Watchlist.DEFAULT_CANDIDATES);
      postings[i] = c.postingsScanned();
      scored[i] = c.namesScored();
      keys += c.keys();
      keysScanned += c.keysScanned();
    }
    long total = 0;
    for (String name : queryNames) {
      long t = threads.getCurrentThreadCpuTime();
      list.screen(ScreeningSubject.named(name), NameMatcher.DEFAULT_THRESHOLD);
      total += threads.getCurrentThreadCpuTime() - t;
    }
    Arrays.sort(postings);
    Arrays.sort(scored);
    out.printf(
        Locale.ROOT,
        "per name (mean CPU): normalise %.3f ms, candidate retrieval %.3f ms, comparing %d candidates"
            + " and corroboration %.3f ms; keys %.1f of which scanned %.1f; postings read p50 %d"
            + " p95 %d max %d; names scored p50 %d p95 %d%n",
        norm / 1e6 / n,
        search / 1e6 / n,
        Watchlist.DEFAULT_CANDIDATES,
        Math.max(0, total - norm - search) / 1e6 / n,
        (double) keys / n,
        (double) keysScanned / n,
        postings[n / 2],
        postings[(int) (n * 0.95)],
        postings[n - 1],
        scored[n / 2],
        scored[(int) (n * 0.95)]);
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static String[] pool(Random rnd, int n, int minSyl, int maxSyl) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder();
      int syl = minSyl + rnd.nextInt(maxSyl - minSyl + 1);
      for (int s = 0; s < syl; s++) {
        b.append(ONSETS[rnd.nextInt(ONSETS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)]);
      }
      b.append(CODAS[rnd.nextInt(CODAS.length)]);
      b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
      out[i] = b.toString();
    }
    return out;
  }

  private static String personName(Random rnd, String[] given, String[] family) {
    // a Zipf-like skew: some given names are far more common than others
    String g = given[(int) (given.length * Math.pow(rnd.nextDouble(), 2))];
    String fam = family[rnd.nextInt(family.length)];
    if (rnd.nextInt(10) < 3) {
      return g + " " + given[rnd.nextInt(given.length)] + " " + fam;
    }
    return g + " " + fam;
  }

  private static String typo(Random rnd, String name) {
    char[] c = name.toCharArray();
    int i = 1 + rnd.nextInt(Math.max(1, c.length - 2));
    if (c[i] == ' ' || c[i - 1] == ' ') {
      return name;
    }
    switch (rnd.nextInt(3)) {
      case 0 -> {
        char t = c[i];
        c[i] = c[i - 1];
        c[i - 1] = t;
        return new String(c);
      }
      case 1 -> {
        return name.substring(0, i) + name.substring(i + 1);
      }
      default -> {
        c[i] = (char) ('a' + rnd.nextInt(26));
        return new String(c);
      }
    }
  }
}
