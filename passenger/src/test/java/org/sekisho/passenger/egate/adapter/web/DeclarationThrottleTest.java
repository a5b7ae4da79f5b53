package org.sekisho.passenger.egate.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The public declaration page signs a burst of declarations for one client address, then one every
 * 15 seconds: the rest are answered 429 with {@code Retry-After} and worded in the reader's
 * language, and a run of refusals leaves one audit entry, so nobody without an account can grow the
 * audit log without limit. On the real server, its clock moved by the test.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DeclarationThrottleTest {
  private final Database db;

  DeclarationThrottleTest(Database db) {
    this.db = db;
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-11-29T01:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      MovingClock self = this;
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
          return self.withZone(z);
        }

        @Override
        public Instant instant() {
          return self.now;
        }
      };
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  @Test
  void fortyDeclarationsFromOneAddressAreCutToTheBurstAndRefusalsAreAuditedOnce(@TempDir Path dir)
      throws Exception {
    MovingClock clock = new MovingClock();
    try (EgateServer server = EgateServer.withDefaultThrottle(db, dir, clock)) {
      byte[] form = urlEncoded(EgateWebTest.form(server.traveller));
      int ok = 0;
      HttpResponse<String> refused = null;
      int refusals = 0;
      for (int i = 0; i < 40; i++) {
        HttpResponse<String> r = post(server, "/declaration", form, "en");
        if (r.statusCode() == 200) {
          assertThat(refused).as("no declaration after the first refusal").isNull();
          ok++;
        } else {
          assertThat(r.statusCode()).isEqualTo(429);
          refused = refused == null ? r : refused;
          refusals++;
        }
      }
      assertThat(ok).isEqualTo(DeclarationThrottle.Limits.DEFAULT.burst());
      assertThat(refusals).isEqualTo(40 - ok);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("15");
      assertThat(refused.body())
          .contains("id=\"form-throttled\"")
          .contains("Please wait 15 seconds")
          .doesNotContain("id=\"declaration-qr\"")
          // what the traveller typed stays
          .contains("value=\"" + server.traveller.declaration().passportNumber() + "\"");
      assertThat(audited("egate.declaration.issued")).isEqualTo(ok);
      assertThat(audited("egate.declaration.throttled")).isEqualTo(1);

      // in Japanese, on the API too (the same count)
      HttpResponse<String> ja = post(server, "/declaration", form, "ja");
      assertThat(ja.statusCode()).isEqualTo(429);
      assertThat(ja.body()).contains("15 秒待ってから");
      HttpResponse<String> api =
          post(
              server,
              "/api/egate/declarations",
              json(EgateWebTest.form(server.traveller)),
              "en",
              "application/json");
      assertThat(api.statusCode()).isEqualTo(429);
      assertThat(api.headers().firstValue("Retry-After")).hasValue("15");
      assertThat(api.body()).contains("too-many-attempts").contains("Please wait 15 seconds");

      // 15 seconds on, one more; then refused again, and that new run is audited once more
      clock.advance(Duration.ofSeconds(15));
      assertThat(post(server, "/declaration", form, "en").statusCode()).isEqualTo(200);
      HttpResponse<String> again = post(server, "/declaration", form, "en");
      assertThat(again.statusCode()).isEqualTo(429);
      assertThat(post(server, "/declaration", form, "en").statusCode()).isEqualTo(429);
      assertThat(audited("egate.declaration.issued")).isEqualTo(ok + 1);
      assertThat(audited("egate.declaration.throttled")).isEqualTo(2);

      // a form refused for its fields signs nothing and is not counted
      clock.advance(Duration.ofMinutes(10));
      Map<String, String> bad = EgateWebTest.form(server.traveller);
      bad.put("birthDate", "not a date");
      for (int i = 0; i < 15; i++) {
        assertThat(post(server, "/declaration", urlEncoded(bad), "en").statusCode()).isEqualTo(400);
      }
      assertThat(post(server, "/declaration", form, "en").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void ipv6ClientsAreCountedByTheirNetwork() {
    assertThat(DeclarationThrottle.key("2001:db8:1:2:aaaa::1"))
        .isEqualTo(DeclarationThrottle.key("2001:db8:1:2:bbbb::9"))
        .isNotEqualTo(DeclarationThrottle.key("2001:db8:1:3::1"));
    assertThat(DeclarationThrottle.key("192.0.2.7")).isEqualTo("192.0.2.7");
    // one client however its address is written: IPv4-mapped, in brackets
    assertThat(DeclarationThrottle.key("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(DeclarationThrottle.key("[2001:db8:1:2::1]"))
        .isEqualTo(DeclarationThrottle.key("2001:db8:1:2:aaaa::1"));
    // a name is never looked up
    assertThat(DeclarationThrottle.key("gate.example")).isEqualTo("gate.example");
  }

  private long audited(String action) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from platform.audit_log where action = :a")
                    .bind("a", action)
                    .mapTo(Long.class)
                    .one());
  }

  private static HttpResponse<String> post(
      EgateServer server, String path, byte[] body, String lang) throws Exception {
    return post(server, path, body, lang, "application/x-www-form-urlencoded");
  }

  private static HttpResponse<String> post(
      EgateServer server, String path, byte[] body, String lang, String type) throws Exception {
    return server.http.send(
        HttpRequest.newBuilder(URI.create(server.base + path))
            .header("Content-Type", type)
            .header("Accept-Language", lang)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] urlEncoded(Map<String, String> f) {
    return f.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] json(Map<String, String> f) {
    return f.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
        .collect(Collectors.joining(",", "{", "}"))
        .getBytes(StandardCharsets.UTF_8);
  }
}
