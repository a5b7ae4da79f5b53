/**
 * The cargo risk model in plain Java: declarations as the model sees them, the feature encoding
 * learnt from training data, the exported tree ensemble, exact TreeSHAP reasons and the ranking
 * figures used to judge a model. No framework, no I/O beyond what callers hand in.
 */
package org.sekisho.targeting.model.domain;
