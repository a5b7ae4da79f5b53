package org.sekisho.names.application;

import org.sekisho.names.domain.NameComparison;

/** A compared pair: the comparison and whether it reaches the threshold. */
public record ScoredPair(NamePair pair, NameComparison comparison, boolean match) {}
