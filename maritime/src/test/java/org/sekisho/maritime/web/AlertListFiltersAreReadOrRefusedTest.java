package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The alert and incident lists' filters as a coastguard liaison (a partner agency's reader) and an
 * analyst type them: {@code closed} other than true or false was ignored, so {@code closed=yes}
 * listed the open alerts alone and said nothing, and an {@code asOf} the list could not read was
 * refused in English whatever the reader's language, in the one form of all the module's times it
 * took (the track's {@code from} and {@code to} take the forms' local time too). The demo day's
 * feed off Tokyo Bay, the clock at 04:00Z.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AlertListFiltersAreReadOrRefusedTest {
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofHours(4)));
  private MaritimeServer server;
  private String liaison;
  private String analyst;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server =
        MaritimeServer.start(db, dir, clock, Set.of("jcg"), (call, origin) -> {})
            .withStaff()
            .account("jcg-liaison", "JCG liaison", Role.PARTNER, "jcg", "JCG3");
    liaison = server.token("jcg-liaison");
    analyst = server.token("analyst");
    StringWriter demo = new StringWriter();
    SyntheticAisFeed.demo(T0).write(demo);
    server.upload(server.token("officer"), demo.toString());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private JsonNode refused(String path, String token) throws Exception {
    HttpResponse<String> r = server.send("GET", path, token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return MaritimeServer.JSON.readTree(r.body());
  }

  @Test
  void closedOtherThanTrueOrFalseIsRefusedNamingItInTheReadersLanguage() throws Exception {
    JsonNode en = refused("/api/maritime/alerts?closed=yes", liaison);
    assertThat(en.get("error").asText()).isEqualTo("invalid-parameter");
    assertThat(en.get("field").asText()).isEqualTo("closed");
    assertThat(en.get("message").asText())
        .isEqualTo(
            "expected closed=true (closed alerts too) or closed=false (the default: open and"
                + " acknowledged alerts), got 'yes'");
    JsonNode ja = refused("/api/maritime/incidents?closed=1&lang=ja", analyst);
    assertThat(ja.get("field").asText()).isEqualTo("closed");
    assertThat(ja.get("message").asText())
        .isEqualTo("closed は true（終了したアラートも含める）または false（既定：未対応と確認済みのアラート）で指定してください。入力値: 「1」");
    // true and false are read as they were, and false is the list without the parameter
    assertThat(server.json("/api/maritime/alerts?closed=false", liaison))
        .isEqualTo(server.json("/api/maritime/alerts", liaison));
    assertThat(server.json("/api/maritime/incidents?closed=true", analyst).size()).isPositive();
  }

  private JsonNode answered(String method, String path, String token, String body, int status)
      throws Exception {
    HttpResponse<String> r = server.send(method, path, token, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return MaritimeServer.JSON.readTree(r.body());
  }

  @Test
  void aVesselAlertOrBoatNotThereAndAnMmsiNotOneAreSaidInTheReadersLanguage() throws Exception {
    // the liaison follows a link to a vessel the picture never heard, on the Japanese page
    JsonNode vessel = answered("GET", "/maritime/vessels/999999999?lang=ja", liaison, null, 404);
    assertThat(vessel.get("error").asText()).isEqualTo("not-found");
    assertThat(vessel.get("message").asText()).isEqualTo("船舶 999999999 は見つかりません");
    assertThat(
            answered("GET", "/api/maritime/vessels/12ab?lang=ja", liaison, null, 400)
                .get("message")
                .asText())
        .isEqualTo("MMSI は 1 から 9 桁の数字で指定してください。入力値: 「12ab」");
    assertThat(
            answered(
                    "POST",
                    "/api/maritime/alerts/999999/status?lang=ja",
                    liaison,
                    "{\"status\":\"acknowledged\",\"expectedVersion\":0}",
                    404)
                .get("message")
                .asText())
        .isEqualTo("アラート 999999 は見つかりません");
    assertThat(
            answered(
                    "POST",
                    "/api/maritime/patrols/PB-9/stand-down?lang=ja",
                    liaison,
                    "{\"reason\":\"relieved\"}",
                    404)
                .get("message")
                .asText())
        .isEqualTo("巡視艇 PB-9 は見つかりません");
    // English as it was
    assertThat(
            answered("GET", "/api/maritime/vessels/999999999", analyst, null, 404)
                .get("message")
                .asText())
        .isEqualTo("vessel 999999999 was not found");
    assertThat(
            answered("GET", "/api/maritime/vessels/12ab", analyst, null, 400)
                .get("message")
                .asText())
        .isEqualTo("expected 1 to 9 digits, got '12ab'");
  }

  @Test
  void anotherAgencysOfficerUploadingIsRefusedInTheReadersLanguage() throws Exception {
    server.account("police-officer", "Police officer", Role.OFFICER, "police", "P1");
    String police = server.token("police-officer");
    String line = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C\n";
    JsonNode ja = answered("POST", "/api/maritime/feed?lang=ja", police, line, 403);
    assertThat(ja.get("error").asText()).isEqualTo("forbidden");
    assertThat(ja.get("message").asText())
        .isEqualTo("フィードのアップロードは customs-jp の情報記録になります。アップロードできるのは同機関の職員と管理者だけで、機関 police はできません");
    assertThat(answered("POST", "/api/maritime/feed", police, line, 403).get("message").asText())
        .isEqualTo(
            "a feed upload becomes customs-jp's intelligence records: only its own officers and"
                + " administrators may upload; agency police may not");
  }

  @Test
  void anAsOfTheListCannotReadIsRefusedInTheReadersLanguageAndLocalTimeIsRead() throws Exception {
    JsonNode ja = refused("/api/maritime/alerts?asOf=yesterday&lang=ja", liaison);
    assertThat(ja.get("field").asText()).isEqualTo("asOf");
    assertThat(ja.get("message").asText())
        .isEqualTo(
            "時刻は 2026-11-28 11:50（Asia/Tokyo）のような日時か、2026-11-28T02:50:00Z のような ISO-8601"
                + " 形式で入力してください。入力値: 「yesterday」");
    JsonNode ahead = refused("/api/maritime/incidents?asOf=2026-11-28T06:00:00Z&lang=ja", analyst);
    assertThat(ahead.get("error").asText()).isEqualTo("future-time");
    assertThat(ahead.get("field").asText()).isEqualTo("asOf");
    assertThat(ahead.get("message").asText()).doesNotContain("expected").contains("15:00 JST");
    // the forms' local time, as the track's from and to take it: 12:00 in Tokyo is 03:00Z
    JsonNode local = server.json("/api/maritime/alerts?asOf=2026-11-28%2012:00", analyst);
    assertThat(local.size()).isPositive();
    assertThat(local.get(0).get("asOf").asText()).isEqualTo("2026-11-28T03:00:00Z");
  }
}
