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
import org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore;
import org.sekisho.passenger.pnr.adapter.inbox.PnrInbox;
import org.sekisho.passenger.pnr.adapter.web.PnrWeb;
import org.sekisho.passenger.pnr.application.PnrIngest;
import org.sekisho.passenger.pnr.application.PnrRetention;
import org.sekisho.passenger.pnr.application.PnrUnmasking;
import org.sekisho.platform.BoundedContext;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.WebModule;

/**
 * Wiring of PNR and API ingest for the composition root: schema {@code passenger}, the web API
 * ({@link PnrWeb}), the watched folder {@code <dataDir>/pnr/inbox} (polled every 10 s), and the
 * retention job (masking after 6 months, deletion after 5 years; run at start and hourly; each run
 * with an effect is audited as {@code pnr.retention}); unmasking with a reason and a second
 * approver ({@link PnrUnmasking}). Call {@link #start()} after migrating and {@link #close()} at
 * shutdown.
 */
public final class PnrContext implements BoundedContext {
  private static final System.Logger LOG = System.getLogger(PnrContext.class.getName());
  private final JdbcPnrStore store;
  private final PnrIngest ingest;
  private final PnrRetention retention;
  private final AuditTrail audit;
  private final Clock clock;
  private final Path folder;
  private ScheduledExecutorService scheduler;

  /** With the default retention periods. */
  public PnrContext(Database db, AuditTrail audit, Clock clock, Path dataDir) {
    this(db, audit, clock, dataDir, PnrRetention.MASK_AFTER, PnrRetention.DELETE_AFTER);
  }

  public PnrContext(
      Database db,
      AuditTrail audit,
      Clock clock,
      Path dataDir,
      Period maskAfter,
      Period deleteAfter) {
    this.store = new JdbcPnrStore(db.jdbi());
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.ingest = new PnrIngest(store, clock);
    this.retention = new PnrRetention(store, clock, maskAfter, deleteAfter);
    this.folder = dataDir.resolve("pnr");
  }

  @Override
  public List<Migrations> migrations() {
    return List.of(Migrations.of("passenger"));
  }

  @Override
  public List<WebModule> webModules() {
    return List.of(new PnrWeb(ingest, store, new PnrUnmasking(store, clock)));
  }

  /** No pages yet: the PNR unit works through the API. */
  @Override
  public List<NavItem> nav() {
    return List.of();
  }

  @Override
  public List<String> messageBundles() {
    return List.of();
  }

  /** The ingest use case, for other adapters (e.g. a Kafka consumer). */
  public PnrIngest ingest() {
    return ingest;
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
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            inbox.pollOnce();
          } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "PNR inbox poll failed: " + e.getMessage());
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
      LOG.log(System.Logger.Level.WARNING, "PNR retention run failed: " + e.getMessage());
      return new PnrRetention.Result(0, 0, clock.instant(), clock.instant());
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
