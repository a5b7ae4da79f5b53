package org.sekisho.targeting.criteria.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A declaration (or postal item, or transport document) as the criteria language reads it: the
 * fields of {@link Field}, already normalised. Built by adapters from the intelligence-record
 * formats.
 *
 * @param recordKind {@code declaration}, {@code postal-item}, …
 * @param sourceId the record's identity within its kind
 * @param date declaration date (decides which criteria versions are in effect)
 * @param office declaring office, upper case
 * @param history counters about the declarant and importer before this declaration
 * @param sourceCodes codes of the source format that criteria do not read but the risk model may
 *     (for KCS declarations: process type, import use, payment type, courier, tax type, origin
 *     indicator)
 */
public record DeclarationView(
    String recordKind,
    String sourceId,
    LocalDate date,
    String office,
    String type,
    String mode,
    String departure,
    String transportDocument,
    PartyView declarant,
    PartyView importer,
    PartyView exporter,
    List<ItemView> items,
    TraderHistory history,
    java.util.Map<String, String> sourceCodes) {
  public DeclarationView {
    office = Normal.code(office);
    type = Normal.code(type);
    mode = Normal.code(mode);
    departure = Normal.code(departure);
    transportDocument = Normal.code(transportDocument);
    declarant = declarant == null ? PartyView.NONE : declarant;
    importer = importer == null ? PartyView.NONE : importer;
    exporter = exporter == null ? PartyView.NONE : exporter;
    items = List.copyOf(items);
    history = history == null ? TraderHistory.NONE : history;
    sourceCodes = sourceCodes == null ? java.util.Map.of() : java.util.Map.copyOf(sourceCodes);
  }

  /** The record kinds targeting assesses, as records and criteria name them. */
  public static final List<String> RECORD_KINDS =
      List.of("declaration", "postal-item", "transport-document");

  /** {@code kind:sourceId}, the key under which random draws and assessments are kept. */
  public String key() {
    return key(recordKind, sourceId);
  }

  /** The record key of a record of {@code recordKind} stored under {@code sourceId}. */
  public static String key(String recordKind, String sourceId) {
    return recordKind + ":" + sourceId;
  }

  /** The record kind a record key names; empty when it names none. */
  public static String kindOf(String recordKey) {
    return recordKey.substring(0, Math.max(0, recordKey.indexOf(':')));
  }

  /** The source id a record key names. */
  public static String sourceIdOf(String recordKey) {
    return recordKey.substring(recordKey.indexOf(':') + 1);
  }

  /** The same declaration with other history counters. */
  public DeclarationView withHistory(TraderHistory h) {
    return new DeclarationView(
        recordKind,
        sourceId,
        date,
        office,
        type,
        mode,
        departure,
        transportDocument,
        declarant,
        importer,
        exporter,
        items,
        h,
        sourceCodes);
  }

  /** Sum of the items' customs values (absent values count as 0). */
  public double totalValue() {
    double t = 0;
    for (ItemView i : items) {
      if (!Double.isNaN(i.customsValue())) {
        t += i.customsValue();
      }
    }
    return t;
  }
}
