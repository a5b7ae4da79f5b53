package org.sekisho.passenger.egate.adapter;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.passenger.egate.adapter.chip.CscaMasterList;
import org.sekisho.passenger.egate.adapter.chip.JmrtdPassiveAuthentication;
import org.sekisho.passenger.egate.adapter.face.FaceModelConfig;
import org.sekisho.passenger.egate.adapter.face.NoFaceModel;
import org.sekisho.passenger.egate.adapter.face.OnnxFaceMatcher;
import org.sekisho.passenger.egate.adapter.qr.DeclarationKeyStore;
import org.sekisho.passenger.egate.adapter.qr.ZxingQrImages;
import org.sekisho.passenger.egate.adapter.records.HttpArrivalEndpoint;
import org.sekisho.passenger.egate.adapter.records.JdbcArrivalRecords;
import org.sekisho.passenger.egate.adapter.records.JdbcDeclarationUses;
import org.sekisho.passenger.egate.adapter.records.JdbcReferralOutcomes;
import org.sekisho.passenger.egate.adapter.web.DeclarationThrottle;
import org.sekisho.passenger.egate.adapter.web.EgateWeb;
import org.sekisho.passenger.egate.application.CustomsArrivalRecords;
import org.sekisho.passenger.egate.application.DeclarationQrService;
import org.sekisho.passenger.egate.application.FaceMatcher;
import org.sekisho.passenger.egate.application.FaceVerifications;
import org.sekisho.passenger.egate.application.ImmigrationArrivalRecords;
import org.sekisho.passenger.egate.application.KioskCheckIn;
import org.sekisho.passenger.egate.application.ReferralDesk;
import org.sekisho.passenger.egate.application.TargetingCheck;
import org.sekisho.platform.BoundedContext;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.WebModule;

/**
 * Wiring of the e-Gate context for the composition root. Everything it reads lives under {@code
 * <dataDir>/egate/}:
 *
 * <ul>
 *   <li>{@code declaration-keys/} signing key pair (generated at first start) and {@code trusted/}
 *       public keys ({@link DeclarationKeyStore});
 *   <li>{@code csca/} trusted CSCA certificates or ICAO master lists (none: every chip is refused
 *       as from an unknown CSCA);
 *   <li>{@code face/face-model.properties} the evaluated face model ({@link FaceModelConfig}; none:
 *       every traveller is referred with "no face model configured");
 *   <li>{@code endpoints.properties} {@code customs.url}, {@code customs.token}, {@code
 *       immigration.url}, {@code immigration.token}; without them the records go to this context's
 *       tables ({@code egate.customs_arrival}, {@code egate.immigration_outbox}), and the officers'
 *       outcomes of the referrals are kept beside them ({@code egate.referral_outcome}); which
 *       declaration each passport used at a gate is kept in {@code egate.declaration_use} in every
 *       case (one crossing per declaration and passport);
 *   <li>{@code declaration-throttle.properties} {@code burst} and {@code everySeconds}: how many
 *       declarations the public page signs for one client address ({@link DeclarationThrottle}; by
 *       default 10 at once, then one every 15 seconds).
 * </ul>
 *
 * Construction fails with an {@link UncheckedIOException} naming the file when a configured file is
 * unreadable. Call {@link #close()} at shutdown (frees the ONNX session).
 */
public final class EgateContext implements BoundedContext {
  private static final System.Logger LOG = System.getLogger(EgateContext.class.getName());

  private final Path home;
  private final DeclarationQrService declarations;
  private final KioskCheckIn kiosk;
  private final EgateWeb web;
  private final FaceMatcher faceMatcher;
  // told when the gates are served, not by every command that builds this context
  private final List<String> unconfigured = new ArrayList<>();

  /** With no passenger-targeting check (no hits). */
  public EgateContext(Database db, AuditTrail audit, Clock clock, Path dataDir, ZoneId zone) {
    this(db, audit, clock, dataDir, zone, passport -> List.of());
  }

  /**
   * @param zone the administration's zone: the gate's "today" (the arrival date a declaration must
   *     give, a passport's expiry, the form's date limits) is the date there, not in UTC, or every
   *     morning arrival before 09:00 in Japan would be referred for a declaration "not for today"
   * @param targeting passenger targeting's answer for a passport (watchlists, API/PNR hits)
   */
  public EgateContext(
      Database db,
      AuditTrail audit,
      Clock utcClock,
      Path dataDir,
      ZoneId zone,
      TargetingCheck targeting) {
    Clock clock = utcClock.withZone(zone);
    this.home = dataDir.resolve("egate");
    try {
      Files.createDirectories(home);
      DeclarationKeyStore.Keys keys =
          DeclarationKeyStore.openOrCreate(home.resolve("declaration-keys"), clock);
      ZxingQrImages qr = new ZxingQrImages();
      this.declarations =
          new DeclarationQrService(
              qr, keys.trusted(), keys.signing(), clock, JmrtdPassiveAuthentication.provider());
      Path csca = home.resolve("csca");
      CscaMasterList masterList =
          Files.isDirectory(csca) ? CscaMasterList.load(csca) : new CscaMasterList(List.of());
      if (masterList.certificates().isEmpty()) {
        unconfigured.add("no CSCA certificates in " + csca + ": chips are refused");
      }
      Path faceConfig = home.resolve("face").resolve("face-model.properties");
      double threshold = 1.0;
      if (Files.exists(faceConfig)) {
        FaceModelConfig fc = FaceModelConfig.load(faceConfig);
        this.faceMatcher = OnnxFaceMatcher.open(fc);
        threshold = fc.threshold();
      } else {
        this.faceMatcher = new NoFaceModel();
        unconfigured.add("no face model at " + faceConfig + ": faces are not compared");
      }
      Properties endpoints = properties(home.resolve("endpoints.properties"));
      JdbcArrivalRecords tables = new JdbcArrivalRecords(db.jdbi());
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
      CustomsArrivalRecords customs =
          endpoints.containsKey("customs.url")
              ? HttpArrivalEndpoint.customs(
                  http,
                  URI.create(endpoints.getProperty("customs.url").strip()),
                  endpoints.getProperty("customs.token", ""))
              : tables.customs();
      ImmigrationArrivalRecords immigration =
          endpoints.containsKey("immigration.url")
              ? HttpArrivalEndpoint.immigration(
                  http,
                  URI.create(endpoints.getProperty("immigration.url").strip()),
                  endpoints.getProperty("immigration.token", ""))
              : tables.immigration();
      FaceVerifications faces =
          new FaceVerifications(
              faceMatcher, threshold, line -> LOG.log(System.Logger.Level.INFO, line));
      this.kiosk =
          new KioskCheckIn(
              new JmrtdPassiveAuthentication(masterList, clock),
              declarations,
              faces,
              targeting,
              customs,
              immigration,
              new JdbcDeclarationUses(db.jdbi()),
              audit,
              clock);
      ReferralDesk desk =
          new ReferralDesk(tables.lookup(), new JdbcReferralOutcomes(db.jdbi()), clock);
      this.web =
          new EgateWeb(
              declarations,
              qr,
              kiosk,
              desk,
              clock,
              throttleLimits(home.resolve("declaration-throttle.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "e-Gate configuration under " + home + ": " + e.getMessage(), e);
    }
  }

  /**
   * The public declaration page's limits per client address ({@link DeclarationThrottle}): {@code
   * burst} and {@code everySeconds} in {@code file}, each defaulting to {@link
   * DeclarationThrottle.Limits#DEFAULT}'s; a value that is not a whole number in range fails with
   * the file, the key and the expected form.
   */
  static DeclarationThrottle.Limits throttleLimits(Path file) throws IOException {
    Properties p = properties(file);
    DeclarationThrottle.Limits d = DeclarationThrottle.Limits.DEFAULT;
    int burst = whole(file, p, "burst", d.burst(), 1, 100_000);
    int every = whole(file, p, "everySeconds", (int) d.every().toSeconds(), 1, 86_400);
    return new DeclarationThrottle.Limits(burst, Duration.ofSeconds(every));
  }

  private static int whole(Path file, Properties p, String key, int fallback, int min, int max) {
    String raw = p.getProperty(key);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new IllegalArgumentException(
        file
            + ": "
            + key
            + " must be a whole number from "
            + min
            + " to "
            + max
            + ", got '"
            + raw
            + "'");
  }

  private static Properties properties(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }

  /** The {@code egate} schema (the lead migrates {@code platform} first). */
  @Override
  public List<Migrations> migrations() {
    return List.of(Migrations.of("egate"));
  }

  @Override
  public List<WebModule> webModules() {
    return List.of(
        routes -> {
          unconfigured.forEach(w -> LOG.log(System.Logger.Level.WARNING, w));
          web.routes(routes);
        });
  }

  @Override
  public List<NavItem> nav() {
    return List.of(
        new NavItem("/declaration", "nav.declaration", Access.open()),
        new NavItem("/kiosk", "nav.kiosk", EgateWeb.KIOSK),
        new NavItem("/egate/referrals", "nav.egateReferrals", EgateWeb.REFERRALS));
  }

  @Override
  public List<String> messageBundles() {
    return List.of("i18n.egate");
  }

  /** Nothing runs in the background. */
  @Override
  public void start() {}

  public DeclarationQrService declarations() {
    return declarations;
  }

  public KioskCheckIn kiosk() {
    return kiosk;
  }

  /** Where this context keeps its files. */
  public Path home() {
    return home;
  }

  @Override
  public void close() {
    if (faceMatcher instanceof OnnxFaceMatcher m) {
      m.close();
    }
  }
}
