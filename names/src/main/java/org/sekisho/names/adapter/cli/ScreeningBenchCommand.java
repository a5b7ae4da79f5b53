package org.sekisho.names.adapter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.NameNormaliser;
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
 * {@code sekisho bench screening}: builds a synthetic watchlist (deterministic seed, 2 million
 * names by default), then measures single-name screening latency (p50/p95/p99) and whole-flight
 * screening (500 passengers: a document rule plus the watchlist) p99, single-threaded, and the
 * recall of the typo'd list names it screened.
 */
@Command(
    name = "screening",
    mixinStandardHelpOptions = true,
    description = "Benchmark watchlist screening: single-name and 500-passenger flight latency.")
public final class ScreeningBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--names", description = "watchlist size (default ${DEFAULT-VALUE})")
  int size = 2_000_000;

  @Option(names = "--queries", description = "single-name queries (default ${DEFAULT-VALUE})")
  int queries = 2000;

  @Option(names = "--flights", description = "flights of 500 passengers (default ${DEFAULT-VALUE})")
  int flights = 20;

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
    NameMatcher matcher = new NameMatcher(new NameNormaliser(), false);
    Watchlist.Builder builder = new Watchlist.Builder(matcher);
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
    int found = 0;
    int positives = 0;
    for (int i = 0; i < queryNames.size(); i++) {
      long s = System.nanoTime();
      List<WatchlistHit> hits =
          list.screen(ScreeningSubject.named(queryNames.get(i)), NameMatcher.DEFAULT_THRESHOLD);
      single[i] = System.nanoTime() - s;
      if (expected.get(i) != null) {
        positives++;
        String id = expected.get(i);
        if (hits.stream().anyMatch(h -> h.entry().id().equals(id))) {
          found++;
        }
      }
    }
    Arrays.sort(single);
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

    long[] flight = new long[flights];
    Set<String> stolenDocuments = Set.of("X1234567", "P0000001");
    Random f = new Random(seed + 2);
    for (int k = 0; k < flights; k++) {
      List<ScreeningSubject> pax = new ArrayList<>(500);
      for (int p = 0; p < 500; p++) {
        String name =
            p % 50 == 0
                ? typo(f, queryNames.get(f.nextInt(queryNames.size())))
                : personName(f, given, family);
        pax.add(
            new ScreeningSubject(
                name,
                Optional.of(
                    new PartialDate(1940 + f.nextInt(60), 1 + f.nextInt(12), 1 + f.nextInt(28))),
                Optional.of(countries[f.nextInt(countries.length)]),
                Optional.of("P" + (1_000_000 + f.nextInt(9_000_000)))));
      }
      long s = System.nanoTime();
      // rules first (cheap), then the watchlist; passengers are independent, so the flight is
      // spread over the available cores
      long referrals =
          pax.parallelStream()
              .filter(
                  subject ->
                      subject.document().map(stolenDocuments::contains).orElse(false)
                          || !list.screen(subject, NameMatcher.DEFAULT_THRESHOLD).isEmpty())
              .count();
      flight[k] = System.nanoTime() - s;
      if (k == 0) {
        out.printf(Locale.ROOT, "flight 1: %d of 500 passengers referred%n", referrals);
      }
    }
    Arrays.sort(flight);
    out.printf(
        Locale.ROOT,
        "flight of 500 (%d flights, %d cores): p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
        flights,
        Runtime.getRuntime().availableProcessors(),
        pct(flight, 50),
        pct(flight, 99),
        flight[flight.length - 1] / 1e6);
    out.printf(
        Locale.ROOT,
        "targets: single name p95 <= 20 ms, flight p99 <= 200 ms; yente baseline ~4 requests/s/vCPU"
            + " (~250 ms a request), not run here%n");
    return 0;
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
