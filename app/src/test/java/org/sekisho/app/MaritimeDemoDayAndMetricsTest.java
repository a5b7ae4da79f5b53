package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * The demo's AIS feed on the demo's day becomes that day's conveyance movements, and the live
 * feeds' counts are on the server's Prometheus endpoint, as {@code sekisho demo} wires them.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MaritimeDemoDayAndMetricsTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

  @Test
  void theDemoDaysPortCallIsThatDaysMovementAndTheFeedCountsAreMetrics(
      Database db, @TempDir Path dir) throws Exception {
    LocalDate day = LocalDate.parse("2026-11-28");
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    Sekisho sekisho =
        new Sekisho(
            db, dir, Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC), false);
    WebServer web = null;
    try {
      DemoAccounts.registerAgencies(sekisho.agencies());
      DemoAccounts.install(sekisho.accounts(), PASSWORD);
      web = sekisho.serve("127.0.0.1", 0);
      StringWriter nmea = new StringWriter();
      var service = sekisho.maritime().service();
      SyntheticAisFeed.demoOn(day, tokyo, service.now()).write(nmea);
      service.ingest(new ByteArrayInputStream(nmea.toString().getBytes(StandardCharsets.US_ASCII)));
      service.endOfInput();

      List<Instant> movements =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select event_time from intel.record where source_id like 'ais-%'")
                          .mapTo(Instant.class)
                          .list());
      assertThat(movements).isNotEmpty();
      movements.forEach(t -> assertThat(t.atZone(tokyo).toLocalDate()).isEqualTo(day));

      String base = "http://127.0.0.1:" + web.port();
      HttpClient http = HttpClient.newHttpClient();
      String token =
          new ObjectMapper()
              .readTree(
                  http.send(
                          HttpRequest.newBuilder(URI.create(base + "/api/login"))
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .get("token")
              .asText();
      String metrics =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/metrics"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      long messages =
          service.feedStats().stream()
              .filter(f -> f.feed().equals("feed"))
              .findFirst()
              .orElseThrow()
              .messages();
      assertThat(messages).isGreaterThan(2000);
      assertThat(metrics)
          .contains("sekisho_maritime_feed_messages_total{feed=\"feed\"} " + (double) messages);
    } finally {
      if (web != null) {
        web.close();
      }
      sekisho.close();
    }
  }
}
