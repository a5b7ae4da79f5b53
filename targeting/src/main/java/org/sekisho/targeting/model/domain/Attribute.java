package org.sekisho.targeting.model.domain;

import java.util.function.Function;

/**
 * A categorical attribute of a declaration for which the model learns a history from training data:
 * a code (label encoding), how often it was seen and its smoothed fraud rate. Some attributes are
 * derived (HS chapter, route, importer and HS subheading together).
 */
public enum Attribute {
  OFFICE("office", KcsDeclaration::officeId, true),
  PROCESS_TYPE("process type", KcsDeclaration::processType, true),
  IMPORT_TYPE("import type", KcsDeclaration::importType, true),
  IMPORT_USE("import use", KcsDeclaration::importUse, true),
  PAYMENT_TYPE("payment type", KcsDeclaration::paymentType, true),
  TRANSPORT_MODE("mode of transport", KcsDeclaration::transportMode, true),
  DECLARANT("declarant", KcsDeclaration::declarantId, true),
  IMPORTER("importer", KcsDeclaration::importerId, true),
  SELLER("seller", KcsDeclaration::sellerId, true),
  COURIER("courier", KcsDeclaration::courierId, true),
  HS6("HS subheading", KcsDeclaration::hs6, true),
  DEPARTURE("country of departure", KcsDeclaration::departureCountry, true),
  ORIGIN("country of origin", KcsDeclaration::originCountry, true),
  TAX_TYPE("tax type", KcsDeclaration::taxType, true),
  ORIGIN_INDICATOR("origin indicator", KcsDeclaration::originIndicator, true),
  HS4("HS heading", d -> prefix(d.hs6(), 4), false),
  HS2("HS chapter", d -> prefix(d.hs6(), 2), false),
  ROUTE("route", d -> d.departureCountry() + ">" + d.originCountry(), false),
  IMPORTER_HS6("importer and HS subheading", d -> d.importerId() + "|" + d.hs6(), false),
  DECLARANT_IMPORTER("declarant and importer", d -> d.declarantId() + "|" + d.importerId(), false),
  SELLER_IMPORTER("seller and importer", d -> d.sellerId() + "|" + d.importerId(), false),
  OFFICE_HS6("office and HS subheading", d -> d.officeId() + "|" + d.hs6(), false);

  private final String title;
  private final Function<KcsDeclaration, String> value;
  private final boolean labelEncoded;

  Attribute(String title, Function<KcsDeclaration, String> value, boolean labelEncoded) {
    this.title = title;
    this.value = value;
    this.labelEncoded = labelEncoded;
  }

  /** The attribute's value on {@code d}. */
  public String of(KcsDeclaration d) {
    return value.apply(d);
  }

  /** Words an officer reads in a reason, such as "importer". */
  public String title() {
    return title;
  }

  /** Whether the raw value itself is a model feature (as a code), besides its history. */
  public boolean labelEncoded() {
    return labelEncoded;
  }

  private static String prefix(String s, int n) {
    return s.length() >= n ? s.substring(0, n) : s;
  }
}
