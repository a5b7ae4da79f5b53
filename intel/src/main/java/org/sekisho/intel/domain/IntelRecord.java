package org.sekisho.intel.domain;

import java.time.Instant;
import java.util.List;

/**
 * One record of the intelligence database. Identity is {@code (kind, sourceId)}: ingesting the same
 * source record twice adds nothing. {@code eventTime} is when it happened (declared, arrived,
 * seized), not when Sekisho received it.
 */
public sealed interface IntelRecord
    permits Declaration, TransportDocument, ConveyanceMovement, PostalItem, Seizure {
  RecordKind kind();

  String sourceId();

  Instant eventTime();

  /** Customs office code or UN/LOCODE where it was handled; may be empty. */
  String office();

  /** Countries the record concerns (origin, departure, route, flag), ISO alpha-2. */
  List<String> countries();

  /** HS chapters (two digits) of the goods; empty when none. */
  List<String> hsChapters();

  /** One line a person recognises the record by. */
  String title();

  /** Text that search should find the record by (names, descriptions, numbers). */
  String searchText();
}
