/**
 * XGBoost4J: training (native, used by {@code risk train} and reference checks only) and reading
 * XGBoost's JSON model format into the plain-Java tree ensemble.
 */
package org.sekisho.targeting.model.adapter.xgboost;
