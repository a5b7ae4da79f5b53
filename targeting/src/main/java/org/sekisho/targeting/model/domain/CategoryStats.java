package org.sekisho.targeting.model.domain;

/**
 * What training data says about one value of an attribute (one importer, one HS subheading, …).
 *
 * @param code the value's label-encoding code: its rank among the training values in text order
 * @param count declarations with this value
 * @param frauds of those, the ones found fraudulent
 * @param logUnitValueSum sum of {@code ln(item price / net mass)} over those with a positive mass
 * @param unitValueCount how many declarations contributed to {@code logUnitValueSum}
 */
public record CategoryStats(
    int code, int count, int frauds, double logUnitValueSum, int unitValueCount) {

  public CategoryStats {
    if (count < 0 || frauds < 0 || frauds > count || unitValueCount < 0) {
      throw new IllegalArgumentException("inconsistent category counts");
    }
  }
}
