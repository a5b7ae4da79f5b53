package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The OpenAPI document tells pages from API routes, says what a write takes (one JSON value, or
 * rows), and which refusals a route can give beyond the common ones.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenApiTest {
  private final TestServer t;

  OpenApiTest(Database db) {
    this.t =
        new TestServer(
            db,
            r ->
                r.get("/things/{id}", Access.anyOf(Role.ANALYST), "a thing's page", ctx -> {})
                    .post(
                        "/api/things/{id}/lane",
                        Access.anyOf(Role.ANALYST),
                        "decide {lane}; 409 when changed meanwhile",
                        ctx -> {})
                    .post(
                        "/api/things",
                        Access.anyOf(Role.ANALYST),
                        "a batch of things, JSON Lines",
                        Routes.Body.ROWS,
                        ctx -> {})
                    .put(
                        "/api/settings",
                        Access.anyOf(Role.ADMIN),
                        "the settings text",
                        Routes.Body.TEXT,
                        ctx -> {})
                    .post("/tips", Access.open(), "a tip from the public (form)", ctx -> {}));
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void pagesApiWritesAndTheirRefusalsAreDescribedAsTheyAre() {
    JsonNode paths = t.get("/openapi.json", null).json().get("paths");
    JsonNode page = paths.get("/things/{id}").get("get");
    assertThat(page.at("/responses/200/content").has("text/html")).isTrue();
    assertThat(page.at("/responses/404").isMissingNode()).isFalse();
    assertThat(page.has("requestBody")).isFalse();

    JsonNode lane = paths.get("/api/things/{id}/lane").get("post");
    assertThat(lane.at("/requestBody/content").has("application/json")).isTrue();
    assertThat(lane.at("/responses/409").isMissingNode()).isFalse();
    assertThat(lane.at("/responses/401").isMissingNode()).isFalse();

    JsonNode rows = paths.get("/api/things").get("post");
    assertThat(rows.at("/requestBody/content").has("text/plain")).isTrue();
    assertThat(rows.at("/responses/404").isMissingNode()).as("no id to miss").isTrue();
    assertThat(rows.at("/responses/409").isMissingNode()).isTrue();

    JsonNode tip = paths.get("/tips").get("post");
    assertThat(tip.at("/responses/413").isMissingNode()).isFalse();
    assertThat(tip.at("/responses/303").isMissingNode()).isFalse();
    assertThat(tip.at("/responses/401").isMissingNode()).isTrue();

    assertThat(paths.get("/api/logout").get("post").has("requestBody")).isFalse();

    JsonNode settings = paths.get("/api/settings").get("put");
    assertThat(settings.at("/requestBody/content").has("text/plain")).isTrue();
    assertThat(settings.at("/requestBody/content").has("application/json")).isFalse();
  }

  @Test
  void whatMachinesReadIsDescribedWithItsRealContentType() {
    JsonNode paths = t.get("/openapi.json", null).json().get("paths");
    assertThat(paths.at("/~1metrics/get/responses/200/content").fieldNames().next())
        .startsWith("text/plain");
    assertThat(paths.at("/~1health/get/responses/200/content").has("application/json")).isTrue();
    assertThat(paths.at("/~1openapi.json/get/responses/200/content").has("application/json"))
        .isTrue();
  }
}
