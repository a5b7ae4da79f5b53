package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * Phone-list entries are stored by their international form ({@code +81 330947412}): one number
 * written two ways in one import is refused as the same number, naming both lines; numbers of two
 * countries that share their national digits stay two entries; a declaration's phone hits the entry
 * however either is written. Through the API and the list page's import.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PhoneListEntriesTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private TargetingServer server;

  private WebServer web;
  private TargetingContext targeting;
  private WebApi api;
  private String base;
  private String analyst;
  private String admin;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir, RiskScorer.NONE, PASSWORD, "JPYOK");
    targeting = server.targeting();
    web = server.web();
    base = server.base();
    api = server.api();
    analyst = server.analyst();
    admin = server.admin();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private List<String> entries(String list) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode e :
        api.ok(api.send("GET", "/api/targeting/lists/" + list, analyst, null)).get("entries")) {
      out.add(e.get("value").asText());
    }
    return out;
  }

  private static String declaration(String id, String phone) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"office\":\"JPYOK\","
        + "\"importer\":{\"name\":\"Sakura\",\"id\":\"IMP-"
        + id
        + "\",\"country\":\"JP\",\"phone\":\""
        + phone
        + "\"},\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\",\"netMassKg\":\"10\","
        + "\"customsValue\":\"5000\",\"currency\":\"JPY\"}]}";
  }

  @Test
  void oneNumberWrittenTwoWaysInOneImportIsRefusedByLineAndTwoCountriesStayApart()
      throws Exception {
    api.ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            analyst,
            "{\"name\":\"network-phones\",\"kind\":\"phones\"}"));
    JsonNode im =
        api.ok(
            api.send(
                "POST",
                "/api/targeting/lists/network-phones/entries",
                analyst,
                "value,note\n"
                    + "+81 3-3094-7412,seizure S-1\n"
                    + "03-3094-7412,seizure S-2\n"
                    + "+66 3 3094 7412,Bangkok office\n"
                    + "0081 3 3094 7412,seizure S-3\n"
                    + "090-1234-5678,courier\n"));
    assertThat(im.get("read").asInt()).isEqualTo(5);
    assertThat(im.get("added").asInt()).as(im.toString()).isEqualTo(3);
    JsonNode refused = im.get("refused");
    assertThat(refused).as(im.toString()).hasSize(2);
    assertThat(refused.get(0).get("field").asText()).isEqualTo("line 3");
    assertThat(refused.get(0).get("message").asText())
        .isEqualTo(
            "03-3094-7412 is the same number as line 2 (+81 330947412); give each number once (the"
                + " row on line 2 is the one read)");
    assertThat(refused.get(1).get("field").asText()).isEqualTo("line 5");
    assertThat(refused.get(1).get("message").asText())
        .startsWith("0081 3 3094 7412 is the same number as line 2 (+81 330947412)");
    // every entry in its international form; +66 and +81 numbers with the same digits are two
    assertThat(entries("network-phones"))
        .containsExactly("+66 330947412", "+81 330947412", "+81 9012345678");

    // a number already on the list written another way adds nothing
    JsonNode again =
        api.ok(
            api.send(
                "POST",
                "/api/targeting/lists/network-phones/entries",
                analyst,
                "(03) 3094-7412,seizure S-1\n"));
    assertThat(again.get("added").asInt()).isZero();
    assertThat(entries("network-phones")).hasSize(3);

    // the page's import in Japanese names both lines too
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base + "/targeting/lists/network-phones/import?lang=ja"))
                    .header("Authorization", "Bearer " + analyst)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "mode=add&csv="
                                + URLEncoder.encode(
                                    "+44 20 7946 0958,London\n0044 20 7946 0958,?\n"
                                        + "020-7946-0958,Tokyo\n",
                                    StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.body()).contains("2 行目: 0044 20 7946 0958 は 1 行目 (+44 2079460958) と同じ番号です");
    // written nationally it is a Japanese number: another number than the +44 one
    assertThat(entries("network-phones")).contains("+44 2079460958", "+81 2079460958");

    // a declaration's phone hits its entry however either is written, and no other country's
    JsonNode saved =
        api.saveCriterion(
            analyst,
            "criterion \"Network phone\" when importer_phone in list \"network-phones\" then lane"
                + " red because \"phone of a watched network\"");
    api.ok(api.send("POST", WebApi.releasePath(saved), admin, null));
    for (String written : List.of("03-3094-7412", "+81 3 3094 7412", "0081-3-3094-7412")) {
      JsonNode a =
          api.ok(
              api.send(
                  "POST",
                  "/api/assess",
                  analyst,
                  declaration("D-PH-" + Math.abs(written.hashCode()), written)));
      assertThat(a.get("lane").asText()).as(written + " " + a).isEqualTo("red");
    }
    // 020-7946-0958 on the list is a Japanese number: a Thai one with those digits does not hit it
    for (String other :
        List.of("+1 330 947 412", "+49 3 3094 7412", "03-3094-7413", "+66 20 7946 0958")) {
      JsonNode a =
          api.ok(
              api.send(
                  "POST",
                  "/api/assess",
                  analyst,
                  declaration("D-PH-" + Math.abs(other.hashCode()), other)));
      assertThat(a.get("lane").asText()).as(other + " " + a).isNotEqualTo("red");
    }
  }
}
