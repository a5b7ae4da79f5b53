package org.sekisho.intel.domain;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of record the intelligence database holds, with the names used on the command line. */
public enum RecordKind {
  DECLARATION("declarations"),
  TRANSPORT_DOCUMENT("transport-documents"),
  CONVEYANCE_MOVEMENT("conveyance-movements"),
  POSTAL_ITEM("postal-items"),
  SEIZURE("seizures");

  private final String plural;

  RecordKind(String plural) {
    this.plural = plural;
  }

  /** The name used in {@code sekisho ingest <kind>} and {@code /api/ingest/<kind>}. */
  public String plural() {
    return plural;
  }

  /** Stored kind code, e.g. {@code declaration}. */
  public String code() {
    return plural.substring(0, plural.length() - 1);
  }

  /**
   * The field an ingest row gives the record's time in ({@code date}, a movement's {@code time}),
   * which the stored record and the record API's {@code data} call {@code eventTime}.
   */
  public String timeField() {
    return this == CONVEYANCE_MOVEMENT ? "time" : "date";
  }

  public static Optional<RecordKind> ofPlural(String s) {
    return Arrays.stream(values()).filter(k -> k.plural.equals(s)).findFirst();
  }

  public static Optional<RecordKind> ofCode(String s) {
    return Arrays.stream(values()).filter(k -> k.code().equals(s)).findFirst();
  }
}
