package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * Refused ingest rows as a user reads them: wholly in Japanese for a Japanese reader (English word
 * for word as before), a broken JSON line without the parser's internals, and an overlong line
 * refused as too long, naming the line and the limit.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IngestMessagesWebTest {
  private static final String SEIZURE =
      "{\"seizureId\":\"%s\",\"date\":\"2026-11-20\",\"commodity\":\"methamphetamine\"%s}";
  private IntelServer server;
  private String token;

  @BeforeAll
  void start(Database db, @TempDir Path dir) {
    server = IntelServer.start(db, dir);
    TestIngest.register(db, IntelServer.CLOCK, "customs-jp", "police-jp");
    token = server.token("analyst", "Aiko Tanaka", Set.of(Role.ANALYST), "customs-jp", "");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private JsonNode problem(String lang, String body) throws Exception {
    HttpResponse<String> r =
        server.send(
            server
                .request(token, "/api/ingest/seizures?format=json")
                .header("Accept", "application/json")
                .header("Accept-Language", lang),
            "POST",
            body);
    JsonNode report = IntelServer.JSON.readTree(r.body());
    assertThat(report.path("problems").size()).as(r.body()).isEqualTo(1);
    return report.path("problems").get(0);
  }

  @Test
  void anotherAgencysRecordIsRefusedWhollyInJapaneseAndWordForWordInEnglish() throws Exception {
    String row = SEIZURE.formatted("MSG-AG-1", ",\"agency\":\"police-jp\"");
    JsonNode en = problem("en", row);
    assertThat(en.path("problem").path("code").asText()).isEqualTo("forbidden-agency");
    assertThat(en.path("problem").path("message").asText())
        .isEqualTo("you may ingest records for your own agency (customs-jp) only");
    String ja = problem("ja", row).path("problem").path("message").asText();
    assertThat(ja).contains("customs-jp").doesNotContain("you may", "own agency", " only");
    // nothing English left once the field and the agency codes are taken out
    assertThat(ja.replace("agency", "").replace("customs-jp", ""))
        .doesNotContainPattern("[A-Za-z]");
  }

  @Test
  void aBrokenJsonLineNamesItsColumnWithoutTheParsersInternals() throws Exception {
    String good = SEIZURE.formatted("MSG-JS-1", "");
    JsonNode p = problem("en", good + "\n{\"seizureId\":\"MSG-JS-2\",\"date\":\n");
    assertThat(p.path("row").asLong()).isEqualTo(2);
    assertThat(p.path("problem").path("code").asText()).isEqualTo("invalid-json");
    assertThat(p.path("problem").path("message").asText())
        .doesNotContain("StreamReadFeature", "REDACTED", "Source:", "`")
        .contains("column");
    JsonNode q = problem("en", "{\"seizureId\":\"MSG-JS-3\", x}\n");
    assertThat(q.path("problem").path("message").asText())
        .doesNotContain("StreamReadFeature", "REDACTED", "Source:", "`")
        .contains("column 26");
    String ja =
        problem("ja", "{\"seizureId\":\"MSG-JS-4\", x}\n").path("problem").path("message").asText();
    assertThat(ja).contains("26 文字目");
    assertThat(ja.replace("JSON", "")).doesNotContainPattern("[A-Za-z]");
  }

  @Test
  void aThirtyMegabyteLineIsTooLongNamingTheLineAndTheLimit() throws Exception {
    String huge =
        SEIZURE.formatted("MSG-LONG-1", ",\"narrative\":\"" + "x".repeat(30_000_000) + "\"");
    JsonNode p = problem("en", SEIZURE.formatted("MSG-LONG-0", "") + "\n" + huge + "\n");
    assertThat(p.path("row").asLong()).isEqualTo(2);
    assertThat(p.path("problem").path("code").asText()).isEqualTo("too-long");
    assertThat(p.path("problem").path("field").asText()).isEqualTo("line 2");
    assertThat(p.path("problem").path("message").asText()).contains("10000000 characters");
  }
}
