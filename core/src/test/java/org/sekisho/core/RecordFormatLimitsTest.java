package org.sekisho.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The most characters each text field may hold, pinned to the numbers the intelligence database's
 * ingest stores with (its {@code FieldRules} and {@code RecordReader}), so that a limit changed
 * here is a decision taken for both sides, not a drift; and the check digits and document types
 * that go with them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordFormatLimitsTest {
  private static final int ID = 100;
  private static final int OFFICE = 35;
  private static final int NAME = 500;
  private static final int TEXT = 10_000;

  @Test
  void theLimitsAreIngestsNumbers() {
    assertThat(RecordFormat.MAX_ID).isEqualTo(ID);
    assertThat(RecordFormat.MAX_OFFICE).isEqualTo(OFFICE);
    assertThat(RecordFormat.MAX_NAME).isEqualTo(NAME);
    assertThat(RecordFormat.MAX_TEXT).isEqualTo(TEXT);
  }

  @Test
  void everyTextFieldHasTheLimitIngestAppliesToIt() {
    pin(
        RecordFormat.PARTY,
        "kind ID, name NAME, id ID, address NAME, phone ID, email NAME, country ID, dateOfBirth ID,"
            + " document ID");
    pin(
        RecordFormat.ITEM,
        "hsCode ID, description TEXT, origin ID, quantity ID, unit ID, netMassKg ID,"
            + " grossMassKg ID, customsValue ID, currency ID, dutyRate ID");
    pin(
        RecordFormat.DECLARATION,
        "declarationId ID, type ID, date ID, office OFFICE, procedure ID, modeOfTransport ID,"
            + " countryOfDeparture ID, transportDocument ID, outcome ID");
    pin(
        RecordFormat.TRANSPORT_DOCUMENT,
        "number ID, documentType ID, masterNumber ID, date ID, office OFFICE, carrier NAME,"
            + " portOfLoading ID, portOfDischarge ID, containers ID, goodsDescription TEXT,"
            + " hsCode ID, grossMassKg ID, packages ID, conveyanceRef ID");
    pin(
        RecordFormat.CONVEYANCE_MOVEMENT,
        "movementId ID, mode ID, direction ID, time ID, conveyanceName NAME, voyageOrFlight ID,"
            + " imo ID, mmsi ID, callSign ID, flag ID, port ID, previousPort ID, nextPort ID,"
            + " operator NAME");
    pin(
        RecordFormat.POSTAL_ITEM,
        "itemId ID, date ID, office OFFICE, contents TEXT, hsCode ID, declaredValue ID,"
            + " currency ID, weightKg ID, originCountry ID, destinationCountry ID, category ID");
    pin(
        RecordFormat.SEIZURE,
        "seizureId ID, date ID, office OFFICE, place NAME, commodity NAME, hsCode ID, quantity ID,"
            + " unit ID, concealment TEXT, detection NAME, route ID, conveyance NAME,"
            + " relatedRecords NAME, narrative TEXT");
  }

  /**
   * Pins the limits of a shape's text fields to {@code spec} ({@code name LIMIT, …}), in the order
   * the shape lists them; every kind also carries {@code agency} and {@code sharedWith}, codes.
   */
  private static void pin(RecordFormat.Shape shape, String spec) {
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (String pair : spec.split(",\\s*")) {
      String[] nameAndLimit = pair.strip().split(" ");
      expected.put(
          nameAndLimit[0],
          switch (nameAndLimit[1]) {
            case "ID" -> ID;
            case "OFFICE" -> OFFICE;
            case "NAME" -> NAME;
            case "TEXT" -> TEXT;
            default -> throw new IllegalArgumentException(pair);
          });
    }
    Map<String, Integer> actual = limits(shape);
    if (shape != RecordFormat.PARTY && shape != RecordFormat.ITEM) {
      assertThat(actual.remove("agency")).isEqualTo(ID);
      assertThat(actual.remove("sharedWith")).isEqualTo(ID);
    }
    assertThat(actual).as(shape.what()).containsExactlyEntriesOf(expected);
  }

  @Test
  void objectsHaveNoLimitOfTheirOwn() {
    assertThat(RecordFormat.DECLARATION.field("importer").orElseThrow())
        .isEqualTo(new RecordFormat.Field(RecordFormat.Form.OBJECT, RecordFormat.PARTY, 0));
    assertThat(RecordFormat.SEIZURE.field("persons").orElseThrow().max()).isZero();
  }

  @Test
  void aTextOverItsLimitOrWithANulCannotBeStored() {
    assertThat(RecordFormat.storable("importer.name", "x".repeat(NAME), NAME)).isEmpty();
    assertThat(RecordFormat.storable("importer.name", "x".repeat(NAME + 1), NAME))
        .hasValue(
            Problem.of("too-long", "importer.name", "expected at most 500 characters, got 501"));
    assertThat(RecordFormat.storable("unit", "k\u0000g", ID))
        .hasValueSatisfying(
            p -> {
              assertThat(p.code()).isEqualTo("invalid-character");
              assertThat(p.field()).isEqualTo("unit");
            });
  }

  @Test
  void containerNumbersNeedTheirIso6346CheckDigit() {
    assertThat(RecordFormat.isContainerNumber("CSQU3054383")).isTrue();
    assertThat(RecordFormat.isContainerNumber("OOLU2015286")).isTrue();
    assertThat(RecordFormat.isContainerNumber("MSCU5195724")).isTrue();
    // as ingest reads them: spaces and hyphens ignored, any case
    assertThat(RecordFormat.isContainerNumber("csqu 305438-3")).isTrue();
    assertThat(RecordFormat.isContainerNumber("CSQU3054384")).isFalse();
    assertThat(RecordFormat.isContainerNumber("ABCD1234567")).isFalse();
    assertThat(RecordFormat.isContainerNumber("CSQX3054383")).isFalse();
    assertThat(RecordFormat.isContainerNumber("")).isFalse();
  }

  @Test
  void aTransportDocumentIsAMasterOrHouseBillOrAnAirWaybill() {
    assertThat(RecordFormat.DOCUMENT_TYPES).containsExactlyInAnyOrder("MBL", "HBL", "AWB");
  }

  /** The limits of a shape's text fields, in the order it lists them. */
  private static Map<String, Integer> limits(RecordFormat.Shape shape) {
    Map<String, Integer> out = new LinkedHashMap<>();
    shape
        .fields()
        .forEach(
            (name, f) -> {
              if (f.form() == RecordFormat.Form.TEXT || f.form() == RecordFormat.Form.TEXT_LIST) {
                out.put(name, f.max());
              }
            });
    return out;
  }
}
