package org.sekisho.targeting.adapter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.sekisho.core.Outcome;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.DatabaseConfig;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.db.ScratchDirectory;
import org.sekisho.platform.db.ServerCpu;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.adapter.files.ModelFolders;
import org.sekisho.targeting.assessment.adapter.cli.TargetingBenchCommand;
import org.sekisho.targeting.assessment.adapter.model.KcsViews;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.model.adapter.kcs.KcsDeclarationReader;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.release.application.ModelLifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench assess}: the assessment API under load. Starts the targeting web module on
 * loopback over a fresh embedded PostgreSQL (throw-away data directory), registers, approves and
 * releases {@code --model} through the model lifecycle, puts 12 criteria over 3 lists in force
 * through the API, then drives {@code POST /api/assess} with {@code --clients} concurrent clients
 * (keep-alive, one connection each, bearer token) for {@code --seconds}, each request a new
 * declaration. Prints throughput and client latency percentiles, and the server-side time of the
 * same requests (from the server's own per-route timer, bucketed) to show what the HTTP client and
 * loopback add.
 */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Load test of POST /api/assess on loopback with embedded PostgreSQL: throughput and"
          + " p50/p95/p99/max latency at the client, and the server-side share.",
      "Each request is a new declaration from --input (KCS CSV) with a unique id."
    })
public final class AssessBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", description = "Model directory to release (none: criteria only).")
  Path model;

  @Option(names = "--input", required = true, description = "KCS declarations CSV.")
  Path input;

  @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients.")
  int clients;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds.")
  double seconds;

  // on 2 cores the JIT was still compiling the request path after 5 s: p99 9.4 ms after 5 s of
  // warm-up, 5.5 ms after 25 s, same build and load (no model)
  @Option(
      names = "--warmup",
      defaultValue = "30",
      description =
          "Warm-up seconds, not counted (default ${DEFAULT-VALUE}: until the JIT settles).")
  double warmup;

  @Option(names = "--max-rows", defaultValue = "50000", description = "Rows read from input.")
  int maxRows;

  @Option(
      names = "--bills",
      description =
          "Each declaration names a transport document (B/L), as sea and air imports do, so each"
              + " assessment also looks up that consignment's lane (the KCS rows name none).")
  boolean bills;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description =
          "Fixed arrival rate, requests/s over all clients (each client sends on its own schedule"
              + " and latency counts from the scheduled time, so a late answer also delays the"
              + " next); 0: each client sends its next request as soon as it has the answer.")
  double rate;

  @Option(
      names = "--web-audit",
      defaultValue = "log",
      description =
          "What the web server audits into: 'log' (the hash-chained audit log, as in production)"
              + " or 'off' (what-if: shows the share of the audit append in the latency).")
  String webAudit;

  @Option(
      names = "--http-client",
      defaultValue = "classic",
      description =
          "The load clients' HTTP client: 'classic' (Apache HttpClient 5, blocking: each"
              + " exchange stays on its client's thread) or 'jdk' (java.net.http: hands every"
              + " exchange between its selector and executor threads, about 0.2 ms more CPU per"
              + " request and several more thread wake-ups on 2 cores).")
  String httpClient;

  /** Picocli needs a public no-argument constructor. */
  public AssessBenchCommand() {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());
  private static final double[] BUCKETS_MS = {
    0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.5, 3.0, 3.5, 4.0,
    4.5, 5.0, 6.0, 7.0, 8.0, 9.0, 10, 12.5, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 500,
    1000, 2000, 5000
  };

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!httpClient.equals("classic") && !httpClient.equals("jdk")) {
      err.println("--http-client: 'classic' or 'jdk', not '" + httpClient + "'");
      return 2;
    }
    if (!webAudit.equals("log") && !webAudit.equals("off")) {
      err.println("--web-audit: expected log or off");
      return 2;
    }
    if (clients < 1 || seconds <= 0 || warmup < 0 || rate < 0) {
      err.println("--clients and --seconds must be positive, --warmup and --rate not negative");
      return 2;
    }
    List<DeclarationView> rows = read(err);
    if (rows == null) {
      return 1;
    }
    try (ScratchDirectory dir = ScratchDirectory.create("sekisho-bench-assess-");
        Database db = Database.open(DatabaseConfig.embedded(dir.path()))) {
      return run(db, dir.path(), rows, out, err);
    }
  }

  private int run(
      Database db, Path dir, List<DeclarationView> rows, PrintWriter out, PrintWriter err)
      throws Exception {
    Clock clock = Clock.systemUTC();
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    AuditLog audit = new AuditLog(db.jdbi());
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert("analyst", "Bench Analyst", PASSWORD, EnumSet.of(Role.ANALYST), "bench", "");
    accounts.upsert("admin1", "Bench Admin", PASSWORD, EnumSet.of(Role.ADMIN), "bench", "");
    accounts.upsert("admin2", "Bench Admin 2", PASSWORD, EnumSet.of(Role.ADMIN), "bench", "");
    // with --web-audit off, the assessment API's entries (appended with each assessment by
    // targeting's store) are left out as well
    TargetingContext targeting =
        new TargetingContext(db, webAudit.equals("off") ? e -> {} : audit, clock, dir);
    targeting.start();
    try {
      if (model != null) {
        if (!release(targeting.modelLifecycle(), err)) {
          return 1;
        }
        warmModel(targeting, rows, out);
      }
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      metrics.config().meterFilter(buckets());
      try (WebServer web =
          WebServer.start(
              new WebServer.Config(
                  "127.0.0.1",
                  0,
                  false,
                  List.of("i18n.platform", "i18n.targeting"),
                  targeting.nav(),
                  "bench"),
              accounts,
              webAudit.equals("off") ? e -> {} : audit,
              clock,
              metrics,
              () -> true,
              targeting.webModules())) {
        String base = "http://127.0.0.1:" + web.port();
        HttpClient setup = HttpClient.newHttpClient();
        String analyst = login(setup, base, "analyst");
        String admin = login(setup, base, "admin1");
        int criteria = rules(setup, base, analyst, admin, rows, err);
        if (criteria < 0) {
          return 1;
        }
        out.printf(
            Locale.ROOT,
            "%d declarations from %s; model %s; %d criteria over 3 lists; %d clients, %.0f s"
                + " warm-up, %.0f s measured; %d CPUs; web audit %s; HTTP client %s%n",
            rows.size(),
            input.getFileName(),
            targeting.modelLifecycle().inUse().map(m -> m.modelId()).orElse("none"),
            criteria,
            clients,
            warmup,
            seconds,
            Runtime.getRuntime().availableProcessors(),
            webAudit.equals("log") ? "into the audit log" : "OFF (what-if)",
            httpClient.equals("jdk") ? "java.net.http" : "Apache HttpClient 5 classic");
        out.flush();
        String[] bodies = bodies(rows, bills);
        AtomicLong seq = new AtomicLong();
        drive(base, analyst, bodies, seq, warmup, null);
        inProcess(targeting, bodies, seq, 1, out);
        inProcess(targeting, bodies, seq, clients, out);
        durableCommits(db, out);
        // what the in-process runs left for the worker is not this run's
        awaitReasons(targeting, 60);
        var reasons0 = targeting.modelReasonsWorker().map(w -> w.stats());
        Timer timer = serverTimer(metrics);
        long[] before = timer == null ? new long[BUCKETS_MS.length + 2] : counts(timer);
        double beforeTotal = timer == null ? 0 : timer.totalTime(TimeUnit.NANOSECONDS);
        long cpu0 = processCpu();
        long pg0 = ServerCpu.embeddedNanos(dir);
        long[] machine0 = machineCpu();
        String load0 = loadAverage();
        Map<String, Long> threads0 = threadCpu();
        Result r = drive(base, analyst, bodies, seq, seconds, out);
        long cpu = processCpu() - cpu0;
        long pg = ServerCpu.embeddedNanos(dir) - pg0;
        long[] machine1 = machineCpu();
        Map<String, Long> threads1 = threadCpu();
        underLoad(out, r, cpu, pg, machine0, machine1, load0);
        timer = serverTimer(metrics);
        long[] after = counts(timer);
        long[] delta = new long[after.length];
        for (int i = 0; i < after.length; i++) {
          delta[i] = after[i] - before[i];
        }
        double serverMean =
            (timer.totalTime(TimeUnit.NANOSECONDS) - beforeTotal) / 1e6 / Math.max(1, delta[0]);
        report(out, r, delta, serverMean, cpu);
        Map<String, Long> groups = new java.util.TreeMap<>();
        threads1.forEach(
            (k, v) -> {
              String g = k.substring(k.indexOf(' ') + 1);
              groups.merge(g, v - threads0.getOrDefault(k, 0L), Long::sum);
            });
        StringBuilder sb = new StringBuilder("JVM CPU per request by thread group, ms:");
        groups.forEach(
            (g, v) -> sb.append(String.format(Locale.ROOT, " %s %.2f", g, v / 1e6 / r.requests())));
        out.println(sb);
        long[] stored =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "select count(*), count(*) filter (where lane <> 'green'),"
                                    + " count(*) filter (where model_reasons_pending) from"
                                    + " targeting.assessment")
                            .map(
                                (rs, ctx) ->
                                    new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                            .one());
        out.printf(
            Locale.ROOT,
            "stored assessments %,d, referred (not green) %.1f %%, referrals still waiting for"
                + " their exact model reasons at the end %,d%n",
            stored[0],
            100.0 * stored[1] / Math.max(1, stored[0]),
            stored[2]);
        if (reasons0.isPresent()) {
          var a = reasons0.get();
          var b = targeting.modelReasonsWorker().orElseThrow().stats();
          long n = b.explained() - a.explained();
          long blocks = b.blocks() - a.blocks();
          out.printf(
              Locale.ROOT,
              "model-reasons worker during the measured run: %,d referrals explained in %,d"
                  + " blocks (%.1f per block), %.2f ms of its wall time per referral, %,d not queued"
                  + " (queue full, read back from the store: %,d), %,d queued at the end%n",
              n,
              blocks,
              n / (double) Math.max(1, blocks),
              (b.busyNanos() - a.busyNanos()) / 1e6 / Math.max(1, n),
              b.leftToStore() - a.leftToStore(),
              b.caughtUp() - a.caughtUp(),
              b.queued());
        }
        out.flush();
        return r.errors() == 0 ? 0 : 1;
      }
    } finally {
      targeting.close();
    }
  }

  /**
   * Scores every row (up to 20,000) and explains 100 in-process first, so that the JIT has compiled
   * the scorer and TreeSHAP before the HTTP warm-up (a server that has run for minutes is there).
   */
  private static void warmModel(
      TargetingContext targeting, List<DeclarationView> rows, PrintWriter out) {
    long t0 = System.nanoTime();
    var m = targeting.releasedModel().snapshot();
    double sink = 0;
    for (int i = 0; i < Math.min(rows.size(), 20_000); i++) {
      sink += m.score(rows.get(i)).probability();
    }
    for (int i = 0; i < Math.min(rows.size(), 100); i++) {
      sink += m.explain(rows.get(i), 3).size();
    }
    out.printf(
        Locale.ROOT,
        "model warmed in-process in %.1f s (checksum %.3f)%n",
        (System.nanoTime() - t0) / 1e9,
        sink);
  }

  private boolean release(ModelLifecycle lifecycle, PrintWriter err) {
    RankingFigures f =
        ModelFolders.manifestFigures(model)
            .orElse(new RankingFigures(0, 0, Map.of(), Map.of(), Double.NaN));
    var a1 = new ModelLifecycle.Actor("admin1", "bench");
    var a2 = new ModelLifecycle.Actor("admin2", "bench");
    Outcome<?> o = lifecycle.register(model, f, "manifest validation", a1);
    if (o.isAccepted()) {
      int v = lifecycle.all().getFirst().version();
      o = lifecycle.approve(v, a2);
      if (o.isAccepted()) {
        o = lifecycle.release(v, a1);
      }
    }
    if (!o.isAccepted()) {
      err.println("--model " + model + ": " + o.problems());
      return false;
    }
    return true;
  }

  /** Lists and criteria through the API as analysts and administrators do; -1 on failure. */
  private static int rules(
      HttpClient http,
      String base,
      String analyst,
      String admin,
      List<DeclarationView> rows,
      PrintWriter err)
      throws Exception {
    for (ReferenceList l : TargetingBenchCommand.lists(rows).values()) {
      ObjectNode b = JSON.createObjectNode();
      b.put("name", l.name());
      b.put("kind", l.kind().code());
      b.put("description", "bench");
      if (!ok(post(http, base + "/api/targeting/lists", analyst, b.toString()), err)) {
        return -1;
      }
      StringBuilder csv = new StringBuilder();
      l.entries().stream().sorted().forEach(e -> csv.append(e).append(",bench\n"));
      if (!ok(
          post(
              http,
              base + "/api/targeting/lists/" + l.name() + "/entries",
              analyst,
              csv.toString()),
          err)) {
        return -1;
      }
    }
    int n = 0;
    for (String text : TargetingBenchCommand.CRITERIA) {
      ObjectNode b = JSON.createObjectNode();
      b.put("source", text);
      HttpResponse<String> saved =
          post(http, base + "/api/targeting/criteria", analyst, b.toString());
      if (!ok(saved, err)) {
        return -1;
      }
      var c = JSON.readTree(saved.body());
      String path =
          "/api/targeting/criteria/"
              + c.get("id").asLong()
              + "/versions/"
              + c.get("version").asInt()
              + "/release";
      if (!ok(post(http, base + path, admin, "{}"), err)) {
        return -1;
      }
      n++;
    }
    return n;
  }

  /**
   * @param lateness at a fixed rate, how late each request left against its schedule (part of its
   *     latency); empty in a closed loop
   */
  private record Result(
      long requests, long errors, double elapsed, long[] latencies, long[] lateness) {}

  /**
   * Targeting's own share: the same assessments called in-process on {@code threads} threads for a
   * third of the measured time (no HTTP, no token check, no audit append), latency percentiles.
   */
  private void inProcess(
      TargetingContext targeting, String[] bodies, AtomicLong seq, int threads, PrintWriter out)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long end = System.nanoTime() + (long) (Math.max(1, seconds / 3) * 1e9);
      List<Future<long[]>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(
            pool.submit(
                () -> {
                  long[] lat = new long[1 << 12];
                  int n = 0;
                  while (System.nanoTime() < end) {
                    long i = seq.getAndIncrement();
                    String body = bodies[(int) (i % bodies.length)].replace("#SEQ#", "-" + i);
                    long t0 = System.nanoTime();
                    targeting.assessRecords().assessJson("declaration", body).orElseThrow();
                    if (n == lat.length) {
                      lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t0;
                  }
                  return Arrays.copyOf(lat, n);
                }));
      }
      List<long[]> parts = new ArrayList<>();
      for (Future<long[]> f : fs) {
        parts.add(f.get());
      }
      long[] l = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      out.printf(
          Locale.ROOT,
          "in-process assessment (parse, histories, criteria, model, selectivity, store; no HTTP,"
              + " token or audit), %d thread(s): %,d, ms p50 %.2f  p95 %.2f  p99 %.2f%n",
          threads,
          l.length,
          pct(l, 0.50),
          pct(l, 0.95),
          pct(l, 0.99));
      out.flush();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs the clients for {@code secs}; records latencies when {@code out} is given. At a fixed
   * {@code --rate} each client sends on its own schedule (offset so that the clients interleave)
   * and a latency counts from the scheduled time.
   */
  private Result drive(
      String base, String token, String[] bodies, AtomicLong seq, double secs, PrintWriter out)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long start = System.nanoTime();
      long end = start + (long) (secs * 1e9);
      long interval = rate > 0 ? (long) (1e9 * clients / rate) : 0;
      List<Future<long[][]>> fs = new ArrayList<>();
      AtomicLong errors = new AtomicLong();
      for (int c = 0; c < clients; c++) {
        long first = start + (interval * c) / clients;
        fs.add(
            pool.submit(
                () -> {
                  long next = first;
                  long[] lat = new long[1 << 14];
                  long[] late = new long[interval > 0 ? 1 << 14 : 0];
                  int n = 0;
                  URI uri = URI.create(base + "/api/assess");
                  try (Exchange http = exchange(uri, token)) {
                    while (System.nanoTime() < end) {
                      if (interval > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                          java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        if (next >= end) {
                          break;
                        }
                      }
                      long s = seq.getAndIncrement();
                      String body = bodies[(int) (s % bodies.length)].replace("#SEQ#", "-" + s);
                      long sent = System.nanoTime();
                      long t0 = interval > 0 ? next : sent;
                      next += interval;
                      String problem;
                      try {
                        problem = http.post(body);
                      } catch (IOException e) {
                        // counted as an error; the next request opens a new connection
                        problem = "request failed: " + e;
                      }
                      long t = System.nanoTime() - t0;
                      if (problem != null && errors.getAndIncrement() < 3) {
                        System.err.println(problem);
                      }
                      if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                        late = Arrays.copyOf(late, interval > 0 ? n * 2 : 0);
                      }
                      if (interval > 0) {
                        late[n] = sent - t0;
                      }
                      lat[n++] = t;
                    }
                  }
                  return new long[][] {
                    Arrays.copyOf(lat, n), Arrays.copyOf(late, interval > 0 ? n : 0)
                  };
                }));
      }
      List<long[]> parts = new ArrayList<>();
      List<long[]> lateParts = new ArrayList<>();
      for (Future<long[][]> f : fs) {
        long[][] got = f.get();
        parts.add(got[0]);
        lateParts.add(got[1]);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      long[] late = lateParts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Result(all.length, errors.get(), elapsed, all, late);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One load client's connection: posts a declaration, says what went wrong or null. */
  private interface Exchange extends AutoCloseable {
    String post(String body) throws IOException, InterruptedException;

    @Override
    void close() throws IOException;
  }

  private Exchange exchange(URI uri, String token) {
    if (httpClient.equals("jdk")) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      return new Exchange() {
        @Override
        public String post(String body) throws IOException, InterruptedException {
          HttpRequest req =
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build();
          HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
          return r.statusCode() == 200 ? null : "HTTP " + r.statusCode() + ": " + r.body();
        }

        @Override
        public void close() {
          http.close();
        }
      };
    }
    // one kept-alive connection per client, no retries: a failed exchange counts as an error and
    // the next one opens a new connection
    CloseableHttpClient http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(1)
                    .setMaxConnPerRoute(1)
                    .build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableRedirectHandling()
            .build();
    return new Exchange() {
      @Override
      public String post(String body) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setHeader("Authorization", "Bearer " + token);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return http.execute(
            post,
            response -> {
              String text = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
              return response.getCode() == 200 ? null : "HTTP " + response.getCode() + ": " + text;
            });
      }

      @Override
      public void close() throws IOException {
        http.close();
      }
    };
  }

  private void report(PrintWriter out, Result r, long[] server, double serverMean, long cpuNanos) {
    long[] l = r.latencies();
    out.printf(
        Locale.ROOT,
        "POST /api/assess: %,d requests in %.1f s = %,.0f /s, %d errors; process CPU %.0f %% of"
            + " one core, %.2f ms per request (server, clients and model-reasons worker together;"
            + " PostgreSQL not counted)%n",
        r.requests(),
        r.elapsed(),
        r.requests() / r.elapsed(),
        r.errors(),
        100.0 * cpuNanos / 1e9 / r.elapsed(),
        cpuNanos / 1e6 / Math.max(1, r.requests()));
    out.printf(
        Locale.ROOT,
        "client latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  mean %.2f%n",
        pct(l, 0.50),
        pct(l, 0.95),
        pct(l, 0.99),
        l.length == 0 ? 0.0 : l[l.length - 1] / 1e6,
        Arrays.stream(l).average().orElse(0) / 1e6);
    long[] late = r.lateness();
    if (late.length > 0) {
      out.printf(
          Locale.ROOT,
          "clients' send lateness (how late a request left against its schedule; part of its"
              + " latency) ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
          pct(late, 0.50),
          pct(late, 0.95),
          pct(late, 0.99),
          late[late.length - 1] / 1e6);
    }
    out.printf(
        Locale.ROOT,
        "server side (route timer, bucket upper bounds) ms: p50 ≤ %s  p95 ≤ %s  p99 ≤ %s  mean"
            + " %.2f (%.0f %% of the client mean)%n",
        bucket(server, 0.50),
        bucket(server, 0.95),
        bucket(server, 0.99),
        serverMean,
        100 * serverMean / Math.max(1e-9, Arrays.stream(l).average().orElse(0) / 1e6));
    out.println(
        pct(l, 0.99) <= 5.0
            ? "target p99 ≤ 5 ms: met"
            : "target p99 ≤ 5 ms: NOT met ("
                + String.format(Locale.ROOT, "%.2f", pct(l, 0.99))
                + " ms)");
    out.flush();
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** counts[0] = total, counts[1..] = cumulative per bucket. */
  private static String bucket(long[] counts, double p) {
    long total = counts[0];
    if (total == 0) {
      return "-";
    }
    for (int i = 0; i < BUCKETS_MS.length; i++) {
      if (counts[i + 1] >= Math.ceil(p * total)) {
        return fmt(BUCKETS_MS[i]);
      }
    }
    return ">" + fmt(BUCKETS_MS[BUCKETS_MS.length - 1]);
  }

  private static String fmt(double ms) {
    return String.format(Locale.ROOT, ms < 1 ? "%.1f" : "%.1f", ms);
  }

  private static long[] counts(Timer t) {
    long[] c = new long[BUCKETS_MS.length + 2];
    if (t == null) {
      return c;
    }
    var snap = t.takeSnapshot();
    c[0] = snap.count();
    CountAtBucket[] hs = snap.histogramCounts();
    Arrays.sort(hs, Comparator.comparingDouble(CountAtBucket::bucket));
    for (int i = 0; i < BUCKETS_MS.length; i++) {
      double bound = BUCKETS_MS[i] * 1e6;
      long n = 0;
      for (CountAtBucket b : hs) {
        if (b.bucket(TimeUnit.NANOSECONDS) <= bound + 1) {
          n = (long) b.count();
        }
      }
      c[i + 1] = n;
    }
    return c;
  }

  private static Timer serverTimer(PrometheusMeterRegistry metrics) {
    return metrics
        .find("http.server.requests")
        .tags("route", "/api/assess", "status", "200")
        .timer();
  }

  private static MeterFilter buckets() {
    Duration[] slo = new Duration[BUCKETS_MS.length];
    for (int i = 0; i < slo.length; i++) {
      slo[i] = Duration.ofNanos((long) (BUCKETS_MS[i] * 1e6));
    }
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(Arrays.stream(slo).mapToDouble(Duration::toNanos).toArray())
            .build()
            .merge(config);
      }
    };
  }

  /** CPU time of every live platform thread, keyed "id group" (group: what the thread does). */
  private static Map<String, Long> threadCpu() {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> m = new java.util.HashMap<>();
    for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long t = mx.getThreadCpuTime(info.getThreadId());
      if (t >= 0) {
        m.put(info.getThreadId() + " " + group(info.getThreadName()), t);
      }
    }
    return m;
  }

  private static String group(String name) {
    if (name.startsWith("HttpClient") || name.startsWith("pool-")) {
      return "bench-clients";
    }
    if (name.startsWith("ForkJoinPool") || name.contains("Jetty") || name.startsWith("qtp")) {
      return "server(virtual-thread-carriers+jetty)";
    }
    if (name.startsWith("targeting-model-reasons")) {
      return "model-reasons";
    }
    if (name.startsWith("C1")
        || name.startsWith("C2")
        || name.contains("GC")
        || name.startsWith("G1")) {
      return "jit+gc";
    }
    return "other";
  }

  /**
   * What "under load" meant in the measured run: clients, arrival, achieved rate, and the CPU that
   * this JVM, the embedded PostgreSQL and everything else on the machine used meanwhile.
   */
  private void underLoad(
      PrintWriter out,
      Result r,
      long jvmNanos,
      long pgNanos,
      long[] machine0,
      long[] machine1,
      String load0) {
    double secs = r.elapsed();
    int cpus = Runtime.getRuntime().availableProcessors();
    long busy = machine1[0] - machine0[0];
    long all = machine1[1] - machine0[1];
    double machineBusy = all > 0 ? (double) busy / all : Double.NaN;
    double ours = (jvmNanos + Math.max(0, pgNanos)) / 1e9 / secs / cpus;
    out.printf(
        Locale.ROOT,
        "under load: %d client(s), %s; achieved %.0f requests/s; CPU over the measured seconds:"
            + " this JVM %.0f %% of one core, PostgreSQL %s, whole machine %.0f %% of %d cores"
            + " busy (other processes about %.0f %%); load average %s before, %s after%n",
        clients,
        rate > 0
            ? String.format(Locale.ROOT, "fixed arrival rate %.0f /s", rate)
            : "closed loop (next request as soon as the answer is in)",
        r.requests() / secs,
        100.0 * jvmNanos / 1e9 / secs,
        pgNanos < 0
            ? "not measured"
            : String.format(Locale.ROOT, "%.0f %% of one core", 100.0 * pgNanos / 1e9 / secs),
        100 * machineBusy,
        cpus,
        Math.max(0, 100 * (machineBusy - ours)),
        load0,
        loadAverage());
  }

  /** Load averages (1, 5, 15 min) from {@code /proc/loadavg}; "?" elsewhere. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Busy and total jiffies of all CPUs from {@code /proc/stat}; zeros elsewhere. */
  private static long[] machineCpu() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      // idle and iowait
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /**
   * The disk's share: a durable commit alone (WAL flushed, as every audit append is), timed 200
   * times on one connection.
   */
  private static void durableCommits(Database db, PrintWriter out) {
    long[] t = new long[200];
    db.jdbi()
        .useHandle(
            h -> {
              // a logged table: a transaction that writes only temporary tables flushes nothing
              h.execute("create table flush_probe (n int)");
              for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                int n = i;
                h.useTransaction(
                    x -> {
                      x.execute("set local synchronous_commit to on");
                      x.execute("insert into flush_probe values (?)", n);
                    });
                t[i] = System.nanoTime() - t0;
              }
              h.execute("drop table flush_probe");
            });
    Arrays.sort(t);
    out.printf(
        Locale.ROOT,
        "durable commit alone (one-row insert, WAL flushed to disk), %d on one connection: ms p50"
            + " %.2f  p99 %.2f  max %.2f%n",
        t.length,
        pct(t, 0.50),
        pct(t, 0.99),
        t[t.length - 1] / 1e6);
    out.flush();
  }

  /** Waits until the model-reasons worker has nothing queued (at most {@code secs}). */
  private static void awaitReasons(TargetingContext targeting, int secs)
      throws InterruptedException {
    var w = targeting.modelReasonsWorker();
    long end = System.nanoTime() + secs * 1_000_000_000L;
    while (w.isPresent() && w.get().stats().queued() > 0 && System.nanoTime() < end) {
      Thread.sleep(50);
    }
  }

  private static long processCpu() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
  }

  private List<DeclarationView> read(PrintWriter err) {
    List<DeclarationView> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      Outcome<KcsDeclarationReader> reader = KcsDeclarationReader.open(r, false);
      if (!reader.isAccepted()) {
        err.println("--input " + input + ": " + reader.problems());
        return null;
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
      err.println("--input " + input + ": cannot read (" + e.getMessage() + ")");
      return null;
    }
    if (rows.isEmpty()) {
      err.println("--input " + input + ": no usable rows");
      return null;
    }
    return rows;
  }

  /** Declarations in the JSON of /api/assess; {@code #SEQ#} in the id makes each one new. */
  static String[] bodies(List<DeclarationView> rows, boolean bills) {
    String[] out = new String[rows.size()];
    for (int i = 0; i < out.length; i++) {
      DeclarationView d = rows.get(i);
      ObjectNode o = JSON.createObjectNode();
      o.put("declarationId", d.sourceId() + "#SEQ#");
      if (bills) {
        o.put("transportDocument", "BL" + d.sourceId() + "#SEQ#");
      }
      o.put("date", d.date().toString());
      o.put("office", d.office());
      // a KCS row's import type (11, 21…) is no declaration type (IM/EX): /api/assess refuses
      // it, as the intelligence database's ingest does, so it is left to its default
      if (d.type().equals("IM") || d.type().equals("EX")) {
        o.put("type", d.type());
      }
      o.put("modeOfTransport", d.mode());
      o.putObject("declarant").put("id", d.declarant().id());
      o.putObject("importer").put("id", d.importer().id());
      o.putObject("exporter").put("id", d.exporter().id());
      o.put("countryOfDeparture", d.departure());
      var item = d.items().getFirst();
      ObjectNode it = o.putArray("items").addObject();
      it.put("hsCode", item.hs());
      it.put("origin", item.origin());
      it.put("netMassKg", number(item.netMassKg()));
      it.put("customsValue", number(item.customsValue()));
      it.put("dutyRate", number(item.dutyRate()));
      out[i] = o.toString();
    }
    return out;
  }

  private static String number(double v) {
    if (Double.isNaN(v) || v < 0) {
      return "0";
    }
    return BigDecimal.valueOf(v)
        .setScale(6, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String login(HttpClient http, String base, String user) throws Exception {
    HttpResponse<String> r =
        post(
            http,
            base + "/api/login",
            null,
            "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
    return JSON.readTree(r.body()).get("token").asText();
  }

  private static HttpResponse<String> post(HttpClient http, String url, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static boolean ok(HttpResponse<String> r, PrintWriter err) {
    if (r.statusCode() / 100 != 2) {
      err.println("set-up request failed: HTTP " + r.statusCode() + " " + r.body());
      return false;
    }
    return true;
  }
}
