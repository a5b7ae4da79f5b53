package org.sekisho.targeting.model.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The history learnt from training data and nothing else: per attribute value, its code, count,
 * fraud count and unit-value sums; plus the overall fraud rate used to smooth small counts.
 * Immutable and safe to share between threads.
 *
 * @param prior fraud rate over all training declarations
 * @param smoothing weight of the prior in a smoothed rate, in declarations
 * @param trainingRows how many declarations the tables were built from
 * @param tables per attribute, the statistics of every value seen in training
 */
public record EncodingTables(
    double prior,
    double smoothing,
    int trainingRows,
    Map<Attribute, Map<String, CategoryStats>> tables) {

  public EncodingTables {
    Objects.requireNonNull(tables, "tables");
    if (!(prior >= 0 && prior <= 1) || !(smoothing >= 0)) {
      throw new IllegalArgumentException("prior must be a rate and smoothing non-negative");
    }
    EnumMap<Attribute, Map<String, CategoryStats>> copy = new EnumMap<>(Attribute.class);
    for (Attribute a : Attribute.values()) {
      copy.put(a, Map.copyOf(tables.getOrDefault(a, Map.of())));
    }
    tables = java.util.Collections.unmodifiableMap(copy);
  }

  /** Statistics of {@code value} for {@code attribute}, or {@code null} when never seen. */
  public CategoryStats stats(Attribute attribute, String value) {
    return tables.get(attribute).get(value);
  }

  /** The fraud rate of {@code frauds} out of {@code count}, pulled towards the prior. */
  public double smoothedRate(int frauds, int count) {
    return smoothedRate(frauds, count, prior);
  }

  /** The same with another prior (the out-of-fold prior while encoding training rows). */
  public double smoothedRate(int frauds, int count, double prior) {
    return (frauds + smoothing * prior) / (count + smoothing);
  }
}
