package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sekisho.maritime.adapter.MaritimeContext;
import org.sekisho.maritime.adapter.web.MaritimeWeb;
import org.sekisho.maritime.application.ConveyanceMovements;
import org.sekisho.maritime.domain.ais.AisEncoder;
import org.sekisho.maritime.domain.ais.AisMessage;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.WebServer;

/**
 * The maritime context on a loopback server over a database migrated for platform and maritime, as
 * the maritime web tests start it, and the helpers they share: accounts with one password, an
 * {@link ApiClient} signing in through the API, audit and row counts, and AIS position reports with
 * their receive time. Close it after the tests (the server first, then the context).
 */
final class MaritimeServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The password of every account of the server's tests. */
  final String password = "pw-" + Long.toHexString(System.nanoTime());

  private final Database db;
  private final MaritimeContext context;
  private final Accounts accounts;
  private final WebServer web;
  private final ApiClient api;

  private MaritimeServer(Database db, MaritimeContext context, Accounts accounts, WebServer web) {
    this.db = db;
    this.context = context;
    this.accounts = accounts;
    this.web = web;
    this.api = new ApiClient(base(), password);
  }

  /**
   * Migrates {@code db} and starts the maritime web module on a free port, the picture owned by
   * {@code customs-jp} and shared with {@code partners}, port calls going to {@code movements}.
   * Sessions and tokens last 30 days at {@code clock}.
   */
  static MaritimeServer start(
      Database db, Path dir, Clock clock, Set<String> partners, ConveyanceMovements movements) {
    AuditLog audit = new AuditLog(db.jdbi());
    MaritimeContext context =
        new MaritimeContext(
            db, audit, clock, dir, movements, new MaritimeWeb.Scope("customs-jp", partners));
    List<Migrations> migrations = new ArrayList<>();
    migrations.add(Migrations.of("platform"));
    migrations.addAll(context.migrations());
    db.migrate(migrations);
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofDays(30));
    List<String> bundles = new ArrayList<>(List.of("i18n.platform"));
    bundles.addAll(context.messageBundles());
    WebServer web =
        WebServer.start(
            new WebServer.Config("127.0.0.1", 0, false, bundles, context.nav(), "test"),
            accounts,
            audit,
            clock,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            context.webModules());
    return new MaritimeServer(db, context, accounts, web);
  }

  /** The administration's officer, analyst and administrator ("officer", "analyst", "admin"). */
  MaritimeServer withStaff() {
    account("officer", "Ken Sato", Role.OFFICER, "customs-jp", "JPTYO");
    account("analyst", "Aiko Tanaka", Role.ANALYST, "customs-jp", "NTC");
    account("admin", "Admin", Role.ADMIN, "customs-jp", "HQ");
    return this;
  }

  /** Adds or updates the account {@code user} with {@link #password}. */
  MaritimeServer account(String user, String name, Role role, String agency, String office) {
    accounts.upsert(user, name, password, java.util.EnumSet.of(role), agency, office);
    return this;
  }

  String base() {
    return "http://127.0.0.1:" + web.port();
  }

  ApiClient api() {
    return api;
  }

  MaritimeContext context() {
    return context;
  }

  Database db() {
    return db;
  }

  /** A bearer token of {@code user}. */
  String token(String user) throws Exception {
    return api.token(user);
  }

  HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }

  /** GETs {@code path} as JSON, asserting 200. */
  JsonNode json(String path, String token) throws Exception {
    HttpResponse<String> r = send("GET", path, token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** POSTs NMEA text to the feed upload as {@code token}, asserting 200. */
  JsonNode upload(String token, String nmea) throws Exception {
    HttpResponse<String> r = send("POST", "/api/maritime/feed", token, nmea);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Audit rows of {@code action} whose subject starts with {@code subject} and details hold it. */
  long auditCount(String action, String subject, String detail) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from platform.audit_log where action = :a and"
                            + " subject like :s and details like :d")
                    .bind("a", action)
                    .bind("s", subject + "%")
                    .bind("d", "%" + detail + "%")
                    .mapTo(Long.class)
                    .one());
  }

  /** The one number {@code sql} answers. */
  long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  /**
   * One AIS position report (type 1, 8 knots, course 90) at {@code second} (epoch), with its
   * receive time in a tag block, as a receiver writes it.
   */
  static void position(Writer out, AisEncoder enc, int mmsi, double lat, double lon, long second)
      throws IOException {
    AisMessage m =
        new AisMessage.PositionReport(
            1,
            0,
            mmsi,
            0,
            0,
            80,
            true,
            (int) Math.round(lon * 600000),
            (int) Math.round(lat * 600000),
            900,
            90,
            (int) (second % 60),
            0,
            0,
            false,
            0);
    for (String s : enc.sentences(m, 'A', 0, false)) {
      out.write(AisEncoder.withReceiveTime(s, second) + "\n");
    }
  }

  @Override
  public void close() {
    web.close();
    context.close();
  }
}
