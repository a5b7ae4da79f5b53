package org.sekisho.targeting.web;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.release.application.ModelLifecycle;

/** The targeting web module on a loopback server, and a caller of its JSON API, for web tests. */
public final class WebApi {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public WebApi(String base) {
    this.base = base;
  }

  /** Starts the server with the targeting module on a free loopback port. */
  public static WebServer start(
      TargetingContext targeting, Accounts accounts, AuditLog audit, Clock clock) {
    return WebServer.start(
        new WebServer.Config(
            "127.0.0.1",
            0,
            false,
            List.of("i18n.platform", "i18n.targeting"),
            targeting.nav(),
            "test"),
        accounts,
        audit,
        clock,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        () -> true,
        targeting.webModules());
  }

  /**
   * The accounts the release web tests sign in with, all of agency {@code jc}: {@code analyst}
   * (office {@code analystOffice}) and two administrators, {@code ada} and {@code ben}, so that one
   * can approve what the other registered.
   */
  public static Accounts analystAndTwoAdmins(
      Database db, Clock clock, String password, String analystOffice) {
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "analyst", "Aiko Analyst", password, EnumSet.of(Role.ANALYST), "jc", analystOffice);
    accounts.upsert("ada", "Ada Admin", password, EnumSet.of(Role.ADMIN), "jc", "");
    accounts.upsert("ben", "Ben Admin", password, EnumSet.of(Role.ADMIN), "jc", "");
    return accounts;
  }

  /**
   * Registers the trained model in {@code dir} as {@code ada} with evaluation figures of the test
   * file (precision@5 {@code precisionAt5}), ready for another administrator to approve.
   */
  public static void registerByAda(TargetingContext targeting, Path dir, double precisionAt5) {
    targeting
        .modelLifecycle()
        .register(
            dir,
            new RankingFigures(1000, 200, Map.of(5, precisionAt5), Map.of(5, 0.2), 0.8),
            "valid-1000.csv",
            new ModelLifecycle.Actor("ada", "jc"))
        .orElseThrow();
  }

  /** Saves a criterion draft through the API and returns the answer (id, version, status). */
  public JsonNode saveCriterion(String token, String source) throws Exception {
    return ok(
        send(
            "POST",
            "/api/targeting/criteria",
            token,
            JSON.writeValueAsString(Map.of("source", source))));
  }

  /** The path that releases the criterion version the save answer {@code saved} describes. */
  public static String releasePath(JsonNode saved) {
    return "/api/targeting/criteria/"
        + saved.get("id").asLong()
        + "/versions/"
        + saved.get("version").asInt()
        + "/release";
  }

  /** A bearer token for {@code user}. */
  public String login(String user, String password) throws Exception {
    return ok(send(
            "POST",
            "/api/login",
            null,
            "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
        .get("token")
        .asText();
  }

  /** The body of a 200 or 201 answer as JSON; any other status fails the test with the body. */
  public JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return JSON.readTree(r.body());
  }

  /** POSTs a page's form, its fields URL-encoded, signed in with a bearer token. */
  public HttpResponse<String> form(String path, String token, Map<String, String> fields)
      throws Exception {
    StringBuilder body = new StringBuilder();
    for (var e : fields.entrySet()) {
      body.append(body.isEmpty() ? "" : "&")
          .append(java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
