package org.sekisho.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.Routes.Body;

/**
 * The check every request passes before its handler: no text it carries may hold a NUL character
 * (U+0000), which PostgreSQL refuses in text ("invalid byte sequence for encoding UTF8: 0x00"). It
 * looks at path parameters, query parameters (names and values) and, unless the route declared
 * {@link Body#ROWS}, at the body: form fields, JSON string values and field names wherever they are
 * nested (JSON writes the character as the escape <code>&#92;u0000</code>, which is looked for
 * whatever the content type says, since handlers parse JSON whatever it says), and NUL bytes in any
 * other text body. Stateless and thread-safe.
 */
final class InputCheck {
  static final String CODE = "invalid-input";

  private static final Set<String> NOT_TEXT =
      Set.of(
          "application/octet-stream",
          "application/pdf",
          "application/zip",
          "application/gzip",
          "application/x-gzip");
  private static final String NUL = String.valueOf((char) 0);
  private static final byte[] JSON_NUL = {'\\', 'u', '0', '0', '0', '0'};

  private final JsonFactory json;

  InputCheck(JsonFactory json) {
    this.json = json;
  }

  /** The first place in the request that holds a NUL, as a 400 problem; empty when none does. */
  Optional<Problem> problem(Context ctx, Body body) {
    // worded in the reader's language; English for a context the server did not prepare
    Messages t = Web.messages(ctx) != null ? Web.messages(ctx) : ENGLISH;
    for (Map.Entry<String, String> e : ctx.pathParamMap().entrySet()) {
      if (Web.hasNul(e.getValue())) {
        return nul(t, e.getKey(), t.get("input.what.path"));
      }
    }
    Optional<Problem> query = inFields(t, ctx.queryParamMap(), t.get("input.what.query"));
    if (query.isPresent() || body == Body.ROWS) {
      return query;
    }
    String type = mediaType(ctx.contentType());
    if (type.startsWith("multipart/")) {
      return inFields(t, ctx.formParamMap(), t.get("input.what.form"));
    }
    if (!isText(type)) {
      return Optional.empty();
    }
    byte[] bytes = ctx.bodyAsBytes();
    ReplayableBody.of(ctx.req()).replay(bytes);
    if (bytes.length == 0) {
      return Optional.empty();
    }
    if (type.equals("application/x-www-form-urlencoded")) {
      Optional<Problem> form = inFields(t, ctx.formParamMap(), t.get("input.what.form"));
      if (form.isPresent()) {
        return form;
      }
    } else if (indexOf(bytes, new byte[] {0}) >= 0) {
      return nul(t, "body", t.get("input.what.body"));
    }
    Optional<Problem> nul = indexOf(bytes, JSON_NUL) >= 0 ? inJson(t, bytes) : Optional.empty();
    return nul.isPresent() ? nul : strictJson(t, bytes);
  }

  private static final Messages ENGLISH = new Messages(Locale.ENGLISH, List.of("i18n.platform"));

  /**
   * The first broken percent-escape in the query, or in a form body sent URL-encoded (unless the
   * route declared {@link Body#ROWS}), as a 400 naming its parameter: a {@code %} without two
   * hexadecimal digits, or escapes whose bytes are not UTF-8 text ({@link PercentEscapes}); empty
   * when there is none. Jetty would read the one as no parameter and the other as U+FFFD.
   */
  Optional<Problem> escapes(Context ctx, Body body) {
    Messages t = Web.messages(ctx) != null ? Web.messages(ctx) : ENGLISH;
    Optional<Problem> query = escapes(t, ctx.queryString(), t.get("input.what.query"));
    if (query.isPresent()
        || body == Body.ROWS
        || !mediaType(ctx.contentType()).equals("application/x-www-form-urlencoded")) {
      return query;
    }
    byte[] bytes = ctx.bodyAsBytes();
    ReplayableBody.of(ctx.req()).replay(bytes);
    // the escapes are ASCII; any other byte stands for itself
    String form = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    String start = form.stripLeading();
    if (start.startsWith("{") || start.startsWith("[")) {
      return Optional.empty(); // JSON sent without its content type (curl -d): read as JSON
    }
    return escapes(t, form, t.get("input.what.form"));
  }

  private static Optional<Problem> escapes(Messages t, String raw, String what) {
    if (raw == null || raw.indexOf('%') < 0) {
      return Optional.empty();
    }
    for (String pair : raw.split("&", -1)) {
      Optional<PercentEscapes.Fault> fault = PercentEscapes.first(pair);
      if (fault.isPresent()) {
        int eq = pair.indexOf('=');
        String name = printable(decoded(eq < 0 ? pair : pair.substring(0, eq)));
        return Optional.of(
            Problem.of(
                CODE,
                name,
                t.get(
                    fault.get().notUtf8() ? "input.error.escapeUtf8" : "input.error.escape",
                    what,
                    name,
                    fault.get().escape())));
      }
    }
    return Optional.empty();
  }

  /** A parameter's name decoded; as sent when the name itself holds the broken escape. */
  private static String decoded(String name) {
    try {
      return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException broken) {
      return name;
    }
  }

  static final String JSON_CODE = "invalid-json";

  /**
   * A body that is JSON (an object or array) read strictly, whichever handler reads it later: a
   * field named twice in one object (readers disagree on which one counts: the last, the first, or
   * a refusal) and anything after the value are refused, naming the place; a byte order mark is
   * refused saying so; so is malformed JSON, with the line and column (in characters), what was
   * expected there, in the reader's language ({@link JsonRefusal}).
   */
  private Optional<Problem> strictJson(Messages t, byte[] bytes) {
    if (bytes.length >= 4
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF
        && (bytes[3] == '{' || bytes[3] == '[')) {
      // only before JSON: a CSV or other text a route reads whole may carry one
      return Optional.of(Problem.of(JSON_CODE, "body", t.get("input.error.bom")));
    }
    int i = 0;
    while (i < bytes.length
        && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    if (i == bytes.length || (bytes[i] != '{' && bytes[i] != '[')) {
      return Optional.empty();
    }
    try (JsonParser p = json.createParser(bytes)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      try {
        p.nextToken();
        p.skipChildren();
        var end = p.currentLocation();
        boolean more;
        try {
          more = p.nextToken() != null;
        } catch (com.fasterxml.jackson.core.JsonParseException notJson) {
          more = true; // text after the value that is not even JSON
        }
        if (more) {
          // counted in characters, as the reader counts them (the parser counts bytes)
          JsonRefusal.Place at = JsonRefusal.Place.of(end, bytes);
          return Optional.of(
              Problem.of(JSON_CODE, "body", t.get("input.error.trailing", at.line(), at.column())));
        }
      } catch (com.fasterxml.jackson.core.JsonParseException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field")) {
          String field = path(p.getParsingContext());
          return Optional.of(
              Problem.of(
                  JSON_CODE,
                  field.isEmpty() ? "body" : field,
                  t.get("input.error.duplicate", printable(field))));
        }
        // malformed: refused here, worded in the reader's language with the line and column, so
        // that no handler answers with its parser's own message
        return Optional.of(JsonRefusal.of(e, t, bytes));
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        return Optional.of(JsonRefusal.of(e, t, bytes)); // beyond the parser's limits
      }
    } catch (IOException | RuntimeException e) {
      // not read at all: whoever parses it reports that
    }
    return Optional.empty();
  }

  private static Optional<Problem> inFields(
      Messages t, Map<String, List<String>> fields, String what) {
    for (Map.Entry<String, List<String>> e : fields.entrySet()) {
      if (Web.hasNul(e.getKey())) {
        return nul(t, e.getKey(), t.get("input.what.nameOf", what));
      }
      for (String v : e.getValue()) {
        if (Web.hasNul(v)) {
          return nul(t, e.getKey(), what);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The path of the first JSON string value or field name holding a NUL; empty when there is none
   * or the body is not JSON (the handler then says what is wrong with it).
   */
  private Optional<Problem> inJson(Messages t, byte[] bytes) {
    try (JsonParser p = json.createParser(bytes)) {
      for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
        if (token == JsonToken.FIELD_NAME && Web.hasNul(p.currentName())) {
          return Optional.of(
              Problem.of(
                  CODE,
                  path(p.getParsingContext()),
                  t.get(
                      "input.error.nul",
                      t.get("input.what.jsonName", printable(p.currentName())))));
        }
        if (token == JsonToken.VALUE_STRING && Web.hasNul(p.getText())) {
          String field = path(p.getParsingContext());
          return nul(t, field.isEmpty() ? "body" : field, t.get("input.what.json"));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON after all: whoever parses it reports that.
    }
    return Optional.empty();
  }

  /** {@code goods[2].description}: the value the parser stands on, from the root. */
  static String path(JsonStreamContext at) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = at; c != null; c = c.getParent()) {
      chain.push(c);
    }
    StringBuilder sb = new StringBuilder();
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        sb.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
      } else if (c.inObject() && c.getCurrentName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(printable(c.getCurrentName()));
      }
    }
    return sb.toString();
  }

  private static Optional<Problem> nul(Messages t, String field, String what) {
    return Optional.of(Problem.of(CODE, printable(field), t.get("input.error.nul", what)));
  }

  /** The most of a field's name a problem repeats: enough to recognise it, never a whole body. */
  static final int MAX_NAME = 100;

  /**
   * A name fit to echo back and to audit: a NUL in it written as <code>&#92;u0000</code>, and a
   * name longer than {@value #MAX_NAME} characters (a body posted without its content type reads as
   * one huge form field name) cut, saying how long it was.
   */
  static String printable(String s) {
    String shown = s.length() > MAX_NAME ? cut(s) : s;
    return shown.replace(NUL, "\\u0000");
  }

  private static String cut(String s) {
    int end = Character.isHighSurrogate(s.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
    return s.substring(0, end) + "… (" + s.length() + " characters)";
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  private static boolean isText(String type) {
    return !(type.startsWith("image/")
        || type.startsWith("audio/")
        || type.startsWith("video/")
        || NOT_TEXT.contains(type));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
