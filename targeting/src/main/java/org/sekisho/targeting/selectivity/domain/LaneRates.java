package org.sekisho.targeting.selectivity.domain;

/**
 * Selectivity settings of one lane at one office.
 *
 * @param expectedRate share of declarations (0–1) that should end in this lane; would-be-green
 *     declarations are topped up by score while the office is below it
 * @param minimumRandomRate share (0–1) picked at random whatever their risk, to measure the true
 *     infraction rate
 * @param maxHitsWithoutSelection after this many sampled-out hits of one criterion in a row the
 *     next hit is selected anyway; 0 means no limit
 */
public record LaneRates(
    double expectedRate, double minimumRandomRate, int maxHitsWithoutSelection) {
  public LaneRates {
    if (!(expectedRate >= 0 && expectedRate <= 1)
        || !(minimumRandomRate >= 0 && minimumRandomRate <= 1)) {
      throw new IllegalArgumentException("rates are shares from 0 to 1");
    }
    if (maxHitsWithoutSelection < 0) {
      throw new IllegalArgumentException("maximum hits without selection is not negative");
    }
  }

  public static final LaneRates NONE = new LaneRates(0, 0, 0);
}
