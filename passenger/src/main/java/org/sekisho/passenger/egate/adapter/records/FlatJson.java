package org.sekisho.passenger.egate.adapter.records;

import java.util.Map;
import org.sekisho.passenger.egate.domain.kiosk.PurposeRecord;
import org.sekisho.passenger.egate.domain.kiosk.TravellerField;

/** Writes a purpose record as one flat JSON object (field key to string). */
final class FlatJson {
  private FlatJson() {}

  /** The record's fields only: {@code {"document_number":"L898902C3",...}}. */
  static String fields(PurposeRecord r) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<TravellerField, String> e : r.fields().entrySet()) {
      if (b.length() > 1) {
        b.append(',');
      }
      string(b, e.getKey().key()).append(':');
      string(b, e.getValue());
    }
    return b.append('}').toString();
  }

  /** The whole record, as posted to an endpoint. */
  static String envelope(PurposeRecord r) {
    StringBuilder b = new StringBuilder("{");
    string(b, "purpose").append(':');
    string(b, r.purpose().name().toLowerCase(java.util.Locale.ROOT)).append(',');
    string(b, "capture_id").append(':');
    string(b, r.captureId()).append(',');
    string(b, "kiosk").append(':');
    string(b, r.kiosk()).append(',');
    string(b, "captured_at").append(':');
    string(b, r.capturedAt().toString()).append(',');
    string(b, "fields").append(':').append(fields(r));
    return b.append('}').toString();
  }

  static StringBuilder string(StringBuilder b, String s) {
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
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"');
  }
}
