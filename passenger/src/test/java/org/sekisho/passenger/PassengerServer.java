package org.sekisho.passenger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.sekisho.passenger.pnr.adapter.PnrContext;
import org.sekisho.passenger.pnr.application.PnrRetention;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.WebServer;

/**
 * The PNR and screening context's web module on a loopback server over a database migrated for
 * platform and passenger, as the passenger web tests start it: the retention periods in force, the
 * administration {@code customs}, accounts added with {@link #account} (all signing in with {@link
 * #PASSWORD}) and tokens from the real sign-in ({@link #token}). Close it after the class.
 */
public final class PassengerServer implements AutoCloseable {
  /** Every account's password. */
  public static final String PASSWORD = "pnr-secret-123";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PnrContext context;
  private final Accounts accounts;
  private final WebServer web;
  private final HttpClient http = HttpClient.newHttpClient();

  private PassengerServer(PnrContext context, Accounts accounts, WebServer web) {
    this.context = context;
    this.accounts = accounts;
    this.web = web;
  }

  /**
   * Migrates {@code db} for platform and passenger (a database already migrated part of the way is
   * taken on from there) and starts the context's web module on a free port.
   *
   * @param dataDir the context's data directory, under {@code target/}
   * @param homeCountry the country whose arrivals and departures are screened
   */
  public static PassengerServer start(
      Database db, Clock clock, String dataDir, String homeCountry) {
    AuditLog audit = new AuditLog(db.jdbi());
    PnrContext context =
        new PnrContext(
            db,
            audit,
            clock,
            Path.of("target", dataDir),
            PnrRetention.MASK_AFTER,
            PnrRetention.DELETE_AFTER,
            homeCountry,
            "customs");
    db.migrate(
        Stream.concat(Stream.of(Migrations.of("platform")), context.migrations().stream())
            .toList());
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    WebServer web =
        WebServer.start(
            new WebServer.Config(
                "127.0.0.1",
                0,
                false,
                Stream.concat(Stream.of("i18n.platform"), context.messageBundles().stream())
                    .toList(),
                context.nav(),
                "test"),
            accounts,
            audit,
            clock,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            context.webModules());
    return new PassengerServer(context, accounts, web);
  }

  /** Adds (or updates) the account {@code user} with {@code role}, signing in with PASSWORD. */
  public PassengerServer account(
      String user, String name, Role role, String agency, String office) {
    accounts.upsert(user, name, PASSWORD, EnumSet.of(role), agency, office);
    return this;
  }

  /** A bearer token from signing in as {@code user} at {@code /api/login}; 200 expected. */
  public String token(String user) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).get("token").asText();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String base() {
    return "http://127.0.0.1:" + web.port();
  }

  public WebServer web() {
    return web;
  }

  public PnrContext context() {
    return context;
  }

  public Accounts accounts() {
    return accounts;
  }

  @Override
  public void close() {
    web.close();
  }
}
