/**
 * Use cases of the cargo risk model: train (with early stopping on a validation split, then refit
 * for production) and evaluate. The booster library is reached only through {@link
 * org.sekisho.targeting.model.application.BoostingTrainer}.
 */
package org.sekisho.targeting.model.application;
