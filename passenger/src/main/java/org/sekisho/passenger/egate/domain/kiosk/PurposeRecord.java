package org.sekisho.passenger.egate.domain.kiosk;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The part of one kiosk capture that one authority receives: only fields tagged with its purpose.
 *
 * @param purpose whose record this is
 * @param captureId the kiosk capture it came from (the same in both records, so the authorities can
 *     refer to one arrival)
 * @param kiosk the kiosk that captured it
 * @param capturedAt when
 * @param fields field values, all serving {@code purpose}
 */
public record PurposeRecord(
    Purpose purpose,
    String captureId,
    String kiosk,
    Instant capturedAt,
    Map<TravellerField, String> fields) {
  public PurposeRecord {
    EnumMap<TravellerField, String> copy = new EnumMap<>(TravellerField.class);
    copy.putAll(fields);
    for (TravellerField f : copy.keySet()) {
      if (!f.serves(purpose)) {
        throw new IllegalArgumentException(f.key() + " may not be sent for " + purpose);
      }
    }
    fields = Collections.unmodifiableMap(copy);
  }
}
