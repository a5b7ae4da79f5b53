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
 * An agreement recorded through the API with several mistakes is refused with every one of them at
 * once, each naming its field, in the reader's language, as the desk's form and account creation
 * answer: not one per round trip.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AgreementProblemsAtOnceWebTest {
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

  private JsonNode refused(String body, String lang) throws Exception {
    return refused("/api/sharing/agreements", body, lang);
  }

  private JsonNode refused(String path, String body, String lang) throws Exception {
    HttpResponse<String> r =
        server.send(
            server
                .request(admin, path)
                .header("Accept", "application/json")
                .header("Accept-Language", lang)
                .header("Content-Type", "application/json"),
            "POST",
            body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return IntelServer.JSON.readTree(r.body());
  }

  private static List<String> fields(JsonNode answer) {
    List<String> out = new ArrayList<>();
    answer.get("problems").forEach(p -> out.add(p.get("field").asText()));
    return out;
  }

  @Test
  void everyMistakeIsNamedInOneAnswer() throws Exception {
    long refusals = refusals();
    JsonNode a =
        refused(
            "{\"agency\":\"customs-jp\",\"kinds\":[\"parcels\"],\"reference\":\"\","
                + "\"validFrom\":\"2026-12-01\",\"validUntil\":\"2026-11-01\"}",
            "en");
    assertThat(fields(a))
        .as(a.toString())
        .containsExactly("agency", "kinds[0]", "reference", "validUntil");
    assertThat(a.get("field").asText()).isEqualTo("agency");
    assertThat(refusals()).isEqualTo(refusals + 1);
  }

  @Test
  void aDayThatIsNoDateAndAKindThatIsNoTextAreListedBesideTheRest() throws Exception {
    JsonNode a =
        refused(
            "{\"agency\":\"\",\"kinds\":[7],\"reference\":\"MoU\",\"validFrom\":\"2026-13-01\"}",
            "en");
    assertThat(fields(a)).as(a.toString()).containsExactly("agency", "kinds[0]", "validFrom");
    assertThat(a.get("problems").get(2).get("message").asText()).contains("2026-13-01");
  }

  @Test
  void inJapaneseEachIsWordedInJapanese() throws Exception {
    JsonNode a =
        refused(
            "{\"agency\":\"customs-jp\",\"kinds\":[\"parcels\"],\"reference\":\"\","
                + "\"validFrom\":\"2026-12-01\",\"validUntil\":\"2026-11-01\"}",
            "ja");
    assertThat(a.get("problems")).hasSize(4);
    a.get("problems")
        .forEach(
            p ->
                assertThat(p.get("message").asText())
                    .as(p.toString())
                    .matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*"));
  }

  @Test
  void twoBadDaysAreBothNamedWithTheFormExpected() throws Exception {
    // the rest of the agreement is right: only the two days are wrong, each in its own way
    for (String[] days :
        new String[][] {
          {"2026-13-01", "2026-14-01"},
          {"1800-01-01", "3000-01-01"},
          {"01/12/2026", "2200-01-01"}
        }) {
      String body =
          "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU NPA 2026\","
              + "\"validFrom\":\""
              + days[0]
              + "\",\"validUntil\":\""
              + days[1]
              + "\"}";
      for (String lang : List.of("en", "ja")) {
        JsonNode a = refused(body, lang);
        assertThat(fields(a)).as(a.toString()).containsExactly("validFrom", "validUntil");
        a.get("problems")
            .forEach(p -> assertThat(p.get("message").asText()).as(p.toString()).contains("YYYY"));
        assertThat(a.get("problems").get(0).get("message").asText()).contains(days[0]);
        assertThat(a.get("problems").get(1).get("message").asText()).contains(days[1]);
      }
    }
  }

  @Test
  void theDeskFormNamesBothBadDaysBesideTheirFields() throws Exception {
    HttpResponse<String> r =
        server.form(
            admin,
            "/sharing/agreements",
            "en",
            "agency=police-jp&kinds=seizures&reference=MoU+NPA+2027"
                + "&validFrom=2026-13-01&validUntil=3000-01-01");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("id=\"agreement-error-validFrom\"")
        .contains("id=\"agreement-error-validUntil\"")
        .contains("2026-13-01")
        .contains("3000-01-01");
  }

  @Test
  void endingAnAgreementNamesABadLastDayAndAMissingReasonAtOnce() throws Exception {
    HttpResponse<String> added =
        server.send(
            server
                .request(admin, "/api/sharing/agreements")
                .header("Accept", "application/json")
                .header("Content-Type", "application/json"),
            "POST",
            "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":\"MoU to end\","
                + "\"validFrom\":\"2026-01-01\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    long id = IntelServer.JSON.readTree(added.body()).get("id").asLong();
    String path = "/api/sharing/agreements/" + id + "/end";
    for (String lang : List.of("en", "ja")) {
      JsonNode notADay = refused(path, "{\"lastDay\":\"2026-13-40\",\"reason\":\"\"}", lang);
      assertThat(fields(notADay)).as(notADay.toString()).containsExactly("lastDay", "reason");
      assertThat(notADay.get("problems").get(0).get("message").asText()).contains("2026-13-40");
      JsonNode outOfRange = refused(path, "{\"lastDay\":\"3000-01-01\"}", lang);
      assertThat(fields(outOfRange)).as(outOfRange.toString()).containsExactly("lastDay", "reason");
    }
    long ended =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.sharing_agreement"
                                + " where id = :id and valid_until is not null")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
    assertThat(ended).isZero();
  }

  private long refusals() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from platform.audit_log"
                            + " where action = 'sharing.agreement.refused'")
                    .mapTo(Long.class)
                    .one());
  }
}
