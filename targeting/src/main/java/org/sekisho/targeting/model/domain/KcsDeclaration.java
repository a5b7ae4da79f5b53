package org.sekisho.targeting.model.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An import declaration in the Korea Customs Service layout, reduced to the fields the risk model
 * uses. Identifiers and codes are kept as text exactly as declared; an absent optional code (for
 * instance no courier) is the empty string. Amounts are never negative.
 *
 * @param declarationId the declaration number
 * @param date acceptance date of the declaration
 * @param officeId customs office that received it
 * @param processType clearance process type
 * @param importType import type code
 * @param importUse import use code
 * @param paymentType payment type code
 * @param transportMode mode of transport code
 * @param declarantId declarant (customs broker) identifier
 * @param importerId importer identifier
 * @param sellerId overseas seller identifier
 * @param courierId express courier identifier, empty when none
 * @param hs6 six-digit HS subheading
 * @param departureCountry ISO code of the country of departure
 * @param originCountry ISO code of the country of origin
 * @param taxRate applied duty rate in percent
 * @param taxType duty type code
 * @param originIndicator how origin was declared
 * @param netMass net mass in kilograms
 * @param itemPrice declared item price
 * @param label inspection result, if known
 */
public record KcsDeclaration(
    String declarationId,
    LocalDate date,
    String officeId,
    String processType,
    String importType,
    String importUse,
    String paymentType,
    String transportMode,
    String declarantId,
    String importerId,
    String sellerId,
    String courierId,
    String hs6,
    String departureCountry,
    String originCountry,
    double taxRate,
    String taxType,
    String originIndicator,
    double netMass,
    double itemPrice,
    FraudLabel label) {

  public KcsDeclaration {
    Objects.requireNonNull(declarationId, "declarationId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(label, "label");
    if (!(netMass >= 0) || !(itemPrice >= 0)) {
      throw new IllegalArgumentException("net mass and item price must be non-negative numbers");
    }
  }

  /** The same declaration with its inspection result hidden, as the model sees it at arrival. */
  public KcsDeclaration unlabelled() {
    return new KcsDeclaration(
        declarationId,
        date,
        officeId,
        processType,
        importType,
        importUse,
        paymentType,
        transportMode,
        declarantId,
        importerId,
        sellerId,
        courierId,
        hs6,
        departureCountry,
        originCountry,
        taxRate,
        taxType,
        originIndicator,
        netMass,
        itemPrice,
        FraudLabel.UNLABELLED);
  }
}
