package org.sekisho.passenger.egate.application;

import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.kiosk.PurposeRecord;

/**
 * Where the kiosk sends the customs part of an arrival (customs' own endpoint). Receives only
 * records whose purpose is customs. Returns a receipt, or a rejection when the endpoint could not
 * take it; never throws. Thread-safe.
 */
@FunctionalInterface
public interface CustomsArrivalRecords {
  Outcome<String> send(PurposeRecord customsRecord);
}
