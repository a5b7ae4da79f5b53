package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * An API route that declares its query parameters is protected from misspelt ones: the server
 * refuses any other before the handler runs, and the OpenAPI document lists them.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeclaredQueryTest {
  private final AtomicInteger handled = new AtomicInteger();
  private final TestServer t;
  private final String token;

  DeclaredQueryTest(Database db) {
    this.t = new TestServer(db, this::routes);
    this.token = t.token("kato");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private void routes(Routes r) {
    r.get(
            "/api/things",
            Access.signedIn(),
            "things matching q, a page after the id given",
            ctx -> {
              handled.incrementAndGet();
              ctx.json(Map.of("q", String.valueOf(ctx.queryParam("q"))));
            })
        .query("q", "after")
        .post(
            "/api/things",
            Access.signedIn(),
            "add a thing",
            ctx -> {
              handled.incrementAndGet();
              ctx.status(201);
            })
        .query()
        .get(
            "/api/legacy",
            Access.signedIn(),
            "a route that did not declare its parameters",
            ctx -> {
              handled.incrementAndGet();
              ctx.json(Map.of("ok", true));
            })
        .get(
            "/things",
            Access.signedIn(),
            "a page",
            ctx -> {
              handled.incrementAndGet();
              ctx.html("<p>things</p>");
            });
  }

  @Test
  void aDeclaredParameterAndLangAreTakenAnyOtherIsRefusedNamingItBeforeTheHandlerRuns() {
    assertThat(t.get("/api/things?q=tea&after=12&lang=ja", token).status()).isEqualTo(200);
    assertThat(handled.get()).isEqualTo(1);

    TestServer.Answer misspelt = t.get("/api/things?q=tea&offset=50", token);
    assertThat(misspelt.status()).isEqualTo(400);
    JsonNode problem = misspelt.json();
    assertThat(problem.path("error").asText()).isEqualTo("invalid-parameter");
    assertThat(problem.path("field").asText()).isEqualTo("offset");
    assertThat(problem.path("message").asText())
        .isEqualTo("GET /api/things takes q, after; there is no parameter 'offset'");

    TestServer.Answer none = t.post("/api/things?dryRun=true", token, "application/json", "{}");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().path("message").asText())
        .isEqualTo("POST /api/things takes no query parameters; there is no parameter 'dryRun'");
    assertThat(handled.get()).as("refused before the handler").isEqualTo(1);
  }

  @Test
  void aLongNameIsShortenedInTheAnswer() {
    String name = "x".repeat(200);
    TestServer.Answer a = t.get("/api/things?" + name + "=1", token);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().path("field").asText()).isEqualTo("x".repeat(40) + "…");
    assertThat(a.body()).doesNotContain("x".repeat(41));
  }

  @Test
  void accessIsCheckedFirstAndUndeclaredRoutesAndPagesStayLenient() {
    assertThat(t.send("GET", "/api/things?offset=1", Map.of(), null).status()).isEqualTo(401);
    assertThat(t.get("/api/legacy?anything=1", token).status()).isEqualTo(200);
    assertThat(t.get("/things?left=over", token).status()).isEqualTo(200);
  }

  @Test
  void theOpenApiDocumentListsTheDeclaredParameters() {
    JsonNode doc = t.send("GET", "/openapi.json", Map.of(), null).json();
    JsonNode get = doc.at("/paths/~1api~1things/get");
    List<String> names = new ArrayList<>();
    get.path("parameters")
        .forEach(
            p -> {
              assertThat(p.path("in").asText()).isEqualTo("query");
              names.add(p.path("name").asText());
            });
    assertThat(names).containsExactly("q", "after");
    assertThat(get.has("x-other-query-parameters")).isTrue();
    assertThat(get.path("responses").has("404")).as("no path parameter, nothing to miss").isFalse();
    assertThat(doc.at("/paths/~1api~1legacy/get").has("x-other-query-parameters")).isFalse();
  }

  @Test
  void onlyAnApiRouteAddedBeforeCanDeclareItsParameters() {
    assertThatThrownBy(() -> new Routes("t").query("q")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> new Routes("t").get("/page", Access.signedIn(), "a page", ctx -> {}).query("q"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/page is a page");
  }
}
