package org.sekisho.targeting.adapter.cli;

public final class ScoringBenchCommand {}
