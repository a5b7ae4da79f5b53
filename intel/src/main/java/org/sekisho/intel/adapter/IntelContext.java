package org.sekisho.intel.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.intel.adapter.db.FileRawArchive;
import org.sekisho.intel.adapter.db.JdbcIngestLog;
import org.sekisho.intel.adapter.db.JdbcIntelQueries;
import org.sekisho.intel.adapter.db.JdbcMergeStore;
import org.sekisho.intel.adapter.db.JdbcRecordFeed;
import org.sekisho.intel.adapter.db.JdbcRecordStore;
import org.sekisho.intel.adapter.db.JdbcSharingStore;
import org.sekisho.intel.adapter.format.Formats;
import org.sekisho.intel.adapter.web.IntelWeb;
import org.sekisho.intel.application.EntityMerges;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IngestRuns;
import org.sekisho.intel.application.IntelQueries;
import org.sekisho.intel.application.RecordFeed;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.intel.domain.RecordReader;
import org.sekisho.platform.BoundedContext;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.WebModule;

/** The intelligence database, wired: ingest, queries, merges and its web module. */
public final class IntelContext implements BoundedContext {
  private final IngestRecords ingest;
  private final IngestRuns runs;
  private final IntelQueries queries;
  private final EntityMerges merges;
  private final RecordSharing sharing;
  private final RecordFeed feed;
  private final Agencies agencies;

  /**
   * @param dataDir raw inputs are archived under {@code dataDir/archive}
   * @param json mapper for stored record JSON (with Java time and Optional support)
   */
  public IntelContext(Database db, AuditTrail audit, Clock clock, Path dataDir, ObjectMapper json) {
    this(db, audit, clock, dataDir, json, IngestPorts.RecordsStored.NONE);
  }

  /** The administration's zone when none is given. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

  /**
   * In the {@link #DEFAULT_ZONE}.
   *
   * @param stored told about every stored batch (e.g. targeting assesses new declarations)
   */
  public IntelContext(
      Database db,
      AuditTrail audit,
      Clock clock,
      Path dataDir,
      ObjectMapper json,
      IngestPorts.RecordsStored stored) {
    this(db, audit, clock, dataDir, json, stored, DEFAULT_ZONE);
  }

  /**
   * @param stored told about every stored batch (e.g. targeting assesses new declarations)
   * @param zone the administration's zone ({@code SEKISHO_ZONE}): source times written without an
   *     offset and dates without a time are read in it, and search dates and the dashboard's days
   *     are counted in it, as pages show times
   */
  public IntelContext(
      Database db,
      AuditTrail audit,
      Clock clock,
      Path dataDir,
      ObjectMapper json,
      IngestPorts.RecordsStored stored,
      ZoneId zone) {
    this(db, audit, clock, dataDir, json, stored, zone, JdbcIntelQueries.DEFAULT_ADMINISTRATION);
  }

  /**
   * @param stored told about every stored batch (e.g. targeting assesses new declarations)
   * @param zone the administration's zone ({@code SEKISHO_ZONE}): source times written without an
   *     offset and dates without a time are read in it, and search dates and the dashboard's days
   *     are counted in it, as pages show times
   * @param administration the agency running Sekisho ({@code SEKISHO_AGENCY}): only its readers see
   *     figures over every agency's records (the dashboard's entity count)
   */
  public IntelContext(
      Database db,
      AuditTrail audit,
      Clock clock,
      Path dataDir,
      ObjectMapper json,
      IngestPorts.RecordsStored stored,
      ZoneId zone,
      String administration) {
    this.agencies = new Agencies(db.jdbi(), clock, audit);
    JdbcSharingStore shares = new JdbcSharingStore(db.jdbi());
    this.sharing = new RecordSharing(shares, agencies::codes, audit, clock, zone, administration);
    FileRawArchive archive = new FileRawArchive(dataDir.resolve("archive"), clock);
    JdbcIngestLog runLog = new JdbcIngestLog(db.jdbi(), clock, archive);
    this.runs = new IngestRuns(runLog, clock);
    this.ingest =
        new IngestRecords(
            archive,
            new Formats(),
            new JdbcRecordStore(db.dataSource(), json, clock),
            runLog,
            new RecordReader(zone, clock),
            audit,
            clock,
            // Batches of 2,000 rather than 5,000: two batches in flight are what each young
            // collection has to copy, and 2,000 still amortises the per-batch queries (measured:
            // about 13 µs less CPU per record in bench ingest).
            2_000,
            // the platform's registry, read once per ingest
            agencies::codes,
            sharing::rulesNow,
            shares,
            stored);
    this.queries = new JdbcIntelQueries(db.jdbi(), zone, clock, json, administration);
    this.merges = new EntityMerges(new JdbcMergeStore(db.jdbi()), audit, clock);
    this.feed = new JdbcRecordFeed(db.jdbi(), json);
  }

  /** Sharing stored records with partner agencies under agreements. */
  public RecordSharing sharing() {
    return sharing;
  }

  public IngestRecords ingest() {
    return ingest;
  }

  /** What ingest runs did, and their archived inputs, for the agencies that ran them. */
  public IngestRuns runs() {
    return runs;
  }

  public IntelQueries queries() {
    return queries;
  }

  /** Stored records in storage order, for contexts that process every record of a kind. */
  public RecordFeed feed() {
    return feed;
  }

  private java.util.concurrent.ScheduledExecutorService lapsing;

  /** Ends sharings no agreement allows any more now, then every hour. */
  @Override
  public synchronized void start() {
    if (lapsing != null) {
      return;
    }
    lapsing =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sharing-lapse");
              t.setDaemon(true);
              return t;
            });
    lapsing.scheduleWithFixedDelay(
        () -> {
          try {
            int ended = sharing.lapse();
            if (ended > 0) {
              LOG.log(System.Logger.Level.INFO, "{0} sharings ended: no agreement any more", ended);
            }
          } catch (RuntimeException e) {
            // the next run tries again; a failed run must not end the schedule
            LOG.log(System.Logger.Level.WARNING, "ending lapsed sharings failed", e);
          }
        },
        0,
        1,
        java.util.concurrent.TimeUnit.HOURS);
  }

  @Override
  public synchronized void close() {
    if (lapsing != null) {
      lapsing.shutdownNow();
      lapsing = null;
    }
  }

  private static final System.Logger LOG = System.getLogger(IntelContext.class.getName());

  @Override
  public List<Migrations> migrations() {
    return List.of(Migrations.of("intel"));
  }

  @Override
  public List<WebModule> webModules() {
    return List.of(new IntelWeb(queries, ingest, merges, sharing, agencies, runs));
  }

  @Override
  public List<NavItem> nav() {
    return List.of(
        new NavItem("/", "nav.dashboard", IntelWeb.READ),
        new NavItem("/search", "nav.search", IntelWeb.LOOKUP),
        new NavItem("/sharing", "nav.sharing", IntelWeb.DESK),
        new NavItem("/shared", "nav.shared", IntelWeb.RECEIVED));
  }

  @Override
  public List<String> messageBundles() {
    return List.of("i18n.intel");
  }
}
