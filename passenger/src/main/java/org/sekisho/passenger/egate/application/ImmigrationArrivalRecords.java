package org.sekisho.passenger.egate.application;

import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.kiosk.PurposeRecord;

/**
 * Where the kiosk sends the immigration part of an arrival (the immigration service's own
 * endpoint). Receives only records whose purpose is immigration. Returns a receipt, or a rejection
 * when the endpoint could not take it; never throws. Thread-safe.
 */
@FunctionalInterface
public interface ImmigrationArrivalRecords {
  Outcome<String> send(PurposeRecord immigrationRecord);
}
