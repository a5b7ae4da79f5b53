package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The server's own refusals, made before or around a route's handler (not signed in, a role or a
 * CSRF token missing, an unserved path or method, a body too large, an undeclared query parameter,
 * an error of ours), are worded in the reader's language ({@code ?lang=}, else {@code
 * Accept-Language}): as JSON on API paths, as a page for a browser; the {@code error} code and
 * {@code field} are the same in every language, and a 500 never says what failed.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerRefusalLanguageTest {
  private static final Messages EN = new Messages(Locale.ENGLISH, List.of("i18n.platform"));
  private static final Messages JA = new Messages(Locale.JAPANESE, List.of("i18n.platform"));
  private static final String SECRET = "password=hunter2 at db.internal:5432";

  private final TestServer t;
  private final String token;

  ServerRefusalLanguageTest(Database db) {
    this.t =
        new TestServer(
            db,
            r ->
                r.get("/api/things", Access.signedIn(), "things", ctx -> ctx.json(List.of()))
                    .query("q")
                    .post("/api/things", Access.signedIn(), "add a thing", ctx -> ctx.json("ok"))
                    .get(
                        "/api/admin/things",
                        Access.anyOf(Role.ADMIN),
                        "administered things",
                        ctx -> ctx.json(List.of()))
                    .post("/api/tips", Access.open(), "a public tip", ctx -> ctx.json("ok"))
                    .get(
                        "/api/boom",
                        Access.signedIn(),
                        "fails",
                        ctx -> {
                          throw new IllegalStateException(SECRET);
                        })
                    .get(
                        "/boom",
                        Access.signedIn(),
                        "a page that fails",
                        ctx -> {
                          throw new IllegalStateException(SECRET);
                        }));
    this.token = t.token("kato");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private TestServer.Answer call(String method, String path, Map<String, String> headers) {
    return t.send(method, path, headers, null);
  }

  private static Map<String, String> headers(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void refused(
      TestServer.Answer a, int status, String code, String field, String message) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.header("Content-Type").orElse("")).startsWith("application/json");
    assertThat(a.json().get("error").asText()).isEqualTo(code);
    assertThat(a.json().path("field").asText("")).isEqualTo(field);
    assertThat(a.json().get("message").asText()).isEqualTo(message);
  }

  @Test
  void notSignedInAndWithoutTheRoleAreAnsweredInTheReadersLanguage() {
    refused(
        call("GET", "/api/things", headers("Accept-Language", "ja,en;q=0.5")),
        401,
        "unauthenticated",
        "",
        JA.get("server.error.unauthenticated"));
    refused(
        call("GET", "/api/things", headers()),
        401,
        "unauthenticated",
        "",
        "sign in or send a valid bearer token");

    String forbidden = JA.get("server.error.forbidden", "GET", "/api/admin/things", "admin");
    assertThat(forbidden).contains("「admin」");
    refused(
        call("GET", "/api/admin/things?lang=ja", headers("Authorization", "Bearer " + token)),
        403,
        "forbidden",
        "",
        forbidden);
    refused(
        call("GET", "/api/admin/things", headers("Authorization", "Bearer " + token)),
        403,
        "forbidden",
        "",
        "GET /api/admin/things needs the role admin; your account does not have it");
  }

  @Test
  void aMissingCsrfTokenIsAnsweredInTheReadersLanguage() {
    Accounts.Session s =
        t.accounts.openSession(t.accounts.authenticate("kato", TestServer.PASSWORD).orElseThrow());
    TestServer.Answer a =
        t.send(
            "POST",
            "/api/things",
            headers(
                "Cookie",
                WebServer.SESSION_COOKIE + "=" + s.token(),
                "Content-Type",
                "application/json",
                "Accept-Language",
                "ja"),
            "{}".getBytes(StandardCharsets.UTF_8));
    refused(a, 403, "csrf", "_csrf", JA.get("server.error.csrf"));
    assertThat(a.json().get("message").asText()).isNotEqualTo(EN.get("server.error.csrf"));
  }

  @Test
  void anUnservedPathOrMethodIsAnsweredInTheReadersLanguageAsJsonAndAsAPage() {
    refused(
        call("GET", "/api/nowhere?lang=ja", headers("Authorization", "Bearer " + token)),
        404,
        "not-found",
        "",
        "ページ /api/nowhere はありません");
    refused(
        call(
            "DELETE",
            "/api/things",
            headers("Authorization", "Bearer " + token, "Accept-Language", "ja")),
        405,
        "method-not-allowed",
        "",
        "DELETE は /api/things では受け付けていません。「GET」または「POST」を使ってください");

    TestServer.Answer page =
        call(
            "GET",
            "/nowhere?lang=ja",
            headers("Accept", "text/html", "Authorization", "Bearer " + token));
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("ページ /nowhere はありません").contains("lang=\"ja\"");
  }

  @Test
  void aBodyTooLargeAndAnUndeclaredParameterAreAnsweredInTheReadersLanguage() {
    byte[] big = new byte[WebServer.PUBLIC_BODY_LIMIT + 2048];
    Arrays.fill(big, (byte) ' ');
    TestServer.Answer a =
        // with Expect: 100-continue, as curl sends a large upload: refused by its declared length,
        // the upload does not race the server's close
        t.send("POST", "/api/tips?lang=ja", headers("Content-Type", "application/json"), big, true);
    refused(
        a,
        413,
        "too-large",
        "body",
        JA.get("server.error.tooLargeSent", JA.get("server.what.thisPage"), "1024", "1026"));

    refused(
        call(
            "GET",
            "/api/things?colour=red",
            headers("Authorization", "Bearer " + token, "Accept-Language", "ja")),
        400,
        "invalid-parameter",
        "colour",
        JA.get("server.error.parameters", "GET", "/api/things", "q", "colour"));
  }

  @Test
  void anErrorOfOursIsAnsweredInTheReadersLanguageAndNeverSaysWhatFailed() {
    TestServer.Answer api =
        call(
            "GET",
            "/api/boom",
            headers("Authorization", "Bearer " + token, "Accept-Language", "ja"));
    refused(api, 500, "internal", "", JA.get("server.error.internal"));
    assertThat(api.body()).doesNotContain("hunter2").doesNotContain("IllegalState");

    TestServer.Answer page =
        call(
            "GET",
            "/boom?lang=ja",
            headers("Accept", "text/html", "Authorization", "Bearer " + token));
    assertThat(page.status()).isEqualTo(500);
    assertThat(page.header("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body())
        .contains(JA.get("server.error.internal"))
        .doesNotContain("hunter2")
        .doesNotContain("IllegalState");
  }
}
