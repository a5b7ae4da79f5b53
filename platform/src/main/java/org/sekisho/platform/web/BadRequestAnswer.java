package org.sekisho.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself, before a request reaches Sekisho's routes (a URL that cannot be
 * decoded, such as {@code /%zz}; a header too large): the JSON error shape every other refusal has
 * ({@code {"error": …, "message": …, "field": ""}}) with the security headers every other answer
 * carries, instead of Jetty's own HTML page, which carried neither.
 */
final class BadRequestAnswer extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean behindTls;

  BadRequestAnswer(boolean behindTls) {
    this.behindTls = behindTls;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    SecurityHeaders.apply(response.getHeaders()::put, behindTls);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  /** The JSON body: a stable error code and Jetty's reason, which names no input. */
  static byte[] body(int code, String message) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("error", code == HttpStatus.BAD_REQUEST_400 ? "bad-request" : "http-" + code);
    String reason = HttpStatus.getMessage(code);
    m.put(
        "message",
        message == null || message.isBlank() || message.equals(reason)
            ? reason
            : reason + ": " + message);
    m.put("field", "");
    try {
      return JSON.writeValueAsBytes(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
