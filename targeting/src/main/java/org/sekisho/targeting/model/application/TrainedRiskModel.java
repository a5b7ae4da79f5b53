package org.sekisho.targeting.model.application;

import org.sekisho.targeting.model.domain.ModelManifest;
import org.sekisho.targeting.model.domain.RiskModel;

/**
 * The result of a training run, ready to be written to a model directory.
 *
 * @param model the model to release
 * @param manifest its self-description
 * @param exportedModel the booster library's own model file for these trees
 */
public record TrainedRiskModel(RiskModel model, ModelManifest manifest, byte[] exportedModel) {}
