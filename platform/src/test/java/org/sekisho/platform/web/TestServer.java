package org.sekisho.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.ManualClock;

/**
 * A real {@link WebServer} on a loopback port, over a test database with the platform schema, a
 * hand-moved clock, the accounts {@code kato} and {@code sato} (analysts, password {@link
 * #PASSWORD}) and the routes of {@code module}; with a plain HTTP client to call it.
 */
final class TestServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";
  static final ObjectMapper JSON = new ObjectMapper();

  final Database db;
  final ManualClock clock = new ManualClock();
  final Accounts accounts;
  final WebServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  /** One answer: status, headers and body text. */
  record Answer(int status, HttpResponse<String> response) {
    String body() {
      return response.body();
    }

    JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + response.body(), e);
      }
    }

    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }
  }

  /** An audit entry as stored. */
  record Entry(String actor, String action, String subject, JsonNode details) {}

  TestServer(Database db, WebModule module) {
    this(db, module, List.of());
  }

  /** With top navigation entries (where a signed-in caller's start page may lead). */
  TestServer(Database db, WebModule module, List<NavItem> nav) {
    this(db, nav, accounts -> module);
  }

  /**
   * With a module made over the server's own {@link Accounts} (which remembers bearer tokens, so a
   * module that changes accounts must use the same one).
   */
  static TestServer over(
      Database db, List<NavItem> nav, java.util.function.Function<Accounts, WebModule> module) {
    return new TestServer(db, nav, module);
  }

  private TestServer(
      Database db, List<NavItem> nav, java.util.function.Function<Accounts, WebModule> module) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform")));
    this.accounts = new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    for (String u : List.of("kato", "sato")) {
      accounts.upsert(u, u, PASSWORD, EnumSet.of(Role.ANALYST), "customs-jp", "JPTYO");
    }
    this.server =
        WebServer.start(
            new WebServer.Config("127.0.0.1", 0, false, List.of("i18n.platform"), nav, "test"),
            accounts,
            new AuditLog(db.jdbi()),
            clock,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            List.of(module.apply(accounts)));
  }

  /** A bearer token for {@code user}, issued directly (not through sign-in). */
  String token(String user) {
    return accounts.issueApiToken(user, "test", Optional.empty());
  }

  Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    return send(method, pathAndQuery, headers, body, false);
  }

  /**
   * As {@link #send(String, String, Map, byte[])}; with {@code expectContinue} the body waits for
   * the server's go-ahead ({@code Expect: 100-continue}), as curl sends a large upload, so that a
   * refusal before the body is read reaches the client instead of racing the upload it cuts off.
   */
  Answer send(
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      byte[] body,
      boolean expectContinue) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(20))
            .expectContinue(expectContinue)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r);
    } catch (Exception e) {
      throw new AssertionError(method + " " + pathAndQuery + " failed", e);
    }
  }

  Answer get(String pathAndQuery, String token) {
    return send("GET", pathAndQuery, Map.of("Authorization", "Bearer " + token), null);
  }

  Answer post(String path, String token, String contentType, String body) {
    return send(
        "POST",
        path,
        Map.of("Authorization", "Bearer " + token, "Content-Type", contentType),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code POST /api/login} with a JSON body. */
  Answer apiLogin(String user, String password) {
    String body =
        JSON.createObjectNode().put("username", user).put("password", password).toString();
    return send(
        "POST",
        "/api/login",
        Map.of("Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** Every audit entry so far, oldest first. */
  List<Entry> audit() {
    List<Entry> out = new ArrayList<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select actor, action, subject, details from platform.audit_log order by"
                            + " seq")
                    .map(
                        (rs, ctx) -> {
                          try {
                            return new Entry(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                JSON.readTree(rs.getString(4)));
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                        })
                    .forEach(out::add));
    return out;
  }

  List<Entry> audit(String action) {
    return audit().stream().filter(e -> e.action().equals(action)).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
