package org.sekisho.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sekisho.intel.adapter.IntelContext;
import org.sekisho.intel.application.IngestPorts.RecordsStored;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IntelQueries;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.maritime.adapter.MaritimeContext;
import org.sekisho.passenger.egate.adapter.EgateContext;
import org.sekisho.passenger.pnr.adapter.PnrContext;
import org.sekisho.platform.BoundedContext;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.audit.AuditSearch;
import org.sekisho.platform.auth.AccountAdministration;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.DatabaseConfig;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.AccountWeb;
import org.sekisho.platform.web.AgencyWeb;
import org.sekisho.platform.web.AuditWeb;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.TrustedProxies;
import org.sekisho.platform.web.WebModule;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.CatchUpAssessments;

/**
 * The composition root: every object of a running Sekisho is built here with {@code new}, in one
 * place, so what depends on what can be read from top to bottom. Closing it stops background work,
 * the server and the database.
 */
public final class Sekisho implements AutoCloseable {
  public static final String VERSION = "0.1.0";

  private final Database db;
  private final Clock clock;
  private final Path dataDir;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final AuditSearch auditSearch;
  private final Accounts accounts;
  private final Agencies agencies;
  private final IntelContext intel;
  private final MaritimeContext maritime;
  private final AssessStoredRecords assessing;
  private final List<BoundedContext> contexts;
  private final PnrContext pnr;
  private final TargetingContext targeting;
  private WebServer web;

  public Sekisho(Database db, Path dataDir, Clock clock) {
    this(db, dataDir, clock, true);
  }

  /**
   * @param assessOnIngest whether every stored declaration is assessed by targeting at once (the
   *     normal flow); off only for benchmarks of the bulk ingest path itself
   */
  public Sekisho(Database db, Path dataDir, Clock clock, boolean assessOnIngest) {
    this.db = db;
    this.clock = clock;
    this.dataDir = dataDir;
    this.json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.audit = new AuditLog(db.jdbi());
    this.auditSearch = new AuditSearch(db.jdbi());
    this.accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(12), audit);
    this.targeting = new TargetingContext(db, audit, clock, dataDir, zone());
    this.assessing = new AssessStoredRecords(targeting.assessmentRequests(), json, agency());
    this.intel =
        new IntelContext(
            db,
            audit,
            clock,
            dataDir,
            json,
            assessOnIngest ? assessing : RecordsStored.NONE,
            zone(),
            agency());
    this.maritime =
        new MaritimeContext(db, audit, clock, dataDir, new PortCallsToIntel(intel.ingest(), json));
    this.pnr = new PnrContext(db, audit, clock, dataDir, agency());
    this.contexts =
        List.of(
            intel,
            // the gate refers a traveller passenger screening finds on a watchlist
            new EgateContext(
                db, audit, clock, dataDir, zone(), new ScreeningAtTheGate(pnr.screening(), clock)),
            maritime,
            pnr,
            targeting);
    List<Migrations> migrations = new ArrayList<>(List.of(Migrations.of("platform")));
    contexts.forEach(c -> migrations.addAll(c.migrations()));
    db.migrate(migrations);
    this.agencies = new Agencies(db.jdbi(), clock, audit);
    // the administration's own agency is always registered: its records need no registration step
    agencies.register(agency(), agency(), "system:start", agency());
    contexts.forEach(BoundedContext::start);
    if (assessOnIngest) {
      assessing.catchUpFrom(
          AssessStoredRecords.ASSESSED.stream()
              .map(
                  kind ->
                      targeting.catchUp(
                          new IntelRecordsToAssess(
                              intel.feed(), kind, agency(), assessing::request)))
              .toList());
    }
  }

  /** The bridge that has targeting assess what intel stores (and catch up on what it missed). */
  AssessStoredRecords assessing() {
    return assessing;
  }

  /**
   * The check for declarations, postal items and transport documents stored without an assessment
   * that starts with this instance, one result per kind in that order (see {@link
   * AssessStoredRecords}); empty when assessment on ingest is off.
   */
  Optional<CompletableFuture<List<CatchUpAssessments.Result>>> firstCatchUp() {
    return assessing.firstCatchUp();
  }

  /**
   * Opens the configured database (embedded under {@code dataDir} unless SEKISHO_DB_URL is set).
   */
  public static Sekisho open(Path dataDir, Clock clock) {
    return open(dataDir, clock, true);
  }

  /** As {@link #open(Path, Clock)}, with targeting's assessment on ingest switched as given. */
  public static Sekisho open(Path dataDir, Clock clock, boolean assessOnIngest) {
    Database db = Database.open(DatabaseConfig.fromEnvironment(System.getenv(), dataDir));
    try {
      return new Sekisho(db, dataDir, clock, assessOnIngest);
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
    assessing.bindTo(metrics);
    maritime.bindTo(metrics);
    List<NavItem> nav = new ArrayList<>();
    List<String> bundles = new ArrayList<>(List.of("i18n.platform"));
    AuditWeb auditWeb = new AuditWeb(auditSearch, audit::verify, agency());
    List<WebModule> modules = new ArrayList<>(List.of(new AgencyWeb(agencies, agency()), auditWeb));
    for (BoundedContext c : contexts) {
      nav.addAll(c.nav());
      bundles.addAll(c.messageBundles());
      modules.addAll(c.webModules());
    }
    // last: an administrator's start page stays the first of the contexts' pages offered to them
    modules.add(new AccountWeb(new AccountAdministration(accounts, agencies, agency()), agency()));
    nav.addAll(AccountWeb.nav(agency()));
    nav.add(auditWeb.nav());
    web =
        WebServer.start(
            new WebServer.Config(
                host,
                port,
                behindTls(),
                bundles,
                nav,
                VERSION,
                zone(),
                trustedProxies(System.getenv("SEKISHO_TRUSTED_PROXIES"))),
            accounts,
            audit,
            clock,
            metrics,
            db::isReady,
            modules);
    return web;
  }

  /**
   * The administration running Sekisho: {@code SEKISHO_AGENCY}, default {@code customs-jp}. Its
   * targeting centre assesses the declarations, consignments and postal items lodged with it, not
   * the records other agencies store or share (those are intelligence, not its own cases).
   */
  public static String agency() {
    return agency(System.getenv("SEKISHO_AGENCY"));
  }

  /**
   * {@code SEKISHO_AGENCY} as given: the default when unset or blank.
   *
   * @throws IllegalArgumentException naming the variable when the value is no agency code
   */
  static String agency(String value) {
    if (value == null || value.isBlank()) {
      return "customs-jp";
    }
    String a = value.strip();
    Agencies.invalidCode(a)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException("SEKISHO_AGENCY: " + why);
            });
    return a;
  }

  /**
   * Whether browsers reach the server over TLS (a reverse proxy in front of it): {@code
   * SEKISHO_TLS=true}. Then cookies are marked Secure and answers carry Strict-Transport-Security;
   * the default (false) is for loopback and the demo, where a Secure cookie would never be sent
   * back.
   */
  static boolean behindTls() {
    return behindTls(System.getenv("SEKISHO_TLS"));
  }

  /**
   * {@code SEKISHO_TLS} as given: {@code true} or {@code false} (either case), false when unset.
   * Anything else is refused rather than read as false: {@code SEKISHO_TLS=yes} would otherwise
   * quietly send session cookies without Secure and answers without Strict-Transport-Security.
   *
   * @throws IllegalArgumentException naming the variable and the two values it takes
   */
  static boolean behindTls(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    String v = value.strip();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(
        "SEKISHO_TLS: expected true (browsers reach the server over TLS) or false, not '"
            + clip(v)
            + "'");
  }

  /**
   * Checks the settings a server reads from {@code env} ({@code SEKISHO_TLS}, {@code
   * SEKISHO_TRUSTED_PROXIES}, {@code SEKISHO_ZONE}, {@code SEKISHO_AGENCY}) before anything starts,
   * so that a wrong value is one line naming the variable rather than a refusal after the database
   * and its workers are up.
   *
   * @throws IllegalArgumentException naming the first variable whose value is wrong
   */
  public static void checkServerSettings(java.util.Map<String, String> env) {
    behindTls(env.get("SEKISHO_TLS"));
    trustedProxies(env.get("SEKISHO_TRUSTED_PROXIES"));
    zone(env.get("SEKISHO_ZONE"));
    agency(env.get("SEKISHO_AGENCY"));
  }

  /**
   * {@code SEKISHO_TRUSTED_PROXIES} as given: the reverse proxies whose {@code X-Forwarded-For}
   * names the client (audit entries, throttles); none when unset.
   *
   * @throws IllegalArgumentException naming the variable and the entry that is no address or range
   */
  static TrustedProxies trustedProxies(String value) {
    return TrustedProxies.parse(value);
  }

  /** The zone pages show times in: {@code SEKISHO_ZONE}, default Asia/Tokyo. */
  public static java.time.ZoneId zone() {
    return zone(System.getenv("SEKISHO_ZONE"));
  }

  /**
   * {@code SEKISHO_ZONE} as given: the default when unset or blank.
   *
   * @throws IllegalArgumentException naming the variable when the value is no time zone
   */
  static java.time.ZoneId zone(String value) {
    if (value == null || value.isBlank()) {
      return java.time.ZoneId.of("Asia/Tokyo");
    }
    try {
      return java.time.ZoneId.of(value.strip());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "SEKISHO_ZONE: '"
              + clip(value.strip())
              + "' is no time zone; expected a region such as Asia/Tokyo or an offset such as"
              + " +09:00",
          e);
    }
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  public Database db() {
    return db;
  }

  public AuditLog audit() {
    return audit;
  }

  /** Reads the audit log for its viewer (the page, the API, {@code sekisho audit list}). */
  public AuditSearch auditSearch() {
    return auditSearch;
  }

  public Accounts accounts() {
    return accounts;
  }

  /** The agencies records may belong to or be shared with. */
  public Agencies agencies() {
    return agencies;
  }

  /** Sharing stored records with partner agencies under agreements (the liaison's work). */
  public RecordSharing sharing() {
    return intel.sharing();
  }

  public IngestRecords ingest() {
    return intel.ingest();
  }

  public IntelQueries queries() {
    return intel.queries();
  }

  /** Passenger information: PNR/API ingest, screening, watchlists. */
  public PnrContext pnr() {
    return pnr;
  }

  /** Cargo targeting: criteria, lists, assessments, worklist, risk models. */
  public TargetingContext targeting() {
    return targeting;
  }

  public MaritimeContext maritime() {
    return maritime;
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

  @Override
  public void close() {
    assessing.close();
    for (BoundedContext c : contexts) {
      c.close();
    }
    if (web != null) {
      web.close();
    }
    db.close();
  }
}
