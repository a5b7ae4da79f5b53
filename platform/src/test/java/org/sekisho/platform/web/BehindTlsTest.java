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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A server that browsers reach over TLS marks its cookies Secure and tells browsers to use nothing
 * else; one on loopback (the demo, the tests) does neither, or its cookie would never come back.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BehindTlsTest {
  @Test
  void theCookiesAreSecureAndStrictTransportIsAskedOnlyBehindTls(Database db) throws Exception {
    db.migrate(List.of(Migrations.of("platform")));
    Accounts accounts =
        new Accounts(db.jdbi(), Clock.systemUTC(), PasswordHasher.standard(), Duration.ofHours(1));
    for (boolean tls : new boolean[] {true, false}) {
      try (WebServer server =
          WebServer.start(
              new WebServer.Config("127.0.0.1", 0, tls, List.of("i18n.platform"), List.of(), "t"),
              accounts,
              new AuditLog(db.jdbi()),
              Clock.systemUTC(),
              new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
              () -> true,
              List.of())) {
        // the sign-in page's cookie is made as the session's is (WebServer.cookie)
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/login"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        String session =
            r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(WebServer.LOGIN_CSRF_COOKIE + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sign-in cookie: " + r.headers()));
        assertThat(session).contains("HttpOnly");
        if (tls) {
          assertThat(session).contains("Secure");
          assertThat(r.headers().firstValue("Strict-Transport-Security"))
              .hasValue("max-age=31536000");
        } else {
          assertThat(session).doesNotContain("Secure");
          assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
      }
    }
  }
}
