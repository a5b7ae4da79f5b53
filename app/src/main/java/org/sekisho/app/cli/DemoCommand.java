package org.sekisho.app.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sekisho.app.DemoAccounts;
import org.sekisho.app.Sekisho;
import org.sekisho.app.demo.DemoIntelligence;
import org.sekisho.core.Outcome;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestReport;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.demo.TargetingDemo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    // one paragraph: the command list shows a description's first line only
    description =
        "Start Sekisho with a realistic day of demo data: embedded PostgreSQL, demo data generated"
            + " (or reused) and loaded, web UI and API on localhost. Prints the URL and one account"
            + " per role.")
final class DemoCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to bind (default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "demo data seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--date", description = "day of the demo data (default: today in Japan)")
  LocalDate date;

  @Option(
      names = "--scale",
      defaultValue = "1.0",
      description = "demo data size; 1.0 ≈ 8,000 records (default ${DEFAULT-VALUE})")
  double scale;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (scale <= 0 || scale > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--scale must be > 0 and ≤ 100");
    }
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535");
    }
    try {
      Sekisho.checkServerSettings(System.getenv());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    // a chosen demo password keeps the rules every account's does: refused before anything starts,
    // naming the rule and never the password
    String chosen = System.getenv("SEKISHO_DEMO_PASSWORD");
    if (chosen != null && !chosen.isBlank()) {
      DemoAccounts.passwordProblem(chosen)
          .ifPresent(
              r -> {
                throw new CommandLine.ParameterException(
                    spec.commandLine(), org.sekisho.platform.auth.Accounts.english(r));
              });
    }
    var out = spec.commandLine().getOut();
    // how long each step took, so that a slow start says where its time went
    long started = System.nanoTime();
    long[] mark = {started};
    java.util.function.Supplier<String> took =
        () -> {
          long now = System.nanoTime();
          String t = String.format(java.util.Locale.ROOT, " (%.1f s)", (now - mark[0]) / 1e9);
          mark[0] = now;
          return t;
        };
    // Today's demo ends now: a day generated whole would show records later than the clock.
    // The files are kept per day, so a restart later that day reloads the same records.
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Tokyo"));
    LocalDate day = date != null ? date : now.toLocalDate();
    List<String> until =
        date != null
            ? List.of()
            : List.of("--until", now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
    Path dir = data.resolve();
    Path demo = dir.resolve("demo-data").resolve(day + "-seed" + seed + "-scale" + scale);
    if (!Files.exists(demo.resolve("seizures.jsonl"))) {
      out.println("generating demo data for " + day + " into " + demo);
      out.flush();
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--seed",
                  Long.toString(seed),
                  "--date",
                  day.toString(),
                  "--scale",
                  Double.toString(scale),
                  "--out",
                  demo.toString()));
      args.addAll(until);
      int rc = Extensions.generate(args.toArray(String[]::new));
      if (rc != 0) {
        return rc;
      }
    }
    // Specimen passports for the demo's kiosk, and the specimen CSCA the gate must trust when it
    // starts below. Written afresh each time (the CSCA's key is never kept).
    int specimen = Extensions.egateSpecimen(dir);
    if (specimen != 0) {
      return specimen;
    }
    Sekisho s = Sekisho.open(dir, Clock.systemUTC());
    try {
      DemoAccounts.registerAgencies(s.agencies());
      DemoAccounts.recordAgreement(s.sharing());
      // the targeting centre's lists and criteria are in force before the day's records arrive
      out.println("demo data, specimen passports and database ready" + took.get());
      out.println(
          TargetingDemo.seed(
                  s.targeting().referenceLists(),
                  s.targeting().criteriaCatalogue(),
                  DemoIntelligence.read(demo, s.json()))
              + took.get());
      // in the order they reach customs: conveyances and their manifests (transport documents,
      // assessed before arrival), then the declarations of the goods, parcels, seizures
      for (RecordKind k :
          List.of(
              RecordKind.CONVEYANCE_MOVEMENT,
              RecordKind.TRANSPORT_DOCUMENT,
              RecordKind.DECLARATION,
              RecordKind.POSTAL_ITEM,
              RecordKind.SEIZURE)) {
        Path f = demo.resolve(k.plural() + ".jsonl");
        if (!Files.exists(f)) {
          continue;
        }
        try (InputStream in = Files.newInputStream(f)) {
          Outcome<IngestReport> o =
              s.ingest()
                  .ingest(
                      k, "json", f.toString(), in, new Actor("system:demo", "customs-jp", true));
          IngestReport r = o.orElseThrow();
          out.printf(
              "loaded %-22s %6d stored, %6d already present, %d rejected%s%n",
              k.plural(), r.stored(), r.duplicates(), r.rejected(), took.get());
        }
      }
      // A synthetic AIS feed with an encounter at sea and a port call, so the maritime map has a
      // story, on the demo's own day (in Tokyo, as the day's records are): its port calls become
      // that day's conveyance movements. Loaded once: a restart keeps what the first start loaded.
      DemoAisFeed.Loaded ais =
          DemoAisFeed.load(s.maritime().service(), demo, day, ZoneId.of("Asia/Tokyo"));
      out.println(
          (ais.replayed() ? "loaded demo AIS feed: " : "demo AIS feed loaded before, kept: ")
              + ais.summary()
              + took.get());
      // reference lists, screening rules, two watchlists and the day's PNRGOV-pushed flights
      out.println(
          org.sekisho.passenger.screening.adapter.demo.PassengerDemo.seed(s.pnr(), day)
              + took.get());
      String password = System.getenv("SEKISHO_DEMO_PASSWORD");
      if (password == null || password.isBlank()) {
        password = DemoAccounts.generatePassword(new SecureRandom());
      }
      DemoAccounts.install(s.accounts(), password);
      WebServer web = s.serve(host, port);
      out.println();
      out.printf(java.util.Locale.ROOT, "ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
      out.println(
          "Sekisho demo is running at http://"
              + ServeCommand.displayHost(host)
              + ":"
              + web.port()
              + "/");
      out.println("Accounts (password for all: " + password + "):");
      for (DemoAccounts.Demo d : DemoAccounts.ALL) {
        out.printf("  %-13s %-34s agency %s%n", d.username(), d.displayName(), d.agency());
      }
      out.println(
          "e-Gate kiosk (/kiosk, account kiosk): SPECIMEN passports, chip files and"
              + " portraits in "
              + dir.resolve("egate").resolve("specimen")
              + " (README.md there says which file goes where; no face model ships, so the gate"
              + " refers with \"face not compared\")");
      out.println(
          "API: POST /api/login {\"username\":…,\"password\":…} → bearer token; OpenAPI at /openapi.json");
      out.println("Stop with Ctrl-C.");
      out.flush();
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    ServeCommand.awaitShutdown(s);
    return 0;
  }
}
