package org.sekisho.targeting.assessment.application;

/**
 * Entry point for ingest: every declaration or postal item that is stored is assessed at once.
 * Intel's ingest calls it once per stored record (the lead wires it). Idempotent by {@code
 * (recordKind, sourceId)}: a record assessed before is not assessed again. Never throws for bad
 * input (a record targeting cannot read is logged and skipped); safe for many threads.
 */
@FunctionalInterface
public interface AssessmentRequests {
  void assess(String recordKind, String sourceId, String declarationJson);
}
