package org.sekisho.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.sekisho.intel.adapter.db.FileRawArchive;
import org.sekisho.intel.adapter.db.JdbcIngestLog;
import org.sekisho.intel.adapter.db.JdbcIntelQueries;
import org.sekisho.intel.adapter.db.JdbcMergeStore;
import org.sekisho.intel.adapter.db.JdbcRecordStore;
import org.sekisho.intel.adapter.format.Formats;
import org.sekisho.intel.adapter.web.IntelWeb;
import org.sekisho.intel.application.EntityMerges;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IntelQueries;
import org.sekisho.intel.domain.RecordReader;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.DatabaseConfig;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.WebServer;

/**
 * The composition root: every object of a running Sekisho is built here with {@code new}, in one
 * place, so what depends on what can be read from top to bottom. Closing it stops the server and
 * the database.
 */
public final class Sekisho implements AutoCloseable {
  public static final String VERSION = "0.1.0";
  static final List<Migrations> MIGRATIONS =
      List.of(Migrations.of("platform"), Migrations.of("intel"));

  private final Database db;
  private final Clock clock;
  private final Path dataDir;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final Accounts accounts;
  private final IngestRecords ingest;
  private final IntelQueries queries;
  private final EntityMerges merges;
  private WebServer web;

  public Sekisho(Database db, Path dataDir, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.dataDir = dataDir;
    db.migrate(MIGRATIONS);
    this.json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.audit = new AuditLog(db.jdbi());
    this.accounts = new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(12));
    ZoneId zone = ZoneId.of("UTC");
    this.ingest =
        new IngestRecords(
            new FileRawArchive(dataDir.resolve("archive"), clock),
            new Formats(),
            new JdbcRecordStore(db.dataSource(), json, clock),
            new JdbcIngestLog(db.jdbi(), clock),
            new RecordReader(zone),
            audit,
            clock,
            5_000);
    this.queries = new JdbcIntelQueries(db.jdbi(), ZoneId.of("Asia/Tokyo"));
    this.merges = new EntityMerges(new JdbcMergeStore(db.jdbi()), audit, clock);
  }

  /**
   * Opens the configured database (embedded under {@code dataDir} unless SEKISHO_DB_URL is set).
   */
  public static Sekisho open(Path dataDir, Clock clock) {
    Database db = Database.open(DatabaseConfig.fromEnvironment(System.getenv(), dataDir));
    try {
      return new Sekisho(db, dataDir, clock);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Starts the web server on {@code host:port} (port 0 picks a free one). */
  public WebServer serve(String host, int port) {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    List<NavItem> nav =
        List.of(
            new NavItem("/", "nav.dashboard", IntelWeb.READ),
            new NavItem("/search", "nav.search", IntelWeb.READ));
    web =
        WebServer.start(
            new WebServer.Config(
                host, port, false, List.of("i18n.platform", "i18n.intel"), nav, VERSION),
            accounts,
            audit,
            clock,
            metrics,
            db::isReady,
            List.of(new IntelWeb(queries, ingest, merges)));
    return web;
  }

  public Database db() {
    return db;
  }

  public AuditLog audit() {
    return audit;
  }

  public Accounts accounts() {
    return accounts;
  }

  public IngestRecords ingest() {
    return ingest;
  }

  public IntelQueries queries() {
    return queries;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Clock clock() {
    return clock;
  }

  public ObjectMapper json() {
    return json;
  }

  /** Route access rules, for the role-by-route test. */
  public static Access intelRead() {
    return IntelWeb.READ;
  }

  @Override
  public void close() {
    if (web != null) {
      web.close();
    }
    db.close();
  }
}
