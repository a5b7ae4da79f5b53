package org.sekisho.passenger.pnr.adapter.json;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps (insertion order kept), lists, strings, numbers, booleans and null as JSON, indented
 * by two spaces. Anything else is written as its {@code toString()}, which gives ISO 8601 for
 * {@code java.time} values.
 */
public final class JsonText {
  private JsonText() {}

  /** {@code value} as indented JSON text. */
  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v, int depth) {
    switch (v) {
      case null -> b.append("null");
      case String s -> string(b, s);
      case Boolean bool -> b.append(bool);
      case Number n -> b.append(n);
      case Map<?, ?> m -> {
        if (m.isEmpty()) {
          b.append("{}");
          return;
        }
        b.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
          Map.Entry<?, ?> e = it.next();
          indent(b, depth + 1);
          string(b, String.valueOf(e.getKey()));
          b.append(": ");
          write(b, e.getValue(), depth + 1);
          b.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(b, depth);
        b.append('}');
      }
      case List<?> l -> {
        if (l.isEmpty()) {
          b.append("[]");
          return;
        }
        b.append("[\n");
        for (int i = 0; i < l.size(); i++) {
          indent(b, depth + 1);
          write(b, l.get(i), depth + 1);
          b.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        indent(b, depth);
        b.append(']');
      }
      case LocalDateTime t -> string(b, t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
      case LocalTime t -> string(b, t.format(DateTimeFormatter.ISO_LOCAL_TIME));
      default -> string(b, v.toString());
    }
  }

  private static void indent(StringBuilder b, int depth) {
    b.append("  ".repeat(depth));
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF && !validSurrogate(s, i))) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
