package org.sekisho.passenger.egate.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.passenger.egate.Travellers;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A declaration QR is good for one crossing: shown a second time, at the same gate or another, the
 * traveller is referred to an officer with the gate and time of its first use, in the officer's
 * language, in the audit log and in the arrival's record; a kiosk's retry of the same capture is no
 * second use; the first use survives a restart; of two gates racing on one QR only one opens.
 * Through the real server, with QRs made on the declaration page.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DeclarationReuseTest {
  /** 13:10 in Japan. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T04:10:00Z"), ZoneOffset.UTC);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;

  DeclarationReuseTest(Database db) {
    this.db = db;
  }

  /** The server with a second kiosk device at another gate of the same office. */
  private EgateServer start(Path dir) throws Exception {
    EgateServer s = new EgateServer(db, dir, CLOCK);
    new Accounts(db.jdbi(), CLOCK, PasswordHasher.standard(), Duration.ofHours(1))
        .upsert(
            "kiosk-hnd-02",
            "Kiosk HND 02",
            EgateServer.PASSWORD,
            EnumSet.of(Role.KIOSK),
            "customs-jp",
            "HND");
    return s;
  }

  private static String issueQrText(EgateServer s) throws Exception {
    return issueQrText(s, EgateWebTest.form(s.traveller));
  }

  private static String issueQrText(EgateServer s, Map<String, String> f) throws Exception {
    byte[] body =
        f.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"))
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> page =
        s.send("POST", "/declaration", null, "application/x-www-form-urlencoded", body);
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher m =
        Pattern.compile("<textarea id=\"qr-text\"[^>]*>([^<]+)</textarea>").matcher(page.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String body(Travellers t, String qrText, String requestId) throws Exception {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("mrz", t.mrz());
    b.put("chip", JSON.readTree(t.chipJson()));
    b.put("qrText", qrText);
    b.put(
        "faceImage",
        "data:image/jpeg;base64," + java.util.Base64.getEncoder().encodeToString(t.portrait()));
    b.put("immigration", Map.of("purposeOfVisit", "tourism", "intendedStayDays", 5));
    if (requestId != null) {
      b.put("requestId", requestId);
    }
    return JSON.writeValueAsString(b);
  }

  private static JsonNode decide(EgateServer s, String kiosk, String body) throws Exception {
    HttpResponse<String> r =
        s.send(
            "POST",
            "/api/egate/decisions",
            s.token(kiosk),
            "application/json",
            body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static JsonNode arrival(EgateServer s, String captureId, String lang) throws Exception {
    HttpResponse<String> r =
        s.send(
            "GET",
            "/api/egate/arrivals/" + captureId + "?lang=" + lang,
            s.token("officer"),
            null,
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<String> reasons(JsonNode arrival) {
    List<String> out = new ArrayList<>();
    arrival.get("reasons").forEach(r -> out.add(r.get("reason").asText()));
    return out;
  }

  private static JsonNode reason(JsonNode arrival, String name) {
    for (JsonNode r : arrival.get("reasons")) {
      if (r.get("reason").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no reason " + name + " in " + arrival);
  }

  private String auditDetail(String capture, String detail) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select details::jsonb ->> :detail from platform.audit_log where action ="
                            + " 'egate.decision' and details::jsonb ->> 'capture' = :c"
                            + " order by seq desc limit 1")
                    .bind("detail", detail)
                    .bind("c", capture)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
  }

  private long customsRecords(String captureId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from egate.customs_arrival where capture_id = :c")
                    .bind("c", captureId)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void theSameQrShownAgainAtAnotherGateOrTheSameIsReferredNamingTheGateAndTimeOfItsFirstUse(
      @TempDir Path dir) throws Exception {
    try (EgateServer s = start(dir)) {
      String qr = issueQrText(s);
      JsonNode first = decide(s, "kiosk-hnd-01", body(s.traveller, qr, null));
      assertThat(first.get("decision").asText()).isEqualTo("pass");
      String firstId = first.get("captureId").asText();

      JsonNode again = decide(s, "kiosk-hnd-02", body(s.traveller, qr, null));
      assertThat(again.get("decision").asText()).isEqualTo("secondary-inspection");
      String againId = again.get("captureId").asText();

      JsonNode en = arrival(s, againId, "en");
      assertThat(reasons(en)).containsExactly("DECLARATION_ALREADY_USED");
      assertThat(reason(en, "DECLARATION_ALREADY_USED").get("detail").asText())
          .isEqualTo(
              "this declaration was already used at gate kiosk-hnd-01 at 2026-11-29 13:10 JST"
                  + " (capture id "
                  + firstId
                  + ")");
      assertThat(reason(en, "DECLARATION_ALREADY_USED").get("text").asText())
          .isEqualTo("The declaration was already used at a gate");
      assertThat(en.get("gate_decision").asText())
          .isEqualTo("secondary inspection: DECLARATION_ALREADY_USED");
      assertThat(en.get("declaration_id").asText()).matches("[0-9a-f]{64}");
      assertThat(arrival(s, firstId, "en").get("declaration_id").asText())
          .isEqualTo(en.get("declaration_id").asText());

      JsonNode ja = arrival(s, againId, "ja");
      assertThat(reason(ja, "DECLARATION_ALREADY_USED").get("detail").asText())
          .isEqualTo("この申告は 2026-11-29 13:10 JST にゲート kiosk-hnd-01 で使用済みです（受付番号 " + firstId + "）");
      assertThat(reason(ja, "DECLARATION_ALREADY_USED").get("text").asText())
          .isEqualTo("この申告はすでにゲートで使用されています");

      // audited like every gate decision, by ids: the reason and which capture used it first
      assertThat(auditDetail(againId, "decision")).isEqualTo("secondary-inspection");
      assertThat(auditDetail(againId, "reasons")).isEqualTo("DECLARATION_ALREADY_USED");
      assertThat(auditDetail(againId, "declaration.used"))
          .isEqualTo("capture " + firstId + " at kiosk-hnd-01 2026-11-29T04:10:00Z");
      assertThat(auditDetail(firstId, "declaration.used")).isNull();

      // the same gate a third time: still the first use it names
      JsonNode third = decide(s, "kiosk-hnd-01", body(s.traveller, qr, null));
      assertThat(third.get("decision").asText()).isEqualTo("secondary-inspection");
      assertThat(
              reason(arrival(s, third.get("captureId").asText(), "en"), "DECLARATION_ALREADY_USED")
                  .get("detail")
                  .asText())
          .contains("gate kiosk-hnd-01")
          .contains(firstId);
    }
  }

  @Test
  void aKiosksRetryOfTheSameCaptureIsTheSameCaptureNotASecondUse(@TempDir Path dir)
      throws Exception {
    try (EgateServer s = start(dir)) {
      String qr = issueQrText(s);
      JsonNode sent = decide(s, "kiosk-hnd-01", body(s.traveller, qr, "4f1c2b7e-retry-1"));
      JsonNode retried = decide(s, "kiosk-hnd-01", body(s.traveller, qr, "4f1c2b7e-retry-1"));
      assertThat(sent.get("decision").asText()).isEqualTo("pass");
      assertThat(retried.get("decision").asText()).isEqualTo("pass");
      assertThat(retried.get("captureId").asText()).isEqualTo(sent.get("captureId").asText());
      assertThat(customsRecords(sent.get("captureId").asText())).isEqualTo(1);

      // another kiosk's request id, even the same text, is another capture: a second use
      JsonNode elsewhere = decide(s, "kiosk-hnd-02", body(s.traveller, qr, "4f1c2b7e-retry-1"));
      assertThat(elsewhere.get("captureId").asText()).isNotEqualTo(sent.get("captureId").asText());
      assertThat(elsewhere.get("decision").asText()).isEqualTo("secondary-inspection");
      // and so is a new capture at the same kiosk
      JsonNode next = decide(s, "kiosk-hnd-01", body(s.traveller, qr, "4f1c2b7e-retry-2"));
      assertThat(next.get("decision").asText()).isEqualTo("secondary-inspection");

      // a request id that is no id is refused naming the field, in the reader's language
      HttpResponse<String> bad =
          s.send(
              "POST",
              "/api/egate/decisions?lang=ja",
              s.token("kiosk-hnd-01"),
              "application/json",
              body(s.traveller, qr, "no spaces allowed").getBytes(StandardCharsets.UTF_8));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("requestId");
      assertThat(JSON.readTree(bad.body()).get("message").asText()).contains("64 文字");
    }
  }

  @Test
  void theFirstUseIsKeptAcrossARestart(@TempDir Path dir) throws Exception {
    String qr;
    String firstId;
    try (EgateServer s = start(dir)) {
      qr = issueQrText(s);
      JsonNode first = decide(s, "kiosk-hnd-01", body(s.traveller, qr, null));
      assertThat(first.get("decision").asText()).isEqualTo("pass");
      firstId = first.get("captureId").asText();
    }
    // the same installation started again (same data directory, same database)
    try (EgateServer s = start(dir)) {
      JsonNode again = decide(s, "kiosk-hnd-02", body(s.traveller, qr, null));
      assertThat(again.get("decision").asText()).isEqualTo("secondary-inspection");
      assertThat(
              reason(arrival(s, again.get("captureId").asText(), "en"), "DECLARATION_ALREADY_USED")
                  .get("detail")
                  .asText())
          .contains(firstId);
    }
  }

  @Test
  void ofTwoGatesRacingOnOneQrOnlyOneOpens(@TempDir Path dir) throws Exception {
    try (EgateServer s = start(dir)) {
      int rounds = 3;
      for (int round = 0; round < rounds; round++) {
        // a new declaration each round (the clock stands still: another answer makes it another)
        Map<String, String> f = EgateWebTest.form(s.traveller);
        f.put("occupation", "surveyor, round " + round);
        String qr = issueQrText(s, f);
        String body = body(s.traveller, qr, null);
        String t1 = s.token("kiosk-hnd-01");
        String t2 = s.token("kiosk-hnd-02");
        CyclicBarrier together = new CyclicBarrier(2);
        List<Callable<String>> gates = new ArrayList<>();
        for (String token : List.of(t1, t2)) {
          gates.add(
              () -> {
                together.await();
                HttpResponse<String> r =
                    s.send(
                        "POST",
                        "/api/egate/decisions",
                        token,
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8));
                return JSON.readTree(r.body()).get("decision").asText();
              });
        }
        List<String> decisions = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
          for (Future<String> gate : pool.invokeAll(gates)) {
            decisions.add(gate.get());
          }
        }
        assertThat(decisions).containsExactlyInAnyOrder("pass", "secondary-inspection");
      }
    }
  }
}
