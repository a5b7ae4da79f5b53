package org.sekisho.passenger.pnr.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.names.adapter.kuromoji.KuromojiReadings;
import org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore;
import org.sekisho.passenger.pnr.adapter.inbox.PnrInbox;
import org.sekisho.passenger.pnr.adapter.web.PnrOwner;
import org.sekisho.passenger.pnr.adapter.web.PnrWeb;
import org.sekisho.passenger.pnr.application.PnrIngest;
import org.sekisho.passenger.pnr.application.PnrRetention;
import org.sekisho.passenger.pnr.application.PnrUnmasking;
import org.sekisho.passenger.screening.adapter.db.JdbcScreeningStore;
import org.sekisho.passenger.screening.adapter.keys.TravellerKeySecret;
import org.sekisho.passenger.screening.adapter.web.ScreeningWeb;
import org.sekisho.passenger.screening.application.HitReview;
import org.sekisho.passenger.screening.application.PassengerRules;
import org.sekisho.passenger.screening.application.PassengerScreening;
import org.sekisho.passenger.screening.application.ScreeningLists;
import org.sekisho.passenger.screening.application.WatchlistImport;
import org.sekisho.platform.BoundedContext;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.WebModule;

/**
 * Wiring of PNR and API ingest for the composition root: schema {@code passenger}, the web API
 * ({@link PnrWeb}), the watched folder {@code <dataDir>/pnr/inbox} (polled every 10 s), and the
 * retention job (masking after 6 months, deletion after 5 years; run at start and hourly; each run
 * with an effect is audited as {@code pnr.retention}); unmasking with a reason and a second
 * approver ({@link PnrUnmasking}); passenger screening of every flight a PNR or API message names
 * ({@link PassengerScreening}: rules, watchlists, hits and their review, pages under {@code
 * /screening}). Call {@link #start()} after migrating and {@link #close()} at shutdown.
 */
public final class PnrContext implements BoundedContext {
  private static final System.Logger LOG = System.getLogger(PnrContext.class.getName());
  private final JdbcPnrStore store;
  private final PnrOwner owner;
  private final PnrIngest ingest;
  private final PnrRetention retention;
  private final AuditTrail audit;
  private final Clock clock;
  private final Path folder;
  private final JdbcScreeningStore screeningStore;
  private final PassengerScreening screening;
  private final ScreeningWeb screeningWeb;
  private final PassengerRules rules;
  private final WatchlistImport watchlists;
  private final ScreeningLists lists;
  private ScheduledExecutorService scheduler;
  // set while closing: a job cut short by the close is not a failure to report
  private volatile boolean closing;

  /**
   * With the default retention periods, screening Japan's arrivals and departures.
   *
   * @param administration the agency running Sekisho ({@code SEKISHO_AGENCY}), which owns the PNR
   *     and screening data: staff of any other agency are refused every route ({@link PnrOwner})
   */
  public PnrContext(
      Database db, AuditTrail audit, Clock clock, Path dataDir, String administration) {
    this(
        db,
        audit,
        clock,
        dataDir,
        PnrRetention.MASK_AFTER,
        PnrRetention.DELETE_AFTER,
        HOME_COUNTRY,
        administration);
  }

  /** The country whose arrivals and departures the flights list tells apart, by default. */
  public static final String HOME_COUNTRY = "JP";

  /**
   * @param homeCountry alpha-2 country whose arrivals and departures are screened
   * @param administration the agency running Sekisho, which owns the PNR and screening data
   */
  public PnrContext(
      Database db,
      AuditTrail audit,
      Clock clock,
      Path dataDir,
      Period maskAfter,
      Period deleteAfter,
      String homeCountry,
      String administration) {
    this.owner = new PnrOwner(administration);
    this.store = new JdbcPnrStore(db.jdbi());
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.screeningStore = new JdbcScreeningStore(db.jdbi());
    this.screening =
        new PassengerScreening(
            screeningStore,
            audit,
            clock,
            homeCountry,
            TravellerKeySecret.load(dataDir, System.getenv()),
            KuromojiReadings.normaliser());
    this.rules = new PassengerRules(screeningStore, screening, audit, clock);
    this.watchlists = new WatchlistImport(screeningStore, screening, audit, clock);
    this.lists = new ScreeningLists(screeningStore, screening, audit, clock);
    this.screeningWeb =
        new ScreeningWeb(
            screeningStore,
            store,
            screening,
            new HitReview(screeningStore, audit, clock),
            rules,
            watchlists,
            lists,
            new PnrUnmasking(store, clock),
            owner,
            clock);
    this.ingest = new PnrIngest(store, clock, screening);
    this.retention = new PnrRetention(store, clock, maskAfter, deleteAfter);
    this.folder = dataDir.resolve("pnr");
  }

  @Override
  public List<Migrations> migrations() {
    return List.of(Migrations.of("passenger"));
  }

  @Override
  public List<WebModule> webModules() {
    return List.of(new PnrWeb(ingest, store, new PnrUnmasking(store, clock), owner), screeningWeb);
  }

  /**
   * Flight screening and passenger rules, for the PNR unit; referrals for officers too; none of
   * them for staff of another agency, whom every route refuses.
   */
  @Override
  public List<NavItem> nav() {
    Access pnrUnit = Access.anyOf(Role.PNR_UNIT);
    return List.of(
        new NavItem("/screening/flights", "screening.nav.flights", pnrUnit, owner::admits),
        new NavItem("/screening/queue", "screening.nav.queue", pnrUnit, owner::admits),
        new NavItem("/screening/rules", "screening.nav.rules", pnrUnit, owner::admits),
        new NavItem("/screening/unmasking", "screening.nav.unmasking", pnrUnit, owner::admits),
        new NavItem(
            "/screening/referrals",
            "screening.nav.referrals",
            Access.anyOf(Role.PNR_UNIT, Role.OFFICER),
            owner::admits));
  }

  @Override
  public List<String> messageBundles() {
    return List.of("i18n.screening");
  }

  /** Passenger screening (flights, rules, watchlists), for other adapters and the CLI. */
  public PassengerScreening screening() {
    return screening;
  }

  /** Passenger rules (save, enable), for the demo and other adapters. */
  public PassengerRules rules() {
    return rules;
  }

  /** Watchlist imports, for the command line and the demo. */
  public WatchlistImport watchlists() {
    return watchlists;
  }

  /** The PNR unit's reference lists, for the demo and other adapters. */
  public ScreeningLists lists() {
    return lists;
  }

  /** Where screening keeps its data, for read-only views (command line, demo). */
  public org.sekisho.passenger.screening.application.ScreeningStore screeningStore() {
    return screeningStore;
  }

  /** The ingest use case, for other adapters (e.g. a Kafka consumer). */
  public PnrIngest ingest() {
    return ingest;
  }

  /**
   * The ingest use case recording what it receives as received {@code age} ago, for the demo's
   * booking versions old enough for retention to mask (see {@link #runRetention()}); screening
   * still runs on this context's clock. Not for real messages, whose time of receipt is now.
   */
  public PnrIngest ingestReceivedAgo(Period age) {
    java.time.Instant then =
        clock.instant().atZone(java.time.ZoneOffset.UTC).minus(age).toInstant();
    return new PnrIngest(store, Clock.fixed(then, java.time.ZoneOffset.UTC), screening);
  }

  /** Runs retention once now and starts the inbox poll and the hourly retention job. */
  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    PnrInbox inbox;
    try {
      inbox = new PnrInbox(ingest, folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pnr-jobs");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::runRetention, 0, 1, TimeUnit.HOURS);
    // index the watchlists now rather than on the first message
    scheduler.execute(
        () -> {
          try {
            screening.ensureLoaded();
          } catch (RuntimeException e) {
            if (!closing) {
              LOG.log(System.Logger.Level.WARNING, "loading screening rules and lists failed", e);
            }
          }
        });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            inbox.pollOnce();
          } catch (IOException | RuntimeException e) {
            if (!closing) {
              LOG.log(System.Logger.Level.WARNING, "PNR inbox poll failed: " + e.getMessage());
            }
          }
        },
        1,
        10,
        TimeUnit.SECONDS);
  }

  /** One retention run, audited when it masked or deleted anything. */
  public PnrRetention.Result runRetention() {
    try {
      PnrRetention.Result r = retention.run();
      if (r.masked() > 0 || r.deleted() > 0) {
        audit.record(
            new AuditEvent(
                clock.instant(),
                "system",
                "",
                "pnr.retention",
                "passenger",
                java.util.Map.of(
                    "masked", String.valueOf(r.masked()),
                    "deleted", String.valueOf(r.deleted()),
                    "maskedBefore", r.maskedBefore().toString(),
                    "deletedBefore", r.deletedBefore().toString())));
      }
      return r;
    } catch (RuntimeException e) {
      if (!closing) {
        LOG.log(System.Logger.Level.WARNING, "PNR retention run failed: " + e.getMessage());
      }
      return new PnrRetention.Result(0, 0, clock.instant(), clock.instant());
    }
  }

  /**
   * Stops the background jobs and waits (up to 30 s) until they have: the caller closes the
   * database next, and a command-line run often ends while the first load of the screening lists
   * still reads.
   */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      closing = true;
      scheduler.shutdownNow();
      try {
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.log(System.Logger.Level.WARNING, "PNR jobs still running 30 s after close");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        scheduler = null;
        closing = false;
      }
    }
  }
}
