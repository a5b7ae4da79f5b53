package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A path no route serves, or a method a route does not serve, is answered in the JSON error shape
 * of every other error (404, 405 with {@code Allow}); a handler's own 404 keeps its answer; the
 * start page sends a caller whose work is elsewhere to their first page; the language links keep
 * the page's query.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UnservedRoutesTest {
  private final TestServer t;

  UnservedRoutesTest(Database db) {
    this.t =
        new TestServer(
            db,
            r ->
                r.get("/", Access.anyOf(Role.ANALYST), "start page", ctx -> ctx.result("dashboard"))
                    .get(
                        "/admin/users",
                        Access.anyOf(Role.ADMIN),
                        "accounts",
                        ctx -> ctx.result("accounts"))
                    .get(
                        "/api/things/{id}",
                        Access.signedIn(),
                        "one thing",
                        ctx -> {
                          if (!ctx.pathParam("id").equals("1")) {
                            throw HttpProblem.of(
                                "not-found", "id", "no thing " + ctx.pathParam("id"));
                          }
                          ctx.json(Map.of("id", 1));
                        }),
            List.of(
                new NavItem("/", "nav.dashboard", Access.anyOf(Role.ANALYST)),
                new NavItem("/declaration", "nav.declaration", Access.open()),
                // kept to the role but not offered to this caller's agency: never the start page
                new NavItem("/hidden", "nav.hidden", Access.anyOf(Role.PNR_UNIT), p -> false),
                new NavItem("/search", "nav.search", Access.anyOf(Role.ANALYST, Role.PNR_UNIT)),
                new NavItem("/screening/flights", "nav.flights", Access.anyOf(Role.PNR_UNIT)),
                new NavItem("/admin/users", "nav.admin", Access.anyOf(Role.ADMIN))));
    t.accounts.upsert(
        "boss", "Boss", TestServer.PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "HQ");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void anUnservedPathOrMethodIsAnsweredInTheErrorShape() {
    String token = t.token("kato");
    TestServer.Answer missing = t.get("/api/nonexistent", token);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type").orElse("")).startsWith("application/json");
    assertThat(missing.json().get("error").asText()).isEqualTo("not-found");
    assertThat(missing.json().get("message").asText()).contains("/api/nonexistent");

    TestServer.Answer wrongMethod =
        t.send("DELETE", "/api/things/1", Map.of("Authorization", "Bearer " + token), null);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).contains("GET");
    assertThat(wrongMethod.json().get("error").asText()).isEqualTo("method-not-allowed");
    assertThat(wrongMethod.json().get("message").asText())
        .isEqualTo("DELETE is not served at /api/things/1; use GET");

    // the handler's own answer stands, and is counted under its status
    TestServer.Answer noThing = t.get("/api/things/2", token);
    assertThat(noThing.status()).isEqualTo(404);
    assertThat(t.get("/metrics", t.token("boss")).body())
        .contains("route=\"/api/things/{id}\",status=\"404\"")
        .doesNotContain("route=\"/api/things/{id}\",status=\"200\"");
    assertThat(noThing.json().get("field").asText()).isEqualTo("id");
    assertThat(t.get("/api/things/1", token).json().get("id").asInt()).isEqualTo(1);
  }

  @Test
  void aUrlJettyCannotDecodeIsAnsweredInTheErrorShapeWithTheSecurityHeaders() throws Exception {
    // sent raw: an HTTP client refuses to build such a URL
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), t.server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400");
      String lower = answer.toLowerCase(Locale.ROOT);
      assertThat(lower)
          .contains("content-security-policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY)
          .contains("x-content-type-options: nosniff")
          .contains("content-type: application/json");
      assertThat(answer).contains("\"error\":\"bad-request\"").doesNotContain("<html");
    }
  }

  @Test
  void everyPageNamesItsIconWhichIsServedSoNoBrowserAsksForAMissingFaviconIco() {
    TestServer.Answer login = t.send("GET", "/login", Map.of("Accept", "text/html"), null);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body()).contains("<link rel=\"icon\" href=\"/static/favicon.svg\"");
    TestServer.Answer icon = t.send("GET", "/static/favicon.svg", Map.of(), null);
    assertThat(icon.status()).isEqualTo(200);
    assertThat(icon.header("Content-Type").orElse("")).startsWith("image/svg+xml");
    assertThat(icon.body()).startsWith("<svg ");
  }

  @Test
  void theStartPageSendsACallerWhoseWorkIsElsewhereToTheirFirstPage() {
    String boss = t.token("boss");
    TestServer.Answer admin =
        t.send("GET", "/", Map.of("Authorization", "Bearer " + boss, "Accept", "text/html"), null);
    assertThat(admin.status()).isEqualTo(303);
    assertThat(admin.header("Location")).contains("/admin/users");
    // of the pages open to the caller, the one kept to the fewest roles: the PNR unit's flights,
    // not the search it shares with analysts
    t.accounts.upsert(
        "sora", "Sora", TestServer.PASSWORD, EnumSet.of(Role.PNR_UNIT), "customs-jp", "NTC");
    TestServer.Answer pnr =
        t.send(
            "GET",
            "/",
            Map.of("Authorization", "Bearer " + t.token("sora"), "Accept", "text/html"),
            null);
    assertThat(pnr.header("Location")).contains("/screening/flights");
    // a program asking is told plainly
    assertThat(t.get("/", boss).status()).isEqualTo(403);
    assertThat(t.get("/", t.token("kato")).body()).isEqualTo("dashboard");
    // any other page still refuses
    assertThat(t.get("/admin/users", t.token("kato")).status()).isEqualTo(403);
  }

  @Test
  void theLanguageLinksKeepThePagesQuery() {
    Frame f = new Frame("", null, null, "", List.of(), "/search", "", "q=coffee&lang=en&page=4");
    assertThat(f.langHref("ja")).isEqualTo("?q=coffee&page=4&lang=ja");
    assertThat(new Frame("", null, null, "", List.of(), "/", "", null).langHref("en"))
        .isEqualTo("?lang=en");
  }
}
