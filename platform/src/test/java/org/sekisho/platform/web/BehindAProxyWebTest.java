package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * Behind a reverse proxy the server names the client the proxy forwarded, in the audit log and to
 * every use of the caller's address; a request that does not come through a trusted proxy cannot
 * choose its address by writing the header itself.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BehindAProxyWebTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private WebServer start(Database db, TrustedProxies proxies) {
    db.migrate(List.of(Migrations.of("platform")));
    Clock clock = Clock.systemUTC();
    return WebServer.start(
        new WebServer.Config(
            "127.0.0.1",
            0,
            false,
            List.of("i18n.platform"),
            List.of(),
            "test",
            java.time.ZoneId.of("Asia/Tokyo"),
            proxies),
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1)),
        new AuditLog(db.jdbi()),
        clock,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        () -> true,
        List.of(
            r ->
                r.get(
                    "/api/probe",
                    Access.open(),
                    "who the server takes the caller for",
                    ctx -> {
                      Web.audit(ctx, "probe", "", Map.of());
                      ctx.result(ctx.ip());
                    })));
  }

  private String probe(WebServer web, String forwardedFor) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api/probe"));
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static String lastAuditedIp(Database db) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select details::jsonb->>'ip' from platform.audit_log where action = 'probe'"
                            + " order by seq desc limit 1")
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void theClientAnAddressWeTrustForwardsIsTheCallerAndIsAudited(Database db) throws Exception {
    try (WebServer web = start(db, TrustedProxies.parse("127.0.0.1"))) {
      assertThat(probe(web, "198.51.100.1, 203.0.113.7")).isEqualTo("203.0.113.7");
      assertThat(lastAuditedIp(db)).isEqualTo("203.0.113.7");
      assertThat(probe(web, null)).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void withNoProxyTrustedTheHeaderIsIgnored(Database db) throws Exception {
    try (WebServer web = start(db, TrustedProxies.NONE)) {
      assertThat(probe(web, "203.0.113.7")).isEqualTo("127.0.0.1");
      assertThat(lastAuditedIp(db)).isEqualTo("127.0.0.1");
    }
  }
}
