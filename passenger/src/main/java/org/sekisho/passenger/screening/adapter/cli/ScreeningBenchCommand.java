package org.sekisho.passenger.screening.adapter.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sekisho.names.adapter.kuromoji.KuromojiReadings;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.Watchlist;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.passenger.screening.domain.FlightScreening;
import org.sekisho.passenger.screening.domain.PassengerFacts;
import org.sekisho.passenger.screening.domain.ScreeningRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench screening}: whole-flight passenger screening as the PNR unit runs it — the
 * demo passenger rules plus a synthetic watchlist (2 million names by default, deterministic seed)
 * over flights of 500 synthetic travellers. Prints p50/p95/p99 per flight (rules + watchlist, and
 * rules alone) and per name (one watchlist search). Target: flight p99 ≤ 200 ms.
 */
@Command(
    name = "screening",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark whole-flight passenger screening (rules + watchlist) and per-name search.")
public final class ScreeningBenchCommand implements Callable<Integer> {

  /** The demo rules (docs/formats/passenger-rules.md), one criterion each. */
  public static final List<String> DEMO_RULES =
      List.of(
          "criterion \"Cash, booked late, one way\" when payment = \"CA\" and"
              + " booking_days_before_departure <= 2 and one_way = \"yes\" then severity medium"
              + " weight 30 because \"a one-way ticket paid cash days before the flight\"",
          "criterion \"Through a source country\" when via in (\"CO\", \"PE\", \"BO\", \"VE\","
              + " \"AF\", \"MM\") and travelling_alone = \"yes\" then severity medium weight 20"
              + " because \"alone, through a source country of drugs\"",
          "criterion \"Short frequent trips\" when trips_last_30_days >= 3 then severity low weight"
              + " 15 because \"three or more flights in 30 days\"",
          "criterion \"Companion of a seizure-linked person\" when companion_of_seizure_linked ="
              + " \"yes\" then severity high weight 40 because \"travels on the booking of someone"
              + " linked to a past seizure\"",
          "criterion \"Bags out of pattern\" when bags >= 4 and travelling_alone = \"yes\" or"
              + " bag_weight > 60 then severity low weight 10 because \"more or heavier bags than"
              + " a lone traveller usually checks\"",
          "criterion \"Name changed\" when pnr_changed = \"name\" then severity medium weight 25"
              + " because \"the name on the booking changed after it was made\"");

  @Spec CommandSpec spec;

  @Option(names = "--names", description = "watchlist size (default ${DEFAULT-VALUE})")
  int size = 2_000_000;

  @Option(names = "--flights", description = "flights screened (default ${DEFAULT-VALUE})")
  int flights = 100;

  @Option(names = "--passengers", description = "travellers per flight (default ${DEFAULT-VALUE})")
  int passengers = 500;

  @Option(
      names = "--warmup",
      description = "flights screened before measuring (default ${DEFAULT-VALUE})")
  int warmup = 10;

  @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
  long seed = 4_2026L;

  public ScreeningBenchCommand() {}

  private static final String[] PARTS = {
    "ka", "ri", "mo", "ta", "ne", "su", "lo", "vi", "an", "el", "ior", "gu", "sha", "de", "ben",
    "ko", "mar", "zu", "pe", "ya", "ha", "ni", "ro", "ul", "ste", "fa", "di", "mi", "tor", "sel",
    "bra", "kin", "go", "li", "nov", "san", "te", "wa", "chi", "er"
  };
  private static final String[] COUNTRIES = {"us", "jp", "co", "ru", "de", "ng", "cn", "br"};
  private static final String[] AIRPORTS = {
    "LAX", "FRA", "SIN", "ICN", "PEK", "SYD", "CDG", "JFK", "BKK", "MNL", "TPE", "HKG", "LHR",
    "DXB", "YVR", "SFO", "AMS", "KUL", "BOG", "LIM"
  };

  private String[] given;
  private String[] family;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (size < 1 || flights < 1 || passengers < 1 || warmup < 1) {
      spec.commandLine()
          .getErr()
          .println("--names, --flights, --passengers and --warmup must be positive");
      return 2;
    }
    Random rnd = new Random(seed);
    long t0 = System.nanoTime();
    given = new String[3000];
    family = new String[50000];
    for (int i = 0; i < given.length; i++) {
      given[i] = word(rnd, 2 + rnd.nextInt(2));
    }
    for (int i = 0; i < family.length; i++) {
      family[i] = word(rnd, 2 + rnd.nextInt(3));
    }
    Watchlist.Builder b =
        new Watchlist.Builder(new NameMatcher(KuromojiReadings.normaliser(), false));
    List<String> listed = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String name = name(rnd);
      if (listed.size() < 5000 && rnd.nextInt(Math.max(1, size / 5000)) == 0) {
        listed.add(name);
      }
      b.add(
          new WatchlistEntry(
              "W" + i,
              i % 50 == 0 ? FlightScreening.SEIZURE_LINKED : "synthetic",
              Severity.values()[i & 3],
              List.of(name),
              List.of(new PartialDate(1940 + rnd.nextInt(65), 0, 0)),
              Set.of(COUNTRIES[rnd.nextInt(COUNTRIES.length)]),
              Set.of()));
    }
    Watchlist list = b.build();
    Runtime rt = Runtime.getRuntime();
    System.gc();
    out.printf(
        Locale.ROOT,
        "watchlist: %,d names built in %.1f s, heap in use %,d MiB; %d demo rules%n",
        list.size(),
        (System.nanoTime() - t0) / 1e9,
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        DEMO_RULES.size());

    List<ScreeningRule> rules = new ArrayList<>();
    for (int i = 0; i < DEMO_RULES.size(); i++) {
      rules.add(
          ScreeningRule.of(
              i + 1, ScreeningRule.compile(DEMO_RULES.get(i)).orElseThrow(), DEMO_RULES.get(i)));
    }
    FlightScreening full = new FlightScreening(rules, list, FlightScreening.DEFAULT_THRESHOLD);
    FlightScreening rulesOnly = new FlightScreening(rules, null, FlightScreening.DEFAULT_THRESHOLD);

    List<List<PassengerFacts>> flightPax = new ArrayList<>();
    List<Map<String, Integer>> flightTrips = new ArrayList<>();
    for (int f = 0; f < flights + warmup; f++) {
      List<PassengerFacts> pax = new ArrayList<>(passengers);
      Map<String, Integer> trips = new HashMap<>();
      for (int p = 0; p < passengers; p++) {
        PassengerFacts facts = traveller(rnd, f, p, listed);
        pax.add(facts);
        trips.put(facts.key(), rnd.nextInt(10) == 0 ? 3 + rnd.nextInt(3) : rnd.nextInt(2));
      }
      flightPax.add(pax);
      flightTrips.add(trips);
    }
    // warm-up: the same work as a measured flight, so that the compiler has settled
    int hitsFirst = 0;
    for (int f = 0; f < warmup; f++) {
      list.screenAll(
          flightPax.get(f).stream().map(FlightScreening::subject).toList(),
          FlightScreening.DEFAULT_THRESHOLD);
      hitsFirst = full.screen(flightPax.get(f), List.of(), flightTrips.get(f)).hits().size();
      rulesOnly.screen(flightPax.get(f), List.of(), flightTrips.get(f));
    }
    long[] whole = new long[flights];
    long[] wholeCpu = new long[flights];
    long[] rulesTime = new long[flights];
    int hits = 0;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long[] batchCpu = new long[flights];
    long[] batchWall = new long[flights];
    long gcCount = gcCount();
    long gcMillis = gcMillis();
    for (int f = 0; f < flights; f++) {
      List<PassengerFacts> pax = flightPax.get(f + warmup);
      // the watchlist part alone (names' batch search), interleaved so both see the same JIT and
      // load
      List<org.sekisho.names.domain.watchlist.ScreeningSubject> subjects =
          pax.stream().map(FlightScreening::subject).toList();
      long bcpu = os.getProcessCpuTime();
      long bs = System.nanoTime();
      list.screenAll(subjects, FlightScreening.DEFAULT_THRESHOLD);
      batchWall[f] = System.nanoTime() - bs;
      batchCpu[f] = os.getProcessCpuTime() - bcpu;
      long cpu = os.getProcessCpuTime();
      long s = System.nanoTime();
      hits += full.screen(pax, List.of(), flightTrips.get(f + warmup)).hits().size();
      whole[f] = System.nanoTime() - s;
      wholeCpu[f] = os.getProcessCpuTime() - cpu;
      s = System.nanoTime();
      rulesOnly.screen(pax, List.of(), flightTrips.get(f + warmup));
      rulesTime[f] = System.nanoTime() - s;
    }
    gcCount = gcCount() - gcCount;
    gcMillis = gcMillis() - gcMillis;
    List<PassengerFacts> sample = flightPax.get(warmup);
    long[] perName = new long[Math.min(2000, flights * passengers)];
    long[] perNameCpu = new long[perName.length];
    for (int i = 0; i < perName.length; i++) {
      PassengerFacts p = flightPax.get(warmup + i / passengers).get(i % passengers);
      long cpu = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      full.watchlistHits(p);
      perName[i] = System.nanoTime() - s;
      perNameCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
    }
    // which flights were slowest, in the order screened: the first ones when the compiler was
    // still busy, spread out when collections or other processes were the cause
    Integer[] order = new Integer[flights];
    for (int f = 0; f < flights; f++) {
      order[f] = f;
    }
    long[] unsorted = whole.clone();
    Arrays.sort(order, (x, y) -> Long.compare(unsorted[y], unsorted[x]));
    StringBuilder slowest = new StringBuilder();
    for (int k = 0; k < Math.min(5, flights); k++) {
      slowest.append(
          String.format(Locale.ROOT, " #%d %.0f ms", order[k] + 1, unsorted[order[k]] / 1e6));
    }
    Arrays.sort(whole);
    Arrays.sort(wholeCpu);
    Arrays.sort(batchCpu);
    Arrays.sort(batchWall);
    Arrays.sort(perNameCpu);
    Arrays.sort(rulesTime);
    Arrays.sort(perName);
    out.printf(
        Locale.ROOT,
        "flight of %d (rules + watchlist, %d flights, %d cores): p50 %.1f ms  p95 %.1f ms  p99"
            + " %.1f ms  max %.1f ms; %.1f hits per flight (warm-up flight: %d)%n",
        sample.size(),
        flights,
        rt.availableProcessors(),
        pct(whole, 50),
        pct(whole, 95),
        pct(whole, 99),
        whole[whole.length - 1] / 1e6,
        (double) hits / flights,
        hitsFirst);
    out.printf(
        Locale.ROOT,
        "flight of %d (rules + watchlist), CPU time of the whole process: p50 %.1f ms  p99 %.1f"
            + " ms (on an idle machine with %d cores a flight takes about this / %d)%n",
        sample.size(),
        pct(wholeCpu, 50),
        pct(wholeCpu, 99),
        rt.availableProcessors(),
        rt.availableProcessors());
    out.printf(
        Locale.ROOT,
        "flight of %d (watchlist batch alone, Watchlist.screenAll): wall p50 %.1f ms  p99 %.1f ms;"
            + " process CPU p50 %.1f ms  p99 %.1f ms%n",
        sample.size(),
        pct(batchWall, 50),
        pct(batchWall, 99),
        pct(batchCpu, 50),
        pct(batchCpu, 99));
    out.printf(
        Locale.ROOT,
        "flight of %d (rules alone): p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n",
        sample.size(),
        pct(rulesTime, 50),
        pct(rulesTime, 95),
        pct(rulesTime, 99));
    out.printf(
        Locale.ROOT,
        "per name (one watchlist search, single thread, %d names): p50 %.2f ms  p95 %.2f ms  p99"
            + " %.2f ms%n",
        perName.length,
        pct(perName, 50),
        pct(perName, 95),
        pct(perName, 99));
    out.printf(
        Locale.ROOT,
        "per name, CPU time of the searching thread: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n",
        pct(perNameCpu, 50),
        pct(perNameCpu, 95),
        pct(perNameCpu, 99));
    out.printf(Locale.ROOT, "slowest flights (number in screening order):%s%n", slowest);
    out.printf(
        Locale.ROOT,
        "garbage collections while the flights were screened: %d, %d ms in all (a flight that"
            + " meets one waits for it)%n",
        gcCount,
        gcMillis);
    out.printf(
        Locale.ROOT,
        "load average when done: %.1f (wall times above include waiting for other processes)%n",
        os.getSystemLoadAverage());
    out.printf(Locale.ROOT, "target: flight of 500 p99 <= 200 ms%n");
    return 0;
  }

  private String name(Random rnd) {
    return given[rnd.nextInt(given.length)] + " " + family[rnd.nextInt(family.length)];
  }

  private static String word(Random rnd, int syllables) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      b.append(PARTS[rnd.nextInt(PARTS.length)]);
    }
    b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
    return b.toString();
  }

  private PassengerFacts traveller(Random rnd, int flight, int p, List<String> listed) {
    String name =
        p % 100 == 0 && !listed.isEmpty() ? listed.get(rnd.nextInt(listed.size())) : name(rnd);
    String[] parts = name.split(" ", 2);
    String booking = "XX/B" + flight + "-" + (p / 2);
    String origin = AIRPORTS[rnd.nextInt(AIRPORTS.length)];
    List<String> route =
        rnd.nextInt(5) == 0 ? List.of(origin, "NRT") : List.of(origin, "NRT", origin);
    return new PassengerFacts(
        booking + "/" + parts[1].toUpperCase(Locale.ROOT) + "/" + parts[0].toUpperCase(Locale.ROOT),
        "PNR",
        booking,
        1,
        parts[1],
        parts[0],
        LocalDate.of(1950 + rnd.nextInt(55), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
        COUNTRIES[rnd.nextInt(COUNTRIES.length)].toUpperCase(Locale.ROOT),
        "P" + (1_000_000 + rnd.nextInt(9_000_000)),
        "",
        rnd.nextBoolean() ? "M" : "F",
        LocalDate.of(2026, 11, 27),
        rnd.nextInt(90),
        List.of(rnd.nextInt(20) == 0 ? "CA" : "CC"),
        route.size() == 2,
        route,
        origin,
        route.get(route.size() - 1),
        rnd.nextInt(30) == 0 ? 4 + rnd.nextInt(3) : rnd.nextInt(3),
        rnd.nextInt(50) == 0 ? 61 + rnd.nextInt(30) : rnd.nextInt(35),
        p % 2 == 0 && rnd.nextInt(3) == 0,
        rnd.nextInt(30) == 0 ? Set.of("name") : Set.of(),
        "",
        (1 + rnd.nextInt(40)) + "C",
        "Y",
        List.of());
  }

  private static long gcCount() {
    long n = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  private static long gcMillis() {
    long t = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, gc.getCollectionTime());
    }
    return t;
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
