package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A signed-in caller's JSON value or text document is bounded (413 naming the route and the sizes);
 * a batch of rows is not, for it is streamed to its handler.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DocumentBodyLimitTest {
  private final AtomicLong read = new AtomicLong();
  private final TestServer t;
  private final String token;

  DocumentBodyLimitTest(Database db) {
    this.t =
        new TestServer(
            db,
            r ->
                r.post(
                        "/api/things",
                        Access.signedIn(),
                        "one thing, JSON",
                        ctx -> read.addAndGet(ctx.bodyAsBytes().length))
                    .post(
                        "/api/things/rows",
                        Access.signedIn(),
                        "things, JSON Lines",
                        Routes.Body.ROWS,
                        ctx ->
                            read.addAndGet(
                                ctx.bodyInputStream()
                                    .transferTo(java.io.OutputStream.nullOutputStream()))));
    this.token = t.token("kato");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private static byte[] json(int bytes) {
    byte[] b = new byte[bytes];
    Arrays.fill(b, (byte) 'a');
    b[0] = '"';
    b[bytes - 1] = '"';
    return b;
  }

  @Test
  void aDocumentOverTheBoundIs413NamingTheRouteAndNothingIsRead() {
    byte[] big = json(WebServer.DOCUMENT_BODY_LIMIT + 1024);
    // sent as curl sends a large upload: the server refuses by the declared length before any body
    // is read, and without the go-ahead the client's upload and the server's close race (the
    // client could see a broken pipe instead of the answer)
    TestServer.Answer a =
        t.send(
            "POST",
            "/api/things",
            Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
            big,
            true);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.json().path("error").asText()).isEqualTo("too-large");
    assertThat(a.json().path("message").asText())
        .isEqualTo("POST /api/things takes at most 16384 KiB; the request sent 16385 KiB");
    assertThat(read.get()).isZero();

    byte[] fits = json(WebServer.DOCUMENT_BODY_LIMIT);
    TestServer.Answer ok =
        t.send(
            "POST",
            "/api/things",
            Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
            fits);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(read.get()).isEqualTo(WebServer.DOCUMENT_BODY_LIMIT);
  }

  @Test
  void aBatchOfRowsIsNotBounded() {
    byte[] big = json(WebServer.DOCUMENT_BODY_LIMIT + 1024);
    TestServer.Answer a =
        t.send(
            "POST",
            "/api/things/rows",
            Map.of("Authorization", "Bearer " + token, "Content-Type", "application/x-ndjson"),
            big);
    assertThat(a.status()).isEqualTo(200);
    assertThat(read.get()).isEqualTo(big.length);
  }
}
