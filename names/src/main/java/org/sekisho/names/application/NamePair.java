package org.sekisho.names.application;

/** One row of a pairs file: an identifier and two names to compare. */
public record NamePair(String id, String left, String right) {}
