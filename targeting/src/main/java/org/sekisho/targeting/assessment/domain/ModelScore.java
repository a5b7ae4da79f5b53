package org.sekisho.targeting.assessment.domain;

/**
 * The risk model's view of a declaration.
 *
 * @param probability estimated probability of an infraction (0–1); 0 when no model is released
 * @param modelVersion the released model's id, empty for none
 */
public record ModelScore(double probability, String modelVersion) {
  public static final ModelScore NONE = new ModelScore(0, "");
}
