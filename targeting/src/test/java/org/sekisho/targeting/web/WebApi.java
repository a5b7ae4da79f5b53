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
import java.time.Clock;
import java.util.List;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;

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
