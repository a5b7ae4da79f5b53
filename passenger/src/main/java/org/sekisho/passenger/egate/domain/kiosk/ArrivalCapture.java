package org.sekisho.passenger.egate.domain.kiosk;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything one traveller gave the integrated kiosk in one capture (passport, face result,
 * declaration, immigration items, the gate decision), as field values; no images. Split it with
 * {@link #recordFor} before anything leaves the kiosk.
 */
public record ArrivalCapture(
    String captureId, String kiosk, Instant capturedAt, Map<TravellerField, String> fields) {
  public ArrivalCapture {
    EnumMap<TravellerField, String> copy = new EnumMap<>(TravellerField.class);
    copy.putAll(fields);
    fields = Collections.unmodifiableMap(copy);
  }

  /** Only the fields whose purpose rules allow {@code purpose}. */
  public PurposeRecord recordFor(Purpose purpose) {
    Map<TravellerField, String> kept = new EnumMap<>(TravellerField.class);
    fields.forEach(
        (f, v) -> {
          if (f.serves(purpose)) {
            kept.put(f, v);
          }
        });
    return new PurposeRecord(purpose, captureId, kiosk, capturedAt, kept);
  }
}
