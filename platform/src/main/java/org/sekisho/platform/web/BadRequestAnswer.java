package org.sekisho.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.sekisho.platform.i18n.Messages;

/**
 * What Jetty answers itself, before a request reaches Sekisho's routes (a path that cannot be
 * decoded, such as {@code /%zz}; a character HTTP does not allow; an address or headers too long; a
 * missing, repeated or malformed {@code Host}): the JSON error shape every other refusal has
 * ({@code {"error": …, "message": …, "field": ""}}), or for a browser outside {@code /api/} a small
 * page in the frame's style, with the security headers every other answer carries, instead of
 * Jetty's own English page.
 *
 * <p>The message says what was wrong in the reader's language, told from the request as far as
 * Jetty read it: {@code ?lang=}, the language cookie, then {@code Accept-Language} (there is no
 * session yet); English when none of them could be read. The {@code error} code is {@code
 * bad-request} for a 400 and {@code http-<status>} otherwise, in every language. Thread-safe.
 */
final class BadRequestAnswer extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Locale, Messages> MESSAGES = new LinkedHashMap<>();

  static {
    for (Locale l : Messages.SUPPORTED) {
      MESSAGES.put(l, new Messages(l, List.of("i18n.platform")));
    }
  }

  private static final Pattern LANG = Pattern.compile("(?:^|&)lang=([A-Za-z-]{1,16})(?:&|$)");
  private static final Pattern LANG_COOKIE =
      Pattern.compile("(?:^|;)\\s*" + WebServer.LANG_COOKIE + "=([A-Za-z-]{1,16})");
  private static final Pattern CHARACTER = Pattern.compile("0x([0-9A-Fa-f]{1,6})");

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
    Messages t = readers(request);
    String said = message(t, code, message, cause, rawPath(request));
    SecurityHeaders.apply(response.getHeaders()::put, behindTls);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (wantsPage(request)) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
      response.write(true, ByteBuffer.wrap(page(t, code, said)), callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.write(true, ByteBuffer.wrap(body(code, said)), callback);
  }

  /** The JSON body: a stable error code and what was wrong, as worded. */
  static byte[] body(int code, String message) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("error", code == HttpStatus.BAD_REQUEST_400 ? "bad-request" : "http-" + code);
    m.put("message", message);
    m.put("field", "");
    try {
      return JSON.writeValueAsBytes(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What was wrong, in {@code t}'s language, from Jetty's status, its reason ({@code jetty}, such
   * as "Illegal character CNTL=0x1", which is never shown) and the path as sent.
   */
  static String message(Messages t, int code, String jetty, Throwable cause, String rawPath) {
    String reason = jetty == null ? "" : jetty;
    switch (code) {
      case HttpStatus.URI_TOO_LONG_414 -> {
        return t.get("jetty.error.uriLong");
      }
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> {
        return t.get("jetty.error.headersLarge");
      }
      case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 -> {
        return t.get("jetty.error.version");
      }
      case HttpStatus.PAYLOAD_TOO_LARGE_413 -> {
        return t.get("jetty.error.tooLarge");
      }
      case HttpStatus.INTERNAL_SERVER_ERROR_500 -> {
        return t.get("server.error.internal");
      }
      default -> {
        // a 400 read below; any other status is named by its number
      }
    }
    if (code != HttpStatus.BAD_REQUEST_400) {
      return t.get("jetty.error.status", Integer.toString(code));
    }
    if (reason.startsWith("Illegal character")) {
      Matcher c = CHARACTER.matcher(reason);
      String shown =
          reason.contains("SPACE")
              ? "U+0020"
              : c.find()
                  ? String.format(Locale.ROOT, "U+%04X", Integer.parseInt(c.group(1), 16))
                  : "?";
      return t.get("jetty.error.character", shown);
    }
    if (reason.contains("No Host")) {
      return t.get("jetty.error.noHost");
    }
    if (reason.contains("Duplicate Host")) {
      return t.get("jetty.error.hostTwice");
    }
    if (reason.contains("Host") || reason.contains("Authority")) {
      return t.get("jetty.error.badHost");
    }
    if (reason.contains("Content-Length")) {
      return t.get("jetty.error.contentLength");
    }
    if (reason.contains("Transfer-Encoding") || reason.contains("Chunk")) {
      return t.get("jetty.error.transferEncoding");
    }
    Optional<PercentEscapes.Fault> fault = PercentEscapes.first(rawPath);
    if (fault.isPresent()) {
      return t.get(
          fault.get().notUtf8() ? "jetty.error.pathUtf8" : "jetty.error.path",
          fault.get().escape());
    }
    if (reason.contains("URI") || decoding(cause)) {
      return t.get("jetty.error.pathOther");
    }
    return t.get("jetty.error.badRequest");
  }

  /** Whether Jetty failed on decoding the address (a bad escape it reads as a number). */
  private static boolean decoding(Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof NumberFormatException || c instanceof IllegalArgumentException) {
        return true;
      }
    }
    return false;
  }

  /** The reader's messages, as far as the request can tell; English when it cannot. */
  private static Messages readers(Request request) {
    String explicit = null;
    String accept = null;
    try {
      HttpURI uri = request.getHttpURI();
      Matcher q = LANG.matcher(uri == null || uri.getQuery() == null ? "" : uri.getQuery());
      if (q.find()) {
        explicit = q.group(1);
      }
      HttpFields headers = request.getHeaders();
      if (headers != null) {
        if (explicit == null) {
          for (String cookie : headers.getValuesList(HttpHeader.COOKIE)) {
            Matcher c = LANG_COOKIE.matcher(cookie);
            if (c.find()) {
              explicit = c.group(1);
            }
          }
        }
        accept = headers.get(HttpHeader.ACCEPT_LANGUAGE);
      }
    } catch (RuntimeException unread) {
      // a request Jetty could not finish reading: what it has may be incomplete; English
    }
    return MESSAGES.get(Messages.choose(explicit, accept));
  }

  /** The path as sent, still escaped; null when Jetty did not get that far. */
  private static String rawPath(Request request) {
    try {
      HttpURI uri = request.getHttpURI();
      return uri == null ? null : uri.getPath();
    } catch (RuntimeException unread) {
      return null;
    }
  }

  /**
   * A page, not JSON, for a path outside the API that a browser asked for, or that does not say
   * what it accepts: a request Jetty could not read reaches here with no header at all, and a
   * browser is what meets such a refusal on a page (a cookie grown too large).
   */
  private static boolean wantsPage(Request request) {
    try {
      String path = rawPath(request);
      String accept = request.getHeaders() == null ? null : request.getHeaders().get("Accept");
      return path != null
          && path.startsWith("/")
          && !path.startsWith("/api/")
          && !path.equals("/badMessage")
          && (accept == null || accept.contains("text/html"));
    } catch (RuntimeException unread) {
      return false;
    }
  }

  /** A small page in the frame's style (its stylesheet and icon), with no script. */
  static byte[] page(Messages t, int code, String message) {
    String html =
        "<!DOCTYPE html>\n<html lang=\""
            + t.lang()
            + "\">\n<head>\n  <meta charset=\"utf-8\">\n"
            + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "  <title>"
            + code
            + " · Sekisho</title>\n"
            + "  <link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n"
            + "  <link rel=\"stylesheet\" href=\"/static/sekisho.css\">\n</head>\n<body>\n"
            + "<main>\n<section class=\"error-page\">\n  <h1>"
            + code
            + "</h1>\n  <p id=\"error-message\">"
            + escape(message)
            + "</p>\n  <p><a href=\"/\">"
            + escape(t.get("jetty.page.home"))
            + "</a></p>\n</section>\n</main>\n</body>\n</html>\n";
    return html.getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
