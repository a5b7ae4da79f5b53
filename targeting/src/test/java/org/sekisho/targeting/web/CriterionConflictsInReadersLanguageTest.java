package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * Releasing a released version or disabling a disabled criterion is a conflict that names who did
 * it and when: in Japanese wholly in Japanese (no "at", no "someone not recorded"), the time in the
 * administration's zone to the minute as pages write times, never a raw UTC instant; in English
 * with the same time.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CriterionConflictsInReadersLanguageTest {
  private static final DateTimeFormatter JST =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private TargetingServer server;
  private WebApi api;
  private Database db;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    server = TargetingServer.start(db, dir);
    api = server.api();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private long saved(String name) throws Exception {
    return api.ok(
            api.send(
                "POST",
                "/api/targeting/criteria",
                server.analyst(),
                "{\"source\":\"criterion \\\""
                    + name
                    + "\\\" when hs starts with \\\"0901\\\" then weight 5 because \\\"watched\\\"\"}"))
        .get("id")
        .asLong();
  }

  private static String message(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    return WebApi.JSON.readTree(r.body()).get("message").asText();
  }

  /** The time {@code iso} as pages write it: {@code 2026-11-30 00:36 JST}. */
  private static String minute(String iso) {
    return minute(Instant.parse(iso));
  }

  private static String minute(Instant at) {
    return JST.format(at.atZone(TOKYO));
  }

  @Test
  void aSecondReleaseNamesWhoReleasedItAndWhenInJapaneseAndInEnglish() throws Exception {
    long c = saved("Coffee release");
    String release = "/api/targeting/criteria/" + c + "/versions/1/release";
    Instant before = Instant.now();
    api.ok(api.send("POST", release, server.admin(), null));
    Instant after = Instant.now();

    String ja = message(api.send("POST", release + "?lang=ja", server.admin(), null));
    String en = message(api.send("POST", release, server.admin(), null));
    // released within [before, after]: the minute is one of theirs
    String at = ja.contains(minute(before)) ? minute(before) : minute(after);
    assertThat(ja)
        .isEqualTo("基準 c" + c + "v1 は既に適用中です (" + at + " に admin が適用)")
        .doesNotContain(" at ", "someone");
    assertThat(en)
        .isEqualTo("criterion c" + c + "v1 is in force already: released by admin at " + at);
  }

  @Test
  void aSecondDisablingNamesWhoDisabledItWhenAndWhyInJapaneseAndInEnglish() throws Exception {
    long c = saved("Coffee disable");
    String disable = "/api/targeting/criteria/" + c + "/disable";
    api.ok(api.send("POST", disable, server.analyst(), "{\"reason\":\"too many hits on coffee\"}"));
    JsonNode listed = api.ok(api.send("GET", "/api/targeting/criteria", server.analyst(), null));
    String at = "";
    for (JsonNode n : listed) {
      if (n.get("id").asLong() == c) {
        at = minute(n.get("criterion").get("disabledAt").asText());
      }
    }
    assertThat(at).isNotEmpty();

    String ja =
        message(
            api.send("POST", disable + "?lang=ja", server.admin(), "{\"reason\":\"once more\"}"));
    assertThat(ja)
        .isEqualTo(
            "基準 c"
                + c
                + " は既に無効化されています ("
                + at
                + " に analyst が無効化。理由: too many hits on coffee)。いずれかの版を適用すると再び有効になります")
        .doesNotContain(" at ")
        // no raw instant (2026-11-29T15:36:07.147979Z): seconds are never shown
        .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}");
    String en = message(api.send("POST", disable, server.admin(), "{\"reason\":\"once more\"}"));
    assertThat(en)
        .isEqualTo(
            "criterion c"
                + c
                + " is disabled already: by analyst at "
                + at
                + " (too many hits on coffee); releasing a version of it puts it back in force");
  }

  @Test
  void aVersionReleasedOrACriterionDisabledBeforeWhoAndWhenWereKeptIsSaidSoInEachLanguage()
      throws Exception {
    long r = saved("Coffee of old, released");
    String release = "/api/targeting/criteria/" + r + "/versions/1/release";
    api.ok(api.send("POST", release, server.admin(), null));
    long d = saved("Coffee of old, disabled");
    String disable = "/api/targeting/criteria/" + d + "/disable";
    api.ok(api.send("POST", disable, server.analyst(), "{\"reason\":\"too many hits\"}"));
    // as the migrations left rows written before who and when were kept
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "update targeting.criterion_version set released_by = '', released_at = null"
                      + " where criterion_id = ?",
                  r);
              h.execute(
                  "update targeting.criterion set disabled_by = null, disabled_at = null,"
                      + " disabled_reason = null where id = ?",
                  d);
            });

    assertThat(message(api.send("POST", release + "?lang=ja", server.admin(), null)))
        .isEqualTo("基準 c" + r + "v1 は既に適用中です (適用した人と日時は記録されていません)");
    assertThat(message(api.send("POST", release, server.admin(), null)))
        .isEqualTo("criterion c" + r + "v1 is in force already: released by someone not recorded");
    String again = "{\"reason\":\"once more\"}";
    assertThat(message(api.send("POST", disable + "?lang=ja", server.admin(), again)))
        .isEqualTo("基準 c" + d + " は既に無効化されています (無効化した人・日時・理由は記録されていません)。いずれかの版を適用すると再び有効になります");
    assertThat(message(api.send("POST", disable, server.admin(), again)))
        .isEqualTo(
            "criterion c"
                + d
                + " is disabled already: by someone not recorded; releasing a version of it puts"
                + " it back in force");

    // released by someone recorded, at a time not kept
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "update targeting.criterion_version set released_by = 'ada' where"
                        + " criterion_id = ?",
                    r));
    assertThat(message(api.send("POST", release + "?lang=ja", server.admin(), null)))
        .isEqualTo("基準 c" + r + "v1 は既に適用中です (ada が適用)");
    assertThat(message(api.send("POST", release, server.admin(), null)))
        .isEqualTo("criterion c" + r + "v1 is in force already: released by ada");
  }
}
