package org.sekisho.targeting.model.domain;

/**
 * Which feature groups a model uses besides the label-encoded codes and the numeric fields.
 *
 * @param rates smoothed fraud rate per attribute value (target encoding, out of fold in training)
 * @param counts how often each attribute value was seen in training
 * @param unseenByRank give a value never seen in training the code of its place among the sorted
 *     training values (rank − 0.5) instead of a missing code; uses the text only, never labels
 */
public record FeatureSet(boolean rates, boolean counts, boolean unseenByRank) {
  /** The set chosen on the validation split. */
  public static final FeatureSet DEFAULT = new FeatureSet(false, true, false);
}
