package org.sekisho.maritime.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.maritime.adapter.db.JdbiMaritimeRecords;
import org.sekisho.maritime.adapter.db.JdbiStoredPicture;
import org.sekisho.maritime.adapter.feed.NmeaTcpClient;
import org.sekisho.maritime.adapter.feed.NmeaUdpListener;
import org.sekisho.maritime.adapter.geo.GeoJsonAreaRules;
import org.sekisho.maritime.adapter.geo.GeoJsonLand;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.adapter.web.MaritimeWeb;
import org.sekisho.maritime.application.ConveyanceMovements;
import org.sekisho.maritime.application.ConveyanceMovements.Origin;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.application.MaritimeRecords;
import org.sekisho.maritime.application.MaritimeService;
import org.sekisho.maritime.domain.geo.SeaRoutes;
import org.sekisho.maritime.domain.patrol.DarkVesselCheck;
import org.sekisho.maritime.domain.track.VesselTracker;
import org.sekisho.platform.BoundedContext;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.WebModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the maritime context for the composition root: schema {@code maritime}, the tracker
 * service, the web module, and (from {@link #start}) live AIS feeds and periodic syncing.
 *
 * <p>Live feeds are configured by system properties (or environment variables in upper case with
 * underscores): {@code sekisho.ais.tcp=HOST:PORT[,HOST:PORT...]} connects to AIS servers, {@code
 * sekisho.ais.udp=PORT} listens for UDP datagrams on loopback ({@code sekisho.ais.udp.bind} to
 * change the address).
 *
 * <p>Who may use the picture ({@link MaritimeWeb.Scope}): the administration's own agency ({@code
 * sekisho.agency}, {@code SEKISHO_AGENCY}, default {@code customs-jp}, as the composition root
 * reads it) and partners of the agencies listed in {@code sekisho.maritime.partners} ({@code
 * SEKISHO_MARITIME_PARTNERS}, comma-separated agency codes, default none).
 */
public final class MaritimeContext implements BoundedContext {
  private static final Logger LOG = LoggerFactory.getLogger(MaritimeContext.class);
  private final MaritimeService service;
  private final GeoJsonPortAreas ports = GeoJsonPortAreas.standard();
  private final List<AutoCloseable> feeds = new ArrayList<>();
  private final MaritimeWeb.Scope scope;
  private final JdbiStoredPicture picture;
  private boolean restored;
  private ScheduledExecutorService scheduler;
  private final List<Object> exported = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param db the shared database (schema {@code maritime} is migrated by the caller through {@link
   *     #migrations()})
   * @param audit audit trail (web reads are audited through the platform's {@code Web.audit})
   * @param clock clock for sentences without a time and for ranking
   * @param dataDir data directory; an optional {@code maritime-areas.geojson} there sets detector
   *     parameters per area
   * @param movements where port calls go (the intelligence database's conveyance movements)
   */
  public MaritimeContext(
      Database db, AuditTrail audit, Clock clock, Path dataDir, ConveyanceMovements movements) {
    this(db, audit, clock, dataDir, movements, configuredScope());
  }

  /**
   * @param scope who may use the picture: the administration's agency and its partner agencies
   */
  public MaritimeContext(
      Database db,
      AuditTrail audit,
      Clock clock,
      Path dataDir,
      ConveyanceMovements movements,
      MaritimeWeb.Scope scope) {
    this.scope = scope;
    this.picture = new JdbiStoredPicture(db.jdbi());
    this.service =
        service(
            new JdbiMaritimeRecords(db.jdbi()), movements, clock, settings(dataDir), STORE_EVERY);
  }

  /** The scope from {@code sekisho.agency} and {@code sekisho.maritime.partners}. */
  static MaritimeWeb.Scope configuredScope() {
    String agency = setting("sekisho.agency");
    String partners = setting("sekisho.maritime.partners");
    java.util.Set<String> set = new java.util.TreeSet<>();
    if (partners != null) {
      for (String a : partners.split(",")) {
        if (!a.isBlank()) {
          set.add(a.strip());
        }
      }
    }
    return new MaritimeWeb.Scope(agency == null ? "customs-jp" : agency.strip(), set);
  }

  /**
   * The server stores one position per vessel per this interval (the detectors see every report);
   * {@code sekisho bench maritime --db} measures the same.
   */
  public static final Duration STORE_EVERY = Duration.ofSeconds(10);

  /** The service as the server builds it (shared with the benchmark, so it measures the same). */
  public static MaritimeService service(
      MaritimeRecords records,
      ConveyanceMovements movements,
      Clock clock,
      VesselTracker.Settings settings,
      Duration storeEvery) {
    return new MaritimeService(
        records,
        movements,
        clock,
        settings,
        new DarkVesselCheck(1.0, Duration.ofMinutes(15)),
        storeEvery,
        new SeaRoutes(GeoJsonLand.shared()));
  }

  /**
   * GFW defaults outside port areas, overridden per area by {@code maritime-areas.geojson} in the
   * data directory when there is one (see docs/formats/maritime-api.md).
   */
  private VesselTracker.Settings settings(Path dataDir) {
    VesselTracker.Settings base = VesselTracker.Settings.standardOutside(ports);
    Path areas = dataDir == null ? null : dataDir.resolve("maritime-areas.geojson");
    if (areas == null || !Files.isRegularFile(areas)) {
      return base;
    }
    try (InputStream in = Files.newInputStream(areas)) {
      return GeoJsonAreaRules.read(in).apply(base);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + areas + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<Migrations> migrations() {
    return List.of(Migrations.of("maritime"));
  }

  @Override
  public List<WebModule> webModules() {
    return List.of(new MaritimeWeb(service, ports, scope));
  }

  @Override
  public List<NavItem> nav() {
    // agencies the picture is not shared with are not offered a link that answers 403
    return List.of(
        new NavItem("/maritime", "nav.maritime", MaritimeWeb.READ, p -> scope.refusal(p) == null));
  }

  @Override
  public List<String> messageBundles() {
    return List.of("i18n.maritime");
  }

  /**
   * Exports the live feeds' running counts ({@code GET /api/maritime/feeds}) to {@code registry} as
   * counters {@code sekisho.maritime.feed.lines}, {@code .messages}, {@code .skipped} (tag {@code
   * feed}) and {@code sekisho.maritime.feed.broken} (tags {@code feed}, {@code problem}); in
   * Prometheus {@code sekisho_maritime_feed_messages_total{feed="tcp host:port"}} and so on. Feeds
   * and problems first met later are added as they come. Call once per registry.
   */
  public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
    service.watchFeedCounts(
        (feed, count, problem, value) -> {
          // meters hold what they read weakly, and nobody else holds this supplier
          exported.add(value);
          var b =
              io.micrometer.core.instrument.FunctionCounter.builder(
                      "sekisho.maritime.feed." + count, value, v -> v.getAsLong())
                  .description(
                      "broken".equals(count)
                          ? "broken AIS sentences from a feed, by problem"
                          : "AIS " + count + " (lines, messages, skipped lines) from a feed")
                  .tag("feed", feed);
          if (problem != null) {
            b.tag("problem", problem);
          }
          b.register(registry);
        });
  }

  /** The live service (for the demo loader and the lead's wiring of other contexts). */
  public MaritimeService service() {
    return service;
  }

  /**
   * Takes up the live picture the store kept (a restart shows the vessels it showed before it
   * stopped; see {@link MaritimeService#restore}), then starts configured live feeds and a
   * once-a-minute open-gap evaluation and sync. Call after the migrations, once.
   */
  @Override
  public synchronized void start() {
    if (!restored) {
      restored = true;
      int vessels = service.restore(picture);
      LOG.info("maritime picture taken up from the store: {} vessels", vessels);
    }
    try {
      startFeeds();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not start the configured AIS feeds", e);
    }
  }

  private void startFeeds() throws IOException {
    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    scheduler.scheduleWithFixedDelay(service::sync, 2, 2, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(service::evaluateOpenGaps, 1, 1, TimeUnit.MINUTES);
    String tcp = setting("sekisho.ais.tcp");
    if (tcp != null) {
      for (String hp : tcp.split(",")) {
        int colon = hp.lastIndexOf(':');
        if (colon > 0) {
          NmeaTcpClient c =
              new NmeaTcpClient(
                  hp.substring(0, colon).strip(),
                  Integer.parseInt(hp.substring(colon + 1).strip()),
                  in ->
                      logBroken(
                          "tcp " + hp.strip(),
                          service.ingest(in, Origin.FEED, "tcp " + hp.strip())));
          c.start();
          feeds.add(c);
        }
      }
    }
    String udp = setting("sekisho.ais.udp");
    if (udp != null) {
      String bind = setting("sekisho.ais.udp.bind");
      feeds.add(
          new NmeaUdpListener(
              InetAddress.getByName(bind == null ? "127.0.0.1" : bind),
              Integer.parseInt(udp.strip()),
              in ->
                  logBroken(
                      "udp " + udp.strip(),
                      service.ingest(in, Origin.FEED, "udp " + udp.strip()))));
    }
  }

  /** A live feed's broken sentences are logged (and counted in the feeds API), never silent. */
  private static DecodeAisStream.Summary logBroken(String feed, DecodeAisStream.Summary s) {
    if (s.broken() > 0) {
      LOG.warn(
          "AIS feed {}: {} broken sentences {}, first: {}",
          feed,
          s.broken(),
          s.brokenByCode(),
          s.examples().isEmpty() ? "" : s.examples().get(0).problem().message());
    }
    return s;
  }

  private static String setting(String name) {
    String v = System.getProperty(name);
    if (v == null) {
      v = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
    }
    return v == null || v.isBlank() ? null : v;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable f : feeds) {
      try {
        f.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
    feeds.clear();
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    service.sync();
  }
}
