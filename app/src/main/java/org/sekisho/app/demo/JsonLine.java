package org.sekisho.app.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one JSON object on one line. Values are strings, lists or nested maps (numbers are written
 * as strings, as the intel record format allows); {@code null} values and empty strings are left
 * out so optional fields stay absent. Field order is insertion order, which keeps output
 * byte-identical for the same input.
 */
final class JsonLine {
  private JsonLine() {}

  /** An ordered object from alternating keys and values; null or empty values are skipped. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      put(m, (String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** Puts a value unless it is null, an empty string or an empty list. */
  static void put(Map<String, Object> m, String key, Object value) {
    if (value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof List<?> l && l.isEmpty())) {
      return;
    }
    m.put(key, value);
  }

  static String write(Map<String, Object> m) {
    StringBuilder sb = new StringBuilder(384);
    value(sb, m);
    return sb.toString();
  }

  private static void value(StringBuilder sb, Object v) {
    switch (v) {
      case String s -> string(sb, s);
      case Map<?, ?> map -> {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          string(sb, (String) e.getKey());
          sb.append(':');
          value(sb, e.getValue());
        }
        sb.append('}');
      }
      case List<?> list -> {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          value(sb, list.get(i));
        }
        sb.append(']');
      }
      default -> string(sb, String.valueOf(v));
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
