package org.sekisho.passenger.screening.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sekisho.core.InputFiles;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.names.adapter.kuromoji.KuromojiReadings;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.passenger.pnr.adapter.PnrContext;
import org.sekisho.passenger.screening.adapter.db.JdbcScreeningStore;
import org.sekisho.passenger.screening.application.PassengerScreening;
import org.sekisho.passenger.screening.application.ScreeningStore;
import org.sekisho.passenger.screening.application.Utf8Input;
import org.sekisho.passenger.screening.application.WatchlistImport;
import org.sekisho.passenger.screening.domain.ApiTravellerKeys;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.DatabaseConfig;
import org.sekisho.platform.db.Migrations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho watchlist}: the PNR unit's watchlists from the command line — {@code import} one
 * named list from CSV or FollowTheMoney JSON lines (the same use case as {@code POST
 * /api/screening/watchlists/{name}/import}) and {@code list} the lists with their versions. Both
 * work on the database of {@code --data-dir} (the running Sekisho's when one owns the directory;
 * {@code SEKISHO_DB_URL} for an external server).
 */
@Command(
    name = "watchlist",
    mixinStandardHelpOptions = true,
    description = "Passenger watchlists (PNR unit): import a named list, list them.",
    subcommands = {WatchlistCommand.Import.class, WatchlistCommand.ListLists.class})
public final class WatchlistCommand implements Runnable {
  @Spec CommandSpec spec;

  public WatchlistCommand() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code --data-dir}, read as the launcher reads it. */
  static final class DataDir {
    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description = "data directory (default: $SEKISHO_DATA_DIR or ~/.sekisho)")
    Path dataDir;

    Path resolve() {
      if (dataDir != null) {
        return dataDir.toAbsolutePath();
      }
      String env = System.getenv("SEKISHO_DATA_DIR");
      if (env != null && !env.isBlank()) {
        return Path.of(env).toAbsolutePath();
      }
      return Path.of(System.getProperty("user.home"), ".sekisho");
    }
  }

  /** Opens the database of {@code dir} with the passenger schema migrated. */
  static Database open(Path dir) {
    Database db = Database.open(DatabaseConfig.fromEnvironment(System.getenv(), dir));
    try {
      db.migrate(List.of(Migrations.of("platform"), Migrations.of("passenger")));
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * {@code sekisho watchlist import --name NAME --severity high --format csv FILE}. Exit 0 when the
   * list was imported (or found unchanged), even with some rows refused (each printed as {@code row
   * N field: reason (code)}); 1 when the file cannot be read, is not UTF-8 (refused whole, naming
   * the line and byte; a byte order mark is fine) or holds no valid entry (the list is left as it
   * was); 2 for a usage error. A list that changed screens the flights not yet departed again, as
   * an import over HTTP does, so that its hits are raised (or a removed entry's withdrawn) at once.
   */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import one watchlist as a whole from CSV (docs/formats/watchlist.md) or FollowTheMoney"
            + " JSON lines: its entries are replaced by the file's (a new version); the same"
            + " content again keeps the version. Bad rows are listed, good rows kept."
      })
  public static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @CommandLine.Mixin DataDir data = new DataDir();

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "the list: lower-case letters, digits, '-' and '_'")
    String name;

    @Option(
        names = "--severity",
        required = true,
        paramLabel = "LEVEL",
        description = "severity of every entry: low, medium, high or critical")
    String severity;

    @Option(
        names = "--format",
        required = true,
        paramLabel = "FORMAT",
        description = "csv or ftm (FollowTheMoney / OpenSanctions JSON lines)")
    String format;

    @Option(
        names = "--by",
        paramLabel = "USER",
        description = "who imports, for the audit log (default: cli:<login name>)")
    String by;

    @Parameters(index = "0", paramLabel = "FILE", description = "the file (UTF-8)")
    Path file;

    /** Opens the database of a data directory (tests give their own). */
    java.util.function.Function<Path, Database> database = WatchlistCommand::open;

    public Import() {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Outcome<Severity> sev = Severity.parse("--severity", severity);
      if (!sev.isAccepted()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), sev.problems().get(0).message());
      }
      String f = format.strip().toLowerCase(Locale.ROOT);
      if (!WatchlistImport.FORMATS.contains(f)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--format is csv or ftm, got '" + format + "'");
      }
      if (!WatchlistImport.validName(name)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--name: a watchlist name is lower-case letters, digits, '-' and '_' (up to 63), got '"
                + name
                + "'");
      }
      Optional<String> unreadable = InputFiles.unreadable(file);
      if (unreadable.isPresent()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "FILE: " + unreadable.get());
      }
      String user =
          by != null && !by.isBlank() ? by.strip() : "cli:" + System.getProperty("user.name");
      // a file in another encoding is refused whole before the database is opened
      try (InputStream check = Files.newInputStream(file)) {
        Optional<Utf8Input.NotUtf8> bad = Utf8Input.copy(check, OutputStream.nullOutputStream());
        if (bad.isPresent()) {
          Problem p = bad.get().problem();
          err.println(file + ": " + p.message() + " (" + p.code() + ")");
          return 1;
        }
      } catch (IOException e) {
        err.println(file + ": cannot read: " + e.getMessage());
        return 1;
      }
      try (Database db = database.apply(data.resolve());
          Reader in = Utf8Input.reader(Files.newInputStream(file))) {
        JdbcScreeningStore store = new JdbcScreeningStore(db.jdbi());
        AuditLog audit = new AuditLog(db.jdbi());
        Clock clock = Clock.systemUTC();
        // the flights not yet departed are screened again here, as the server screens them after
        // an import over HTTP; API travellers are never keyed by this screening (no list is
        // ingested), so its keys need not be the installation's
        PassengerScreening screening =
            new PassengerScreening(
                store,
                audit,
                clock,
                PnrContext.HOME_COUNTRY,
                ApiTravellerKeys.random(),
                KuromojiReadings.normaliser());
        WatchlistImport use =
            new WatchlistImport(store, WatchlistImport.rescreen(screening), audit, clock);
        Outcome<WatchlistImport.ListReport> o =
            use.importList(name, sev.orElseThrow(), f, in, user);
        switch (o) {
          case Outcome.Accepted<WatchlistImport.ListReport> a -> {
            WatchlistImport.ListReport r = a.value();
            if (r.unchanged()) {
              out.printf(
                  Locale.ROOT,
                  "watchlist %s: unchanged, version %d kept (the file holds the same %d entries)%n",
                  r.list(),
                  r.version(),
                  r.imported());
            } else {
              out.printf(
                  Locale.ROOT,
                  "watchlist %s: version %d%s, %d entries imported, %d removed, %d rows refused%n",
                  r.list(),
                  r.version(),
                  r.previousVersion() == 0 ? " (new list)" : " (was " + r.previousVersion() + ")",
                  r.imported(),
                  r.removed(),
                  r.refused());
            }
            if (!r.removedIds().isEmpty()) {
              out.printf(Locale.ROOT, "  removed: %s%n", String.join(", ", r.removedIds()));
            }
            if (!r.kept().isEmpty()) {
              // a refused row may be one of them: never take someone off a list on a typo
              out.printf(
                  Locale.ROOT,
                  "  kept, as a row was refused (correct it and import again to remove): %s%n",
                  String.join(", ", r.kept()));
            }
            print(out, r.problems());
            for (WatchlistImport.SchemaLeftOut l : r.leftOut()) {
              // never silently: what the file held that screening does not screen against
              out.printf(
                  Locale.ROOT,
                  "  left out: %d %s entities: %s (%s)%n",
                  l.entities(),
                  l.schema(),
                  l.reason(),
                  l.code());
            }
            if (!r.unchanged()) {
              out.printf(
                  Locale.ROOT,
                  "%d flight(s) not yet departed screened again with the list%n",
                  r.flightsScreened());
            }
            return 0;
          }
          case Outcome.Rejected<WatchlistImport.ListReport> r -> {
            Problem first = r.problems().get(0);
            err.println(first.field() + ": " + first.message() + " (" + first.code() + ")");
            print(err, r.problems().subList(1, r.problems().size()));
            return 1;
          }
        }
      } catch (IOException e) {
        err.println(file + ": cannot read: " + e.getMessage());
        return 1;
      }
    }

    private static void print(PrintWriter w, List<Problem> problems) {
      int shown = 0;
      for (Problem p : problems) {
        if (shown++ == 200) {
          w.println("… and " + (problems.size() - 200) + " more refused rows");
          break;
        }
        w.println("  " + p.field() + ": " + p.message() + " (" + p.code() + ")");
      }
      w.flush();
    }
  }

  /** {@code sekisho watchlist list [--name NAME]}: the lists, or one list's versions. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the watchlists with version and size; with --name, that list's versions.")
  public static final class ListLists implements Callable<Integer> {
    @Spec CommandSpec spec;

    @CommandLine.Mixin DataDir data = new DataDir();

    @Option(names = "--name", paramLabel = "NAME", description = "show this list's versions")
    String name;

    /** Opens the database of a data directory (tests give their own). */
    java.util.function.Function<Path, Database> database = WatchlistCommand::open;

    public ListLists() {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DateTimeFormatter t = DateTimeFormatter.ISO_INSTANT;
      try (Database db = database.apply(data.resolve())) {
        ScreeningStore store = new JdbcScreeningStore(db.jdbi());
        if (name != null) {
          List<ScreeningStore.WatchlistVersionRow> versions = store.watchlistVersions(name);
          if (versions.isEmpty()) {
            spec.commandLine().getErr().println("no watchlist named " + name);
            return 1;
          }
          out.printf(
              "%-8s %9s %9s %9s %9s %-6s %-20s %s%n",
              "version",
              "entries",
              "imported",
              "removed",
              "refused",
              "format",
              "imported at",
              "by");
          for (ScreeningStore.WatchlistVersionRow v : versions) {
            out.printf(
                Locale.ROOT,
                "v%-7d %9d %9d %9d %9d %-6s %-20s %s%n",
                v.version(),
                v.entries(),
                v.added(),
                v.removed(),
                v.refused(),
                v.format(),
                t.format(v.importedAt().truncatedTo(ChronoUnit.SECONDS)),
                v.importedBy());
          }
          return 0;
        }
        List<ScreeningStore.ListRow> lists = store.lists();
        out.printf(
            "%-32s %-8s %9s %-10s %s%n", "list", "version", "entries", "severity", "updated");
        for (ScreeningStore.ListRow l : lists) {
          Optional<ScreeningStore.WatchlistRow> w = store.watchlist(l.name());
          out.printf(
              Locale.ROOT,
              "%-32s %-8s %9d %-10s %s%n",
              l.name(),
              l.version() == 0 ? "-" : "v" + l.version(),
              l.entries(),
              w.map(ScreeningStore.WatchlistRow::severity).orElse(l.severities()),
              t.format(l.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        out.println(lists.size() + " watchlist(s)");
        return 0;
      }
    }
  }
}
