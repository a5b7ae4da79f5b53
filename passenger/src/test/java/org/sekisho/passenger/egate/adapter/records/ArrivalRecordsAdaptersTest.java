package org.sekisho.passenger.egate.adapter.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.kiosk.ArrivalCapture;
import org.sekisho.passenger.egate.domain.kiosk.Purpose;
import org.sekisho.passenger.egate.domain.kiosk.TravellerField;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ArrivalRecordsAdaptersTest {
  private final Database db;
  private final ArrivalCapture capture =
      new ArrivalCapture(
          "cap-1",
          "kiosk-7",
          Instant.parse("2026-03-10T09:00:00Z"),
          Map.of(
              TravellerField.DOCUMENT_NUMBER, "TK1234567",
              TravellerField.PHONE_IN_JAPAN, "+81 3 \"1234\"",
              TravellerField.CRIMINAL_CONVICTION, "no"));

  ArrivalRecordsAdaptersTest(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("egate")));
  }

  @Test
  void eachRecordLandsInItsOwnTableOnceAndHoldsOnlyItsFields() {
    JdbcArrivalRecords tables = new JdbcArrivalRecords(db.jdbi());
    assertThat(tables.customs().send(capture.recordFor(Purpose.CUSTOMS)).isAccepted()).isTrue();
    assertThat(tables.customs().send(capture.recordFor(Purpose.CUSTOMS)).isAccepted()).isTrue();
    assertThat(tables.immigration().send(capture.recordFor(Purpose.IMMIGRATION)).isAccepted())
        .isTrue();
    String customs =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select fields::text from egate.customs_arrival")
                        .mapTo(String.class)
                        .one());
    String immigration =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select fields::text from egate.immigration_outbox")
                        .mapTo(String.class)
                        .one());
    assertThat(customs).contains("phone_in_japan").doesNotContain("criminal_conviction");
    assertThat(immigration).contains("criminal_conviction").doesNotContain("phone_in_japan");
    assertThat(immigration).contains("TK1234567");
  }

  @Test
  void aRecordForTheOtherAuthorityIsRefusedByTheTable() {
    JdbcArrivalRecords tables = new JdbcArrivalRecords(db.jdbi());
    Outcome<String> o = tables.customs().send(capture.recordFor(Purpose.IMMIGRATION));
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().get(0).code()).isEqualTo("wrong-endpoint");
  }

  @Test
  void theHttpEndpointReceivesTheRecordAsJsonAndAFailureIsARejection() throws IOException {
    List<String> bodies = new CopyOnWriteArrayList<>();
    List<String> auth = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/immigration",
        ex -> {
          bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          auth.add(ex.getRequestHeaders().getFirst("Authorization"));
          ex.sendResponseHeaders(202, -1);
          ex.close();
        });
    server.createContext(
        "/down",
        ex -> {
          ex.sendResponseHeaders(503, -1);
          ex.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      HttpClient http = HttpClient.newHttpClient();
      Outcome<String> ok =
          HttpArrivalEndpoint.immigration(http, URI.create(base + "/immigration"), "s3cret")
              .send(capture.recordFor(Purpose.IMMIGRATION));
      assertThat(ok.isAccepted()).isTrue();
      assertThat(bodies)
          .singleElement()
          .isEqualTo(
              "{\"purpose\":\"immigration\",\"capture_id\":\"cap-1\",\"kiosk\":\"kiosk-7\","
                  + "\"captured_at\":\"2026-03-10T09:00:00Z\",\"fields\":"
                  + "{\"document_number\":\"TK1234567\",\"criminal_conviction\":\"no\"}}");
      assertThat(auth).containsExactly("Bearer s3cret");
      Outcome<String> down =
          HttpArrivalEndpoint.customs(http, URI.create(base + "/down"), "")
              .send(capture.recordFor(Purpose.CUSTOMS));
      assertThat(down.problems().get(0).message()).contains("HTTP 503");
      Outcome<String> wrong =
          HttpArrivalEndpoint.customs(http, URI.create(base + "/immigration"), "")
              .send(capture.recordFor(Purpose.IMMIGRATION));
      assertThat(wrong.problems().get(0).code()).isEqualTo("wrong-endpoint");
      assertThat(bodies).hasSize(1);
    } finally {
      server.stop(0);
    }
  }
}
