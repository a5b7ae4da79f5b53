package org.sekisho.passenger.egate.adapter.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.sekisho.passenger.egate.Travellers;
import org.sekisho.passenger.egate.adapter.EgateContext;
import org.sekisho.passenger.egate.adapter.chip.SpecimenChipIssuer;
import org.sekisho.passenger.egate.adapter.face.TinyOnnxModel;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.WebServer;

/**
 * The real server with the e-Gate context over embedded PostgreSQL, configured as an operator
 * would: a specimen CSCA in {@code egate/csca/}, the tiny test face model in {@code egate/face/},
 * accounts for a kiosk device (kiosk role), an officer, an inspector and an analyst at its office
 * (HND), an inspector at another office (JPYOK) and an officer at headquarters (HQ).
 */
final class EgateServer implements AutoCloseable {
  static final String PASSWORD = "test-password-" + Long.toHexString(System.nanoTime());
  static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Tokyo");
  final SpecimenChipIssuer issuer;
  final Travellers traveller;
  final EgateContext context;
  final WebServer web;
  final String base;
  final HttpClient http = HttpClient.newHttpClient();

  EgateServer(Database db, Path dataDir, Clock clock) throws IOException {
    this(db, dataDir, clock, SpecimenChipIssuer.create("UT", clock.instant()), false);
  }

  /**
   * The server with the public declaration page's default throttle ({@link
   * DeclarationThrottle.Limits#DEFAULT}); the others let a test class sign as many declarations as
   * it needs from its one loopback address.
   */
  static EgateServer withDefaultThrottle(Database db, Path dataDir, Clock clock)
      throws IOException {
    return new EgateServer(
        db, dataDir, clock, SpecimenChipIssuer.create("UT", clock.instant()), true);
  }

  /**
   * The server over {@code dataDir}'s e-Gate settings as they are, nothing written there: an
   * installation that an operator or a command prepared. {@link #issuer} and {@link #traveller} are
   * null.
   */
  static EgateServer asConfigured(Database db, Path dataDir, Clock clock) throws IOException {
    return new EgateServer(db, dataDir, clock, null, true);
  }

  private EgateServer(
      Database db, Path dataDir, Clock clock, SpecimenChipIssuer issuer, boolean defaultThrottle)
      throws IOException {
    this.issuer = issuer;
    // the traveller declares today's arrival as the airport's date, which is Japan's
    this.traveller =
        issuer == null ? null : Travellers.of(issuer, LocalDate.now(clock.withZone(ZONE)));
    if (issuer != null) {
      Path egate = dataDir.resolve("egate");
      Files.createDirectories(egate.resolve("csca"));
      Files.writeString(egate.resolve("csca").resolve("specimen-ut.pem"), pem(issuer));
      Files.createDirectories(egate.resolve("face"));
      Files.write(
          egate.resolve("face").resolve("tiny.onnx"),
          TinyOnnxModel.randomProjection(24, 24, 64, 7));
      Files.writeString(
          egate.resolve("face").resolve("face-model.properties"),
          "model=tiny.onnx\nname=tiny test projection\nthreshold=0.9\n"
              + "input.width=24\ninput.height=24\n");
    }
    if (!defaultThrottle) {
      Files.createDirectories(dataDir.resolve("egate"));
      Files.writeString(
          dataDir.resolve("egate").resolve("declaration-throttle.properties"), "burst=10000\n");
    }
    List<Migrations> migrations = new ArrayList<>(List.of(Migrations.of("platform")));
    AuditLog audit = new AuditLog(db.jdbi());
    this.context = new EgateContext(db, audit, clock, dataDir, ZONE);
    migrations.addAll(context.migrations());
    db.migrate(migrations);
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "kiosk-hnd-01", "Kiosk HND 01", PASSWORD, EnumSet.of(Role.KIOSK), "customs-jp", "HND");
    accounts.upsert("officer", "Ken Mori", PASSWORD, EnumSet.of(Role.OFFICER), "customs-jp", "HND");
    accounts.upsert(
        "inspector", "Yui Suzuki", PASSWORD, EnumSet.of(Role.INSPECTOR), "customs-jp", "HND");
    accounts.upsert(
        "analyst", "Aiko Tanaka", PASSWORD, EnumSet.of(Role.ANALYST), "customs-jp", "TYO");
    // another office's inspector (Yokohama seaport) and a headquarters officer
    accounts.upsert(
        "yokohama", "Rin Aoki", PASSWORD, EnumSet.of(Role.INSPECTOR), "customs-jp", "JPYOK");
    accounts.upsert("hq", "Kenji Sato", PASSWORD, EnumSet.of(Role.OFFICER), "customs-jp", "HQ");
    List<String> bundles = new ArrayList<>(List.of("i18n.platform"));
    bundles.addAll(context.messageBundles());
    this.web =
        WebServer.start(
            new WebServer.Config("127.0.0.1", 0, false, bundles, context.nav(), "test"),
            accounts,
            audit,
            clock,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            context.webModules());
    this.base = "http://127.0.0.1:" + web.port();
  }

  private static String pem(SpecimenChipIssuer issuer) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder().encodeToString(issuer.csca().getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  String token(String user) throws Exception {
    String body =
        send(
                "POST",
                "/api/login",
                null,
                "application/json",
                ("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")
                    .getBytes(StandardCharsets.UTF_8))
            .body();
    int i = body.indexOf("\"token\":\"") + 9;
    return body.substring(i, body.indexOf('"', i));
  }

  HttpResponse<String> send(String method, String path, String token, String type, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    web.close();
    context.close();
  }
}
