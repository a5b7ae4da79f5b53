package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A request the web server refuses before any route sees it (a path it cannot decode, a character
 * HTTP does not allow, an address or headers too long, a missing or bad {@code Host}) is answered
 * in the error shape of every other refusal, worded: in English, as Jetty hands its error handler
 * none of the headers, unless the address it read asks for a language ({@code ?lang=ja}); JSON on
 * API paths, a small page elsewhere. A query or path whose percent-escapes are broken but which
 * Jetty lets through is refused by the routes, in the reader's language. Sent over a raw socket: an
 * HTTP client refuses to send most of them.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RefusedBeforeRoutingTest {
  private final TestServer t;

  RefusedBeforeRoutingTest(Database db) {
    this.t =
        new TestServer(
            db,
            r ->
                r.get(
                        "/api/search",
                        Access.open(),
                        "search",
                        ctx -> ctx.json(List.of(String.valueOf(ctx.queryParam("q")))))
                    .query("q", "lang")
                    .get("/search", Access.open(), "search page", ctx -> ctx.html("<p>ok</p>"))
                    .post(
                        "/api/tips",
                        Access.open(),
                        "a tip",
                        ctx -> ctx.json(List.of(String.valueOf(ctx.formParam("text"))))));
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** The status, the headers (lower case) and the body of the answer to {@code head}. */
  record Raw(int status, String headers, String body) {
    JsonNode json() {
      assertThat(headers).contains("content-type: application/json");
      try {
        return TestServer.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String message() {
      return json().get("message").asText();
    }
  }

  private Raw send(String head) throws IOException {
    return sendWhole(head + "Connection: close\r\n\r\n");
  }

  /** {@code request} as it stands, head and body. */
  private Raw sendWhole(String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), t.server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      String answer = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      assertThat(end).as(answer).isPositive();
      String headers = answer.substring(0, end).toLowerCase(Locale.ROOT);
      int status = Integer.parseInt(answer.substring(9, 12));
      // every answer carries the security headers, whoever made it
      assertThat(headers).as(answer).contains("x-content-type-options: nosniff");
      return new Raw(status, headers, answer.substring(end + 4));
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException closed) {
      // the server closed the connection after answering
    }
    return out.toByteArray();
  }

  private static String get(String target, String... headers) {
    StringBuilder sb = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    return sb.toString();
  }

  @Test
  void aPathThatCannotBeDecodedIsRefusedInWords() throws IOException {
    // refused while the request line is read: Jetty hands on no header, so English
    Raw bad = send(get("/api/se%zzarch", "Accept-Language: ja"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText()).isEqualTo("bad-request");
    assertThat(bad.message())
        .isEqualTo(
            "the path of the address (URL) cannot be decoded; write a percent-escape as % and two"
                + " hexadecimal digits, such as %2F");
    // a path that is decoded but is not UTF-8 reaches the routes, which name the escape
    Raw cut = send(get("/api/se%E3%81arch", "Accept-Language: ja"));
    assertThat(cut.status()).as(cut.body()).isEqualTo(400);
    assertThat(cut.message())
        .isEqualTo("アドレス（URL）のパスの %E3%81 は UTF-8 の文字になりません。文字ごとに UTF-8 のバイトをパーセントエンコードしてください");
  }

  @Test
  void theLanguageAskedForInTheAddressIsHonouredWhenTheRequestLineWasRead() throws IOException {
    Raw noHost = send("GET /api/search?lang=ja HTTP/1.1\r\nAccept-Language: en\r\n");
    assertThat(noHost.status()).isEqualTo(400);
    assertThat(noHost.message()).isEqualTo("Host ヘッダーがありません。HTTP/1.1 では必須です");
  }

  @Test
  void aBrowsersPageOutsideTheApiIsAnsweredWithASmallPage() throws IOException {
    // a cookie grown too large is what a browser meets: a page, not JSON
    Raw page = send(get("/search?lang=ja", "Accept: text/html", "Cookie: x=" + "c".repeat(20_000)));
    assertThat(page.status()).isEqualTo(431);
    assertThat(page.headers()).contains("content-type: text/html");
    assertThat(page.body())
        .contains("<html lang=\"ja\">")
        .contains("<link rel=\"stylesheet\" href=\"/static/sekisho.css\">")
        .contains("リクエストのヘッダーがこのサーバーが読み取れる大きさを超えています")
        .doesNotContain("Request Header Fields Too Large")
        .doesNotContain("<script");
    assertThat(send(get("/api/search", "Cookie: x=" + "c".repeat(20_000))).message())
        .isEqualTo(
            "the headers of the request are larger than this server reads; a cookie or a header"
                + " may have grown too large");
  }

  @Test
  void aCharacterHttpDoesNotAllowIsNamed() throws IOException {
    Raw control = send(get("/api/se\u0001arch", "Accept-Language: ja"));
    assertThat(control.status()).isEqualTo(400);
    assertThat(control.message())
        .isEqualTo(
            "the request holds the character U+0001 where HTTP does not allow it (in the address"
                + " or a header); percent-escape it in the address, such as %20 for a space");
  }

  @Test
  void anAddressOrHeadersTooLongAndABadHostAreWorded() throws IOException {
    Raw longUri = send(get("/api/search?q=" + "a".repeat(20_000)));
    assertThat(longUri.status()).isEqualTo(414);
    assertThat(longUri.json().get("error").asText()).isEqualTo("http-414");
    assertThat(longUri.message())
        .isEqualTo(
            "the address (URL) is longer than this server reads; send long input in the body of"
                + " a POST");
    Raw noHost = send("GET /api/search HTTP/1.1\r\n");
    assertThat(noHost.status()).isEqualTo(400);
    assertThat(noHost.message())
        .isEqualTo("the request has no Host header, which HTTP/1.1 requires");
    Raw badHost = send("GET /api/search HTTP/1.1\r\nHost: a b\r\n");
    assertThat(badHost.message())
        .isEqualTo(
            "the Host header is not a host name with an optional port, such as"
                + " sekisho.example:8443");
    Raw twice = send("GET /api/search?lang=ja HTTP/1.1\r\nHost: a\r\nHost: b\r\n");
    assertThat(twice.message()).isEqualTo("Host ヘッダーが複数あります。一つだけ送ってください");
  }

  @Test
  void aQueryWithABrokenPercentEscapeIsRefusedNotReadAsSomethingElse() throws IOException {
    // Jetty read %zz as no parameter at all, and %E3%81 (a character cut off) as U+FFFD
    Raw bad = send(get("/api/search?q=%zz", "Accept-Language: ja"));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("q");
    assertThat(bad.message())
        .isEqualTo(
            "クエリパラメーター「q」の %zz はパーセントエンコーディング（% と 16 進数 2 桁、例: %2F）ではありません。% そのものは %25"
                + " と書いてください");
    Raw cut = send(get("/api/search?q=%E3%81&lang=en"));
    assertThat(cut.status()).as(cut.body()).isEqualTo(400);
    assertThat(cut.json().get("field").asText()).isEqualTo("q");
    assertThat(cut.message())
        .isEqualTo(
            "the query parameter q holds %E3%81, which does not decode to UTF-8 text;"
                + " percent-escape the UTF-8 bytes of each character");
    // a refusal is a decision: audited, naming the parameter and why
    assertThat(t.audit("input.rejected"))
        .anySatisfy(
            e -> {
              assertThat(e.subject()).isEqualTo("route:GET /api/search");
              assertThat(e.details().get("field").asText()).isEqualTo("q");
              assertThat(e.details().get("reason").asText()).isEqualTo("escape");
            });
    // a form sent URL-encoded likewise
    Raw form =
        sendWhole(
            "POST /api/tips HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ja\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10\r\n"
                + "Connection: close\r\n\r\ntext=50%_a");
    assertThat(form.status()).as(form.body()).isEqualTo(400);
    assertThat(form.json().get("field").asText()).isEqualTo("text");
    assertThat(form.message())
        .isEqualTo(
            "フォームの項目「text」の %_a はパーセントエンコーディング（% と 16 進数 2 桁、例: %2F）ではありません。% そのものは %25"
                + " と書いてください");
    // well-formed escapes are read as ever
    Raw good = send(get("/api/search?q=%E3%81%82%2F+x"));
    assertThat(good.status()).isEqualTo(200);
    assertThat(good.json().get(0).asText()).isEqualTo("あ/ x");
  }
}
