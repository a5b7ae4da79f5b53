package org.sekisho.platform.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;

/**
 * A JSON body the server could not read, as the caller's 400 {@code invalid-json} worded wholly in
 * the reader's language: what is wrong (the body ends early, a character or word out of place, a
 * control character or unknown escape in a string, a number JSON does not allow, a value of the
 * wrong type), where (line and column), and what was expected there. The parser's own English, its
 * class names and its internal terms never reach the caller.
 *
 * <p>Where the body's bytes are at hand ({@link #of(JacksonException, Messages, byte[])}) the
 * column counts characters, as a reader counts them (the parser counts bytes, three for 名); without
 * them it is the parser's. A syntax error refuses the body as a whole (field empty); a value of the
 * wrong type, or a field the route does not take, names its path ({@code goods[2].weight}).
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonRefusal {
  /** The problem code of every refusal made here. */
  public static final String CODE = "invalid-json";

  // the parser's account, read only to tell which kind of fault it found; never shown
  private static final Pattern CHAR_CODE = Pattern.compile("code (\\d+)\\)");
  private static final Pattern WORD = Pattern.compile("token '(.*?)'", Pattern.DOTALL);
  private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");
  private static final Pattern CLOSE = Pattern.compile("close marker '(.)': expected '(.)'");

  private JsonRefusal() {}

  /** The refusal of JSON a handler read (line and column as the parser counted them). */
  public static Problem of(JacksonException e, Messages t) {
    return of(e, t, null);
  }

  /**
   * The refusal of {@code body}, which the parser refused with {@code e}; {@code body} may be null
   * (then the parser's line and column are given).
   */
  public static Problem of(JacksonException e, Messages t, byte[] body) {
    Objects.requireNonNull(t, "t");
    if (e instanceof JsonMappingException m) {
      // the parser's refusal wrapped by the binder (a body cut off, a string too long): as such
      if (m.getCause() instanceof JacksonException inner
          && !(inner instanceof JsonMappingException)) {
        return of(inner, t, body);
      }
      return mapping(m, t);
    }
    if (e instanceof StreamConstraintsException) {
      return Problem.of(CODE, "", t.get("json.error.limits"));
    }
    Place at = Place.of(e.getLocation(), body);
    String message = Objects.requireNonNullElse(e.getOriginalMessage(), "");
    JsonStreamContext open = e.getProcessor() instanceof JsonParser p ? parsing(p) : null;
    if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
      if (body != null
          ? insideString(body)
          : message.contains(" in VALUE_STRING") || message.contains("escape sequence")) {
        return syntax(t.get("json.error.endsInString", at.line(), at.column()));
      }
      String closers = closers(open);
      return syntax(
          closers.isEmpty()
              ? t.get("json.error.empty")
              : t.get("json.error.endsEarly", at.line(), at.column(), closers));
    }
    if (message.startsWith("Illegal unquoted character")) {
      Matcher c = CHAR_CODE.matcher(message);
      String code = c.find() ? codePoint(Integer.parseInt(c.group(1))) : "";
      return syntax(t.get("json.error.control", at.line(), at.column(), code));
    }
    if (message.startsWith("Unrecognized character escape")) {
      Matcher c = CHAR_CODE.matcher(message);
      String escape = c.find() ? shown(Integer.parseInt(c.group(1))) : "?";
      return syntax(t.get("json.error.escape", at.line(), at.column(), "\\" + escape));
    }
    if (message.startsWith("Unrecognized token") || message.startsWith("Non-standard token")) {
      Matcher w = WORD.matcher(message);
      String word = w.find() ? InputCheck.printable(cut(w.group(1))) : "";
      return syntax(
          t.get("json.error.word", word, at.line(), at.column(), t.get("json.expect.value")));
    }
    if (message.startsWith("Invalid numeric value: Leading zeroes")) {
      return syntax(t.get("json.error.leadingZero", at.line(), at.column()));
    }
    if (message.startsWith("Invalid UTF-8")) {
      return syntax(t.get("json.error.utf8", at.line(), at.column()));
    }
    Matcher close = CLOSE.matcher(message);
    if (close.find()) {
      String expect =
          close.group(2).equals("}") ? "json.expect.objectNext" : "json.expect.arrayNext";
      return unexpected(t, close.group(1), at, t.get(expect));
    }
    if (message.startsWith("Unexpected character")) {
      Matcher c = CHAR_CODE.matcher(message);
      int code = c.find() ? Integer.parseInt(c.group(1)) : -1;
      return unexpected(t, code < 0 ? "?" : shown(code), at, expected(t, message));
    }
    if (message.startsWith("Invalid numeric value")) {
      return syntax(t.get("json.error.number", at.line(), at.column()));
    }
    return syntax(
        at.known()
            ? t.get("json.error.malformed", at.line(), at.column())
            : t.get("json.error.malformedNowhere"));
  }

  /**
   * The refusal of a body that is JSON but not an object where the route reads one: says what it is
   * instead ({@code [1]}: a list).
   */
  public static Problem notObject(JsonNode body, Messages t) {
    return Problem.of(
        CODE, "", t.get("json.error.typeBody", t.get("json.what.object"), got(body, t)));
  }

  private static Problem syntax(String message) {
    return Problem.of(CODE, "", message);
  }

  private static Problem unexpected(Messages t, String what, Place at, String expected) {
    return syntax(t.get("json.error.unexpected", what, at.line(), at.column(), expected));
  }

  /** What the parser was looking for, by the kind of place it stood in. */
  private static String expected(Messages t, String message) {
    if (message.contains("colon to separate")) {
      return t.get("json.expect.colon");
    }
    if (message.contains("double-quote to start field name")) {
      return t.get("json.expect.name");
    }
    if (message.contains("separate Object entries")) {
      return t.get("json.expect.objectNext");
    }
    if (message.contains("separate Array entries")) {
      return t.get("json.expect.arrayNext");
    }
    if (message.contains("numeric value")) {
      return t.get("json.expect.digit");
    }
    if (message.contains("hex-digit")) {
      return t.get("json.expect.hex");
    }
    if (message.contains("separating root-level values")) {
      return t.get("json.expect.end");
    }
    return t.get("json.expect.value");
  }

  /** A value that could not be bound to what the route reads: named by its path. */
  private static Problem mapping(JsonMappingException m, Messages t) {
    String field = path(m);
    if (m instanceof UnrecognizedPropertyException u) {
      TreeSet<String> known = new TreeSet<>();
      if (u.getKnownPropertyIds() != null) {
        u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      }
      return Problem.of(
          CODE,
          field,
          known.isEmpty()
              ? t.get("json.error.unknownFieldOnly", field)
              : t.get("json.error.unknownField", field, String.join(", ", known)));
    }
    if (m instanceof MismatchedInputException mi) {
      String message = Objects.requireNonNullElse(mi.getOriginalMessage(), "");
      if (message.startsWith("No content to map")) {
        return Problem.of(CODE, "", t.get("json.error.empty"));
      }
      String what = what(mi.getTargetType(), t);
      String got =
          mi instanceof InvalidFormatException f && f.getValue() instanceof String s
              ? t.get("json.got.text", InputCheck.printable(cut(s)))
              : got(sent(mi), t);
      return field.isEmpty()
          ? Problem.of(CODE, "", t.get("json.error.typeBody", what, got))
          : Problem.of(CODE, field, t.get("json.error.type", what, field, got));
    }
    if (m instanceof ValueInstantiationException v
        && v.getCause() instanceof IllegalArgumentException reason
        && reason.getMessage() != null) {
      // the record's own check (a compact constructor) said why: its words are the reason
      return Problem.of(
          CODE, field, t.get("json.error.refusedBecause", where(field, t), reason.getMessage()));
    }
    return Problem.of(CODE, field, t.get("json.error.refused", where(field, t)));
  }

  private static String where(String field, Messages t) {
    return field.isEmpty() ? t.get("json.what.body") : field;
  }

  /** {@code goods[2].weight}: where in the body the value stood. */
  private static String path(JsonMappingException m) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(InputCheck.printable(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** What a value bound to {@code type} is to be, in words. */
  private static String what(Class<?> type, Messages t) {
    if (type == null) {
      return t.get("json.what.value");
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return t.get("json.what.string");
    }
    if (type.isEnum()) {
      StringBuilder names = new StringBuilder();
      for (Object c : type.getEnumConstants()) {
        names.append(names.isEmpty() ? "" : ", ").append(c);
      }
      return t.get("json.what.oneOf", names.toString());
    }
    if (type == Boolean.class || type == boolean.class) {
      return t.get("json.what.boolean");
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
      return t.get("json.what.number");
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return t.get("json.what.list");
    }
    if (Temporal.class.isAssignableFrom(type) || type == java.time.Duration.class) {
      return t.get("json.what.time");
    }
    if (Map.class.isAssignableFrom(type)
        || type.isRecord()
        || !type.getName().startsWith("java.")) {
      return t.get("json.what.object");
    }
    return t.get("json.what.value");
  }

  /**
   * The token a value of the wrong type began with: as the parser named it, else where it stood.
   */
  private static JsonToken sent(MismatchedInputException e) {
    Matcher m = TOKEN.matcher(Objects.requireNonNullElse(e.getOriginalMessage(), ""));
    if (m.find()) {
      try {
        return JsonToken.valueOf(m.group(1));
      } catch (IllegalArgumentException unknown) {
        // a token this version does not have: where the parser stood says as much
      }
    }
    return e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
  }

  /** What was sent instead, by the token the parser stood on. */
  private static String got(JsonToken token, Messages t) {
    if (token == null) {
      return t.get("json.got.nothing");
    }
    return switch (token) {
      case START_OBJECT, END_OBJECT, FIELD_NAME -> t.get("json.got.object");
      case START_ARRAY, END_ARRAY -> t.get("json.got.list");
      case VALUE_STRING -> t.get("json.got.string");
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> t.get("json.got.number");
      case VALUE_TRUE, VALUE_FALSE -> t.get("json.got.boolean");
      case VALUE_NULL -> t.get("json.got.null");
      default -> t.get("json.got.value");
    };
  }

  private static String got(JsonNode node, Messages t) {
    if (node == null || node.isMissingNode()) {
      return t.get("json.got.nothing");
    }
    return got(node.asToken(), t);
  }

  /**
   * Whether {@code body} ends inside a string: the parser's own account says so only at times (a
   * number cut off reads as a field name).
   */
  static boolean insideString(byte[] body) {
    boolean inside = false;
    for (int i = 0; i < body.length; i++) {
      if (inside && body[i] == '\\') {
        i++; // the escaped character, which may be a quote
      } else if (body[i] == '"') {
        inside = !inside;
      }
    }
    return inside;
  }

  /** The closing marks still owed, innermost first: {@code }]} for an object in a list. */
  private static String closers(JsonStreamContext c) {
    StringBuilder sb = new StringBuilder();
    for (; c != null; c = c.getParent()) {
      if (c.inObject()) {
        sb.append('}');
      } else if (c.inArray()) {
        sb.append(']');
      }
    }
    return sb.toString();
  }

  private static JsonStreamContext parsing(JsonParser p) {
    try {
      return p.getParsingContext();
    } catch (RuntimeException closed) {
      return null;
    }
  }

  /** A character as written in a message: itself, or its code point when it cannot be seen. */
  private static String shown(int code) {
    return code < 0x20 || code == 0x7f || Character.isWhitespace(code)
        ? codePoint(code)
        : new String(Character.toChars(code));
  }

  private static String codePoint(int code) {
    return String.format(java.util.Locale.ROOT, "U+%04X", code);
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /**
   * A line and column: counted in characters from {@code body}'s bytes when known, else as the
   * parser counted them; as text, so that no number is grouped (1,024).
   */
  record Place(String line, String column, boolean known) {
    static Place of(JsonLocation at, byte[] body) {
      if (at == null || at.getLineNr() < 0) {
        return new Place("?", "?", false);
      }
      long offset = at.getByteOffset();
      if (body == null || offset < 0 || offset > body.length) {
        return new Place(
            Integer.toString(at.getLineNr()), Integer.toString(at.getColumnNr()), true);
      }
      return inCharacters(body, (int) offset);
    }

    /** Line and column of byte {@code offset} in UTF-8 {@code body}, counting characters. */
    static Place inCharacters(byte[] body, int offset) {
      int line = 1;
      int column = 1;
      for (int i = 0; i < offset; i++) {
        int b = body[i] & 0xff;
        // as the parser counts lines: \n, \r, and \r\n as one
        if (b == '\n' || (b == '\r' && (i + 1 >= body.length || body[i + 1] != '\n'))) {
          line++;
          column = 1;
        } else if ((b & 0xC0) != 0x80 && b != '\r') {
          column++; // a character's first byte; the bytes that continue it are not counted
        }
      }
      return new Place(Integer.toString(line), Integer.toString(column), true);
    }
  }
}
