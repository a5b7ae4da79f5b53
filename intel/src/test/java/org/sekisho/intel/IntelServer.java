package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sekisho.intel.adapter.IntelContext;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.WebServer;

/**
 * Intel's web module on a loopback server over a database migrated for platform and intel, at a
 * fixed clock, and the small HTTP helpers the intel web tests call it with. Accounts are added with
 * {@link #token}; each request carries a bearer token and times out after 30 seconds.
 */
final class IntelServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The clock of every intel web test: 2026-11-27T03:00:00Z. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

  private final Accounts accounts;
  private final WebServer web;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  private IntelServer(Accounts accounts, WebServer web) {
    this.accounts = accounts;
    this.web = web;
    this.base = "http://127.0.0.1:" + web.port();
  }

  /** Migrates {@code db} for platform and intel and starts intel's web module on a free port. */
  static IntelServer start(Database db, Path dir) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    AuditLog audit = new AuditLog(db.jdbi());
    // a cheap hash: the tests sign in with API tokens, never with the password
    Accounts accounts =
        new Accounts(db.jdbi(), CLOCK, new PasswordHasher(1024, 1, 1), Duration.ofHours(1));
    IntelContext intel = new IntelContext(db, audit, CLOCK, dir, TestIngest.JSON);
    WebServer web =
        WebServer.start(
            new WebServer.Config(
                "127.0.0.1", 0, false, List.of("i18n.platform", "i18n.intel"), intel.nav(), "test"),
            accounts,
            audit,
            CLOCK,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            intel.webModules());
    return new IntelServer(accounts, web);
  }

  /**
   * Adds (or updates) the account {@code user} of {@code agency} and {@code office} with {@code
   * roles}, and answers an API token for it.
   */
  String token(String user, String name, Set<Role> roles, String agency, String office) {
    accounts.upsert(user, name, "pw-" + System.nanoTime(), roles, agency, office);
    return accounts.issueApiToken(user, "test", Optional.empty());
  }

  /** A request for {@code path} signed in with {@code token}, timing out after 30 seconds. */
  HttpRequest.Builder request(String token, String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }

  /** Sends {@code request} with {@code method} and {@code body} (none when null), as UTF-8. */
  HttpResponse<String> send(HttpRequest.Builder request, String method, String body)
      throws Exception {
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Sends {@code body} of {@code type} accepting JSON. */
  HttpResponse<String> send(String token, String method, String path, String body, String type)
      throws Exception {
    return send(token, method, path, body, "application/json", type);
  }

  /** Sends {@code body} of {@code type} accepting {@code accept}. */
  HttpResponse<String> send(
      String token, String method, String path, String body, String accept, String type)
      throws Exception {
    return send(
        request(token, path).header("Accept", accept).header("Content-Type", type), method, body);
  }

  /** Sends a JSON {@code body} (none when null) accepting JSON. */
  HttpResponse<String> json(String token, String method, String path, String body)
      throws Exception {
    return send(token, method, path, body, "application/json");
  }

  /** GETs the page at {@code path} as a browser reading {@code lang} would. */
  HttpResponse<String> page(String token, String path, String lang) throws Exception {
    return send(
        request(token, path).header("Accept", "text/html").header("Accept-Language", lang),
        "GET",
        null);
  }

  /**
   * POSTs a page's form, its fields already URL-encoded in {@code body}, as a browser reading
   * {@code lang} would (the bearer token stands in for the signed-in session).
   */
  HttpResponse<String> form(String token, String path, String lang, String body) throws Exception {
    return send(
        request(token, path)
            .header("Accept", "text/html")
            .header("Accept-Language", lang)
            .header("Content-Type", "application/x-www-form-urlencoded"),
        "POST",
        body);
  }

  /** POSTs {@code lines} to {@code /api/ingest/{kind}} and answers the run's JSON; 200 expected. */
  JsonNode ingest(String token, String kind, String lines) throws Exception {
    HttpResponse<String> r = json(token, "POST", "/api/ingest/" + kind, lines);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Override
  public void close() {
    web.close();
  }
}
