package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A field the agreements' JSON routes do not take is refused, named, with the fields they take, in
 * the reader's language: a caller who writes {@code from} for {@code validFrom} or {@code until}
 * for a last day would otherwise get an agreement with other days than the ones meant.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AgreementUnknownFieldsWebTest {
  private IntelServer server;
  private Database db;
  private String admin;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    this.db = db;
    server = IntelServer.start(db, dir);
    admin = server.token("root", "Admin", Set.of(Role.ADMIN), "customs-jp", "HQ");
    server.token("taro", "Taro", Set.of(Role.PARTNER), "police-jp", "NPA");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> post(String path, String body, String lang) throws Exception {
    return server.send(
        server
            .request(admin, path)
            .header("Accept", "application/json")
            .header("Accept-Language", lang)
            .header("Content-Type", "application/json"),
        "POST",
        body);
  }

  private static List<String> fields(JsonNode answer) {
    List<String> out = new ArrayList<>();
    answer.get("problems").forEach(p -> out.add(p.get("field").asText()));
    return out;
  }

  private static JsonNode problem(JsonNode answer, String field) {
    for (JsonNode p : answer.get("problems")) {
      if (p.get("field").asText().equals(field)) {
        return p;
      }
    }
    throw new AssertionError("no problem for " + field + " in " + answer);
  }

  @Test
  void anAgreementWithFromForValidFromIsRefusedNamingTheFieldAndTheFieldsTaken() throws Exception {
    long before = agreements();
    HttpResponse<String> r =
        post(
            "/api/sharing/agreements",
            "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU NPA 2026\","
                + "\"validFrom\":\"2026-11-01\",\"until\":\"2026-11-30\"}",
            "en");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode a = IntelServer.JSON.readTree(r.body());
    assertThat(a.get("error").asText()).isEqualTo("unknown-field");
    assertThat(fields(a)).containsExactly("until");
    assertThat(problem(a, "until").get("message").asText())
        .contains("until")
        .contains("agency, kinds, reference, validFrom, validUntil")
        .contains("validUntil?");
    assertThat(agreements()).isEqualTo(before);
  }

  @Test
  void anUnknownFieldIsListedBesideTheOtherProblemsAtOnce() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/sharing/agreements",
            "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU NPA 2026\","
                + "\"from\":\"2026-11-01\",\"validUntil\":\"2026-13-30\"}",
            "en");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode a = IntelServer.JSON.readTree(r.body());
    assertThat(fields(a)).containsExactly("from", "validFrom", "validUntil");
    assertThat(problem(a, "from").get("message").asText()).contains("validFrom?");
  }

  @Test
  void inJapaneseTheUnknownFieldIsNamedWithTheFieldsTaken() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/sharing/agreements",
            "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU NPA 2026\","
                + "\"validFrom\":\"2026-11-01\",\"expires\":\"2026-11-30\"}",
            "ja");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    String message =
        problem(IntelServer.JSON.readTree(r.body()), "expires").get("message").asText();
    assertThat(message)
        .contains("expires")
        .contains("agency, kinds, reference, validFrom, validUntil")
        .matches("(?s).*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*");
  }

  @Test
  void endingAnAgreementWithAMisspeltFieldEndsNothing() throws Exception {
    HttpResponse<String> added =
        post(
            "/api/sharing/agreements",
            "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU NPA end\","
                + "\"validFrom\":\"2026-01-01\"}",
            "en");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    long id = IntelServer.JSON.readTree(added.body()).get("id").asLong();
    HttpResponse<String> r =
        post(
            "/api/sharing/agreements/" + id + "/end",
            "{\"lastDay\":\"2026-12-31\",\"reason\":\"the partner asked to stop\","
                + "\"effective\":\"2026-11-30\"}",
            "ja");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode a = IntelServer.JSON.readTree(r.body());
    assertThat(a.get("field").asText()).isEqualTo("effective");
    assertThat(a.get("message").asText()).contains("lastDay, reason");
    assertThat(ended(id)).isZero();
  }

  private long agreements() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from intel.sharing_agreement")
                    .mapTo(Long.class)
                    .one());
  }

  private long ended(long id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from intel.sharing_agreement"
                            + " where id = :id and valid_until is not null")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .one());
  }
}
